// Pure helpers of the LSP layer: looksLikeNewsDump (plaintext "auto" mode), settings
// normalisation, and the TextMate grammar file's shape.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import type { DumpModel, Residue, RuleId } from '../../server/src/analysis/model';
import { looksLikeNewsDump } from '../../server/src/lsp/looksLikeNewsDump';
import { analyzeOptions, normalizeSettings } from '../../server/src/lsp/settings';
import { fixture, ROOT } from './harness';

const R0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function model(shape: DumpModel['shape'], residue: [RuleId, number, 'delete' | 'layout'][], meta = false): DumpModel {
  return {
    length: 100, lineCount: 10, eol: '\n', mixedEol: false, bom: false, notice: null, shape, groups: [],
    articles: [{ headline: 'H', headlineRange: R0, source: meta ? 'Reuters' : null, published: null, byline: null, bodyRange: R0, range: R0, sections: [], role: 'main' }],
    residue: residue.map(([rule, article, kind]): Residue => ({
      rule, article, message: '', severity: 'information', start: 0, end: 1, range: R0, evidence: '',
      fix: { title: '', kind, edits: [] }, origin: 'rule',
    })),
  };
}

describe('looksLikeNewsDump', () => {
  test('real dumps and copied pages: yes', () => {
    for (const f of ['seed-daily8.txt', 'aggregator-cricket.txt', 'single-page-india.txt', 'wcxb_0221.txt']) {
      assert.strictEqual(looksLikeNewsDump(analyze(fixture(f))), true, f);
    }
  });
  test('prose and a README: no', () => {
    for (const f of ['novel-chapter.txt', 'README.txt']) assert.strictEqual(looksLikeNewsDump(analyze(fixture(f))), false, f);
    assert.strictEqual(looksLikeNewsDump(analyze('')), false, 'empty');
    assert.strictEqual(looksLikeNewsDump(analyze('Dear Sam,\n\nSee you on Monday.\n\nAnn\n')), false, 'a note');
  });
  test('decision rules on synthetic models', () => {
    assert.strictEqual(looksLikeNewsDump(model('aggregator', [])), true, 'aggregator layout');
    assert.strictEqual(looksLikeNewsDump(model('scraper', [])), false, 'rule-line "scraper" layout alone (a licence has those)');
    assert.strictEqual(looksLikeNewsDump(model('page', [['ad-marker', 0, 'delete']])), true, 'an ad marker');
    assert.strictEqual(looksLikeNewsDump(model('page', [['sponsored-widget', -1, 'delete']])), true, 'a widget');
    assert.strictEqual(looksLikeNewsDump(model('single', [['inline-teaser', 0, 'delete']])), false, 'one weak teaser');
    assert.strictEqual(looksLikeNewsDump(model('single', [['inline-teaser', 0, 'delete']], true)), true, 'teaser in an article with a source');
    assert.strictEqual(looksLikeNewsDump(model('page', [['broken-line', 0, 'layout'], ['glued-heading', 0, 'layout'], ['broken-line', 0, 'layout']])), false, 'layout only');
    assert.strictEqual(looksLikeNewsDump(model('page', [['promo', 0, 'delete'], ['site-chrome', -1, 'delete']])), true, 'two rule findings');
    const classifier = model('page', Array.from({ length: 9 }, () => ['site-chrome', 0, 'delete'] as [RuleId, number, 'delete']));
    for (const r of classifier.residue) r.origin = 'classifier';
    assert.strictEqual(looksLikeNewsDump(classifier), false, 'classifier guesses alone');
    assert.strictEqual(looksLikeNewsDump({ ...model('binary', []), notice: 'binary' }), false, 'notice');
  });
});

describe('settings', () => {
  test('defaults', () => {
    const s = normalizeSettings(undefined);
    assert.deepStrictEqual(s, { rules: {}, extraPhrases: [], ignorePhrases: [], maxFileSizeMB: 20, maxDiagnostics: 1000, plaintext: 'auto', outline: { showResidue: false } });
    assert.deepStrictEqual(analyzeOptions(s), {});
  });
  test('valid values pass, invalid ones fall back', () => {
    const s = normalizeSettings({
      rules: { promo: 'off', 'ad-marker': 'Error', 'site-chrome': 'info', nope: 'error', 'inline-teaser': 7 },
      extraPhrases: ['Watch live', 3, ''], ignorePhrases: 'x', maxFileSizeMB: -1, maxDiagnostics: -5, plaintext: 'always',
      'outline.showResidue': true,
    });
    assert.deepStrictEqual(s.rules, { promo: 'off', 'ad-marker': 'error', 'site-chrome': 'information' });
    assert.deepStrictEqual(s.extraPhrases, ['Watch live']);
    assert.deepStrictEqual(s.ignorePhrases, []);
    assert.strictEqual(s.maxFileSizeMB, 20);
    assert.strictEqual(s.maxDiagnostics, 1000);
    assert.strictEqual(normalizeSettings({ maxDiagnostics: 0 }).maxDiagnostics, 0);
    assert.strictEqual(normalizeSettings({ maxDiagnostics: 2.7 }).maxDiagnostics, 2);
    assert.strictEqual(s.plaintext, 'always');
    assert.strictEqual(s.outline.showResidue, true);
    assert.deepStrictEqual(analyzeOptions(s), { rules: s.rules, extraPhrases: ['Watch live'] });
  });
});

describe('TextMate grammar', () => {
  const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes', 'newsdump.tmLanguage.json'), 'utf8'));
  const regexes: string[] = [];
  (function walk(o: unknown) {
    if (!o || typeof o !== 'object') return;
    for (const [k, v] of Object.entries(o)) {
      if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') regexes.push(v);
      else walk(v);
    }
  })(grammar.repository);

  test('scope, includes resolve, every regex compiles', () => {
    assert.strictEqual(grammar.scopeName, 'source.newsdump');
    for (const p of grammar.patterns) assert.ok(grammar.repository[p.include.slice(1)], `${p.include} defined`);
    assert.ok(regexes.length >= 8);
    for (const r of regexes) assert.doesNotThrow(() => new RegExp(r.replace(/\\A/g, '^'), 'u'), r);
  });

  test('regexes are linear: no nested quantifiers, no backreferences', () => {
    for (const r of regexes) {
      assert.ok(!/\([^()]*[+*][^()]*\)[+*{]/.test(r), `nested quantifier in ${r}`);
      assert.ok(!/\\[1-9]/.test(r), `backreference in ${r}`);
    }
  });

  test('lines of the seed get the scopes a theme colours', () => {
    const by = (name: string) => new RegExp(regexes.find((r) => r.includes(name))!.replace(/\\A/g, '^'), 'u');
    const adLine = new RegExp(grammar.repository['ad-marker-line'].match, 'u');
    for (const l of ['Advertisement', 'by Taboola', 'Sponsored Links', 'Undo', 'Get Quote']) assert.ok(adLine.test(l), l);
    assert.ok(!adLine.test('Undo the damage done by the storm'), 'only whole lines');
    const rel = new RegExp(grammar.repository['time-line'].patterns[0].match, 'u');
    for (const l of ['23 minutes ago', 'an hour ago', '2 days ago']) assert.ok(rel.test(l), l);
    const date = new RegExp(grammar.repository['time-line'].patterns[1].match, 'u');
    for (const l of ['Updated: Jul 2, 2026', 'August 16, 2025', '16 August 2025', 'Published: Aug. 16, 2025 10:30 AM IST']) assert.ok(date.test(l), l);
    const src = new RegExp(grammar.repository['source-then-headline'].begin, 'u');
    assert.ok(src.test('- Indian Express'));
    assert.ok(!src.test('- a list item that is a whole sentence.'));
    const teaser = new RegExp(grammar.repository.teaser.match, 'u');
    assert.ok(teaser.test('ALSO READ | Putin spoke last words in English'));
    assert.ok(by('by Taboola'));
  });
});
