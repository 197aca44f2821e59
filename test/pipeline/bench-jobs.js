#!/usr/bin/env node
// Throughput of the CLI with --jobs 1 vs --jobs N on many small generated dumps.
// usage: node test/pipeline/bench-jobs.js [--files 5000] [--jobs 1,2] [--cli dist/cli.js]
// Prints pages/s (wall clock) for check, clean --out-dir
// and filter. Numbers only mean something on an otherwise idle machine: check the load.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? def : process.argv[i + 1];
};
const root = path.join(__dirname, '..', '..');
const cli = path.resolve(arg('cli', path.join(root, 'dist', 'cli.js')));
const count = Number(arg('files', '5000'));
const jobsList = arg('jobs', '1,2').split(',').map(Number);

// seeded windows of fixture lines (a small LCG: same files every run)
let seed = 6;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const fixtures = fs.readdirSync(path.join(root, 'test', 'fixtures', 'pipeline')).filter((f) => f.endsWith('.txt'))
  .map((f) => fs.readFileSync(path.join(root, 'test', 'fixtures', 'pipeline', f), 'utf8').split('\n'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdump-bench-'));
const dumps = path.join(dir, 'dumps');
fs.mkdirSync(dumps);
const jsonl = [];
let bytes = 0;
for (let i = 0; i < count; i++) {
  const doc = fixtures[Math.floor(rnd() * fixtures.length)];
  const a = Math.floor(rnd() * doc.length);
  const text = doc.slice(a, a + 3 + Math.floor(rnd() * 38)).join('\n') + '\n';
  bytes += Buffer.byteLength(text);
  fs.writeFileSync(path.join(dumps, `d${String(i).padStart(6, '0')}.txt`), text);
  jsonl.push(JSON.stringify({ id: i, text }));
}
fs.writeFileSync(path.join(dir, 'corpus.jsonl'), jsonl.join('\n') + '\n');

function time(args, input) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], { input: input ? fs.readFileSync(input) : '', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return wall;
}

console.log(`${count} dumps, ${(bytes / count / 1024).toFixed(1)} KiB average, ${os.availableParallelism()} CPUs, load ${os.loadavg()[0].toFixed(1)}`);
for (const jobs of jobsList) {
  const check = time(['check', '--jobs', String(jobs), dumps]);
  fs.rmSync(path.join(dir, 'out'), { recursive: true, force: true });
  const clean = time(['clean', '--jobs', String(jobs), '--out-dir', path.join(dir, 'out'), dumps]);
  const filter = time(['filter', '--jobs', String(jobs)], path.join(dir, 'corpus.jsonl'));
  const rate = (s) => `${Math.round(count / s)} pages/s (${s.toFixed(2)} s)`;
  console.log(`--jobs ${jobs}: check ${rate(check)}, clean --out-dir ${rate(clean)}, filter ${rate(filter)}`);
}
fs.rmSync(dir, { recursive: true, force: true });
