// With the content cache off (as the CLI runs), analyze() hands segment results from one look
// to the next (lookReuse.ts, keyed by the lines' LineFacts entries); with it on (the default),
// the cache does. Neither may change a model: both are compared as JSON with a reference that
// works out every segment of every look from scratch (no cache, no reuse), on real dumps.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import { analyze, AnalyzeOptions, DumpModel } from '../../server/src/analysis';
import { analyzeOnce, clearSegmentCache, SEGMENT_CACHE_DEFAULT, setSegmentCacheLimit } from '../../server/src/analysis/analyze';
import { settle } from '../../server/src/analysis/settle';
import { loadFixtures, scraperDump } from '../../bench/generate';
import { parseAnn } from '../support/ann';

const ROOT = path.join(__dirname, '..', '..', '..');
const readDir = (dir: string, ext: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(dir, f)) : [];

/** analyze() as it was before any reuse: every look analysed from scratch. */
function reference(text: string, opts: AnalyzeOptions): DumpModel {
  setSegmentCacheLimit(0);
  try {
    const { model, mapper } = analyzeOnce(text, opts);
    if (!mapper) return model;
    return settle(text, model, mapper, (view) => analyzeOnce(view.cleaned.toString(), opts).model);
  } finally {
    setSegmentCacheLimit(SEGMENT_CACHE_DEFAULT);
  }
}

function assertSame(name: string, text: string, opts: AnalyzeOptions = {}): void {
  clearSegmentCache();
  const want = JSON.stringify(reference(text, opts));
  clearSegmentCache();
  assert.ok(JSON.stringify(analyze(text, opts)) === want, `${name}: analyze (content cache on) differs from the reference`);
  setSegmentCacheLimit(0);
  try {
    assert.ok(JSON.stringify(analyze(text, opts)) === want, `${name}: analyze with the cache off (the CLI) differs from the reference`);
  } finally {
    setSegmentCacheLimit(SEGMENT_CACHE_DEFAULT);
  }
}

const corpus = readDir(path.join(ROOT, 'test', 'fixtures', 'corpus'), '.ann').map((f) => parseAnn(f).data);
const pipeline = readDir(path.join(ROOT, 'test', 'fixtures', 'pipeline'), '.txt').map((f) => fs.readFileSync(f, 'utf8'));
const fixtures = loadFixtures(path.join(ROOT, 'bench', 'fixtures'));
const devPages = readDir('/work/shared/corpus/dev/pages', '.ann').map((f) => parseAnn(f).data);

test('corpus and pipeline fixtures, one by one and joined (CRLF too)', () => {
  for (const [k, t] of [...corpus, ...pipeline].entries()) assertSame(`fixture ${k}`, t);
  assertSame('corpus joined', corpus.join('\n\n'));
  assertSame('pipeline joined x3', pipeline.join('\n\n').repeat(3));
  assertSame('corpus joined, CRLF', corpus.join('\n\n').replace(/\r?\n/g, '\r\n'));
  assertSame('bench fixtures as one page', fixtures.map((f) => f.lines.join('\n')).join('\n\n'));
});

test('the shared corpus dev pages, joined and under scraper headers (when present)', (t) => {
  if (devPages.length === 0) return t.skip('no /work/shared/corpus/dev/pages');
  assertSame('dev pages joined', devPages.join('\n\n'));
  assertSame('dev pages as scraper entries', devPages.map((d, k) => `==========\nTitle: Page ${k}\nURL: https://example.com/${k}\n\n${d}`).join('\n'));
});

test('a 2 MB scraper dump, with phrase options and rules set', () => {
  const big = scraperDump(fixtures, 2 * 1024 * 1024, 7);
  assertSame('2 MB', big);
  assertSame('2 MB with options', big, { extraPhrases: ['read more', 'watch'], ignorePhrases: ['reuters'], rules: { promo: 'off', 'site-chrome': 'hint' } });
});
