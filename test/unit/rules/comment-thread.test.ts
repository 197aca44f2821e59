// site-chrome, comment threads: "Jane says:" author lines (two or more make a thread) and
// the comment that follows each; a single "The minister says:" line before a quote is text.
// Comment sections without author verbs: a "36 Comments" label, then comments that each carry
// a time, a Reply button or a score, after the story (a live blog's times are the story).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCommentBlocks, findCommentSections, isBareCommentLabel, titleInCommentLabel } from '../../../server/src/analysis/rules/commentThread';
import { analyze, clean } from '../../../server/src/analysis';

const C = (n: number) => `Comment ${n}: thanks for writing this up, the part about the spout finally explained why my pour is so uneven every morning.`;

test('valid: each comment runs from its author line to the next; the last as long as the longest', () => {
  const lines = ['An article paragraph that ends here.', 'Jane Roe says:', 'December 19, 2025 at 13:01', C(1), 'Reply', 'Bob says:', 'December 19, 2025 at 14:10', C(2), 'Reply', 'Leave a Reply'];
  assert.deepEqual(findCommentBlocks(lines).map((b) => [b.first, b.last]), [[1, 4], [5, 8]]);
});

test('valid: author lines in other languages', () => {
  for (const verb of ['sagt:', 'dit :', 'dice:', 'пишет:', 'schreef:', 'napsal:', 'a scris:', 'írta:', 'έγραψε:', 'napisao:', 'kirjoitti:', 'skrev:']) {
    const lines = [`Anna ${verb}`, C(1), `Karl ${verb}`, C(2)];
    assert.equal(findCommentBlocks(lines).length, 2, verb);
  }
});

test('invalid: one "says:" line is a quote in the article', () => {
  assert.deepEqual(findCommentBlocks(['The minister says:', '"We will not raise taxes this year."', C(1)]), []);
});

test('invalid: sentences that end in "says" are not author lines', () => {
  const lines = ['That is what the report says.', C(1), 'Nobody knows what he said.', C(2)];
  assert.deepEqual(findCommentBlocks(lines), []);
});

const STORY = (n: number) => `Story paragraph ${n}: the council voted on Tuesday to approve a budget that raises spending on parks and libraries by twelve percent over three years.`;
const span = (lines: string[]) => findCommentSections(lines).map((b) => [b.first, b.last]);

test('valid: a comment section after the story, from its label to the end of its last comment', () => {
  const lines = [STORY(1), STORY(2), '', '36 Comments', 'Woyzeck', '2 days ago at 07:52 am', C(1), 'Rating: 36 Votes', 'Nick A', '2 days ago at 07:47 am', C(2), 'Rating: 25 Votes', '', 'Footer link'];
  // the last comment runs as far as the longest gap between two furniture lines (4 lines)
  assert.deepEqual(span(lines), [[3, 13]]);
});

test('valid: Substack and Slashdot shapes, and labels in other languages', () => {
  const substack = [STORY(1), 'Discussion about this post', 'Doug Clow', '8d', C(1), 'Reply', 'Share', 'Anna Lee', '3d', C(2), 'Reply'];
  assert.deepEqual(span(substack), [[1, 10]]);
  const slashdot = [STORY(1), 'Comments Filter:', 'Re: Guaranteed jobs? (Score:2)', 'by someone ( 1311177 )', C(1), 'What could go wrong? (Score:3, Interesting)', C(2), 'Reply to This Share', 'Flag as Inappropriate'];
  assert.equal(span(slashdot).length, 1);
  for (const label of ['12 Kommentare', 'Commentaires', 'Comentarios (4)', 'Комментарии']) {
    const lines = [STORY(1), label, 'Anna', '3 hours ago', C(1), 'Reply', 'Karl', '1 hour ago', C(2)];
    assert.equal(span(lines).length, 1, label);
  }
});

test('invalid: a live blog repeats times, but the story goes on below the label', () => {
  const entries = [STORY(1), '3 hours ago', STORY(2), '2 hours ago', STORY(3), '1 hour ago', STORY(4), '5 minutes ago', STORY(5), STORY(6)];
  assert.deepEqual(span(['Comments', ...entries]), []);
  // the same lines after a story three times as long would be a comment section
  assert.equal(span([...Array.from({ length: 18 }, (_, i) => STORY(10 + i)), 'Comments', ...entries]).length, 1);
});

test('invalid: a label with fewer than three comment lines, or none close to it', () => {
  assert.deepEqual(span([STORY(1), 'Comments', 'Jane', '2 hours ago', C(1), 'Reply']), []);
  const far = [STORY(1), STORY(2), 'No comments yet', ...Array.from({ length: 10 }, (_, i) => `Related story ${i}`), 'Reply', 'Reply', 'Reply'];
  assert.deepEqual(span(far), []);
});

test('invalid: a sentence about comments is not a label', () => {
  const lines = [STORY(1), 'The minister declined to answer comments from reporters about the budget on Tuesday.', 'Reply', '1 hour ago', 'Like'];
  assert.deepEqual(span(lines), []);
});

test('valid: reply buttons in a script \\b does not know (Cyrillic)', () => {
  const lines = [STORY(1), 'Комментарии (3)', 'Анна', C(1), 'Ответить', 'Борис', C(2), 'Ответить', 'Вера', C(3), 'Ответить'];
  assert.equal(span(lines).length, 1);
});

test('valid: a blog label that quotes the post title, however long', () => {
  const title = 'The December Comfort Watches 2025, Day Eighteen: Starship Troopers and the art of the satirical war film';
  for (const label of [`59 Comments on “${title}”`, `2 responses to "${title}"`, `One thought on “${title}”`, `3 Kommentare zu „${title}“`]) {
    const lines = [STORY(1), STORY(2), label, 'Emma', 'December 18, 2025, 9:59 pm', C(1), 'Chris S', 'December 18, 2025, 10:04 pm', C(2), 'Dana', 'December 18, 2025, 10:30 pm', C(3)];
    assert.deepEqual(span(lines), [[2, 11]], label);
  }
});

test('titleInCommentLabel: the quoted title, its own quotes kept; null for other lines', () => {
  assert.equal(titleInCommentLabel('34 responses to “Anthony Lynn: “We needed to win this game””'), 'Anthony Lynn: “We needed to win this game”');
  assert.equal(titleInCommentLabel('6 thoughts on "Top 10 apps"'), 'Top 10 apps');
  assert.equal(titleInCommentLabel('36 Comments'), null);
  assert.equal(titleInCommentLabel('Readers left 36 comments on “the budget”, most of them angry.'), null);
});

test('invalid: a sentence that starts like a titled label goes on past the quote', () => {
  const thread = ['Anna', '3 hours ago', C(1), 'Reply', 'Karl', '1 hour ago', C(2), 'Reply'];
  assert.deepEqual(span([STORY(1), STORY(2), '12 comments on "the plan" were filed by residents.', ...thread]), []);
  const long = `12 comments on "the plan ${'and more of the plan '.repeat(20)}"`;
  assert.deepEqual(span([STORY(1), STORY(2), long, ...thread]), []);
  assert.equal(titleInCommentLabel('12 comments on "the plan" were filed by residents.'), null);
});

test('valid: labels and reply buttons in scripts without spaces, and other languages', () => {
  const cases: [string, string, string][] = [
    ['3件のコメント', '2時間前', '返信する'],
    ['评论 (12)', '3小时前', '回复'],
    ['댓글 5', '3시간 전', '답글'],
    ['Yorumlar', '2 saat önce', 'Yanıtla'],
    ['Komentar (4)', '2 jam yang lalu', 'Balas'],
  ];
  for (const [label, time, reply] of cases) {
    const lines = [STORY(1), STORY(2), label, 'Anna', time, C(1), reply, 'Karl', time, C(2), reply, 'Eva', time, C(3), reply];
    assert.equal(span(lines).length, 1, label);
  }
});

// After the comments: a copied page's own teaser cards, however much their excerpts read like
// prose, go with the comments; another post with its own comments below stays.
const CARD_EXCERPT = (n: number) => `Teaser ${n}: a battery case maker released a new case today that keeps an older phone topped up through a long day of travel, reviewers said.`;
const page = (after: string[]) => [
  'Council approves new budget for parks and libraries',
  'By Jane Doe',
  ...[1, 2, 3, 4, 5, 6].map(STORY),
  '[ 36 comments ]',
  'Woyzeck', '2 days ago at 07:52 am', C(1), 'Rating: 36 Votes',
  'Nick A', '2 days ago at 07:47 am', C(2), 'Rating: 25 Votes',
  'Bob', '2 days ago at 08:12 am', C(3), 'Rating: 9 Votes',
  ...after,
].join('\n') + '\n';
const cards = [1, 2, 3, 4, 5, 6].flatMap((n) => [`Case Maker Launches Battery Case Number ${n} for Older Phones`, `${n} hours ago on iOS Blog`, CARD_EXCERPT(n), `${n * 3} comments`]);

test('valid: teaser cards under the comments, excerpts and all, are deleted with them', () => {
  const text = page(['More Blog Stories', ...cards]);
  const out = clean(text);
  for (const n of [1, 2, 3, 4, 5, 6]) assert.ok(out.includes(STORY(n)), `story ${n} kept`);
  assert.ok(!out.includes('Teaser'), out);
  assert.equal(clean(out), out);
});

test('invalid: a second post below the comments, with paragraphs in a row, stays', () => {
  const second = ['Library opens on Sundays from March', ...[7, 8, 9, 10, 11, 12].map(STORY)];
  const model = analyze(page(second));
  // (the last comment itself runs on for a few lines: comment-section's own reach)
  assert.deepEqual(model.residue.filter((r) => r.evidence.includes('after the reader comments')), []);
  const out = clean(page(second));
  for (const n of [9, 10, 11, 12]) assert.ok(out.includes(STORY(n)), `second post paragraph ${n} kept`);
});

test('valid: a bare "Comments" label after the story closes it too (its comments load by script)', () => {
  const text = page([]).replace(/\[ 36 comments \][\s\S]*$/, '') + ['12 Comments', 'Upcoming', ...cards].join('\n') + '\n';
  const out = clean(text);
  for (const n of [1, 2, 3, 4, 5, 6]) assert.ok(out.includes(STORY(n)), `story ${n} kept`);
  assert.ok(!out.includes('Teaser'), out);
});

test('bare comment labels: the word alone or counted, in several languages; not "Response:" or a sentence', () => {
  for (const t of ['Comments', '12 Comments', 'Comments (3)', 'Kommentare', '3 Kommentare', 'Commentaires', 'Комментарии', 'Leave a comment', '댓글', 'コメント', 'Show Comments', 'View all 12 comments', 'Add Your Comment', 'Log in to comment', 'Join Discussion']) assert.ok(isBareCommentLabel(t), t);
  for (const t of ['Response:', 'Reply', 'Comments are closed for this story.', 'Most commented', 'No comments yet', 'Show comments from readers were mixed', 'Add your comments to the survey by Friday.']) assert.ok(!isBareCommentLabel(t), t);
});

test('invalid: another post below the comments, with comments of its own, stays (a blog front page)', () => {
  const second = ['Library opens on Sundays from March', ...[7, 8, 9, 10, 11].flatMap((n) => [STORY(n), 'Continue reading']), '[ 5 comments ]', 'Ann', '3 days ago at 09:12 am', C(4), 'Rating: 2 Votes', 'Tom', '3 days ago at 10:40 am', C(5), 'Rating: 1 Votes'];
  const model = analyze(page(second));
  assert.deepEqual(model.residue.filter((r) => r.evidence.includes('after the reader comments')), []);
  const out = clean(page(second));
  for (const n of [8, 9, 10, 11]) assert.ok(out.includes(STORY(n)), `second post paragraph ${n} kept`);
});
