// The analysis worker (server/src/lsp/worker.ts) on its own: same model as in-process, queued
// jobs superseded by newer versions, cancellation of a running job, and the in-process
// fallback when the worker dies.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { JobCancelled, WorkerAnalyzer } from '../../server/src/lsp/worker';
import { fixture, SERVER } from './harness';

const SEED = fixture('seed-daily8.txt');
const PAGE = fixture('wcxb_0221.txt');

function bigText(n: number): string {
  let s = '';
  for (let i = 0; s.length < n; i++) s += SEED.replace(/Russia/g, `Russia${i}x`);
  return s;
}

describe('analysis worker', () => {
  const workers: WorkerAnalyzer[] = [];
  const make = (file = SERVER) => {
    const w = new WorkerAnalyzer(file, analyze);
    workers.push(w);
    return w;
  };
  after(() => workers.forEach((w) => w.dispose()));

  test('the worker (dist/server.js) computes the same model as in-process', async () => {
    const w = make();
    const r = await w.analyze('a', SEED, {});
    assert.deepStrictEqual(r.model, analyze(SEED, {}));
    assert.ok(r.ms >= 0);
    const opts = { rules: { promo: 'off' as const }, extraPhrases: ['Telegram and WhatsApp respond'] };
    assert.deepStrictEqual((await w.analyze('a', SEED, opts)).model, analyze(SEED, opts));
    // successive versions of one document (incremental inside the worker) = full analysis
    let text = SEED;
    for (const [at, ins] of [[500, 'Advertisement\n'], [3000, ' typed'], [text.length - 10, '\nSubscribe now']] as const) {
      text = text.slice(0, at) + ins + text.slice(at);
      assert.deepStrictEqual((await w.analyze('a', text, opts)).model, analyze(text, opts), `after inserting ${JSON.stringify(ins)}`);
    }
  });

  test('a queued job is superseded by a newer version of the same document', async () => {
    const w = make();
    const running = w.analyze('a', bigText(3e5), {});
    const queued = w.analyze('a', SEED, {});
    const other = w.analyze('b', PAGE, {});
    const newest = w.analyze('a', PAGE, {});
    await assert.rejects(queued, JobCancelled);
    const [r1, r2, r3] = await Promise.all([running, other, newest]);
    assert.ok(r1.model.articles.length > 4);
    assert.deepStrictEqual(r2.model, analyze(PAGE, {}));
    assert.deepStrictEqual(r3.model, analyze(PAGE, {}));
  });

  test('cancel(uri) abandons a running job; the next job runs on a fresh worker', async () => {
    const w = make();
    const running = w.analyze('a', bigText(1e6), {});
    const waiting = w.analyze('b', SEED, {});
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    w.cancel('a');
    await assert.rejects(running, JobCancelled);
    const r = await waiting;
    assert.deepStrictEqual(r.model, analyze(SEED, {}));
    assert.ok(Date.now() - t0 < 3000, 'the other document did not wait for the abandoned job');
  });

  test('a worker that dies falls back to in-process analysis', async () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nd-worker-')), 'broken.js');
    fs.writeFileSync(bad, 'throw new Error("broken worker");\n');
    const w = make(bad);
    const r = await w.analyze('a', SEED, {});
    assert.deepStrictEqual(r.model, analyze(SEED, {}));
    const r2 = await w.analyze('a', PAGE, {});
    assert.deepStrictEqual(r2.model, analyze(PAGE, {}));
  });
});
