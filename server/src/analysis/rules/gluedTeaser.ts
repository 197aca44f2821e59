// Teaser cards copied as text: a card lays out a story's title and its one-sentence excerpt
// as two blocks, and a copy or a scraper can run them together with no space between
// ("…Death Of U of M-Dearborn Student-AthleteA 24-year-old woman and a 28-year-old man…").
// A mega-menu or a "Latest" rail is a stack of such lines. They are prose-shaped (long,
// ending in a full stop), so unless they are ruled they pass for the story's body, pull the
// main text's run up into the menu, and can put a teaser forward as the headline.
//
// The join is told from a brand or model name written in camel case ("TikTok users",
// "MacBook Pro", "IdeaPad 1") by its sides and its company:
// - the part before the join reads as a title (mostly capitalised words, no other join in
//   it) and the part after as a sentence (mostly lower-case words);
// - the joined word occurs once in the text: a product's name recurs on its page, a
//   title glued to an excerpt does not;
// - two more such lines stand within a few lines: one glued line is a typo or a name, a
//   stack of them is a rail of cards.
import type { LineFacts } from '../lineMemo';
import { rememberedTest } from '../lineMemo';
import type { BlockHit } from './types';

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;
const CAPITALISED = /^[\p{Lu}\p{N}]/u;
/** A cheap pre-test: every pair where a join may be (a letter, digit or closing mark, then a
 *  capital) is an ASCII pair of these or has a character beyond ASCII. Scanning every line
 *  with Unicode property classes costs several times more. */
const MAYBE_JOIN = /[a-z0-9)'"!?.\u0080-\uffff][A-Z\u0080-\uffff]/;
/** The words that may hold a join (only these need counting). */
const MAYBE_JOINED_WORD = /\S*[a-z0-9)'"!?.\u0080-\uffff][A-Z\u0080-\uffff]\S*/g;
/** A title has a few words; the excerpt is a sentence of several. */
const MIN_TITLE_WORDS = 3;
const MIN_EXCERPT_WORDS = 5;
/** A card holds a title and a sentence or two, not a paragraph. */
const MAX_CHARS = 400;
/** Other glued lines needed within NEAR lines either side. */
const NEAR = 6;
const MIN_NEIGHBOURS = 2;

const isUpper = (t: string, i: number): boolean => {
  const c = t.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && UPPER.test(t[i]));
};
/** What t[i] is as the left side of a join: 1 a lower-case letter or digit, 2 a closing
 *  mark or sentence end, 0 neither. */
function leftKind(t: string, i: number): number {
  const c = t.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return 1;
  if (c === 41 || c === 39 || c === 34 || c === 33 || c === 63 || c === 46 || c === 0x2019 || c === 0x201d) return 2;
  return c >= 0xaa && (LOWER.test(t[i]) || DIGIT.test(t[i])) ? 1 : 0;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000)) || c === 0x1680 || c === 0xfeff;

/** Where in `t` a title is glued to a sentence (the excerpt's first offset), or -1. */
export function gluedJoin(t: string): number {
  if (t.length > MAX_CHARS || t.length < 30 || !MAYBE_JOIN.test(t)) return -1;
  // One pass over the words: per word, whether it is capitalised or lower-case, and the
  // joins inside it. The title is the words up to the join, the excerpt the words from it.
  const ends: number[] = [];
  const capitalised: number[] = [0]; // prefix counts
  const lower: number[] = [0];
  const joins: number[] = []; // offsets of capitals glued to what precedes them
  const kinds: number[] = [];
  let i = 0;
  const n = t.length;
  while (i < n) {
    while (i < n && isSpace(t.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(t.charCodeAt(i))) {
      if (i > start && isUpper(t, i)) {
        const kind = leftKind(t, i - 1);
        if (kind !== 0) {
          joins.push(i);
          kinds.push(kind);
        }
      }
      i++;
    }
    const k = ends.length;
    ends.push(i);
    const c = t.charCodeAt(start);
    const cap = (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0x80 && CAPITALISED.test(t.slice(start, start + 2)));
    const low = (c >= 97 && c <= 122) || (c >= 0xaa && LOWER.test(t[start]));
    capitalised.push(capitalised[k] + (cap ? 1 : 0));
    lower.push(lower[k] + (low ? 1 : 0));
  }
  let joinedBefore = false;
  let k = 0;
  for (let j = 0; j < joins.length; j++) {
    const at = joins[j];
    const wasJoined = joinedBefore;
    if (kinds[j] === 1) joinedBefore = true;
    // after a digit, only a capitalised word counts ("250,000The"), not a model code ("15IRU9")
    if (DIGIT.test(t[at - 1]) && !LOWER.test(t[at + 1] ?? '')) continue;
    // k: the word the join cuts; the title is words 0..k, the excerpt k..end
    while (ends[k] < at) k++;
    const left = k + 1;
    const right = ends.length - k;
    if (left < MIN_TITLE_WORDS || right < MIN_EXCERPT_WORDS) continue;
    // a join further left means a glued table or menu row, not one title
    if (wasJoined) return -1;
    if (capitalised[k + 1] / left >= 0.7 && (lower[ends.length] - lower[k + 1]) / (right - 1) >= 0.5) return at;
  }
  return -1;
}

/** A word as the uniqueness test compares it: no edge punctuation, no possessive 's. */
function bare(w: string): string {
  return w.replace(/^[^\p{L}\p{N}]+|(?:['’]s)?[^\p{L}\p{N}]*$/gu, '');
}

/** The word of `t` around offset `at` (delimited as MAYBE_JOINED_WORD delimits it), bare. */
function wordAt(t: string, at: number): string {
  let a = at;
  while (a > 0 && !isSpace(t.charCodeAt(a - 1))) a--;
  let b = at;
  while (b < t.length && !isSpace(t.charCodeAt(b))) b++;
  return bare(t.slice(a, b));
}

const isGluedLine = (line: string): boolean => gluedJoin(line.trim()) >= 0;

/** `facts`, when given, are the lines' LineFacts: the shape test is remembered there. */
export function findGluedTeasers(lines: readonly string[], facts?: readonly LineFacts[]): BlockHit[] {
  const glued: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length < 30 || line.length > MAX_CHARS + 40) continue;
    if (rememberedTest(line, facts?.[i], 'gluedTeaser', isGluedLine)) glued.push(i);
  }
  // Only lines with company can be cards; most pages stop here, before the count below.
  const candidates = inCompany(glued);
  if (candidates.length === 0) return [];
  // The joined words must be unique in the text. Counted with one pass over the words that
  // may hold a join (not a search per candidate, which a page of cards would make quadratic).
  const joined = new Map<string, number>();
  const joinedWord = (i: number) => {
    const t = lines[i].trim();
    return wordAt(t, gluedJoin(t));
  };
  for (const { line } of candidates) joined.set(joinedWord(line), 0);
  for (const line of lines) {
    if (!MAYBE_JOIN.test(line)) continue;
    for (const m of line.matchAll(MAYBE_JOINED_WORD)) {
      const b = bare(m[0]);
      const n = joined.get(b);
      if (n !== undefined) joined.set(b, n + 1);
    }
  }
  const unique = inCompany(candidates.map(({ line }) => line).filter((i) => joined.get(joinedWord(i)) === 1));
  return unique.map(({ line, near }) => ({
    first: line,
    last: line,
    rule: 'site-chrome',
    evidence: `a teaser card: a headline glued to its excerpt, with ${near} more such cards nearby`,
  }));
}

/** The lines of the sorted list `xs` with at least MIN_NEIGHBOURS others within NEAR lines,
 *  and how many they have. */
function inCompany(xs: readonly number[]): { line: number; near: number }[] {
  const out: { line: number; near: number }[] = [];
  for (let k = 0; k < xs.length; k++) {
    let near = 0;
    for (let j = k - 1; j >= 0 && xs[j] >= xs[k] - NEAR; j--) near++;
    for (let j = k + 1; j < xs.length && xs[j] <= xs[k] + NEAR; j++) near++;
    if (near >= MIN_NEIGHBOURS) out.push({ line: xs[k], near });
  }
  return out;
}
