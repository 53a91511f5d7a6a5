// Prints the scores and timings of one or more Lighthouse JSON reports of the same build: one
// line per run, then the median of each figure (runs differ by a lot on a busy machine, as
// Lighthouse multiplies the main-thread tasks it observes by the CPU slowdown), the main-thread
// tasks over 50 ms of the median run, and every audit that did not get full marks in any run.
// Usage: node tools/lighthouse-report.mjs target/lighthouse-1.json [target/lighthouse-2.json ...]
import { readFileSync } from "node:fs";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tools/lighthouse-report.mjs report.json [report.json ...]");
  process.exit(2);
}
const runs = files.map((f) => JSON.parse(readFileSync(f, "utf8")));
const first = runs[0];
const t = first.configSettings.throttling;
console.log(`Lighthouse ${first.lighthouseVersion}, ${first.configSettings.formFactor}, ${first.configSettings.throttlingMethod} throttling ` +
  `(RTT ${t.rttMs} ms, ${t.throughputKbps} kbit/s, CPU x${t.cpuSlowdownMultiplier}), ${runs.length} run(s)`);

const metrics = [
  ["first-contentful-paint", "FCP", "s"], ["largest-contentful-paint", "LCP", "s"], ["total-blocking-time", "TBT", "ms"],
  ["cumulative-layout-shift", "CLS", ""], ["speed-index", "SI", "s"], ["interactive", "TTI", "s"],
];
const categories = Object.keys(first.categories);
const score = (r, c) => Math.round(r.categories[c].score * 100);
const value = (r, id, unit) => {
  const v = r.audits[id].numericValue;
  return unit === "s" ? +(v / 1000).toFixed(1) : unit === "ms" ? Math.round(v) : +v.toFixed(3);
};
const figure = (name, v, unit) => `${name} ${v}${unit ? " " + unit : ""}`;
const row = (r) => [
  ...categories.map((c) => `${r.categories[c].title} ${score(r, c)}`),
  ...metrics.map(([id, name, unit]) => figure(name, value(r, id, unit), unit)),
].join(", ");
runs.forEach((r, i) => console.log(`run ${i + 1}: ${row(r)}`));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const med = [
  ...categories.map((c) => `${first.categories[c].title} ${median(runs.map((r) => score(r, c)))}`),
  ...metrics.map(([id, name, unit]) => figure(name, median(runs.map((r) => value(r, id, unit))), unit)),
].join(", ");
console.log(`median: ${med}`);

// Issue 9's budgets, run by run: a budget is met when every run meets it.
const budgets = [
  ["performance 100", "performance", (r) => score(r, "performance") === 100],
  ["LCP at most 1.2 s", "performance", (r) => r.audits["largest-contentful-paint"].numericValue <= 1200],
  ["accessibility 100", "accessibility", (r) => score(r, "accessibility") === 100],
  ["best practices 100", "best-practices", (r) => score(r, "best-practices") === 100],
];
for (const [name, , met] of budgets.filter(([, c]) => categories.includes(c))) {
  const n = runs.filter(met).length;
  console.log(`budget (issue 9): ${name}: ${n === runs.length ? "met" : "MISSED"} in ${n} of ${runs.length} run(s)`);
}

// The run whose performance score is the median one: its long tasks, as Lighthouse simulates them.
const byPerf = [...runs].sort((a, b) => a.categories.performance.score - b.categories.performance.score);
const mid = byPerf[(byPerf.length - 1) >> 1];
const tasks = mid.audits["long-tasks"]?.details?.items ?? [];
console.log(`long tasks of the median run (start + duration, ms): ${tasks.map((x) => `${Math.round(x.startTime)}+${Math.round(x.duration)}`).join(" ") || "none"}`);

const missed = new Set();
for (const r of runs) {
  for (const c of Object.values(r.categories)) {
    for (const ref of c.auditRefs) {
      const a = r.audits[ref.id];
      if (a.score !== null && a.score < 1 && ref.weight > 0) missed.add(`  not full marks (${c.title}): ${a.id}: ${a.title}`);
    }
  }
}
for (const line of missed) console.log(line);
