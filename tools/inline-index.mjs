// Puts packs/index.json into the built index.html as a JSON data block (run by `make dist`
// before csp.mjs). A data block is not a script: nothing runs, so the Content Security Policy
// has nothing to allow. With the index in the page, the app knows every pack's file name at
// once and asks for its interface texts without waiting one more round trip for the index (it
// still fetches packs/index.json when the block is missing, as under `trunk serve`).
// Usage: node tools/inline-index.mjs dist
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const file = join(dist, "index.html");
let html = readFileSync(file, "utf8");
if (html.includes('id="pack-index"') || html.includes("id=pack-index")) {
  console.error(`inline-index: ${file} already has the pack index`);
  process.exit(1);
}
if (!html.includes("</head>")) {
  console.error(`inline-index: no </head> in ${file}`);
  process.exit(1);
}
// Parsed and written again: compact, and checked to be JSON. `<` is escaped so no text in it
// can end the block.
const index = JSON.stringify(JSON.parse(readFileSync(join(dist, "packs/index.json"), "utf8"))).replace(/</g, "\\u003c");
html = html.replace("</head>", `<script type="application/json" id="pack-index">${index}</script></head>`);
writeFileSync(file, html);
console.log(`inline-index: ${index.length} bytes of pack index in ${file}`);
