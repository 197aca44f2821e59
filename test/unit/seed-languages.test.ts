// The seed's layout in sixteen languages (test/fixtures/lang/seed/): the widget, the inline
// teaser and the glued ad word are found in each, the two articles keep their headlines and
// the related entry its source and time, and clean() leaves every sentence of both bodies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, clean } from '../../server/src/analysis';
import type { RuleId } from '../../server/src/analysis';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'lang', 'seed');
const LANGS = ['de', 'fr', 'es', 'it', 'pt', 'pl', 'cs', 'id', 'ru', 'tr', 'nl', 'vi', 'ar', 'ja', 'zh', 'ko'];
/** Without spaces between words, "広告" glued to a sentence cannot be told from the start of
 *  "広告収入" (advertising revenue); in Korean, without capitals, "광고" glued before a word
 *  cannot be told from a sentence that starts with it: the glued form is left alone there. */
const NO_GLUED = new Set(['ja', 'zh', 'ko']);

const words = (t: string) => t.trim().split(/\s+/u).filter(Boolean).length;

for (const lang of LANGS) {
  test(`seed layout in ${lang}: widget, teaser, glued ad word, two articles`, () => {
    const text = fs.readFileSync(path.join(DIR, `${lang}.txt`), 'utf8');
    const lines = text.split('\n');
    const model = analyze(text);
    const rules = new Set(model.residue.map((r) => r.rule));
    for (const rule of ['sponsored-widget', 'inline-teaser', 'ad-marker'] as RuleId[]) {
      if (rule !== 'ad-marker' || !NO_GLUED.has(lang)) assert.ok(rules.has(rule), `${lang}: ${rule}`);
    }
    // The related entry: source, time, "- source", headline, body.
    const dash = lines.findIndex((l) => l.startsWith('- '));
    const main = lines.findIndex((l) => l.trim() !== '');
    assert.deepEqual(model.articles.slice(0, 2).map((a) => a.headline), [lines[main], lines[dash + 1]]);
    assert.equal(model.articles[1].source, lines[dash - 2]);
    assert.equal(model.articles[1].published, lines[dash - 1]);
    const out = clean(text);
    // Every paragraph of the main article stays; the widget goes whole.
    // (a paragraph: a sentence of eight words or more; the teaser line has its "|")
    const paragraph = (t: string) => words(t) >= 8 && /[.!?。．]$/u.test(t.trim()) && !/[|｜]/u.test(t);
    for (let i = main; i < dash; i++) if (paragraph(lines[i])) assert.ok(out.includes(lines[i]), `${lang}: line ${i + 1} kept`);
    for (const r of model.residue.filter((x) => x.rule === 'sponsored-widget')) assert.ok(!out.includes(text.slice(r.start, r.end)), `${lang}: widget removed`);
    // The related body loses its glued ad word and nothing else.
    if (NO_GLUED.has(lang)) return;
    const ad = model.residue.find((r) => r.rule === 'ad-marker')!;
    assert.match(text.slice(ad.end, ad.end + 1), /^(?:\s|\p{Lu}|$)/u, `${lang}: the ad word goes whole`);
    const body = lines[dash + 2];
    assert.ok(out.includes(text.slice(text.indexOf(body), ad.start) + text.slice(ad.end, text.indexOf(body) + body.length)), `${lang}: related body kept`);
  });
}
