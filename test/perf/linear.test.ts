// Every pattern must run in linear time. Adversarial inputs (megabyte lines, long
// repetitions of rule phrases, upper-case runs, punctuation runs) are analysed and their CPU
// time is compared with the time for ordinary prose of the same size in the same process:
// a quadratic regex shows up as a ratio in the hundreds, so a generous bound (20x) is safe
// on a loaded machine and still catches it. Bounds the work, not the wall-clock time.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { clearSegmentCache } from '../../server/src/analysis/analyze';
import { loadFixtures } from '../../bench/generate';

const fixtures = loadFixtures(path.join(__dirname, '..', '..', '..', 'bench', 'fixtures'));
const prosePool = fixtures.flatMap((f) => f.lines).filter((l) => l.split(' ').length >= 25);

/** Ordinary prose: long lines of article text, `size` characters, as paragraphs. */
function prose(size: number, oneLine = false): string {
  const out: string[] = [];
  let n = 0;
  for (let k = 0; n < size; k++) {
    const l = prosePool[k % prosePool.length];
    out.push(l);
    n += l.length + 1;
  }
  return out.join(oneLine ? ' ' : '\n\n').slice(0, size);
}

const proseCache = new Map<string, number>();

function cpuMs(text: string): number {
  let best = Infinity;
  for (let k = 0; k < 2; k++) {
    clearSegmentCache();
    const c0 = process.cpuUsage();
    analyze(text);
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}

const repeat = (s: string, size: number) => s.repeat(Math.ceil(size / s.length)).slice(0, size);
const KB = 1024;

const CASES: [string, string][] = [
  ['1 MB line of prose', prose(1024 * KB, true)],
  ['"ALSO READ " x 100k', repeat('ALSO READ ', 1000 * KB)],
  ['"by Taboola " x 100k', repeat('by Taboola ', 1100 * KB)],
  ['"Sponsored Links Undo " on one line', repeat('Sponsored Links Undo ', 400 * KB)],
  ['"by Taboola. " (labels apart, no button)', repeat('by Taboola. ', 400 * KB)],
  ['one label, then "Undo " x 50k', 'Sponsored Links Sponsored Links ' + repeat('Undo ', 250 * KB)],
  ['200 KB of upper-case words', repeat('BREAKING NEWS PUSHES FOR DIPLOMATIC DIALOGUE ', 200 * KB)],
  ['upper-case words then a capitalised word, repeated', repeat('TIES WITH MOSCOW Lavrov ', 200 * KB)],
  ['one 200 KB upper-case word', repeat('A', 200 * KB)],
  ['200 KB of upper-case letter pairs', repeat('AB ', 200 * KB)],
  ['a run of 300k dots', 'Text ' + '.'.repeat(300 * KB) + ' end'],
  ['a run of dashes and spaces', repeat('- ', 300 * KB)],
  ['a run of em dashes', repeat('—', 300 * KB)],
  ['punctuation salad', repeat('.!?"”’)] |:', 300 * KB)],
  ['sentence ends and quotes', repeat('." ', 300 * KB)],
  ['one 300 KB word', repeat('a', 300 * KB)],
  ['"Advertisement" lines', repeat('Advertisement\n', 300 * KB)],
  ['"Title: x" header lines', repeat('Title: A headline here\n', 300 * KB)],
  ['rule lines', repeat('==========\n', 300 * KB)],
  ['"Sponsored" / "Undo" lines', repeat('Sponsored\nA sponsored headline\nUndo\n', 300 * KB)],
  ['aggregator-like source/time lines', repeat('Reuters\n23 minutes ago\n- Reuters\nA Headline Of Some Length\n', 300 * KB)],
  ['short capitalised lines (navigation)', repeat('Home\nNews\nWorld\nSport\n', 300 * KB)],
  ['lines of 2,000 spaces', repeat(' '.repeat(2000) + '\n', 300 * KB)],
  ['copyright-ish words', repeat('copyright all rights reserved (c) ', 300 * KB)],
  ['caption lines', repeat('The crowd outside the court on Monday. Photo: Jane Doe / Getty Images\n', 300 * KB)],
  ['credit labels and slashes on one line', repeat('Photo: Image credit: / / Getty ', 300 * KB)],
  ['tables of contents whose entries all recur', repeat('Table of Contents\nWhy it matters\nWhat comes next\n', 300 * KB)],
  ['comment author lines', repeat('Jane says:\nDecember 19, 2025 at 13:01\nThanks for this.\n', 300 * KB)],
  ['comment section labels and reply lines', repeat('36 Comments\nReply\n2 days ago at 07:52 am\n', 300 * KB)],
  ['link shelves: labels and headlines', 'One long paragraph opens the story here, so that the shelves below count as shelves after it has begun to be told.\n' + repeat('Related articles\nMayor promises new pool for the east side\nLibrary hours extended\n', 300 * KB)],
  ['"More on" labels with long names', repeat('More on ' + 'x'.repeat(50) + '\n', 300 * KB)],
  ['blog comment labels quoting a title, and name / time / reply lines', repeat('59 Comments on “' + 'A title of some length '.repeat(8) + '”\nJane\n1 year ago\nReply to Sara\n', 300 * KB)],
  ['a long line that opens like a titled comment label', '12 comments on "' + repeat('the plan ', 300 * KB) + '"'],
  ['comment form lines', repeat('Leave a Reply\nYour email address will not be published. Required fields are marked *\nName *\nEmail *\n', 300 * KB)],
  ['form notes without a field or heading near them', repeat('Your email address will not be published, and we never share it. ' + 'x '.repeat(100) + '\n', 300 * KB)],
  ['a 600-character line that opens like a cookie banner', 'We use ' + repeat('cookie ', 85)],
  ['cookie banner openers on every line', repeat('We use cookies to improve your experience on our website.\n', 300 * KB)],
  ['comment labels with too few replies', repeat('Comments\nReply\nA line\nA line\nA line\nA line\nA line\nA line\nA line\nA line\n', 300 * KB)],
  ['bare comment, shelf and end labels between paragraphs', 'Council approves new budget\n' + prose(4 * KB) + '\n' + repeat('12 Comments\nRelated articles\nShare this article\nAbout the author\nA paragraph that is long enough to read as prose, with many words in it, as a post between labels would be.\n', 300 * KB)],
  ['the same paragraphs again and again (repeated passages)', repeat(prose(4 * KB) + '\n', 300 * KB)],
  ['teaser cards glued to their excerpts, each unique', Array.from({ length: 3000 }, (_, k) => `Council Approves Budget For Parks${k}Residents were told the plan would be voted on again next week.`).join('\n')],
  ['teaser cards glued to their excerpts, all alike', repeat('Council Approves Budget For Parks And LibrariesResidents were told the plan would be voted on again.\n', 300 * KB)],
  ['post navigation and reading-time lines', repeat('Previous PostNext Post\n5 min read\nNext articleHave the party at home\n', 300 * KB)],
];

for (const [name, text] of CASES) {
  test(`linear: ${name}`, () => {
    const key = `${text.length}:${text.includes('\n')}`;
    const base = proseCache.get(key) ?? cpuMs(prose(text.length, !text.includes('\n')));
    proseCache.set(key, base);
    const t = cpuMs(text);
    const ratio = t / Math.max(base, 5);
    assert.ok(ratio < 20, `${name}: ${t.toFixed(0)} ms vs ${base.toFixed(0)} ms for prose of the same size (${ratio.toFixed(1)}x)`);
  });
}
