// Size report: raw, gzip and brotli bytes of every file in dist/, and the total the first page
// loads (index.html, what it references, and the pack index the start page fetches); the
// pre-rendered pages in sum, with what a deep link's first load comes to.
// Fails (exit 1) when that brotli total is over the budget.  Usage: node tests/size-report.mjs dist
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

// A ceiling against regressions, not the goal: issue 9 sets the goal (160 KiB) and owns the work
// to reach it. Raised from 200 to 240 KiB when the profile, the step-by-step checklist and the
// resource filters landed (+32 KiB brotli, almost all of it view code); see the issue notes.
// Raised to 250 KiB with the twelve interface languages (issue 6): the English texts now come as
// a download (3 KiB), plus the language switch, the glossary page and the translation notes.
// Raised to 290 KiB with sharing (issue 7): plan and adviser links, QR codes, backup files and
// their pages (+38 KiB, about 13 of it the link codec with inflate and the QR encoder, the rest
// view code). Raised to 350 KiB with the trainers' pages (issue 8): the course editor, the
// course view, presenter mode, the three print layouts and the calendar export (+61 KiB, nearly
// all of it view code; the course codec and the .ics writer are about 3 KiB). Every user pays
// for pages only trainers open: issue 9 owns the way down to 160 KiB (splitting the wasm by
// route first; Leptos' lazy routes need cargo-leptos' wasm-split, which Trunk 0.21 lacks).
// Lowered to 325 KiB when the app's own router replaced leptos_router (-29 KiB of wasm, brotli).
// Lowered to 320 KiB when the JavaScript glue came to be minified (-1.7 KiB).
// Lowered to 160 KiB, issue 9's goal, when every page but the home page moved into chunks
// fetched when first opened (317.8 -> 153.9 KiB); the chunks are listed below, not counted.
const BUDGET_KIB = 160;
const dist = process.argv[2] ?? "dist";

const files = [];
// The pre-rendered pages (src/bin/prerender.rs: `<route>/index.html`, thousands of them) are
// summed up below instead of listed one by one.
const pages = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (dir !== dist && name === "index.html") pages.push(relative(dist, path));
    else files.push(relative(dist, path));
  }
})(dist);

const sizes = new Map();
for (const file of files) {
  const raw = readFileSync(join(dist, file));
  sizes.set(file, {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }).length,
  });
}

// What the first page loads: index.html, every local file it names, packs/index.json (unless
// index.html carries it) and the interface texts in English (the app downloads one language's
// texts before it shows).
const html = readFileSync(join(dist, "index.html"), "utf8");
// The pack index is in index.html when tools/inline-index.mjs has put it there.
const firstLoad = new Set(["index.html", ...files.filter((f) => /^packs\/ui\.en\./.test(f))]);
if (!/id=["']?pack-index/.test(html)) firstLoad.add("packs/index.json");
// Attribute values may be unquoted in minified HTML.
for (const m of html.matchAll(/(?:href|src)=["']?([^"'\s>#?]+)/g)) {
  const name = m[1].split("/").pop();
  if (files.includes(name)) firstLoad.add(name);
}
for (const m of html.matchAll(/['"]([^'"]+\.(?:wasm|js))['"]/g)) {
  const name = m[1].split("/").pop();
  if (files.includes(name)) firstLoad.add(name);
}

const pad = (s, n) => String(s).padStart(n);
console.log(`${"file".padEnd(44)}${pad("raw", 10)}${pad("gzip", 10)}${pad("brotli", 10)}  first load`);
for (const [file, s] of sizes) {
  console.log(`${file.padEnd(44)}${pad(s.raw, 10)}${pad(s.gzip, 10)}${pad(s.brotli, 10)}  ${firstLoad.has(file) ? "yes" : ""}`);
}
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const f of firstLoad) for (const k in total) total[k] += sizes.get(f)[k];
console.log(`${"FIRST LOAD TOTAL".padEnd(44)}${pad(total.raw, 10)}${pad(total.gzip, 10)}${pad(total.brotli, 10)}`);
// What each language adds: only the chosen language's texts and content are downloaded.
const byLanguage = new Map();
for (const [file, s] of sizes) {
  const m = file.match(/^packs\/(?:ui\.([a-z]+)|([a-z]+)\.([a-z]+))\.[0-9a-f]+\.json$/);
  if (!m) continue;
  const lang = m[1] ?? m[3];
  const row = byLanguage.get(lang) ?? { ui: 0, packs: {} };
  if (m[1]) row.ui = s.brotli; else row.packs[m[2]] = s.brotli;
  byLanguage.set(lang, row);
}
console.log("\nbytes each language adds (brotli): interface texts, then each country guide in it");
for (const [lang, row] of [...byLanguage].sort()) {
  const packs = Object.entries(row.packs).map(([c, b]) => `${c} ${b}`).join(", ") || "(guides fall back to English)";
  console.log(`  ${lang.padEnd(4)} interface ${pad(row.ui, 6)}   guides: ${packs}`);
}
const kib = total.brotli / 1024;
// The page chunks (tools/split.mjs), fetched when one of their pages is first opened.
const chunks = [...sizes].filter(([f]) => /^(split|chunk)_.*\.wasm$/.test(f));
if (chunks.length) {
  const kibOf = (list) => (list.reduce((n, [, s]) => n + s.brotli, 0) / 1024).toFixed(1);
  const pages = chunks.filter(([f]) => f.startsWith("split_")).map(([f, s]) => `${f.split("-")[0].slice(6)} ${(s.brotli / 1024).toFixed(1)}`);
  console.log(`page chunks, brotli KiB, fetched when first opened: ${pages.join(", ")}; ` +
    `code they share ${kibOf(chunks.filter(([f]) => f.startsWith("chunk_")))}; all ${kibOf(chunks)}`);
}
// A deep link's first load is its own pre-rendered page instead of index.html, with the same
// files after it: the largest page, and the median, show what a shared link costs.
if (pages.length) {
  const page = (f) => brotliCompressSync(readFileSync(join(dist, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const bytes = pages.map((f) => statSync(join(dist, f)).size);
  const order = pages.map((f, i) => [f, bytes[i]]).sort((a, b) => a[1] - b[1]);
  const [median, largest] = [order[order.length >> 1], order[order.length - 1]];
  const rest = total.brotli - sizes.get("index.html").brotli;
  const deep = (f) => `${f} ${(page(f) / 1024).toFixed(1)} KiB, first load ${((rest + page(f)) / 1024).toFixed(1)} KiB`;
  console.log(`pre-rendered pages: ${pages.length}; median ${deep(median[0])}; largest ${deep(largest[0])} (brotli)`);
}
console.log(`first load, brotli: ${kib.toFixed(1)} KiB of a ${BUDGET_KIB} KiB budget (${[...firstLoad].join(", ")})`);
if (!firstLoad.has("index.html") || ![...firstLoad].some((f) => f.endsWith(".wasm"))) {
  console.error("size report: could not find the wasm that index.html loads");
  process.exit(1);
}
if (kib > BUDGET_KIB) {
  console.error(`size report: first load is ${kib.toFixed(1)} KiB brotli, over the ${BUDGET_KIB} KiB budget`);
  process.exit(1);
}
