// broken-line (layout): link text copied onto lines of its own ("Telegram" / "and" /
// ", citing ..."). Reported as a hint; only `clean` with `layout` joins the lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clean } from '../../../server/src/analysis';
import { doc } from '../../support/ruleCase';

const HEAD = 'Russia restricts Telegram and WhatsApp calls';
const TAIL =
  ', citing alleged failures to comply with Russian law, particularly regarding information sharing with law enforcement in fraud and terrorism cases. According to Reuters, the restrictions affect only call functionality.';
const P2 = 'Officials say compliance with Russian regulations could lead to the lifting of the call restrictions.';

test('valid: the seed\'s "Telegram" / "and" / ", citing" chain joins into one line with layout', () => {
  const text = doc(HEAD, 'Telegram', 'and', TAIL, P2);
  const model = analyze(text);
  const broken = model.residue.filter((r) => r.rule === 'broken-line');
  assert.equal(broken.length, 1, 'one finding for the chain');
  const r = broken[0];
  assert.equal(r.fix.kind, 'layout');
  assert.equal(r.severity, 'hint');
  // From the end of "Telegram" to the start of ", citing".
  assert.deepEqual(r.range, { start: { line: 1, character: 8 }, end: { line: 3, character: 0 } });
  assert.deepEqual(
    r.fix.edits.map((e) => [text.slice(e.start, e.end), e.newText]),
    [
      ['\n', ' '],
      ['\n', ''],
    ],
  );
  assert.equal(model.residue.filter((x) => x.fix.kind === 'delete').length, 0);
  // Deleting clean leaves the lines alone; the layout clean joins them.
  assert.equal(clean(text), text);
  assert.equal(clean(text, { layout: true }), doc(HEAD, 'Telegram and' + TAIL, P2));
});

test('valid: the same chain with CRLF endings joins over the CRLF', () => {
  const text = [HEAD, 'Telegram', 'and', TAIL, P2, ''].join('\r\n');
  assert.equal(clean(text, { layout: true }), [HEAD, 'Telegram and' + TAIL, P2, ''].join('\r\n'));
});

test('valid: a sentence broken before a lower-case word joins with one space', () => {
  const line1 = 'The move comes amid Russia\'s push for digital sovereignty, including the development of a';
  const line2 = 'state-backed messaging app';
  const line3 = 'integrated with government services, which critics say would let the state track its users.';
  const text = doc(HEAD, line1, line2, line3, P2);
  assert.equal(clean(text, { layout: true }), doc(HEAD, `${line1} ${line2} ${line3}`, P2));
});

test('invalid: a subheading followed by a capitalised sentence is not broken', () => {
  const text = doc(
    HEAD,
    'Russia has restricted some calls on foreign messaging apps, citing alleged failures to comply with Russian law on sharing information with the police.',
    'Telegram and WhatsApp face legal and compliance issues',
    'The Russian digital development ministry stated that foreign-owned platforms have repeatedly ignored requests to prevent their services from being used for crime.',
  );
  const model = analyze(text);
  assert.deepEqual(model.residue.map((r) => r.rule), []);
  assert.equal(clean(text, { layout: true }), text);
  // The subheading is a section of the article.
  assert.deepEqual(model.articles[0].sections.map((s) => s.title), ['Telegram and WhatsApp face legal and compliance issues']);
});

test('invalid: a list of bullet lines is not joined', () => {
  const text = doc(
    HEAD,
    'The ministry listed the conditions the companies must meet before the restrictions are lifted:',
    '- open a local legal entity',
    '- cooperate with law enforcement',
    P2,
  );
  assert.equal(clean(text, { layout: true }), text);
});

test(
  'invalid: a subheading followed by a paragraph that starts with a lower-case brand ("eBay")',
  () => {
    const text = doc(
      'Online marketplaces cut fees for small sellers',
      'Several marketplaces announced lower fees for small businesses this week, the second cut in a year.',
      'Marketplace changes',
      'eBay said on Monday that it would cut its fees for sellers with fewer than a hundred listings, starting in March.',
      'Etsy said it would follow with a similar change later in the spring, according to a statement from the company.',
    );
    assert.equal(clean(text, { layout: true }), text);
  },
);

test('a glued heading inside a broken sentence ends the chain: layout findings never overlap', () => {
  const text = doc(HEAD,
    "Russia's push for digital sovereignty, including the development of a",
    'state-backed messaging app PUSHES FOR DIPLOMATIC DIALOGUE Turkey and others said that the',
    'app would be integrated with government services, officials in Moscow said on Monday.',
    P2);
  const model = analyze(text);
  const layout = model.residue.filter((r) => r.rule === 'broken-line' || r.rule === 'glued-heading');
  assert.ok(layout.some((r) => r.rule === 'glued-heading') && layout.some((r) => r.rule === 'broken-line'));
  for (const a of layout) for (const b of model.residue) {
    if (a !== b) assert.ok(a.end <= b.start || b.end <= a.start, `${a.rule} ${a.start}-${a.end} overlaps ${b.rule} ${b.start}-${b.end}`);
  }
});
