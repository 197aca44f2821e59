// site-chrome, link shelves: a "Related articles" / "More on X:" / "Lesen Sie auch" label
// alone on its line, after the story has begun, and the linked headlines under it. The
// shelf stops at the first line that is not a title; a title right above a paragraph, or
// above a byline or a date, is a subheading or a story's own headline and stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findShelfBlocks, isLabelLine, isPopularityLabel } from '../../../server/src/analysis/rules/linkShelf';
import { clean } from '../../../server/src/analysis';

const STORY = 'The city council on Tuesday approved a budget that raises spending on parks and libraries by twelve percent, the first increase in five years.';
const span = (lines: string[]) => findShelfBlocks(lines).map((b) => [b.first, b.last]);

test('valid: a label after the story and the headlines under it', () => {
  const lines = [STORY, 'Related articles', 'Mayor promises new pool for the east side', 'Library hours to be extended in spring', 'Council delays vote on bus lanes', '', 'Comments are closed for this story.'];
  assert.deepEqual(span(lines), [[1, 4]]);
});

test('valid: "More on X:" labels, shorter link lines after a headline, labels in other languages', () => {
  const more = [STORY, 'More on Kellogg:', 'Kellogg Video Essay Tips & Admissions Insights', 'Interview Guide', 'Your Chances at Kellogg: Acceptance Rate'];
  assert.deepEqual(span(more), [[1, 4]]);
  for (const label of ['Lesen Sie auch:', 'Read More News on', 'Most Popular Videos', 'More Proof Points', 'More Business News:', 'Next Up In Science & Health', 'Read more stories about Kellogg', 'À lire aussi', 'Leggi anche', 'Читайте также', '関連記事', "DON'T MISS"]) {
    assert.equal(span([STORY, label, 'Mayor promises new pool for the east side', 'Library hours to be extended in spring']).length, 1, label);
  }
});

test('valid: the title right above the next paragraph stays (a subheading)', () => {
  const lines = [STORY, 'See also:', 'Mayor promises new pool for the east side', 'Library hours to be extended in spring', 'What the budget means for schools', STORY];
  assert.deepEqual(span(lines), [[1, 3]]);
});

test('invalid: a label above the story is a menu or a kicker, and its "entries" the headline', () => {
  assert.deepEqual(span(['Latest', 'Council approves new budget for city parks', 'By Jane Doe', STORY]), []);
});

test('invalid: a title above a byline or a date is a story\'s own headline', () => {
  const lines = [STORY, 'Recommended', 'Mayor promises new pool for the east side', 'Council approves new budget for city parks', 'June 5, 2025', STORY];
  // one teaser is left above the story's headline: too few for a shelf
  assert.deepEqual(span(lines), []);
});

test('invalid: a list under a label-like sentence, or sentences under a label', () => {
  assert.deepEqual(span([STORY, 'Popular stay-put renovations include:', 'Walk-in showers with seats', 'Grab bars that double as towel holders']), []);
  assert.deepEqual(span([STORY, 'Related', 'the council said it would revisit the plan.', 'it was not clear when.']), []);
  // "More" opening a line of the story, or a section name in lower case, is no label
  assert.deepEqual(span([STORY, 'More or less, the plan worked', 'Walk-in showers with seats', 'Grab bars that double as towel holders']), []);
  assert.deepEqual(span([STORY, 'More people than ever', 'Walk-in showers with seats', 'Grab bars that double as towel holders']), []);
});

test('invalid: a title above a "By ..." line is a story\'s own headline', () => {
  const lines = [STORY, 'Recommended', 'Mayor promises new pool for the east side', 'Council approves new budget for city parks', 'By Jane Doe', STORY];
  assert.deepEqual(span(lines), []);
});

test('valid: shelf labels in Indonesian, Turkish, Vietnamese, Spanish, Arabic, Chinese and Korean', () => {
  const heads = ['Mayor promises new pool for the east side', 'Library hours to be extended in spring', 'Council delays vote on bus lanes'];
  for (const label of ['Baca Juga', 'İlgili Haberler', 'Tin liên quan', 'Ver también', 'أخبار ذات صلة', '推荐阅读', '많이 본 뉴스']) {
    assert.deepEqual(span([STORY, label, ...heads]), [[1, 4]], label);
  }
});

// After the story, a shelf label closes the article: teaser cards with their excerpts go
// too; a "Related" box inside the article, with the story going on below it, does not.
const STORY_N = (n: number) => `Story paragraph ${n}: the council voted on Tuesday to approve a budget that raises spending on parks and libraries by twelve percent over three years.`;
const EXCERPT = (n: number) => `Excerpt ${n}: a short summary of another story that the site links to from here, printed under its title as a teaser for readers.`;
const pageWith = (after: string[]) => ['Council approves new budget for parks and libraries', 'By Jane Doe', ...[1, 2, 3, 4, 5].map(STORY_N), ...after].join('\n') + '\n';

test('valid: teaser cards with excerpts under a shelf label after the story go with it', () => {
  const cards = [1, 2, 3, 4].flatMap((n) => [`Mayor Promises New Pool Number ${n} for the East Side`, EXCERPT(n), 'Read more']);
  const out = clean(pageWith(['Related articles', ...cards]));
  for (const n of [1, 2, 3, 4, 5]) assert.ok(out.includes(STORY_N(n)), `story ${n} kept`);
  assert.ok(!out.includes('Excerpt'), out);
  assert.equal(clean(out), out);
});

test('invalid: a "Related articles" box inside the story, with paragraphs going on below it, stays', () => {
  const out = clean(pageWith(['Related articles', 'Mayor promises new pool for the east side', 'Library hours to be extended in spring', STORY_N(6), STORY_N(7), STORY_N(8)]));
  for (const n of [6, 7, 8]) assert.ok(out.includes(STORY_N(n)), `story ${n} kept`);
});

test('invalid: a listing page (more prose under the label than above it) keeps its entries', () => {
  const entries = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) => [`Review Number ${n} of a Sewing Machine for Beginners`, EXCERPT(n) + ' It is cheap, quiet and easy to thread, the reviewer found after a month.', 'Read more']);
  const text = ['The best sewing machines for beginners', 'By Jane Doe', 'We tested machines for a month and wrote up what we found about each of them, from the cheapest to the best-known brands on the market today.', 'Here are our reviews of every machine we tried, with the good and the bad points of each one, so that you can choose.', 'Related reviews', ...entries].join('\n') + '\n';
  const out = clean(text);
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) assert.ok(out.includes(EXCERPT(n)), `entry ${n} kept`);
});

test('invalid: a list article goes on below a "Related articles" box (numbered items, one paragraph each)', () => {
  const items = [6, 7, 8].flatMap((n) => [`${n}. Keep a spare key somewhere safe`, `Item ${n}: a short paragraph of advice that the list gives under its numbered heading, as such articles do.`]);
  const out = clean(pageWith(['Related articles', 'Mayor promises new pool for the east side', 'Library hours to be extended in spring', ...items]));
  for (const n of [6, 7, 8]) assert.ok(out.includes(`Item ${n}:`), `item ${n} kept`);
});

test('popularity labels rank the site\'s stories; words that only start like one do not', () => {
  for (const t of ['Most Read', 'Most Popular Articles', 'Trending now', 'Popular', 'Meistgelesen', 'Les plus lus']) assert.ok(isPopularityLabel(t), t);
  for (const t of ['Popularity contest', 'Trendingly', 'Mostly sunny']) assert.ok(!isPopularityLabel(t), t);
});

test('every popularity label is a shelf label too (the "most read" closer reads only shelf labels)', () => {
  for (const t of ['Most Read', 'Meistgelesen', 'Les plus lus', 'Lo más leído', 'Più letti', 'Самое читаемое', 'Najczęściej czytane', 'Meest gelezen', 'En çok okunanlar', 'Nejčtenější']) {
    assert.ok(isPopularityLabel(t) && isLabelLine(t), t);
  }
});
