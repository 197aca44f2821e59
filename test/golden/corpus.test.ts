// Golden tests on annotated dumps (test/fixtures/corpus, copied from the shared corpus),
// scored with the same parser and token metric as `npm run eval` (test/support/ann.ts, a port
// of tools/score-dumps.py): residue recall, removal precision, titles and sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, clean } from '../../server/src/analysis';
import { FileScore, parseAnn, scoreDoc, summarize, summaryLine } from '../support/ann';

const FIX = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');

/** Scores one .ann file exactly as scripts/eval.ts does. */
function score(file: string): FileScore {
  const doc = parseAnn(file);
  const cleaned = clean(doc.data);
  const arts = analyze(doc.data).articles.map((a) => ({ title: a.headline, source: a.source }));
  return scoreDoc(path.basename(file), doc, cleaned, arts);
}

const detail = (r: FileScore) =>
  `${r.file}: missed ${JSON.stringify(r.fnText.slice(0, 300))}; wrongly removed ${JSON.stringify(r.fpText.slice(0, 300))}; ` +
  `titles gold ${JSON.stringify(r.goldTitles)} got ${JSON.stringify(r.predTitles)}`;

function assertSeedStyle(rows: FileScore[]): void {
  const s = summarize(rows);
  const msg = `${summaryLine(s)}\n${rows.map(detail).join('\n')}`;
  assert.ok(s.recall >= 0.97, `residue recall ${s.recall.toFixed(3)} < 0.97\n${msg}`);
  assert.ok(s.precision >= 0.99, `removal precision ${s.precision.toFixed(3)} < 0.99\n${msg}`);
  for (const r of rows) {
    assert.equal(r.title_hits_gold, r.gold_articles, `every headline found\n${detail(r)}`);
    assert.equal(r.src_ok, r.src_n, `every source right\n${detail(r)}`);
    assert.equal(r.inserted, 0, `nothing inserted\n${detail(r)}`);
  }
}

// ---------------------------------------------------------------- dev, seed-style dumps

const SEED_STYLE = ['seed-daily8.ann', 'aggregator-cricket.ann', 'single-page-india.ann'];
const PASSING = ['seed-daily8.ann', 'aggregator-cricket.ann'];

for (const f of PASSING) {
  test(`dev ${f}: recall >= 0.97, precision >= 0.99, every headline with its source`, () => {
    assertSeedStyle([score(path.join(FIX, f))]);
  });
}

test(
  'dev single-page-india.ann: recall >= 0.97, precision >= 0.99, headline found',
  () => assertSeedStyle([score(path.join(FIX, 'single-page-india.ann'))]),
);

test(
  'dev seed-style dumps together: recall >= 0.97, precision >= 0.99, every headline with its source',
  () => assertSeedStyle(SEED_STYLE.map((f) => score(path.join(FIX, f)))),
);

test('the seed .txt and its .ann are the same dump', () => {
  const doc = parseAnn(path.join(FIX, 'seed-daily8.ann'));
  const txt = fs.readFileSync(path.join(FIX, 'seed-daily8.txt'), 'utf8');
  assert.equal(doc.data.replace(/\n+$/, ''), txt.replace(/\n+$/, ''));
  assert.deepEqual(
    doc.articles.map((a) => a.source),
    [null, 'Indian Express', 'Time of India', 'India Today'],
  );
});

test('the seed: exactly the gold residue is removed (no token more, no token less)', () => {
  const r = score(path.join(FIX, 'seed-daily8.ann'));
  assert.equal(r.tp, r.residue_tokens, detail(r));
  assert.equal(r.removed, r.tp, detail(r));
});

// ---------------------------------------------------------------- real pages

// Floors under the engine's scores on these 9 pages (measured on 2026-11-28, with the
// byline-aware headline pick: precision 0.973, recall 0.728, title recall 5/9), a little lower so a
// regression fails and ordinary retraining noise does not. Raise them as the engine improves.
const PAGE_FLOORS = {
  precision: 0.95,
  recall: 0.68,
  titleRecall: 0.44,
};

test('dev pages: removal precision and residue recall stay above their floors', () => {
  const dir = path.join(FIX, 'pages');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ann')).sort();
  assert.ok(files.length >= 5);
  const rows = files.map((f) => score(path.join(dir, f)));
  const s = summarize(rows);
  const msg = `${summaryLine(s)}\n${rows.map(detail).join('\n')}`;
  assert.ok(s.precision >= PAGE_FLOORS.precision, `removal precision ${s.precision.toFixed(3)} < ${PAGE_FLOORS.precision}\n${msg}`);
  assert.ok(s.recall >= PAGE_FLOORS.recall, `residue recall ${s.recall.toFixed(3)} < ${PAGE_FLOORS.recall}\n${msg}`);
  assert.ok(s.titleRecall >= PAGE_FLOORS.titleRecall, `title recall ${s.titleRecall.toFixed(3)} < ${PAGE_FLOORS.titleRecall}\n${msg}`);
  // No "inserted" check here: on pages with repeated lines the metric's line diff can pair a
  // kept line with its twin and count a token as inserted although clean only deletes.
  // That clean only deletes is checked exactly, character by character, in clean.test.ts.
});

test('dev pages: every page gives at least one article and never throws', () => {
  const dir = path.join(FIX, 'pages');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ann'))) {
    const model = analyze(parseAnn(path.join(dir, f)).data);
    assert.ok(model.articles.length >= 1, f);
    assert.equal(model.notice, null, f);
  }
});

test('dev pages: the headline sits above its byline, not under it', () => {
  // foxnews.com: the page's pick was "Taylor Swift's big night...", a teaser printed a few
  // lines under "By ..."; the story's headline is the candidate right above the byline.
  const doc = parseAnn(path.join(FIX, 'pages', 'aeb_eb62ac8425e5.ann'));
  const main = analyze(doc.data).articles[0];
  assert.ok(main.headline.startsWith('Scooter Braun allegedly'), main.headline);
});
