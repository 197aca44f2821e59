// site-chrome, glued teaser cards: a rail of story titles, each run into its excerpt with no
// space ("…Flood WarningResidents of the valley were told…"), is furniture, and none of them
// is the page's headline. Camel-case names (product names, brands) and a lone glued line
// are not cards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clean } from '../../../server/src/analysis';
import { findGluedTeasers, gluedJoin } from '../../../server/src/analysis/rules/gluedTeaser';

const CARDS = [
  'River Town Issues Flood Warning For Saturday NightResidents of the valley were told to move their cars to higher ground before dark.',
  'School Board Delays Vote On New Start TimesThe board said it wanted to hear from more parents before changing the bell schedule.',
  'Bakery On Main Street Closes After 60 YearsThe owners said rising costs and a lack of staff made it impossible to keep going.',
  'Hospital Opens New Wing For Children With CancerA gift from a local family paid for most of the building, officials said on Monday.',
];
const lines = (xs: string[]) => findGluedTeasers(xs).map((b) => b.first);

test('the join is found between a title and the sentence that follows it', () => {
  const t = CARDS[0];
  assert.equal(t.slice(gluedJoin(t)).startsWith('Residents of the valley'), true);
  assert.equal(gluedJoin('Prices Rise Again At 250,000The state said the number of homes sold fell for the third month.') > 0, true);
});

test('valid: a rail of glued cards, with short links between them, is flagged card by card', () => {
  const xs = ['Latest Headlines', CARDS[0], CARDS[1], 'More', CARDS[2], CARDS[3], 'Weather'];
  assert.deepEqual(lines(xs), [1, 2, 4, 5]);
  assert.equal(findGluedTeasers(xs)[0].rule, 'site-chrome');
});

test('invalid: one glued line, or two far apart, is a typo, not a rail', () => {
  assert.deepEqual(lines(['Intro text here.', CARDS[0], 'More text.']), []);
  const filler = Array.from({ length: 10 }, (_, k) => `Paragraph ${k} of the story says something of its own about the flood.`);
  assert.deepEqual(lines([CARDS[0], ...filler, CARDS[1], ...filler, CARDS[2]]), []);
});

test('invalid: camel-case names that recur on the page are names, not joins', () => {
  const review = [
    'The Lenovo IdeaPad Slim 3 is a budget laptop with a bright screen and a keyboard that is easy to type on for hours.',
    'The Lenovo IdeaPad Pro 5 costs more, but its battery lasted twice as long in our tests and it runs much cooler.',
    'The Lenovo IdeaPad Flex 5 folds into a tablet, which is handy for reading, but its speakers are thin and quiet.',
    'We tested every IdeaPad on the same video loop at the same brightness.',
  ];
  assert.deepEqual(lines(review), []);
});

test('invalid: model codes and rows of a glued table are not titles glued to excerpts', () => {
  assert.equal(gluedJoin('The Acer Aspire Go 15 (AG15-51P-510U) has fast-enough specs and a decent but dim display.'), -1);
  assert.equal(gluedJoin('StepWhat You BuildSkills1Basic layoutHTML and CSS fundamentals for the first page you make'), -1);
  assert.equal(gluedJoin('Police said the man was arrested on Tuesday and charged with theft.'), -1);
});

test('a page whose menu is a rail of glued cards: the cards go and the story keeps its headline', () => {
  const body = [
    'Health officials in the county reported a sixth death linked to a virus carried by mosquitoes, the highest number in a decade.',
    'The victim was one of two people who caught the virus in late summer, the health department said in a statement on Monday.',
    'Cases first appeared at the end of August, and officials said the risk would last until the first hard frost of the year.',
    'Residents were asked to use insect repellent and to empty standing water from buckets, gutters and old tyres around their homes.',
  ];
  const text = ['Menu', 'News', 'Latest Headlines', ...CARDS, 'Weather', 'Sports', 'Officials Report Sixth Death Linked To Mosquito Virus', 'November 19, 2019 at 9:45 am', ...body, ''].join('\n');
  const model = analyze(text);
  assert.equal(model.articles[0].headline, 'Officials Report Sixth Death Linked To Mosquito Virus');
  const out = clean(text);
  for (const c of CARDS) assert.equal(out.includes(c), false);
  for (const b of body) assert.equal(out.includes(b), true);
  assert.equal(clean(out), out);
});
