// A comment thread copied with the page: "Jane says:" / "December 19, 2025 at 13:01" / the
// comment / "Reply", again and again. The comments read like prose, so the page classifier
// alone tends to keep them; the author lines give the thread away. Two of them make a
// thread (one "The minister says:" line before a quote is an article's). Each comment runs
// from its author line to the next one; the last one is as long as the longest before it.
import type { RuleId } from '../model';

const AUTHOR =
  /^[^\s].{0,60}?\s(?:says|said|wrote|writes|commented|replied|responded|sagt|schreibt|meint|kommentierte|dit|écrit|a écrit|dice|escribió|comentó|diz|escreveu|scrive|ha scritto|pisze|napisał|zegt|schreef|skriver|пишет|написал|написала|comentó)\s*:?$/iu;
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

/** The verbs AUTHOR ends in, for a cheap test of the line's last word first. */
const VERBS = new Set(AUTHOR.source.slice(AUTHOR.source.indexOf('(?:says') + 3, AUTHOR.source.lastIndexOf(')')).split('|').map((v) => v.split(' ').pop()!));

function isAuthorLine(t: string): boolean {
  const s = t.trim();
  if (s.length === 0 || s.length > 80) return false;
  const last = s.slice(s.lastIndexOf(' ') + 1).replace(/:$/u, '').toLowerCase();
  if (!VERBS.has(last) && !VERBS.has(s.slice(s.lastIndexOf(' ', s.length - 3) + 1).replace(/\s*:$/u, '').toLowerCase())) return false;
  return words(s) <= 8 && !SENT_END.test(s.replace(/:$/u, '')) && AUTHOR.test(s);
}

/** A comment longer than this many lines is not a comment: the thread has ended. */
const MAX_COMMENT_LINES = 12;

export function findCommentBlocks(lines: readonly string[]): CommentBlock[] {
  const authors: number[] = [];
  for (let i = 0; i < lines.length; i++) if (isAuthorLine(lines[i])) authors.push(i);
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
