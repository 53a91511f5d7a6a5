// Rewrites Trunk's inline loader in the built index.html (run by `make dist` before csp.mjs,
// which then allows the new loader by its hash). Usage: node tools/loader.mjs dist
//
// Trunk preloads the wasm from <head>, so its 300 KiB download starts before the first screen
// (index.html's static home page) is painted and shares a slow connection with the style sheet
// that screen waits for. Here the page paints first: the loader waits for the first contentful
// paint, then fetches the wasm (checked by the same sha384 integrity Trunk computed) and
// compiles it while it imports the JavaScript glue (still preloaded with its integrity, as it is
// small and the app needs it first). A tab opened in the background does not paint, so it does
// not wait. If the wasm cannot be had, the first screen says so.
//
// It also minifies wasm-bindgen's JavaScript glue, which Trunk 0.21 leaves as it is (its
// minifier cannot read `export { … as default }`), and gives the glue's modulepreload the new
// file's integrity. The file keeps its name: the hash in it already changes with every build
// whose glue changes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { attr, links, minifyModule, sri } from "./built.mjs";

const dist = process.argv[2] ?? "dist";
const file = join(dist, "index.html");
let html = readFileSync(file, "utf8");
const fail = (why) => {
  console.error(`loader: ${why} in ${file} (is this Trunk 0.21's output, before csp.mjs?)`);
  process.exit(1);
};

const preloads = links(html, "preload");
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
  // Wait for the first screen's first contentful paint, not just the next frame: a frame is
  // painted (presented) a little after its callbacks run, and a download asked for before that
  // moment shares the network with the paint that the page's first impression waits for.
  `try {`,
  `await new Promise((painted) => {`,
  `  if (document.visibilityState !== "visible") return painted();`,
  `  if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) return requestAnimationFrame(() => setTimeout(painted));`,
  `  new PerformanceObserver((list, seen) => {`,
  `    if (list.getEntriesByName("first-contentful-paint").length) { seen.disconnect(); painted(); }`,
  `  }).observe({ type: "paint", buffered: true });`,
  `  addEventListener("visibilitychange", painted, { once: true });`,
  `  setTimeout(painted, 3000);`,
  `});`,
  // Compiled from its bytes, not streamed: a download checked by its integrity is handed over
  // only once it is whole, so streaming gains nothing, and the browser then reads the module on
  // the page's own thread; WebAssembly.compile reads it on another.
  `const wasm = fetch(${JSON.stringify(wasm)}, { integrity: ${JSON.stringify(integrity)} })`,
  `  .then((response) => { if (!response.ok) throw new Error(response.status); return response.arrayBuffer(); })`,
  `  .then((bytes) => WebAssembly.compile(bytes));`,
  `const { default: init } = await import(${JSON.stringify(glue)});`,
  `await init({ module_or_path: wasm });`,
  // A download that fails (no network, a damaged file) says so on the first screen, which is in
  // English as that screen is, and offers to try again, rather than loading for ever.
  `} catch (error) {`,
  `  const line = document.querySelector("#boot .loading");`,
  `  if (line) {`,
  `    const again = Object.assign(document.createElement("button"), { type: "button", className: "secondary", textContent: "Try again" });`,
  // A damaged copy may sit in the browser's cache (hashed files are kept for a year): ask the
  // server for the file again before reloading.
  // The offline copy may be what is broken (a worker from before files were checked, or a
  // copy kept from a captive portal): "Try again" also lets the service worker go and empties
  // its cache, so the next load comes from the server. The saved plan (localStorage) is not
  // touched.
  `    again.addEventListener("click", () => Promise.allSettled([`,
  `      fetch(${JSON.stringify(wasm)}, { cache: "reload" }),`,
  `      navigator.serviceWorker?.getRegistrations().then((all) => Promise.all(all.map((r) => r.unregister()))),`,
  `      self.caches?.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith("career-kit-")).map((k) => caches.delete(k)))),`,
  `    ]).finally(() => location.reload()));`,
  // The user's plan stays reachable even when the app cannot start: saved as the backup file
  // the app itself reads back.
  `    const raw = (() => { try { return localStorage.getItem("career-kit/state"); } catch { return null; } })();`,
  `    const save = raw && raw.startsWith("{") && Object.assign(document.createElement("button"), { type: "button", className: "secondary", textContent: "Save my plan as a file" });`,
  `    if (save) save.addEventListener("click", () => {`,
  `      const url = URL.createObjectURL(new Blob(['{"app":"career-kit",' + raw.slice(1)], { type: "application/json" }));`,
  `      Object.assign(document.createElement("a"), { href: url, download: "career-kit-backup.json" }).click();`,
  `      setTimeout(() => URL.revokeObjectURL(url), 1000);`,
  `    });`,
  `    line.replaceChildren("Career Kit could not start. Check your internet connection, then try again. ", again, ...(save ? [" ", save] : []));`,
  `    line.className = "problem";`,
  `    line.setAttribute("role", "alert");`,
  `  }`,
  `  throw error;`,
  `}`,
].join("\n");
html = html.replace(wasmPreload, "").replace(loaders[0][0], `<script type=module>${script}</script>`);

// The glue's modulepreload (tools/split.mjs adds one for the link module that loads chunks).
const gluePreload = links(html, "modulepreload").filter((tag) => attr(tag, "href") === glue);
if (gluePreload.length !== 1) fail("not exactly one modulepreload of the glue");
const glueFile = join(dist, glue.split("/").pop());
const source = readFileSync(glueFile, "utf8");
// V8's explicit compile hint: every function of the glue is compiled when the module is, off
// the page's thread as the module streams in, instead of one by one on the page's thread the
// first time the wasm calls it during start-up (in 4x-CPU traces, the JavaScript compiled on the
// page's thread after the first paint fell from 30-82 ms to 16-39 ms). Browsers that do not
// know the hint read a comment.
const minified = await minifyModule(source);
if (!minified?.includes("as default")) fail("the minified glue lost its default export");
const code = "//# allFunctionsCalledOnLoad\n" + minified;
writeFileSync(glueFile, code);
const glueIntegrity = sri(code);
html = html.replace(gluePreload[0], gluePreload[0].replace(attr(gluePreload[0], "integrity"), glueIntegrity));
writeFileSync(file, html);
console.log(`loader: the wasm is fetched after the first paint, checked by ${integrity.slice(0, 20)}…; ` +
  `glue minified from ${source.length} to ${code.length} bytes`);
