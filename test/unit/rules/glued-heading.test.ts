// glued-heading (layout): an all-caps subheading run into the next sentence. Reported as a
// hint; only `clean` with `layout` puts the heading on a line of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clean } from '../../../server/src/analysis';
import { doc } from '../../support/ruleCase';

const HEAD = "Russia's Lavrov holds talks with Ankara, Budapest on outcomes of Alaska summit";
const A1 = '"The foreign ministers exchanged views on the outcomes of the high-level Russia-US meeting held in Alaska on August 15," the ministry said in a statement posted on its';
const H1 = 'PUSHES FOR DIPLOMATIC DIALOGUE';
const A2 = 'Turkey has consistently sought to maintain open diplomatic channels with both Russia and Ukraine during the war. As a NATO member and a partner to both sides, Ankara has positioned itself as a potential mediator.';
const B1 = 'The discussions focused on ways to preserve dialogue, Turkish sources said as quoted by news agency';
const H2 = 'MAINTAINS CLOSE TIES WITH MOSCOW';
const B2 = 'Lavrov also spoke with Hungarian Foreign Minister Peter Szijjarto, discussing the Ukrainian crisis.';

test('valid: the seed\'s "PUSHES FOR DIPLOMATIC DIALOGUE Turkey" and "MOSCOWLavrov" are split with layout', () => {
  const text = doc(HEAD, `${A1} ${H1} ${A2}`, `${B1} ${H2}${B2}`);
  const model = analyze(text);
  const glued = model.residue.filter((r) => r.rule === 'glued-heading');
  assert.deepEqual(
    glued.map((r) => text.slice(r.start, r.end)),
    [` ${H1} `, ` ${H2}`],
  );
  for (const r of glued) {
    assert.equal(r.fix.kind, 'layout');
    assert.equal(r.severity, 'hint');
    assert.ok(r.evidence.includes(r === glued[0] ? H1 : H2));
  }
  // "MOSCOWLavrov": the break goes between the two words, replacing nothing.
  const last = glued[1].fix.edits[glued[1].fix.edits.length - 1];
  assert.equal(last.start, last.end);
  assert.equal(text.slice(last.start - 6, last.start + 6), 'MOSCOWLavrov');
  assert.deepEqual(model.residue.filter((r) => r.rule !== 'glued-heading'), []);
  assert.equal(clean(text), text);
  assert.equal(clean(text, { layout: true }), doc(HEAD, A1, H1, A2, B1, H2, B2));
});

test('valid: split keeps CRLF line endings', () => {
  const text = [HEAD, `${A1} ${H1} ${A2}`, ''].join('\r\n');
  assert.equal(clean(text, { layout: true }), [HEAD, A1, H1, A2, ''].join('\r\n'));
});

test('invalid: "NATO member" and "US President" in prose are not headings', () => {
  const text = doc(
    'Trump and Putin meet in Alaska for summit on the war',
    'US President Donald Trump met Russian President Vladimir Putin in Anchorage on Friday. As a NATO member and a partner to both sides, Turkey has positioned itself as a potential mediator between Russia and Ukraine.',
    'The talks at the US base lasted nearly three hours, and the two leaders took no questions from reporters afterwards, officials said.',
  );
  assert.deepEqual(analyze(text).residue, []);
  assert.equal(clean(text, { layout: true }), text);
});

test('invalid: a run of acronyms in prose is not a heading', () => {
  const text = doc(
    'Leaders meet to discuss trade and security',
    'Officials from the EU and NATO met their UK counterparts in Brussels on Monday, where the IMF chief also spoke about debt relief for poorer countries.',
    'The meeting ended without a joint statement, though diplomats said the talks had been useful and would continue next month.',
  );
  assert.deepEqual(analyze(text).residue, []);
});
