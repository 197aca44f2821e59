// A comment thread copied with the page: "Jane says:" / "December 19, 2025 at 13:01" / the
// comment / "Reply", again and again. The comments read like prose, so the page classifier
// alone tends to keep them; the author lines give the thread away. Two of them make a
// thread (one "The minister says:" line before a quote is an article's). Each comment runs
// from its author line to the next one; the last one is as long as the longest before it.
import type { RuleId } from '../model';
import type { LineFacts } from '../lineMemo';

/** What a comment's author line ends in: "Jane says:", "Anna sagt:", "Karl a écrit :". */
const VERBS = [
  'says', 'said', 'wrote', 'writes', 'commented', 'replied', 'responded', 'sagt', 'schreibt', 'meint', 'kommentierte', 'dit',
  'écrit', 'dice', 'escribió', 'comentó', 'diz', 'escreveu', 'scrive', 'scritto', 'pisze', 'napisał', 'zegt', 'schreef',
  'skriver', 'пишет', 'написал', 'написала',
];
/** The name before the verb: one to 61 characters. */
const MAX_NAME = 61;
const SENT_END = /[.!?…]["'”’»)\]]*$/u;

export interface CommentBlock {
  first: number;
  last: number;
  rule: RuleId;
  evidence: string;
}

function words(t: string): number {
  const s = t.trim();
  return s === '' ? 0 : s.split(/\s+/u).length;
}

function isAuthorLine(t: string): boolean {
  // Length first: the colon's strip below would rescan a long run of spaces at every position.
  const trimmed = t.trim();
  if (trimmed.length === 0 || trimmed.length > 82) return false;
  const s = trimmed.endsWith(':') ? trimmed.slice(0, -1).trimEnd() : trimmed;
  if (s.length === 0 || s.length > 80) return false;
  const lower = s.toLowerCase();
  const verb = VERBS.find((v) => lower.endsWith(v) && /\s/u.test(lower[lower.length - v.length - 1] ?? ''));
  if (verb === undefined) return false;
  const name = s.slice(0, s.length - verb.length - 1);
  return name.length >= 1 && name.length <= MAX_NAME && !/^\s/u.test(name) && words(t) <= 8 && !SENT_END.test(s);
}

function isAuthorLineMemo(t: string, facts: LineFacts): boolean {
  if (facts.author < 0) facts.author = isAuthorLine(t) ? 1 : 0;
  return facts.author === 1;
}

/** A comment longer than this many lines is not a comment: the thread has ended. */
const MAX_COMMENT_LINES = 12;

/** `facts`, when given, are the lines' LineFacts: the author-line test is remembered there. */
export function findCommentBlocks(lines: readonly string[], facts?: readonly LineFacts[]): CommentBlock[] {
  const authors: number[] = [];
  for (let i = 0; i < lines.length; i++) if (facts ? isAuthorLineMemo(lines[i], facts[i]) : isAuthorLine(lines[i])) authors.push(i);
  if (authors.length < 2) return [];
  const blocks: CommentBlock[] = [];
  let longest = 1;
  for (let a = 0; a < authors.length; a++) {
    const first = authors[a];
    const next = a + 1 < authors.length ? authors[a + 1] : -1;
    let last: number;
    if (next >= 0 && next - first <= MAX_COMMENT_LINES) {
      last = next - 1;
      longest = Math.max(longest, next - first);
    } else {
      // The thread's last comment (or the end of a run): no longer than the longest seen.
      last = Math.min(lines.length - 1, first + longest - 1);
    }
    while (last > first && lines[last].trim() === '') last--;
    const name = lines[first].trim();
    blocks.push({ first, last, rule: 'site-chrome', evidence: `a reader comment ("${name.length > 40 ? name.slice(0, 39) + '…' : name}", one of ${authors.length} in a thread)` });
  }
  return blocks;
}
