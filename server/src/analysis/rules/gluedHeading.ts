// glued-heading (layout): an all-caps subheading run into the sentence that follows it
// ("PUSHES FOR DIPLOMATIC DIALOGUE Turkey has", "TIES WITH MOSCOWLavrov also"). The fix puts
// the heading on a line of its own; nothing is deleted.
import { LineFacts, lineFacts } from '../lineMemo';
import type { InlineHit } from './types';

// Three or more upper-case words (or two and a glued capitalised word), then the next
// sentence's first word.
const HEADING = /(?<![\p{L}\p{N}])((?:\p{Lu}[\p{Lu}'’-]+\s+){1,10}\p{Lu}[\p{Lu}'’-]+?)(?:\s+|(?=\p{Lu}\p{Ll}))(\p{Lu}\p{Ll})/gu;

// Memoised per line text (in its LineFacts) with the end-of-line string used. Shared
// results: callers must not mutate them.
export function findGluedHeadings(text: string, eol: string, facts?: LineFacts): InlineHit[] {
  if (text.length < 60) return NONE; // a short line is a heading already, not a glued one
  if (!facts && !mayHaveHeading(text)) return NONE;
  // With the line's entry at hand, the pre-check's verdict is remembered too (it scans the line).
  const f = facts ?? lineFacts(text);
  if (f.glued === null || f.gluedEol !== eol) {
    f.glued = mayHaveHeading(text) ? detect(text, eol) : NONE;
    f.gluedEol = eol;
  }
  return f.glued;
}

const NONE: InlineHit[] = [];
/** The pair of mayHaveHeading, in code units: [A-Z or non-ASCII] then [A-Z ' - or non-ASCII]. */
const UPPER_PAIR = /[A-Z\u0080-\uffff][A-Z'\-\u0080-\uffff]/;

/**
 * Exact pre-check: a heading the rule keeps has 8 or more upper-case letters and starts with
 * an upper-case letter followed by another, an apostrophe or a hyphen. Counted loosely (any
 * non-ASCII character may be an upper-case letter), so a line failing it never matches.
 */
function mayHaveHeading(text: string): boolean {
  if (!UPPER_PAIR.test(text)) return false; // the pair, found by a native scan first
  let upper = 0;
  let pair = false;
  let prevUpper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const up = (c >= 65 && c <= 90) || c >= 128;
    if (up) upper++;
    if (prevUpper && (up || c === 39 || c === 45)) pair = true;
    if (pair && upper >= 8) return true;
    prevUpper = up;
  }
  return false;
}

function detect(text: string, eol: string): InlineHit[] {
  const hits: InlineHit[] = [];
  HEADING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEADING.exec(text))) {
    const heading = m[1];
    const words = heading.trim().split(/\s+/);
    const glued = text[m.index + heading.length] !== ' ' && text[m.index + heading.length] !== '\t';
    if (words.length < (glued ? 2 : 3) || heading.replace(/[^\p{Lu}]/gu, '').length < 8) {
      HEADING.lastIndex = m.index + 1;
      continue;
    }
    const headStart = m.index;
    const nextStart = m.index + m[0].length - 2;
    // Break after the heading; and before it, when it is glued to the previous sentence.
    // (trimEnd, not /\S\s*$/ on the prefix: that regex scans the whole prefix per heading.)
    const before = text.slice(0, headStart);
    const kept = before.trimEnd();
    if (headStart > 0 && kept.length > 0) {
      const ws = before.length - kept.length;
      hits.push({ rule: 'glued-heading', start: headStart - ws, end: headStart, newText: eol, before: true, evidence: `upper-case heading "${heading.trim()}" inside a paragraph` });
    }
    hits.push({ rule: 'glued-heading', start: m.index + heading.length, end: nextStart, newText: eol, evidence: `upper-case heading "${heading.trim()}" glued to "${text.slice(nextStart, nextStart + 12)}..."` });
    HEADING.lastIndex = nextStart;
  }
  return hits;
}
