// A static server for measuring (make lighthouse): dist/ under a sub-path, gzip-compressed as
// a real host would send it, 404.html for unknown paths (like a project-page host).
// Usage: node tools/serve.mjs dist /career-kit/ 8181
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join, extname, normalize } from "node:path";

const [dist = "dist", base = "/", port = "8181"] = process.argv.slice(2);
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".webmanifest": "application/manifest+json",
  ".png": "image/png", ".svg": "image/svg+xml",
};
async function file(path) {
  try {
    const s = await stat(path);
    return s.isDirectory() ? file(join(path, "index.html")) : { path, body: await readFile(path) };
  } catch {
    return null;
  }
}
createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const rest = path.startsWith(base) ? normalize(path.slice(base.length)) : null;
  let found = rest !== null && !rest.startsWith("..") ? await file(join(dist, rest)) : null;
  const status = found ? 200 : 404;
  found ??= await file(join(dist, "404.html"));
  const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$|\.[0-9a-f]{10}\.json$/.test(path);
  const headers = {
    "Content-Type": types[extname(found.path)] ?? "application/octet-stream",
    "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
  };
  let body = found.body;
  if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && !/\.png$/.test(found.path)) {
    body = gzipSync(body, { level: 9 });
    headers["Content-Encoding"] = "gzip";
  }
  res.writeHead(status, headers).end(body);
}).listen(Number(port), "127.0.0.1", () => console.log(`serving ${dist} at http://127.0.0.1:${port}${base}`));
