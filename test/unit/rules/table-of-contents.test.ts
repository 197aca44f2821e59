// site-chrome, tables of contents: a "Table of contents" label and the section links under it
// that come back further down as the article's subheadings. The subheadings stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean } from '../../../server/src/analysis';
import { findTocBlocks } from '../../../server/src/analysis/rules/tableOfContents';
import { doc } from '../../support/ruleCase';

const HEAD = 'How to choose a kettle for pour-over coffee at home';
const P = (n: number) => `Paragraph ${n} explains at some length why the spout, the handle and the thermometer matter when you brew a careful cup every morning.`;
const SECTIONS = ['Why the spout matters', 'Temperature control', 'Our top picks'];

test('valid: the label and its entries go, the subheadings below stay', () => {
  const body = SECTIONS.flatMap((s, i) => [s, P(i * 2), P(i * 2 + 1)]);
  const text = doc(HEAD, P(9), 'Table of Contents', ...SECTIONS.map((s, i) => `${i + 1}. ${s}`), ...body);
  assert.deepEqual(findTocBlocks(text.split('\n')), [
    { first: 2, last: 5, rule: 'site-chrome', evidence: 'a table of contents ("Table of Contents" and 3 section links that recur below as subheadings)' },
  ]);
  assert.equal(clean(text), doc(HEAD, P(9), ...body));
});

test('valid: labels in other languages', () => {
  for (const label of ['Inhaltsverzeichnis', 'Sommaire', 'Índice', 'Содержание', '目次', 'In this article:']) {
    const lines = [label, SECTIONS[0], SECTIONS[1], P(1), SECTIONS[0], P(2), SECTIONS[1], P(3)];
    assert.deepEqual(findTocBlocks(lines).map((b) => [b.first, b.last]), [[0, 2]], label);
  }
});

test('invalid: a list under a "Contents" label that does not recur is not taken, nor is the label', () => {
  for (const label of ['Contents:', 'Содержание']) {
    const lines = [label, 'flour, sugar and butter', 'two eggs', P(1), P(2)];
    assert.deepEqual(findTocBlocks(lines), [], label);
  }
});

test('valid: an unambiguous label goes even when its entries are not recognised', () => {
  const lines = ['Table of Contents', 'flour, sugar and butter', P(1), P(2)];
  assert.deepEqual(findTocBlocks(lines).map((b) => [b.first, b.last]), [[0, 0]]);
});

test('invalid: subheadings without a label are not a table of contents', () => {
  const lines = [SECTIONS[0], SECTIONS[1], P(1), SECTIONS[0], P(2), SECTIONS[1], P(3)];
  assert.deepEqual(findTocBlocks(lines), []);
});

test('invalid: a sentence that starts with "Contents" is not a label', () => {
  assert.deepEqual(findTocBlocks(['Contents of the report were leaked to reporters on Monday.', P(1)]), []);
});
