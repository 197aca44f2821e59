// closers.ts: a label left as the last kept line, once what it labelled went, goes too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropDanglingLabels } from '../../server/src/analysis/closers';
import type { LineRole, PageVerdict } from '../../server/src/analysis/page/classify';

const STORY = 'The council voted on Tuesday to approve a budget that raises spending on parks and libraries.';

function run(lines: [string, LineRole][]): { roles: LineRole[]; evidence: (string | null)[] } {
  const texts = lines.map(([t]) => t);
  const roles = lines.map(([, r]) => r);
  const verdict: PageVerdict = { roles: [...roles], evidence: texts.map(() => null), headline: roles.indexOf('headline'), scores: texts.map(() => 0) };
  dropDanglingLabels(texts, texts, roles, verdict);
  return { roles, evidence: verdict.evidence };
}

test('valid: "About the Author" over an author box that went is dropped too', () => {
  const { roles, evidence } = run([
    ['Council Approves Budget', 'headline'], [STORY, 'body'], ['', 'blank'], ['About the Author', 'body'],
    ['Jane Doe', 'chrome'], ['Jane Doe covers city hall for the paper.', 'chrome'],
  ]);
  assert.equal(roles[3], 'chrome');
  assert.match(evidence[3] ?? '', /label left with nothing under it/);
  assert.deepEqual(roles.slice(0, 3), ['headline', 'body', 'blank']);
});

test('valid: labels one above the other at the end ("Share", "Related articles") all go', () => {
  const { roles } = run([
    ['Council Approves Budget', 'headline'], [STORY, 'body'], ['Share this article', 'body'], ['Related articles', 'body'],
    ['Mayor Promises New Pool', 'chrome'],
  ]);
  assert.deepEqual(roles, ['headline', 'body', 'chrome', 'chrome', 'chrome']);
});

test('invalid: a label with kept text under it stays', () => {
  const { roles } = run([['Council Approves Budget', 'headline'], [STORY, 'body'], ['About the Author', 'body'], ['Jane Doe covers city hall for the paper.', 'body']]);
  assert.equal(roles[2], 'body');
});

test('invalid: a label that ends the text, with nothing removed under it, stays', () => {
  const { roles } = run([['Council Approves Budget', 'headline'], [STORY, 'body'], ['Comments', 'body']]);
  assert.equal(roles[2], 'body');
});

test('invalid: a last kept line that is no label stays, and so does everything above it', () => {
  const { roles } = run([['Council Approves Budget', 'headline'], ['About the Author', 'body'], [STORY, 'body'], ['Read more', 'chrome']]);
  assert.deepEqual(roles, ['headline', 'body', 'body', 'chrome']);
});
