// The 10 MB bench dump (bench/make-dump.ts's, seed 52): analyze() with its segment reuse
// between looks, and with the content cache off as the CLI runs it, gives exactly the model
// of a reference that analyses every segment of every look from scratch. No timing asserted.
import assert from 'node:assert/strict';
import * as path from 'path';
import { test } from 'node:test';
import { analyze, DumpModel } from '../../server/src/analysis';
import { analyzeOnce, clearSegmentCache, SEGMENT_CACHE_DEFAULT, setSegmentCacheLimit } from '../../server/src/analysis/analyze';
import { settle } from '../../server/src/analysis/settle';
import { loadFixtures, scraperDump } from '../../bench/generate';

test('10 MB scraper dump: analyze (cache off, as in the CLI) equals the from-scratch reference', () => {
  const fixtures = loadFixtures(path.join(__dirname, '..', '..', '..', 'bench', 'fixtures'));
  const text = scraperDump(fixtures, 10 * 1024 * 1024, 52);
  clearSegmentCache();
  setSegmentCacheLimit(0);
  try {
    const first = analyzeOnce(text);
    const want: DumpModel = first.mapper ? settle(text, first.model, first.mapper, (view) => analyzeOnce(view.cleaned.toString()).model) : first.model;
    const wantJson = JSON.stringify(want);
    clearSegmentCache();
    assert.ok(JSON.stringify(analyze(text)) === wantJson, 'analyze differs from the reference');
  } finally {
    setSegmentCacheLimit(SEGMENT_CACHE_DEFAULT);
  }
});
