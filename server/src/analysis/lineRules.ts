// Runs the whole-line and inline rules over one segment. Order matters only where two
// rules could claim the same line: the more specific rule goes first.
import type { RuleId } from './model';
import { matchCaptionLine } from './rules/caption';
import { matchAdMarkerLine, findGluedAdMarkers, mayHaveGluedAdMarker } from './rules/adMarker';
import { matchPromoLine } from './rules/promo';
import { matchChromeLine, findInlineChrome } from './rules/siteChrome';
import { matchTeaserLine, findInlineTeasers, mayHaveInlineTeaser } from './rules/inlineTeaser';
import { lowerForPrecheck } from './rules/precheck';
import { findInlineWidgets, mayHaveInlineWidget } from './rules/sponsoredWidget';
import type { InlineHit, LineHit } from './rules/types';
import { LineFacts, lineFacts } from './lineMemo';

export interface PhraseOptions {
  /** Lower-cased phrases that make a short line residue. */
  extra: string[];
  /** Lower-cased phrases that keep a line whatever the rules say. */
  ignore: string[];
}

export function isIgnored(line: string, phrases: PhraseOptions): boolean {
  if (phrases.ignore.length === 0) return false;
  const lower = line.toLowerCase();
  return phrases.ignore.some((p) => lower.includes(p));
}

// Results are memoised per line text (in the line's LineFacts) for the phrase options last
// used (the same options object, or equal lists): `phraseGen` counts the changes, and a
// result of an older generation is worked out again. Callers share the returned objects:
// they must not mutate them.
let memoPhrases: PhraseOptions | null = null;
let phraseGen = 0;

function usePhrases(phrases: PhraseOptions): void {
  if (phrases === memoPhrases) return;
  const same = memoPhrases !== null && sameList(memoPhrases.extra, phrases.extra) && sameList(memoPhrases.ignore, phrases.ignore);
  if (!same) phraseGen++;
  memoPhrases = phrases;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The whole-line verdict of the phrase rules; `facts` is the line's entry, when the caller has it. */
export function matchLine(line: string, phrases: PhraseOptions, facts?: LineFacts): LineHit | null {
  // A long line fails every whole-line rule on its length at once: cheaper than the memo.
  if (line.length > 300) return matchLineUncached(line, phrases);
  usePhrases(phrases);
  const f = facts ?? lineFacts(line);
  if (f.matchGen !== phraseGen) {
    f.match = matchLineUncached(line, phrases);
    f.matchGen = phraseGen;
  }
  return f.match;
}

function matchLineUncached(line: string, phrases: PhraseOptions): LineHit | null {
  if (line.trim() === '' || isIgnored(line, phrases)) return null;
  const hit = matchTeaserLine(line) ?? matchAdMarkerLine(line) ?? matchPromoLine(line) ?? matchChromeLine(line) ?? matchCaptionLine(line);
  if (hit) return hit;
  if (phrases.extra.length > 0 && line.length <= 300) {
    const lower = line.toLowerCase();
    const p = phrases.extra.find((x) => lower.includes(x));
    if (p) return { rule: 'site-chrome' as RuleId, evidence: `contains your extra residue phrase "${p}"` };
  }
  return null;
}

/** Inline residue in a kept line, sorted and without overlaps. */
export function findInline(line: string, phrases: PhraseOptions, facts?: LineFacts): InlineHit[] {
  if (line.length < 20) return [];
  usePhrases(phrases);
  const f = facts ?? lineFacts(line);
  if (f.inlineGen !== phraseGen) {
    f.inline = findInlineUncached(line, phrases);
    f.inlineGen = phraseGen;
  }
  return f.inline!;
}

function findInlineUncached(line: string, phrases: PhraseOptions): InlineHit[] {
  if (isIgnored(line, phrases)) return [];
  let hits = detectOnce(line);
  // One residue can hide the next: "79. - Ends ALSO READ: ..." shows its teaser only once
  // "- Ends" is gone. So look again at the line as the fix-all leaves it, and keep what
  // turns up (mapped back to the original line), until nothing new does. Bounded: each round
  // must find more text to delete, and three rounds cover every pile-up seen.
  for (let round = 0; round < 3 && hits.length > 0; round++) {
    const { text, map } = without(line, hits);
    const more = detectOnce(text)
      .map((h) => ({ ...h, start: map(h.start, false), end: map(h.end, true) }))
      .filter((h) => !hits.some((o) => h.start < o.end && o.start < h.end));
    if (more.length === 0) break;
    hits = [...hits, ...more].sort((a, b) => a.start - b.start);
  }
  return hits;
}

const NONE: InlineHit[] = [];

function detectOnce(line: string): InlineHit[] {
  // Each finder's regex runs only when the line holds one of its words (exact pre-checks).
  const lower = lowerForPrecheck(line);
  const all = [
    ...(lower === null || mayHaveInlineWidget(lower) ? findInlineWidgets(line) : NONE),
    ...(lower === null || mayHaveGluedAdMarker(lower) ? findGluedAdMarkers(line) : NONE),
    ...(lower === null || mayHaveInlineTeaser(lower) ? findInlineTeasers(line) : NONE),
    ...findInlineChrome(line),
  ];
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: InlineHit[] = [];
  let reach = 0;
  for (const h of all) {
    if (h.start < reach || h.end <= h.start) continue;
    out.push(h);
    reach = h.end;
  }
  return out;
}

/** The line with `hits` deleted, and a map from offsets in it back to the original line. */
function without(line: string, hits: readonly InlineHit[]): { text: string; map: (at: number, isEnd: boolean) => number } {
  const keptStarts: number[] = []; // offset in the new text where each kept piece starts
  const origStarts: number[] = []; // and where that piece starts in the original
  let text = '';
  let pos = 0;
  for (const h of [...hits, { start: line.length, end: line.length } as InlineHit]) {
    keptStarts.push(text.length);
    origStarts.push(pos);
    text += line.slice(pos, h.start);
    pos = Math.max(pos, h.end);
  }
  const map = (at: number, isEnd: boolean) => {
    // The piece holding `at`; an end offset at a piece boundary belongs to the piece before.
    let k = keptStarts.length - 1;
    while (k > 0 && (isEnd ? keptStarts[k] >= at : keptStarts[k] > at)) k--;
    return origStarts[k] + (at - keptStarts[k]);
  };
  return { text, map };
}
