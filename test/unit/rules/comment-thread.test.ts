// site-chrome, comment threads: "Jane says:" author lines (two or more make a thread) and
// the comment that follows each; a single "The minister says:" line before a quote is text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCommentBlocks } from '../../../server/src/analysis/rules/commentThread';

const C = (n: number) => `Comment ${n}: thanks for writing this up, the part about the spout finally explained why my pour is so uneven every morning.`;

test('valid: each comment runs from its author line to the next; the last as long as the longest', () => {
  const lines = ['An article paragraph that ends here.', 'Jane Roe says:', 'December 19, 2025 at 13:01', C(1), 'Reply', 'Bob says:', 'December 19, 2025 at 14:10', C(2), 'Reply', 'Leave a Reply'];
  assert.deepEqual(findCommentBlocks(lines).map((b) => [b.first, b.last]), [[1, 4], [5, 8]]);
});

test('valid: author lines in other languages', () => {
  for (const verb of ['sagt:', 'dit :', 'dice:', 'пишет:', 'schreef:']) {
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
