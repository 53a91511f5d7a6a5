// Writes dist/sw.js from public/sw.js with the files of this build: the precache list (the
// start page, Trunk's hashed script, wasm and styles, the list of guides, the manifest and
// icons) and a version that changes whenever one of them does. Run by `make dist`.
// Usage: node tools/sw.mjs dist
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const top = readdirSync(dist).filter((f) => /\.(js|wasm|css)$/.test(f) && f !== "sw.js");
const icons = readdirSync(join(dist, "icons")).map((f) => `icons/${f}`);
// "" is the start page itself (index.html at the top of the base address).
const files = ["", ...top.sort(), "packs/index.json", "manifest.webmanifest", ...icons.sort()];
const hash = createHash("sha256");
for (const f of files) hash.update(f).update(readFileSync(join(dist, f === "" ? "index.html" : f)));
const version = hash.digest("hex").slice(0, 16);
// The SHA-256 of every content-hashed file (the app's parts and chunks, the guides and texts):
// the worker keeps and serves a copy only if it matches, so a captive portal's page or a
// damaged download is never kept in place of the file.
const INTEGRITY = {};
const hashedFile = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$|\.[0-9a-f]{10}\.json$/;
for (const f of [...top, ...readdirSync(join(dist, "packs")).map((p) => `packs/${p}`)].filter((f) => hashedFile.test(f))) {
  INTEGRITY[f] = createHash("sha256").update(readFileSync(join(dist, f))).digest("base64");
}
const worker = readFileSync(new URL("../public/sw.js", import.meta.url), "utf8")
  .replace('"__VERSION__"', JSON.stringify(version))
  .replace("__PRECACHE__", JSON.stringify(files))
  .replace("__INTEGRITY__", JSON.stringify(INTEGRITY));
writeFileSync(join(dist, "sw.js"), worker);
console.log(`sw: version ${version}, ${files.length} files precached, ${Object.keys(INTEGRITY).length} files checked by SHA-256`);
