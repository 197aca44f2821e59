// inline-teaser: "ALSO READ | <another headline>" inside a body. A marker, a separator, then
// a headline. On a line of its own the whole line goes; glued into a paragraph, the teaser
// ends where the paragraph's own next sentence begins.
import { TEASER_MARKERS } from './phrases';
import { anyOf } from './precheck';
import type { InlineHit, LineHit } from './types';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MARKERS = [...TEASER_MARKERS].sort((a, b) => b.length - a.length).map((m) => escape(m.replace(/:$/, ''))).join('|');
// ("｜" and "：" are the full-width bar and colon of Chinese and Japanese text)
const LINE = new RegExp(`^\\s*(?:${MARKERS})\\s*[|｜:：\\-–—]\\s*\\S`, 'iu');
// Inside a paragraph, after a sentence end: an upper-case marker ("ALSO READ", "LESEN SIE
// AUCH"), or a marker of two or more words followed by "|" or ":" ("Read more: ...").
const MULTIWORD = [...TEASER_MARKERS].filter((m) => m.includes(' ')).sort((a, b) => b.length - a.length).map(escape).join('|');
// The sentence end before the marker is checked by hand (afterSentenceEnd), not with a
// lookbehind: a lookbehind over `\\s*` rescans a run of spaces at every position (quadratic).
// (The look-ahead's \p{Lu} matches any cased letter under `i`; the capital is checked again,
// case-sensitively, in findInlineTeasers.)
const INLINE = new RegExp(`(?:(?:${MULTIWORD})\\s*[|:：]|(?:${MARKERS})(?=\\s*(?:[|:：\\-–—]\\s*)?\\p{Lu}))\\s*[|:：\\-–—]?\\s*`, 'giu');
const SENTENCE_END = '.!?"”’)]।';
const INLINE_KEYS = anyOf(TEASER_MARKERS.map((m) => m.replace(/:$/, '')));
/** Pre-check on the lower-cased line (see precheck.ts): INLINE needs one of the markers. */
export function mayHaveInlineTeaser(lower: string): boolean {
  return INLINE_KEYS.test(lower);
}

/** Is `at` preceded by a sentence end, with only white space between? */
function afterSentenceEnd(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && /\s/u.test(text[i - 1])) i--;
  return i > 0 && SENTENCE_END.includes(text[i - 1]);
}
const isLoud = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();

export function matchTeaserLine(line: string): LineHit | null {
  const t = line.trim();
  if (t.length > 300) return null;
  const m = LINE.exec(t);
  if (!m) return null;
  return { rule: 'inline-teaser', evidence: `a teaser for another story ("${t.slice(0, Math.min(t.length, 24))}...")` };
}

const isCap = (w: string) => /^["“‘«(]?\p{Lu}/u.test(w);

/**
 * Where the teaser's headline stops and the paragraph resumes. Copies lose the line break
 * between them, so this guesses from capitals: a Title Case teaser ends where Title Case
 * does; otherwise the paragraph resumes at a capitalised word after a lower-case one. In
 * languages that capitalise nouns (German) capitals say little, so the cut is the earliest
 * plausible one: a few teaser words may stay, but no sentence of the article is lost.
 */
function teaserEnd(text: string, from: number, lineCapRate: number): number {
  const stop = text.slice(from).search(/[.!?।](?:\s|$)/u);
  const limit = stop < 0 ? text.length : from + stop + 1;
  const words = [...text.slice(from, limit).matchAll(/\S+/gu)];
  const at = (k: number) => from + (words[k].index ?? 0);
  if (words.length < 6) return limit;
  if (isCap(words[0][0]) && isCap(words[1][0]) && isCap(words[2][0])) {
    for (let k = 3; k < words.length; k++) {
      const w = words[k][0];
      if (isCap(w) || w.length <= 3) continue;
      return isCap(words[k - 1][0]) && k - 1 >= 3 ? at(k - 1) : limit;
    }
    return limit;
  }
  // A capital right after a short word ("to London", "as Test") is a name inside a
  // sentence; a headline rarely ends on such a word, so those are no candidates.
  const candidate = (k: number) => isCap(words[k][0]) && !isCap(words[k - 1][0]) && words[k - 1][0].replace(/\P{L}/gu, '').length >= 4;
  if (lineCapRate > 0.33) {
    for (let k = 4; k <= words.length - 4; k++) if (candidate(k)) return at(k);
    return limit;
  }
  for (let k = words.length - 4; k >= 3; k--) if (candidate(k)) return at(k);
  return limit;
}

/** Share of words that start with a capital, not counting sentence starts. */
function capitalRate(text: string): number {
  let caps = 0;
  let total = 0;
  for (const m of text.matchAll(/(^|[.!?।]\s+|\s)(\S+)/gu)) {
    if (m[1] !== ' ' && m[1] !== '\t') continue;
    total++;
    if (isCap(m[2])) caps++;
  }
  return total ? caps / total : 0;
}

export function findInlineTeasers(text: string): InlineHit[] {
  const hits: InlineHit[] = [];
  let capRate = -1;
  INLINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE.exec(text))) {
    // A teaser starting the line is handled as a whole line (afterSentenceEnd is false at 0).
    if (!afterSentenceEnd(text, m.index)) {
      INLINE.lastIndex = m.index + 1;
      continue;
    }
    // Without a "|" or ":" only the upper-case form counts ("Read more about it" is prose);
    // a one-word marker ("Watch:", "Related:") needs the upper case or a "|".
    const marker = m[0].replace(/[\s|:：\-–—]+$/u, '');
    const sep = /[|:：]/.test(m[0]);
    const ok = isLoud(marker) || (marker.includes(' ') ? sep : m[0].includes('|'));
    if (!ok) continue;
    // A teaser names another story: it starts with a capital, a digit or a quote.
    // "Read more: the auditors found ..." is the article talking.
    if (!/^["“‘«(]?[\p{Lu}\p{Lo}\p{N}]/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    if (capRate < 0) capRate = capitalRate(text);
    const end = teaserEnd(text, m.index + m[0].length, capRate);
    hits.push({ rule: 'inline-teaser', start: m.index, end, evidence: `"${m[0].trim()}" teaser inside the paragraph` });
    INLINE.lastIndex = Math.max(end, m.index + m[0].length);
  }
  return hits;
}
