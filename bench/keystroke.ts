// `node scripts/run-ts.js bench/keystroke.ts [--size 50] [--edits 30]`: the engine's
// incremental keystroke alone, for profiling (`node --cpu-prof scripts/run-ts.js ...`) and
// quick before/after checks. The same dump and edits as bench.ts's engine keystrokes (a
// one-character insert in the middle of a generated scraper dump), printed per keystroke
// with wall, CPU and garbage-collection milliseconds, then p50/p95 of each.
import * as path from 'path';
import { PerformanceObserver } from 'perf_hooks';
import { clearSegmentCache, setSegmentCacheLimit } from '../server/src/analysis/analyze';
import { analyzeFull, analyzeIncremental } from '../server/src/analysis/incremental';
import { loadFixtures, scraperDump } from './generate';

const args = process.argv.slice(2);
const option = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const SIZE = Number(option('--size', '50'));
const EDITS = Number(option('--edits', '30'));
const MB = 1024 * 1024;
const root = path.join(__dirname, '..', '..');

// GC entries arrive asynchronously: each is put in the keystroke whose window holds its start.
const gcEntries: { start: number; ms: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcEntries.push({ start: e.startTime, ms: e.duration });
}).observe({ entryTypes: ['gc'] });

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const r1 = (x: number) => Math.round(x * 10) / 10;

const text = scraperDump(loadFixtures(path.join(root, 'bench', 'fixtures')), SIZE * MB, 42 + SIZE);
clearSegmentCache();
setSegmentCacheLimit(256);
let t0 = performance.now();
let state = analyzeFull(text);
process.stderr.write(`${SIZE} MB: full analysis ${Math.round(performance.now() - t0)} ms, ${state.table.lines.length} lines, ${state.model.residue.length} residue, ${state.cleaned.length} rounds\n`);
let at = text.indexOf('\n', text.length >> 1) - 3;
const wall: number[] = [];
const cpu: number[] = [];
const windows: [number, number][] = [];
for (let k = 0; k < EDITS; k++) {
  // As the language server's worker does: the previous version's rope, spliced.
  const next = state.text.splice(at, at, 'abcdefghij'[k % 10]);
  at++;
  const change = { start: at - 1, end: at - 1, insertedLength: 1 };
  const c0 = process.cpuUsage();
  t0 = performance.now();
  state = analyzeIncremental(state, next, change);
  const t1 = performance.now();
  const c = process.cpuUsage(c0);
  wall.push(t1 - t0);
  cpu.push((c.user + c.system) / 1000);
  windows.push([t0, t1]);
}
setTimeout(() => {
  const gc = windows.map(([a, b]) => gcEntries.filter((e) => e.start >= a && e.start < b).reduce((s, e) => s + e.ms, 0));
  for (let k = 0; k < EDITS; k++) process.stderr.write(`  #${k}: ${r1(wall[k])} ms (cpu ${r1(cpu[k])}, gc ${r1(gc[k])})\n`);
  const line = (name: string, xs: number[]) => `${name} p50 ${r1(quantile(xs, 0.5))} p95 ${r1(quantile(xs, 0.95))}`;
  process.stdout.write(`${SIZE} MB keystroke: ${line('wall', wall)}; ${line('cpu', cpu)}; ${line('gc', gc)} (ms)\n`);
}, 100);
