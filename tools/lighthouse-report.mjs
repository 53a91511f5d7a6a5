// Prints the scores and timings of a Lighthouse JSON report, and every audit that did not get
// full marks. Usage: node tools/lighthouse-report.mjs target/lighthouse.json
import { readFileSync } from "node:fs";

const r = JSON.parse(readFileSync(process.argv[2] ?? "target/lighthouse.json", "utf8"));
console.log(`Lighthouse ${r.lighthouseVersion}, ${r.configSettings.formFactor}, ${r.configSettings.throttlingMethod} throttling ` +
  `(RTT ${r.configSettings.throttling.rttMs} ms, ${r.configSettings.throttling.throughputKbps} kbit/s, CPU x${r.configSettings.throttling.cpuSlowdownMultiplier})`);
for (const c of Object.values(r.categories)) console.log(`${c.title}: ${Math.round(c.score * 100)}`);
for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index", "interactive"]) {
  console.log(`  ${r.audits[id].title}: ${r.audits[id].displayValue}`);
}
for (const c of Object.values(r.categories)) {
  for (const ref of c.auditRefs) {
    const a = r.audits[ref.id];
    if (a.score !== null && a.score < 1 && ref.weight > 0) console.log(`  not full marks (${c.title}): ${a.id}: ${a.title}${a.displayValue ? " (" + a.displayValue + ")" : ""}`);
  }
}
