// The 10 MB bench dump (bench/make-dump.ts's, seed 52): analyzeWithHelper, the CLI's path
// for a big file on two threads, gives exactly analyze's model. No timing is asserted.
import assert from 'node:assert/strict';
import * as path from 'path';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { clearSegmentCache } from '../../server/src/analysis/analyze';
import { analyzeWithHelper, runSegmentJob, SegmentHelper } from '../../server/src/analysis/parallel';
import { loadFixtures, scraperDump } from '../../bench/generate';

const cloning: SegmentHelper = async (job) => structuredClone(runSegmentJob(structuredClone(job)));

test('10 MB scraper dump: the model with a helper is analyze\'s', async () => {
  const fixtures = loadFixtures(path.join(__dirname, '..', '..', '..', 'bench', 'fixtures'));
  const text = scraperDump(fixtures, 10 * 1024 * 1024, 52);
  clearSegmentCache();
  const want = JSON.stringify(analyze(text));
  clearSegmentCache();
  const got = JSON.stringify(await analyzeWithHelper(text, {}, cloning));
  assert.ok(got === want, 'the model with the helper differs from analyze\'s');
});
