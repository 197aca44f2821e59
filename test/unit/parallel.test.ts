// analyzeWithHelper (a big file's segments shared with another thread, as the CLI does) must
// give exactly analyze's model: compared as JSON on real dumps, with the cut in several
// places, with options, and with a helper that fails (its segments are then analysed here).
// The helper here runs in this thread on structured clones, as a worker would receive and
// answer; test/cli/two-threads.test.ts runs the CLI's real worker, and
// test/perf/parallel-identity.test.ts the 10 MB bench dump.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import { analyze, AnalyzeOptions } from '../../server/src/analysis';
import { clearSegmentCache } from '../../server/src/analysis/analyze';
import { analyzeWithHelper, runSegmentJob, SegmentHelper } from '../../server/src/analysis/parallel';
import { loadFixtures, scraperDump } from '../../bench/generate';
import { parseAnn } from '../support/ann';

const ROOT = path.join(__dirname, '..', '..', '..');
const readDir = (dir: string, ext: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(dir, f)) : [];

/** A helper that works as a worker thread would: on copies, answering later. */
const cloning: SegmentHelper = async (job) => structuredClone(runSegmentJob(structuredClone(job)));

async function assertSame(name: string, text: string, opts: AnalyzeOptions = {}, shares = [0.5, 0.1, 0.9]): Promise<void> {
  clearSegmentCache();
  const want = JSON.stringify(analyze(text, opts));
  for (const share of shares) {
    clearSegmentCache();
    const got = JSON.stringify(await analyzeWithHelper(text, opts, cloning, share));
    assert.ok(got === want, `${name}: the model with the helper (share ${share}) differs from analyze's`);
  }
}

const corpus = readDir(path.join(ROOT, 'test', 'fixtures', 'corpus'), '.ann').map((f) => parseAnn(f).data);
const pipeline = readDir(path.join(ROOT, 'test', 'fixtures', 'pipeline'), '.txt').map((f) => fs.readFileSync(f, 'utf8'));
const fixtures = loadFixtures(path.join(ROOT, 'bench', 'fixtures'));
const devPages = readDir('/work/shared/corpus/dev/pages', '.ann').map((f) => parseAnn(f).data);

test('each corpus and pipeline fixture on its own', async () => {
  for (const [k, t] of [...corpus, ...pipeline].entries()) await assertSame(`fixture ${k}`, t);
});

test('fixtures concatenated: one page, aggregators back to back, CRLF', async () => {
  await assertSame('corpus joined', corpus.join('\n\n'));
  await assertSame('pipeline joined', pipeline.join('\n\n'));
  await assertSame('aggregator x4', pipeline.filter((t) => t.includes('- ')).join('\n\n').repeat(4));
  await assertSame('bench fixtures as one page', fixtures.map((f) => f.lines.join('\n')).join('\n\n'));
  await assertSame('corpus joined, CRLF', corpus.join('\n\n').replace(/\r?\n/g, '\r\n'));
});

test('the shared corpus dev pages concatenated (when present)', async (t) => {
  if (devPages.length === 0) return t.skip('no /work/shared/corpus/dev/pages');
  await assertSame('dev pages joined', devPages.join('\n\n'));
  await assertSame('dev pages under scraper headers', devPages.map((d, k) => `==========\nTitle: Page ${k}\nURL: https://example.com/${k}\n\n${d}`).join('\n'));
});

test('a 2 MB scraper dump, with options', async () => {
  const big = scraperDump(fixtures, 2 * 1024 * 1024, 7);
  let asked = 0;
  await analyzeWithHelper(big, {}, (job) => (asked++, cloning(job)));
  assert.ok(asked >= 2, 'the helper took part in the first look and a settle round');
  await assertSame('2 MB', big);
  await assertSame('2 MB, phrases and a rule off', big, { extraPhrases: ['read more', 'watch'], ignorePhrases: ['reuters'], rules: { promo: 'off', 'site-chrome': 'hint' } }, [0.5]);
});

test('a helper that fails or answers wrongly: its segments are analysed here', async () => {
  const text = scraperDump(fixtures, 300 * 1024, 3);
  const want = JSON.stringify(analyze(text));
  const failing: SegmentHelper = async () => {
    throw new Error('worker gone');
  };
  const short: SegmentHelper = async (job) => runSegmentJob(job).slice(1);
  assert.equal(JSON.stringify(await analyzeWithHelper(text, {}, failing)), want);
  assert.equal(JSON.stringify(await analyzeWithHelper(text, {}, short)), want);
});

test('texts not analysed (empty, binary) come back as analyze has them', async () => {
  for (const t of ['', '   \n', 'a\u0000b']) assert.deepEqual(await analyzeWithHelper(t, {}, cloning), analyze(t));
});
