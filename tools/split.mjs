// Splits the app's wasm by page (run by `make dist` right after `trunk build --features split`).
// Usage: node tools/split.mjs dist
//
// Trunk 0.21 runs wasm-bindgen on the whole wasm and has no step between cargo and
// wasm-bindgen. So this script takes cargo's wasm (linked with relocations, see build.rs) and
// splits it at the `lazy_pages!` functions (src/lazy.rs) with wasm_split_cli, the splitter
// Leptos' own tooling uses. Then it:
// - runs wasm-bindgen on the main part and wasm-opt on every part;
// - names every file by a hash of what it holds, so a host can cache them for ever;
// - has the link module fetch every chunk with its sha384 integrity, and preloads the link
//   module with its integrity;
// - puts the new files into dist/ and index.html in place of Trunk's wasm and glue.
import { readFileSync, writeFileSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import binaryen from "binaryen";
import { attr, links, minifyModule, sri } from "./built.mjs";

const dist = process.argv[2] ?? "dist";
const input = join(process.env.CARGO_TARGET_DIR ?? "target", "wasm32-unknown-unknown/release/career-kit.wasm");
const work = join(process.env.CARGO_TARGET_DIR ?? "target", "split");
const fail = (why) => {
  console.error(`split: ${why}`);
  process.exit(1);
};
// Runs a tool; its warnings are shown, except binaryen's about the name subsections that the
// splitter leaves in chunks (names only, dropped by wasm-opt).
const run = (tool, args) => {
  const { status, stderr } = spawnSync(tool, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const shown = stderr.split("\n").filter((l) => l && !/^warning: unknown name subsection/.test(l));
  if (shown.length) console.error(shown.join("\n"));
  if (status !== 0) fail(`${tool} failed (exit ${status})`);
};
const short = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
// WASM_NAMES=1 keeps the functions' names, so a profiler shows them (a bigger download: for
// measuring, not for a deployment).
const KEEP_NAMES = process.env.WASM_NAMES === "1";
// The WebAssembly features rustc enables by default for wasm32 (binaryen rejects the wasm
// without them): wasm-opt's flags, and binaryen.js's bits for the same (bulk memory and
// reference types each come as two bits there).
const F = binaryen.Features;
const FEATURES = [
  ["bulk-memory", F.BulkMemory | F.BulkMemoryOpt],
  ["nontrapping-float-to-int", F.NontrappingFPToInt],
  ["sign-ext", F.SignExt],
  ["mutable-globals", F.MutableGlobals],
  ["reference-types", F.ReferenceTypes | F.CallIndirectOverlong],
  ["multivalue", F.Multivalue],
];

// Trunk's output in index.html: the glue's modulepreload and the wasm's preload.
const htmlFile = join(dist, "index.html");
let html = readFileSync(htmlFile, "utf8");
const [gluePreload, ...more] = links(html, "modulepreload");
const [wasmPreload, ...others] = links(html, "preload");
if (!gluePreload || more.length || !wasmPreload || others.length) fail("index.html is not Trunk 0.21's output (one modulepreload, one preload)");
const oldGlue = attr(gluePreload, "href");
const oldWasm = attr(wasmPreload, "href");
const base = oldGlue.slice(0, oldGlue.lastIndexOf("/") + 1);
if (!oldWasm.startsWith(base) || !oldWasm.endsWith("_bg.wasm")) fail(`unexpected files ${oldGlue} and ${oldWasm}`);

// 1. Split cargo's wasm (Trunk's build has just brought it up to date).
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
run("wasm_split_cli", [input, work]);
const chunks = readdirSync(work).filter((f) => f.endsWith(".wasm") && f !== "main.wasm").sort();
if (!chunks.length) fail("no split points: was the wasm built with `--features split`?");
// wasm-bindgen reads the type of each generic import (`wbg_cast`: a JsValue made from a number,
// a closure of a new kind) from the main part only. One that only a chunk uses moves into the
// chunk, and wasm-bindgen then panics in `decode_generic_import`. Say which chunk and why.
for (const chunk of chunks) {
  if (readFileSync(join(work, chunk)).includes("__wbindgen_describe_generic_import")) {
    fail(`${chunk} holds a wasm-bindgen generic import (a cast such as JsValue::from_f64, or a closure type) that only its pages use: ` +
      "use it in the main part too, or write the code without it (see src/pages/settings.rs on Date)");
  }
}

// 2. wasm-bindgen on the main part, as Trunk runs it, but keeping the exports the linker made:
// the chunks share the main part's function table.
run("wasm-bindgen", ["--target=web", "--no-typescript", "--keep-lld-exports", `--out-dir=${work}/bindgen`, "--out-name=career-kit", join(work, "main.wasm")]);

// 2b. The chunks call some of the main part's functions through its function table. For the
// casts to JavaScript values (`wbg_cast`), wasm-bindgen replaces such a function with an import
// that returns an externref and gives the main part's own calls a shim that keeps the old
// signature, but it leaves the table pointing at the import, so a chunk's call traps with
// "function signature mismatch" (leptos-rs/leptos#4347). Point those table entries at the shims.
const bindgenWasm = join(work, "bindgen/career-kit_bg.wasm");
{
  binaryen.setDebugInfo(KEEP_NAMES);
  const mod = binaryen.readBinary(readFileSync(bindgenWasm));
  // The features wasm-opt is given below, no more: binaryen.js would otherwise write
  // encodings browsers reject.
  mod.setFeatures(FEATURES.reduce((bits, [, bit]) => bits | bit, F.MVP));
  const suffix = " externref shim";
  const shims = new Map();
  for (let i = 0; i < mod.getNumFunctions(); i++) {
    const f = binaryen.getFunctionInfo(mod.getFunctionByIndex(i));
    if (!f.module && f.name.endsWith(suffix)) shims.set(f.name.slice(0, -suffix.length), f.name);
  }
  const segments = [];
  for (let i = 0; i < mod.getNumElementSegments(); i++) segments.push(binaryen.getElementSegmentInfo(mod.getElementSegmentByIndex(i)));
  let mended = 0;
  for (const segment of segments) {
    const data = segment.data.map((name) => {
      const ref = name ? mod.getFunction(name) : 0;
      const module = ref ? binaryen.getFunctionInfo(ref).module : "";
      // Imports in the table: the splitter's loaders (JavaScript, called as they are), and
      // wasm-bindgen's adapters, which must have their shim.
      if (!module || module === "./__wasm_split.js") return name;
      if (!shims.has(name)) fail(`the table holds wasm-bindgen's import ${JSON.stringify(name)} without a shim of the old signature`);
      mended++;
      return shims.get(name);
    });
    if (data.every((name, i) => name === segment.data[i])) continue;
    const offset = binaryen.getExpressionInfo(segment.offset).value;
    mod.removeElementSegment(segment.name);
    mod.addActiveElementSegment(segment.table, segment.name, data, mod.i32.const(offset));
  }
  if (!mod.validate()) fail("the main part is not valid after mending its function table");
  writeFileSync(bindgenWasm, mod.emitBinary());
  mod.dispose();
  console.log(`split: ${mended} function table entries of the main part point at wasm-bindgen's shims`);
}

// 3. wasm-opt on every part: -Oz, repeated until it converges, with those features. Trunk runs
// no wasm-opt of its own (index.html: data-wasm-opt="0"), as its output would be thrown away.
const params = ["-Oz", ...FEATURES.map(([flag]) => `--enable-${flag}`), "--converge", ...(KEEP_NAMES ? ["-g"] : [])];
const optimise = (from) => {
  const to = `${from}.opt`;
  run("wasm-opt", [...params, from, "-o", to]);
  return readFileSync(to);
};
const main = optimise(bindgenWasm);
const parts = chunks.map((file) => {
  const bytes = optimise(join(work, file));
  const stem = file.replace(/\.wasm$/, "");
  return { file, bytes, name: `${stem}-${short(bytes)}.wasm` };
});

// 4. The link module fetches each chunk by its new name, checked by its hash.
let link = readFileSync(join(work, "__wasm_split.js"), "utf8");
const build = short(Buffer.concat([main, ...parts.map((p) => p.bytes), Buffer.from(link)]));
const glueName = `career-kit-${build}.js`;
const wasmName = `career-kit-${build}_bg.wasm`;
const linkName = `__wasm_split-${build}.js`;
const replaceOnce = (text, from, to, what) => {
  if (text.split(from).length !== 2) fail(`${what}: expected exactly one ${JSON.stringify(from)}`);
  return text.replace(from, () => to);
};
link = replaceOnce(link, `import { initSync } from "./main.js";`, `import { initSync } from "./${glueName}";`, "link module");
link = replaceOnce(link, "const src = fetch(srcUrl);", "const src = fetch(srcUrl.url, { integrity: srcUrl.integrity });", "link module");
for (const part of parts) {
  link = replaceOnce(link, `new URL("./${part.file}", import.meta.url)`,
    `{ url: new URL("./${part.name}", import.meta.url), integrity: "${sri(part.bytes)}" }`, "link module");
}
if (/new URL\("\.\/[^"]+\.wasm"/.test(link.replaceAll(/url: new URL/g, ""))) fail("a chunk the link module names was not written");
const linkCode = await minifyModule(link);
if (!linkCode) fail("the minified link module is empty");

// 5. The glue imports the link module by its new name.
let glue = readFileSync(join(work, "bindgen/career-kit.js"), "utf8");
// (wasm-bindgen writes one `import * as importN from "./__wasm_split.js"` per loader; the
// keys of its imports object stay: they are the wasm's import module names.)
const imports = glue.match(/ from "\.\/__wasm_split\.js"/g) ?? [];
if (imports.length !== parts.filter((p) => p.file.startsWith("split_")).length) fail("the glue does not import ./__wasm_split.js once per page chunk");
glue = glue.replaceAll(' from "./__wasm_split.js"', ` from "./${linkName}"`);

// 6. Into dist/ and index.html, in place of Trunk's files.
for (const old of [oldGlue, oldWasm]) rmSync(join(dist, old.slice(base.length)));
writeFileSync(join(dist, glueName), glue);
writeFileSync(join(dist, wasmName), main);
writeFileSync(join(dist, linkName), linkCode);
for (const part of parts) writeFileSync(join(dist, part.name), part.bytes);
const linkPreload = gluePreload.replace(attr(gluePreload, "href"), base + linkName).replace(attr(gluePreload, "integrity"), sri(linkCode));
html = html
  .replace(gluePreload, gluePreload.replace(attr(gluePreload, "integrity"), sri(glue)) + linkPreload)
  .replaceAll(attr(wasmPreload, "integrity"), sri(main))
  .replaceAll(oldGlue, base + glueName)
  .replaceAll(oldWasm, base + wasmName);
writeFileSync(htmlFile, html);
const chunkBytes = parts.reduce((n, p) => n + p.bytes.length, 0);
console.log(`split: main ${kib(main.length)} and ${parts.length} chunks of ${kib(chunkBytes)} (raw, after wasm-opt); link module ${linkCode.length} bytes`);
