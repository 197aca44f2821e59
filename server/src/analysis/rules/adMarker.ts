// ad-marker: the placeholder text an ad slot leaves in copied text, alone on a line or glued
// between two sentences. The glued form needs a sentence end before and a capital after,
// so "an advertisement for" in running prose is never touched.
import { normalize, wordCount } from '../shape';
import { AD_MARKERS, GLUED_AD_WORDS } from './phrases';
import { anyOf } from './precheck';
import type { InlineHit, LineHit } from './types';

const MARKER_WORD = /^(?:advertisement|advertisment|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|реклама|reklama|sponsored)(?![\p{L}\p{N}])/iu;
const CONTINUE_WORDS = /(?<![\p{L}\p{N}])(?:continue|continues|scroll|below|weiter|suite|sigue|continua|continúa|продолжение)(?![\p{L}\p{N}])/iu;

export function matchAdMarkerLine(line: string): LineHit | null {
  const t = line.trim();
  if (t.length === 0 || t.length > 90) return null;
  const n = normalize(t);
  if (AD_MARKERS.has(n)) return { rule: 'ad-marker', evidence: `the line is only the ad placeholder "${t}"` };
  // "ADVERTISEMENT - SCROLL TO CONTINUE READING", "Advertisement · Scroll to continue"
  if (MARKER_WORD.test(n) && wordCount(n) <= 8 && CONTINUE_WORDS.test(n)) {
    return { rule: 'ad-marker', evidence: `an ad placeholder with a scroll prompt: "${t}"` };
  }
  return null;
}

// Longest first: "publicidade" must not match as "publicidad" with an "e" left over.
const GLUED_WORDS = [...GLUED_AD_WORDS].sort((a, b) => b.length - a.length).join('|');
const GLUED = new RegExp(
  // Before: a sentence end (। in Devanagari). The spaces after the word are taken
  // atomically, `(?=(\\s*))\\3`: backtracking into them is quadratic and never matches.
  `(?<=[.!?"”’)\\]।])(\\s*)(${GLUED_WORDS})(?=(\\s*))\\3`,
  'giu',
);
/**
 * After the word: a capital, or any letter of a script without case (Hindi, Arabic, CJK), or
 * the end of the line. Checked apart from GLUED and without its `i` flag: under `i`, \p{Lu}
 * matches lower-case letters too, and "spät.anzeigenpflichtig" lost its "anzeige".
 */
const STARTS_SENTENCE = /^["“‘«]?[\p{Lu}\p{Lo}]/u;

const GLUED_KEYS = anyOf(GLUED_AD_WORDS);
/** Pre-check on the lower-cased line (see precheck.ts): GLUED needs one of its words. */
export function mayHaveGluedAdMarker(lower: string): boolean {
  return GLUED_KEYS.test(lower);
}

export function findGluedAdMarkers(text: string): InlineHit[] {
  const hits: InlineHit[] = [];
  GLUED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GLUED.exec(text))) {
    const after = m.index + m[0].length;
    if (after < text.length && !STARTS_SENTENCE.test(text.slice(after, after + 2))) continue;
    const word = m[2];
    // Only the marker's own spellings: "Advertisement", "ADVERTISEMENT", "advertisement".
    if (word !== word.toLowerCase() && word !== word.toUpperCase() && word[0] !== word[0].toUpperCase()) continue;
    const lead = m[1].length;
    const trail = m[3].length;
    const start = m.index + lead;
    // Remove one of the surrounding spaces with the word, so "said. Advertisement The" reads
    // "said. The" and "not."advertisementThe" reads "not."The".
    const end = start + word.length + (lead > 0 ? trail : 0);
    hits.push({ rule: 'ad-marker', start, end, evidence: `"${word}" glued between two sentences` });
  }
  return hits;
}
