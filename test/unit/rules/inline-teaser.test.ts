// inline-teaser: "ALSO READ | ..." teasers for other stories, as a line or inside a paragraph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clean } from '../../../server/src/analysis';
import { doc, found } from '../../support/ruleCase';

const HEAD = 'India name squad for the England tour';
const P1 = 'The selectors named a sixteen-man squad on Monday, recalling two fast bowlers who missed the home series through injury.';
const P2 = 'The squad will travel to London next week and play two warm-up matches before the first Test at Headingley in June.';

test('valid: an "ALSO READ | ..." line is deleted whole', () => {
  const teaser = 'ALSO READ | Rohit Sharma steps down as Test captain after series defeat';
  const text = doc(HEAD, P1, teaser, P2);
  const model = analyze(text);
  assert.deepEqual(found(text), [['inline-teaser', teaser]]);
  assert.deepEqual(model.residue[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: teaser.length } });
  assert.equal(clean(text), doc(HEAD, P1, P2));
});

test('valid: "Lesen Sie auch: ..." on its own line', () => {
  const head = 'Stadtrat beschließt neuen Haushalt für Parks und Bibliotheken';
  const p1 = 'Der Stadtrat hat am Dienstag einen Haushalt beschlossen, der die Ausgaben für Parks und Bibliotheken um zwölf Prozent erhöht.';
  const teaser = 'Lesen Sie auch: Bürgermeister kündigt Rücktritt zum Jahresende an';
  const p2 = 'Die Stadträte sagten, das Geld werde über drei Jahre ausgegeben, vor allem für die Reparatur von Gebäuden, die seit dem Hochwasser geschlossen sind.';
  const text = doc(head, p1, teaser, p2);
  assert.deepEqual(found(text), [['inline-teaser', teaser]]);
  assert.equal(clean(text), doc(head, p1, p2));
});

test('valid: a glued "ALSO READ: ..." is cut exactly up to the paragraph\'s next sentence', () => {
  // From the cricket dev dump: the teaser headline has one capitalised word besides its first.
  const before = 'England\'s teenage spinner Shoaib Bashir took three wickets in 22 balls to give his side brief hope of levelling the series in Ranchi. ';
  const teaser = 'ALSO READ: Captain backs Bashir to become England\'s long-term spinner ';
  const after = 'England\'s captain said he was proud of the fight his side showed.';
  const line = before + teaser + after;
  const text = doc(HEAD, line, P2);
  const model = analyze(text);
  assert.deepEqual(found(text), [['inline-teaser', teaser]]);
  assert.deepEqual(model.residue[0].range, {
    start: { line: 1, character: before.length },
    end: { line: 1, character: before.length + teaser.length },
  });
  assert.equal(clean(text), doc(HEAD, before + after, P2));
});

test(
  'valid: a glued teaser whose paragraph resumes with a proper noun later in the sentence',
  () => {
    const before = 'The selectors named a sixteen-man squad on Monday, recalling two fast bowlers who missed the home series. ';
    const teaser = 'ALSO READ: Rohit Sharma steps down as Test captain after series defeat ';
    const after = 'The squad will travel to London next week and play two warm-up matches before the first Test.';
    const text = doc(HEAD, before + teaser + after, P2);
    assert.deepEqual(found(text), [['inline-teaser', teaser]]);
    assert.equal(clean(text), doc(HEAD, before + after, P2));
  },
);

test('invalid: "Read more about it in the report." in prose', () => {
  const text = doc(
    'Auditors find gaps in the city\'s flood defences',
    'The auditors found that two of the five pumping stations had not been inspected for more than a decade. Read more about it in the report. The council said it would publish a plan to fix the stations by the end of the month.',
    'Residents of the low-lying districts said they had warned the council about the pumps for years without getting an answer.',
  );
  assert.deepEqual(found(text), []);
  assert.equal(clean(text), text);
});

test('invalid: a line starting "Read more" as a sentence is not a teaser', () => {
  const text = doc(HEAD, P1, 'Read more widely, the coach told the younger players, and you will understand the game better.', P2);
  assert.deepEqual(found(text), []);
});

test(
  'invalid: "Read more:" followed by a lower-case sentence of the article',
  () => {
    const line =
      'The report was published on Tuesday. Read more: the auditors found that two of the five pumping stations had not been inspected for a decade.';
    const text = doc(HEAD, line, P2);
    assert.deepEqual(found(text), []);
  },
);
