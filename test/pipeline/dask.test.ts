// Distributed runs of `newsdump filter`: Dask (LocalCluster of worker processes, one
// `node dist/cli.js filter` per partition) and xargs -P must both give, record for record,
// what a single process gives. Needs Debian's python3-distributed for the Dask part.
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const PY = '/usr/bin/python3';
const HERE = path.join(ROOT, 'test', 'pipeline');

function pythonHas(module: string): boolean {
  return fs.existsSync(PY) && spawnSync(PY, ['-c', `import ${module}`]).status === 0;
}

const daskSkip = pythonHas('distributed')
  ? false
  : `${PY} cannot import distributed: install it with "apt-get install -y python3-distributed" to run the Dask test`;

test('Dask LocalCluster: 10,000 records in 16 partitions equal one single-process run', { skip: daskSkip, timeout: 600_000 }, () => {
  const r = spawnSync(PY, [path.join(HERE, 'dask_filter.py'), '--records', '10000', '--partitions', '16', '--workers', '4', '--cli', CLI], {
    encoding: 'utf8',
    timeout: 590_000,
  });
  assert.equal(r.status, 0, `dask_filter.py failed:\n${r.stdout}\n${r.stderr.slice(-3000)}`);
  const summary = JSON.parse(r.stdout.trim().split('\n').pop()!);
  assert.equal(summary.same, true);
  assert.equal(summary.records, 10000);
  assert.equal(summary.dask, 10000);
  assert.ok(summary.partitions > 1, 'the corpus was really split');
  assert.ok(summary.workers > 1, 'more than one worker process');
  assert.ok(summary.error_records > 0, 'bad lines were part of the corpus');
});

test('xargs -P: chunks filtered in parallel and concatenated equal one run', { skip: fs.existsSync(PY) ? false : `${PY} is missing` }, () => {
  fs.mkdirSync(path.join(ROOT, 'out', 'pipeline'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, 'out', 'pipeline', 'xargs-'));
  const corpus = path.join(dir, 'corpus.jsonl');
  const gen = spawnSync(PY, [path.join(HERE, 'gen_corpus.py'), corpus, '--records', '3000'], { encoding: 'utf8' });
  assert.equal(gen.status, 0, gen.stderr);
  const single = spawnSync(process.execPath, [CLI, 'filter'], { input: fs.readFileSync(corpus), maxBuffer: 1 << 30 });
  assert.equal(single.status, 0);
  const out = path.join(dir, 'out.jsonl');
  const r = spawnSync('sh', [path.join(HERE, 'xargs_filter.sh'), corpus, out, '4', '250'], { encoding: 'utf8', env: { ...process.env, CLI } });
  assert.equal(r.status, 0, r.stderr);
  const a = single.stdout.toString('utf8').split('\n');
  const b = fs.readFileSync(out, 'utf8').split('\n');
  assert.equal(b.length, a.length);
  assert.equal(a.length - 1, 3000);
  assert.deepEqual(b, a);
  fs.rmSync(dir, { recursive: true, force: true });
});
