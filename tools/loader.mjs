// Rewrites Trunk's inline loader in the built index.html (run by `make dist` before csp.mjs,
// which then allows the new loader by its hash). Usage: node tools/loader.mjs dist
//
// Trunk preloads the wasm from <head>, so its 300 KiB download starts before the first screen
// (index.html's static home page) is painted and shares a slow connection with the style sheet
// that screen waits for. Here the page paints first: the loader waits for the first frame,
// then fetches the wasm (checked by the same sha384 integrity Trunk computed) while it imports
// the JavaScript glue (still preloaded with its integrity, as it is small and the app needs it
// first). A tab opened in the background does not paint, so it does not wait.
//
// It also minifies wasm-bindgen's JavaScript glue, which Trunk 0.21 leaves as it is (its
// minifier cannot read `export { … as default }`), and gives the glue's modulepreload the new
// file's integrity. The file keeps its name: the hash in it already changes with every build
// whose glue changes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { attr, minifyModule, sri } from "./built.mjs";

const dist = process.argv[2] ?? "dist";
const file = join(dist, "index.html");
let html = readFileSync(file, "utf8");
const fail = (why) => {
  console.error(`loader: ${why} in ${file} (is this Trunk 0.21's output, before csp.mjs?)`);
  process.exit(1);
};

const preloads = [...html.matchAll(/<link\b[^>]*\brel="?preload"?[^>]*>/g)].map((m) => m[0]);
const wasmPreload = preloads.find((tag) => /\.wasm\b/.test(tag));
if (!wasmPreload || preloads.length !== 1) fail("not exactly one wasm preload");
const wasm = attr(wasmPreload, "href");
const integrity = attr(wasmPreload, "integrity");
if (!wasm || !/^sha384-[A-Za-z0-9+/=]+$/.test(integrity ?? "")) fail("no wasm address or integrity");

const loaders = [...html.matchAll(/<script type="?module"?>([\s\S]*?)<\/script>/g)];
if (loaders.length !== 1) fail("not exactly one inline module script");
const glue = loaders[0][1].match(/import init, \* as bindings from '([^']+\.js)';/)?.[1];
if (!glue || !loaders[0][1].includes(`module_or_path: '${wasm}'`)) fail("an unknown loader");

const script = [
  `if (document.visibilityState === "visible") await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));`,
  `const wasm = fetch(${JSON.stringify(wasm)}, { integrity: ${JSON.stringify(integrity)} });`,
  `const { default: init } = await import(${JSON.stringify(glue)});`,
  `await init({ module_or_path: wasm });`,
].join("\n");
html = html.replace(wasmPreload, "").replace(loaders[0][0], `<script type=module>${script}</script>`);

// The glue's modulepreload (tools/split.mjs adds one for the link module that loads chunks).
const gluePreload = [...html.matchAll(/<link\b[^>]*\brel="?modulepreload"?[^>]*>/g)].map((m) => m[0])
  .filter((tag) => attr(tag, "href") === glue);
if (gluePreload.length !== 1) fail("not exactly one modulepreload of the glue");
const glueFile = join(dist, glue.split("/").pop());
const source = readFileSync(glueFile, "utf8");
const code = await minifyModule(source);
if (!code || !code.includes("as default")) fail("the minified glue lost its default export");
writeFileSync(glueFile, code);
const glueIntegrity = sri(code);
html = html.replace(gluePreload[0], gluePreload[0].replace(attr(gluePreload[0], "integrity"), glueIntegrity));
writeFileSync(file, html);
console.log(`loader: the wasm is fetched after the first paint, checked by ${integrity.slice(0, 20)}…; ` +
  `glue minified from ${source.length} to ${code.length} bytes`);
