// Puts the Content Security Policy into the built index.html (run by `make dist` after
// `trunk build`). The policy allows the app's own files and nothing else; the one inline
// script, Trunk's loader, is allowed by its SHA-256, computed here from the built file.
// The policy goes right after <base>, so the base address is set before `base-uri 'none'`
// applies. Usage: node tools/csp.mjs dist
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const file = join(process.argv[2] ?? "dist", "index.html");
let html = readFileSync(file, "utf8");
if (html.includes("Content-Security-Policy")) {
  console.error(`csp: ${file} already has a policy`);
  process.exit(1);
}
// Scripts written in the page (not data blocks such as the pack index, which never run).
const inline = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
  .filter(([, attrs]) => !/\bsrc=/.test(attrs) && !/type=["']?application\/json/.test(attrs));
if (inline.length === 0) {
  console.error(`csp: no inline loader script found in ${file}`);
  process.exit(1);
}
const hashes = inline.map(([, , body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const base = html.match(/<base\s[^>]*>/);
if (!base) {
  console.error(`csp: no <base> in ${file}`);
  process.exit(1);
}
html = html.replace(base[0], `${base[0]}<meta http-equiv="Content-Security-Policy" content="${policy}">`);
writeFileSync(file, html);
console.log(`csp: ${policy}`);
