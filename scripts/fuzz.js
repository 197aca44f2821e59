#!/usr/bin/env node
// Long seeded fuzz run of the engine (the same cases and properties as test/fuzz/fuzz.test.ts,
// which runs 2,000 of them in `npm test`).
//
//   npm run fuzz -- [--cases N] [--seed S] [--from I] [--cache-every K] [--verbose] [--save DIR]
//
// Case I of seed S is always the same dump, so a failure is replayed with
// `--seed S --from I --cases 1 --verbose`. --save writes each failing dump to DIR (default
// out/fuzz/failures) as S-I.txt with the violations beside it. Exit status 1 when a
// property broke, 0 otherwise.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');

const root = path.join(__dirname, '..');

function main() {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '20261128' },
      from: { type: 'string', default: '0' },
      'cache-every': { type: 'string', default: '10' },
      verbose: { type: 'boolean', default: false },
      save: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 11).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
    return 0;
  }
  const num = (name) => {
    const v = Number(values[name]);
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} needs a whole number, not "${values[name]}"`);
    return v;
  };
  const cases = num('cases');
  const seed = num('seed');
  const from = num('from');
  const cacheEvery = Math.max(1, num('cache-every'));

  const outDir = path.join(root, 'out', 'fuzz');
  fs.mkdirSync(outDir, { recursive: true });
  const bundle = path.join(outDir, 'lib.js');
  esbuild.buildSync({
    entryPoints: [path.join(root, 'test', 'fuzz', 'lib.ts')], bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', outfile: bundle, logLevel: 'warning',
  });
  const lib = require(bundle);
  const seeds = lib.loadSeeds(root);

  const t0 = Date.now();
  let last = t0;
  const onCase = (i) => {
    const now = Date.now();
    if (now - last > 5000) {
      last = now;
      process.stderr.write(`  ${i - from + 1}/${cases} cases, ${((now - t0) / 1000).toFixed(0)} s\n`);
    }
  };
  const res = lib.run(seed, from, from + cases, seeds, cacheEvery, onCase);
  const byProp = {};
  for (const f of res.failures) for (const p of new Set(f.problems.map((x) => x.prop))) (byProp[p] ??= []).push(f);

  const saveDir = values.save ?? path.join(outDir, 'failures');
  if (res.failures.length) fs.mkdirSync(saveDir, { recursive: true });
  for (const f of res.failures) {
    fs.writeFileSync(path.join(saveDir, `${seed}-${f.i}.txt`), f.text);
    fs.writeFileSync(path.join(saveDir, `${seed}-${f.i}.json`), JSON.stringify({ seed, case: f.i, mutations: f.ops, violations: f.problems }, null, 2) + '\n');
  }

  process.stdout.write(`fuzz: ${res.cases} cases of seed ${seed} from ${from} in ${(res.ms / 1000).toFixed(1)} s\n`);
  for (const [id, what] of Object.entries(lib.PROPERTIES)) {
    const n = (byProp[id] ?? []).length;
    process.stdout.write(`  ${n === 0 ? 'ok  ' : 'FAIL'} ${id}: ${what}${n ? ` (${n} cases)` : ''}\n`);
    if (!n) continue;
    for (const f of byProp[id].slice(0, values.verbose ? 20 : 3)) {
      process.stdout.write(`       case ${f.i}: ${f.ops.join('; ')}\n`);
      for (const p of f.problems.filter((x) => x.prop === id)) process.stdout.write(`         ${p.msg.split('\n')[0]}\n`);
    }
  }
  if (res.failures.length) process.stdout.write(`failing dumps in ${path.relative(process.cwd(), saveDir) || '.'}\n`);
  return res.failures.length ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`fuzz: ${e.message}\n`);
  process.exitCode = 2;
}
