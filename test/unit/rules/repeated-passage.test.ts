// site-chrome, repeated passages: a second copy of several paragraphs in a row, word for
// word, goes; the first copy stays. One repeated line (a pull quote, a subheading listed in
// a table of contents, a chorus) is not a copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clean } from '../../../server/src/analysis';
import { findRepeatedPassages } from '../../../server/src/analysis/rules/repeatedPassage';
import { doc } from '../../support/ruleCase';

const PARAS = [
  'The city council on Tuesday approved a budget that raises spending on parks and libraries by twelve percent, the first increase in five years.',
  'Councillors said the money would be spent over three years, with most of it going to repairs of buildings that have been closed since the flood.',
  'The mayor, who had opposed an earlier version of the plan, said the final budget struck a fair balance between repairs and new services.',
  'Residents who spoke at the meeting asked for longer library hours on weekends, which the council promised to consider in the spring.',
  'The budget also sets aside money for a new swimming pool on the east side, a project that has been discussed for more than a decade.',
];
const span = (lines: string[]) => findRepeatedPassages(lines).map((b) => [b.first, b.last]);

test('valid: the article printed twice: the second copy, with its subheading, is one block', () => {
  const lines = ['Council approves budget', ...PARAS.slice(0, 2), 'What comes next', ...PARAS.slice(2), 'Share this story', ...PARAS.slice(0, 2), 'What comes next', ...PARAS.slice(2)];
  assert.deepEqual(span(lines), [[8, 13]]);
});

test('valid: blank lines inside the copy do not end it', () => {
  const lines = [...PARAS, '', PARAS[0], '', PARAS[1], '', PARAS[2], '', PARAS[3]];
  assert.deepEqual(span(lines), [[6, 12]]);
});

test('invalid: a pull quote, a repeated subheading, three repeated paragraphs', () => {
  assert.deepEqual(span([...PARAS, PARAS[2]]), []);
  assert.deepEqual(span(['In this article', 'What comes next', ...PARAS, 'What comes next', PARAS[0]]), []);
  assert.deepEqual(span([...PARAS, ...PARAS.slice(0, 3)]), []);
});

test('invalid: a copy interrupted by new text is two short runs, not a copy', () => {
  const lines = [...PARAS, PARAS[0], PARAS[1], 'A new paragraph that the first copy did not have, so the copy is broken here for good.', PARAS[2], PARAS[3]];
  assert.deepEqual(span(lines), []);
});

test('the fix-all keeps the first copy and deletes the second; a second clean changes nothing', () => {
  const text = doc('Council approves new budget for city parks and libraries', ...PARAS, ...PARAS);
  const model = analyze(text);
  const copy = model.residue.filter((r) => r.evidence.includes('second copy'));
  assert.equal(copy.length, 1);
  assert.equal(copy[0].rule, 'site-chrome');
  const once = clean(text);
  assert.equal(once, doc('Council approves new budget for city parks and libraries', ...PARAS));
  assert.equal(clean(once), once);
});
