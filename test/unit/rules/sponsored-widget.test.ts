// sponsored-widget: Taboola/Outbrain-style blocks, as whole lines or glued into a paragraph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clean } from '../../../server/src/analysis';
import { doc, found, HEAD, P1, P2 } from '../../support/ruleCase';

// The block as the seed dump has it (seed-daily8.txt lines 14-24).
const SEED_BLOCK = [
  'by Taboola',
  'by Taboola',
  'Sponsored Links',
  'Sponsored Links',
  'Promoted Links',
  'Promoted Links',
  'You May Like',
  'Weston-super-mare: If You Were Born Between 1940-1975 You Could Be Eligible For This Life Cover',
  'Reassured',
  'Get Quote',
  'Undo',
];

test('valid: the seed\'s line block, from its first label to its "Undo", is one finding', () => {
  const text = doc(HEAD, P1, ...SEED_BLOCK, P2);
  const model = analyze(text);
  assert.deepEqual(found(text), [['sponsored-widget', SEED_BLOCK.join('\n')]]);
  const r = model.residue[0];
  assert.deepEqual(r.range, { start: { line: 2, character: 0 }, end: { line: 12, character: 4 } });
  assert.equal(r.fix.kind, 'delete');
  assert.equal(r.article, 0);
  assert.equal(clean(text), doc(HEAD, P1, P2));
});

test('valid: a block with two items and two buttons ends at its last "Undo"', () => {
  const block = [
    'by Taboola',
    'Sponsored Links',
    'You May Like',
    'Mumbai: Unsold Luxury Apartments Now Selling For A Fraction Of The Price',
    'Luxury Homes | Search Ads',
    'Search Now',
    'Undo',
    'This Game Will Keep You Up All Night!',
    'Raid Shadow Legends',
    'Play Now',
    'Undo',
  ];
  const text = doc(HEAD, P1, ...block, P2);
  assert.deepEqual(found(text), [['sponsored-widget', block.join('\n')]]);
  assert.equal(clean(text), doc(HEAD, P1, P2));
});

test('valid: the Time of India paragraph, widget glued inline, cut from "by Taboola" through "Undo "', () => {
  const before = '"We in Ukraine welcome the principled statement of the Nordic-Baltic partners and are grateful for their very significant assistance. ';
  const widget =
    'by Taboola by Taboola Sponsored Links Sponsored Links Promoted Links Promoted Links You May Like American Investor Warren Buffett Recommends: 5 Books For Turning Your Life Around Blinkist: Warren Buffett\'s Reading List Undo ';
  const after = 'The unity of all strengthens each one!" he said. The statement came after a report that Ukraine refused the demand.';
  const head = 'Zelenskyy urges stronger sanctions on Russia';
  const text = doc(head, before + widget + after, P2);
  const model = analyze(text);
  assert.deepEqual(found(text), [['sponsored-widget', widget]]);
  const r = model.residue[0];
  assert.deepEqual(r.range.start, { line: 1, character: before.length });
  assert.deepEqual(r.range.end, { line: 1, character: before.length + widget.length });
  assert.equal(clean(text), doc(head, before + after, P2));
});

test('invalid: an article about Taboola\'s business is left alone', () => {
  const text = doc(
    'Taboola shares jump after strong quarterly results',
    'Taboola, the company behind the recommendation widgets seen on many news sites, reported revenue well above analyst forecasts on Tuesday.',
    'The company said its network now reaches hundreds of millions of readers every month, and that advertisers spent more per click than a year ago.',
    'Chief executive Adam Singolda said the results showed that publishers still valued the recommendations that Taboola places under their articles.',
    'Analysts at two banks raised their price targets after the call, citing stronger demand from advertisers in retail and travel.',
  );
  assert.deepEqual(found(text), []);
  assert.equal(clean(text), text);
});

test('invalid: "powered by Taboola, Outbrain" in prose is left alone', () => {
  const text = doc(
    'Publishers weigh the value of recommendation widgets',
    'Many publishers rely on revenue from widgets powered by Taboola, Outbrain and similar networks to pay for their newsrooms.',
    'Critics say the links they show are often low in quality, and some editors have removed them from their pages after complaints from readers.',
    'Others argue that without that income they would have to cut reporters or put more of their journalism behind a paywall.',
  );
  assert.deepEqual(found(text), []);
  assert.equal(clean(text), text);
});

test('invalid: a lone "You May Like" subheading followed by prose is not a widget', () => {
  const text = doc(
    'Ten books to read this winter',
    'Our critics picked the novels and histories they enjoyed most this year, from debut authors and old favourites alike.',
    'You May Like',
    'The first pick is a debut novel about two sisters who run a bakery in a small coastal town and fall out over an inheritance.',
    'The second is a history of the railway that crossed the continent, told through the letters of the engineers who built it.',
  );
  assert.deepEqual(found(text).filter(([rule]) => rule === 'sponsored-widget'), []);
  assert.ok(clean(text).includes('You May Like\n'));
});

test('invalid: "you may like" inside a sentence is not an inline widget', () => {
  const text = doc(HEAD, 'Residents who enjoy the riverside walk, you may like to know, will get new benches and lights by the summer.', P2);
  assert.deepEqual(found(text), []);
});

test('rule off: the block stays in the clean output', () => {
  const text = doc(HEAD, P1, ...SEED_BLOCK, P2);
  assert.equal(clean(text, { rules: { 'sponsored-widget': 'off' } }).includes('Get Quote'), true);
  assert.equal(analyze(text, { rules: { 'sponsored-widget': 'off' } }).residue.some((r) => r.rule === 'sponsored-widget'), false);
});

test(
  'invalid: a generic label, then a prose sentence, then a "Learn More" line: the sentence is article text',
  () => {
    const prose =
      'Readers have been buying more history books than novels this year, according to figures from the booksellers association, which surprised many.';
    const text = doc(
      'Ten books to read this winter',
      'Our critics picked the novels and histories they enjoyed most this year.',
      'Trending Now',
      prose,
      'Learn More',
      'The association said the trend was strongest among readers under thirty, who now buy a third of all history titles.',
    );
    assert.ok(clean(text).includes(prose));
  },
);

test('valid: widget blocks labelled and buttoned in French, Indonesian and Japanese', () => {
  const blocks = [
    ['Contenus sponsorisés', 'Les médecins sont stupéfaits : ce remède efface les rides', 'Santé Magazine', 'En savoir plus', 'Retraités : cette mutuelle coûte moins cher que prévu', 'Mutuelle Info', 'Annuler'],
    ['Konten Bersponsor', 'Dokter terkejut: trik ini menghilangkan nyeri lutut', 'Sehat Harian', 'Pelajari lebih lanjut', 'Pensiunan: asuransi ini lebih murah dari perkiraan', 'Info Asuransi', 'Batalkan'],
    ['スポンサーリンク', '医師も驚いた、ひざの痛みが消える方法', '健康ニュース', '詳しくはこちら', '年金生活者必見：この保険が安い理由', '保険情報', '元に戻す'],
  ];
  for (const w of blocks) {
    const text = doc(HEAD, P1, ...w, P2);
    assert.equal(clean(text), doc(HEAD, P1, P2), w[0]);
  }
});
