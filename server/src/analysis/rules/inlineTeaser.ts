// inline-teaser: "ALSO READ | <another headline>" inside a body. A marker, a separator, then
// a headline. On a line of its own the whole line goes; glued into a paragraph, the teaser
// ends where the paragraph's own next sentence begins.
import { TEASER_MARKERS } from './phrases';
import type { InlineHit, LineHit } from './types';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MARKERS = [...TEASER_MARKERS].sort((a, b) => b.length - a.length).map((m) => escape(m.replace(/:$/, ''))).join('|');
const LINE = new RegExp(`^\\s*(?:${MARKERS})\\s*[|:：\\-–—]\\s*\\S`, 'iu');
// Inside a paragraph only the loud forms count: upper-case "ALSO READ" or a "|" separator.
const INLINE = new RegExp(`(?<=^|[.!?"”’)\\]]\\s*)(?:ALSO READ|READ ALSO|READ MORE|ALSO WATCH|MUST READ|(?:${MARKERS})\\s*\\|)\\s*[|:：\\-–—]?\\s*`, 'gu');

export function matchTeaserLine(line: string): LineHit | null {
  const t = line.trim();
  if (t.length > 300) return null;
  const m = LINE.exec(t);
  if (!m) return null;
  return { rule: 'inline-teaser', evidence: `a teaser for another story ("${t.slice(0, Math.min(t.length, 24))}...")` };
}

/** Where the teaser's headline stops and the paragraph resumes. */
function teaserEnd(text: string, from: number): number {
  const stop = text.slice(from).search(/[.!?](?:\s|$)/u);
  const limit = stop < 0 ? text.length : from + stop + 1;
  const span = text.slice(from, limit);
  // The resumed sentence starts at the last capitalised word that still leaves the teaser
  // three words and the sentence four: "... long-term spinner | England's captain said ...".
  const words = [...span.matchAll(/\S+/gu)];
  for (let k = words.length - 4; k >= 3; k--) {
    if (/^["“‘]?\p{Lu}/u.test(words[k][0])) return from + (words[k].index ?? 0);
  }
  return limit;
}

export function findInlineTeasers(text: string): InlineHit[] {
  const hits: InlineHit[] = [];
  INLINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE.exec(text))) {
    if (m.index === 0) continue; // a teaser starting the line is handled as a whole line
    const end = teaserEnd(text, m.index + m[0].length);
    hits.push({ rule: 'inline-teaser', start: m.index, end, evidence: `"${m[0].trim()}" teaser inside the paragraph` });
    INLINE.lastIndex = Math.max(end, m.index + m[0].length);
  }
  return hits;
}
