// `node scripts/run-ts.js bench/time-analyze.ts FILE [RUNS]`: in-process analyze() and
// clean() times on one file, cold caches each run (the CLI's case: one process, one file).
import * as fs from 'fs';
import { analyze, applyEdits, fixAllEdits } from '../server/src/analysis';
import { clearSegmentCache } from '../server/src/analysis/analyze';

const file = process.argv[2] ?? '/tmp/big10.txt';
const runs = Number(process.argv[3] ?? '5');
const text = fs.readFileSync(file, 'utf8');
const times: number[] = [];
const cpuTimes: number[] = [];
const cleanTimes: number[] = [];
for (let k = 0; k < runs; k++) {
  clearSegmentCache();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const model = analyze(text);
  const t1 = performance.now();
  const c = process.cpuUsage(c0);
  applyEdits(text, fixAllEdits(model, { layout: false }));
  const t2 = performance.now();
  times.push(t1 - t0);
  cpuTimes.push((c.user + c.system) / 1000);
  cleanTimes.push(t2 - t1);
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const list = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(' ');
console.log(`analyze median ${med(times).toFixed(0)} ms wall (${list(times)}), ${med(cpuTimes).toFixed(0)} ms CPU (${list(cpuTimes)}); fix-all + apply ${med(cleanTimes).toFixed(0)} ms`);
