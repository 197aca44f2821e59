// clean() and the CLI's clean analyse with analyzeForClean, which builds no articles and no
// ranges; the CLI's check builds no articles, its articles command no findings' ranges
// (analyzeOnly). What each reads must be exactly analyze()'s: the notice, the findings'
// offsets, kinds and edits, the cleaned text (with and without layout fixes), the findings
// with their ranges (check), the articles and groups (articles).
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import { analyze, analyzeForClean, analyzeOnly, AnalyzeOptions, applyEdits, clean, DumpModel, fixAllEdits } from '../../server/src/analysis';
import { NO_RANGE } from '../../server/src/analysis/analyze';
import { loadFixtures, scraperDump } from '../../bench/generate';
import { parseAnn } from '../support/ann';

const ROOT = path.join(__dirname, '..', '..', '..');
const readDir = (dir: string, ext: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(dir, f)) : [];

/** What the fix-all reads of a model. */
const fixAllView = (m: DumpModel) =>
  JSON.stringify({
    notice: m.notice,
    residue: m.residue.map((r) => [r.rule, r.severity, r.start, r.end, r.fix.kind, r.fix.edits.map((e) => [e.start, e.end, e.newText])]),
  });

function assertSame(name: string, text: string, opts: AnalyzeOptions = {}): void {
  const full = analyze(text, opts);
  const lean = analyzeForClean(text, opts);
  assert.equal(fixAllView(lean), fixAllView(full), `${name}: the lean model's findings differ`);
  assert.equal(lean.articles.length, 0);
  const forCheck = analyzeOnly(text, opts, { articles: false, ranges: true });
  const withoutArticle = (m: DumpModel) => JSON.stringify({ ...m, articles: [], groups: [], residue: m.residue.map((r) => ({ ...r, article: -1 })) });
  assert.ok(withoutArticle(forCheck) === withoutArticle(full), `${name}: the model without articles differs`);
  const forArticles = analyzeOnly(text, opts, { articles: true, ranges: false });
  assert.equal(fixAllView(forArticles), fixAllView(full), `${name}: the findings of the model without ranges differ`);
  assert.ok(JSON.stringify([forArticles.articles, forArticles.groups]) === JSON.stringify([full.articles, full.groups]), `${name}: articles differ`);
  assert.deepEqual(forArticles.residue.map((r) => r.article), full.residue.map((r) => r.article));
  for (const layout of [false, true]) {
    assert.ok(clean(text, { ...opts, layout }) === applyEdits(text, fixAllEdits(full, { layout })), `${name}: clean differs (layout ${layout})`);
  }
}

const corpus = readDir(path.join(ROOT, 'test', 'fixtures', 'corpus'), '.ann').map((f) => parseAnn(f).data);
const pipeline = readDir(path.join(ROOT, 'test', 'fixtures', 'pipeline'), '.txt').map((f) => fs.readFileSync(f, 'utf8'));
const devPages = readDir('/work/shared/corpus/dev/pages', '.ann').map((f) => parseAnn(f).data);

test('corpus, pipeline and dev-page dumps, one by one and joined', () => {
  for (const [k, t] of [...corpus, ...pipeline, ...devPages].entries()) assertSame(`dump ${k}`, t);
  assertSame('corpus joined, CRLF', corpus.join('\n\n').replace(/\r?\n/g, '\r\n'));
  assertSame('dev pages joined', devPages.join('\n\n'));
});

test('a 1 MB scraper dump, with options', () => {
  const big = scraperDump(loadFixtures(path.join(ROOT, 'bench', 'fixtures')), 1024 * 1024, 11);
  assertSame('1 MB', big);
  assertSame('1 MB with options', big, { extraPhrases: ['read more'], ignorePhrases: ['reuters'], rules: { promo: 'off' } });
});

test('texts not analysed: the same notice; a lean range is NO_RANGE', () => {
  for (const t of ['', 'a\u0000b']) assert.equal(fixAllView(analyzeForClean(t)), fixAllView(analyze(t)));
  const m = analyzeForClean(corpus[0]);
  assert.ok(m.residue.length > 0 && m.residue.every((r) => r.range === NO_RANGE || r.evidence.endsWith('(once the residue around it is deleted)')));
});
