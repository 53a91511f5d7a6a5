// One line per route of `make lighthouse`, side by side: the median performance score, total
// blocking time, largest contentful paint, layout shift and bytes transferred of its runs.
// Usage: node tools/lighthouse-routes.mjs target/lighthouse
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "target/lighthouse";
const byRoute = new Map();
for (const f of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  const r = JSON.parse(readFileSync(join(dir, f), "utf8"));
  const route = new URL(r.finalDisplayedUrl ?? r.requestedUrl).pathname + new URL(r.requestedUrl).search;
  if (!byRoute.has(route)) byRoute.set(route, []);
  byRoute.get(route).push(r);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log("route | performance | TBT ms | LCP s | CLS | transfer KiB");
for (const [route, runs] of byRoute) {
  const m = (f) => median(runs.map(f));
  const perf = m((r) => Math.round(r.categories.performance.score * 100));
  const tbt = Math.round(m((r) => r.audits["total-blocking-time"].numericValue));
  const lcp = (m((r) => r.audits["largest-contentful-paint"].numericValue) / 1000).toFixed(1);
  const cls = m((r) => r.audits["cumulative-layout-shift"].numericValue).toFixed(3);
  const kib = Math.round(m((r) => r.audits["total-byte-weight"].numericValue) / 1024);
  console.log(`${route} | ${perf} | ${tbt} | ${lcp} | ${cls} | ${kib}`);
}
