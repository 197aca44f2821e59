// sponsored-widget: Taboola/Outbrain-style blocks. A widget is recognised by its structure,
// a label ("by Taboola", "Sponsored Links", "You May Like") followed by short sponsored
// headlines, advertiser names and buttons, ending in a call to action such as "Undo".
// An article *about* Taboola has none of that structure and is left alone.
import { normalize, wordCount } from '../shape';
import { WIDGET_CTAS, WIDGET_LABELS, WIDGET_NETWORKS } from './phrases';
import { LineFacts, lineFacts } from '../lineMemo';
import { anyOf } from './precheck';
import type { InlineHit } from './types';

const GENERIC_LABELS = new Set(['sponsored', 'you may like', 'you might like', 'trending now', 'recommended for you', 'from the web', 'around the web', 'you may also like', 'you might also like', 'anzeigen']);

// What findWidgetBlocks asks of a line, memoised per line text (in its LineFacts) as bits
// (the block scan and every re-judging pass ask again of the same lines).
const LABEL = 1, STRONG = 2, CTA = 4, ITEM = 8, KNOWN = 16;
function kindOf(line: string, facts: LineFacts): number {
  let k = facts.widgetKind;
  if (k === 0) {
    k = KNOWN;
    if (isWidgetLabel(line)) {
      k |= LABEL;
      if (!GENERIC_LABELS.has(normalize(line))) k |= STRONG;
    }
    if (isWidgetCta(line)) k |= CTA;
    if (isWidgetItem(line)) k |= ITEM;
    facts.widgetKind = k;
  }
  return k;
}

/** White space as String.prototype.trim removes it. */
function isTrimSpace(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Cheap exact pre-check: a line longer than 60 characters with no space at either end
 *  is never a label (isWidgetLabel needs at most 60 after trimming). */
function mayBeLabel(line: string): boolean {
  return line.length <= 60 || isTrimSpace(line.charCodeAt(0)) || isTrimSpace(line.charCodeAt(line.length - 1));
}

export function isWidgetLabel(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 60) return false;
  const n = normalize(t);
  return WIDGET_LABELS.has(n) || (WIDGET_NETWORKS.test(t) && wordCount(t) <= 5);
}

export function isWidgetCta(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 40 && WIDGET_CTAS.has(normalize(t));
}

/** Short enough to be a sponsored headline, an advertiser name or a button. */
function isWidgetItem(line: string): boolean {
  const t = line.trim();
  const words = wordCount(t);
  // Sponsored headlines are clickbait titles, not sentences: a line of ten or more words
  // ending in a full stop is prose, and a widget never runs over it.
  return t.length <= 200 && words <= 24 && !(words >= 10 && /[.。]["'”’)]*$/u.test(t));
}

export interface LineBlock {
  first: number;
  last: number;
  evidence: string;
}

/**
 * Finds widget blocks in a run of lines. `lines` are the segment's lines; returns inclusive
 * line ranges. A block starts at a label and runs over short lines to its last button; a
 * generic label ("You May Like") needs a second label or a button to count.
 */
export function findWidgetBlocks(lines: readonly string[], facts?: readonly LineFacts[]): LineBlock[] {
  const blocks: LineBlock[] = [];
  const factsOf = (i: number) => (facts ? facts[i] : lineFacts(lines[i]));
  let i = 0;
  while (i < lines.length) {
    if (!mayBeLabel(lines[i]) || !(kindOf(lines[i], factsOf(i)) & LABEL)) {
      i++;
      continue;
    }
    let last = i;
    let labels = 1;
    let ctas = 0;
    let strong = (kindOf(lines[i], factsOf(i)) & STRONG) !== 0;
    let lastLabel = i;
    for (let j = i + 1; j < lines.length && j <= i + 60; j++) {
      const t = lines[j];
      if (t.trim() === '') continue;
      const kind = kindOf(t, factsOf(j));
      if (kind & LABEL) {
        labels++;
        strong ||= (kind & STRONG) !== 0;
        lastLabel = j;
        last = j;
        continue;
      }
      if (kind & CTA) {
        ctas++;
        last = j;
        continue;
      }
      if (!(kind & ITEM)) break;
      // A widget's items come between its label and its last button; stop scanning when
      // no button has shown up for a while, so we never swallow a run of subheadings.
      if (j - Math.max(last, lastLabel) > 6) break;
    }
    const counts = strong || labels >= 2 || ctas >= 1;
    if (counts) {
      const label = lines[i].trim();
      blocks.push({
        first: i,
        last,
        evidence: `starts with the widget label "${label}"` + (ctas > 0 ? ` and ends with its button "${lines[last].trim()}"` : '') + `, ${labels} label line${labels > 1 ? 's' : ''}`,
      });
      i = last + 1;
    } else i++;
  }
  return blocks;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Labels of two or more words ("Sponsored Links", "Gesponserte Links") and "by <network>" in
// several languages; single words are too common in prose to start a run.
const INLINE_LABEL = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:(?:by|from|recommended by|ads by|content by|von|empfohlen von|par|recommandé par|por|da|di|de|от)\\s+(?:taboola|outbrain|revcontent|mgid|zergnet)|' +
    [...WIDGET_LABELS].filter((l) => l.includes(' ') && !/^(?:by|recommended by)\b/.test(l)).sort((a, b) => b.length - a.length).map(escapeRe).join('|') +
    ')(?![\\p{L}\\p{N}])',
  'giu',
);
const UNDO = /(?<![\p{L}\p{N}])undo(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])rückgängig machen(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])annuler(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])deshacer(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])annulla(?![\p{L}\p{N}])/giu;
const INLINE_LABEL_WORDS = [
  'taboola', 'outbrain', 'revcontent', 'mgid', 'zergnet',
  ...[...WIDGET_LABELS].filter((l) => l.includes(' ') && !/^(?:by|recommended by)\b/.test(l)),
];
const INLINE_LABEL_KEYS = anyOf(INLINE_LABEL_WORDS);
/** Pre-check on the lower-cased line (see precheck.ts): INLINE_LABEL needs one of these words. */
export function mayHaveInlineWidget(lower: string): boolean {
  return INLINE_LABEL_KEYS.test(lower);
}
/** Longest UNDO match plus the character its look-ahead reads. */
const UNDO_REACH = 'rückgängig machen'.length + 2;

/**
 * A widget copied as one run inside a paragraph ("... assistance. by Taboola by Taboola
 * Sponsored Links ... Undo The unity ..."). Needs a network name or two labels in a row,
 * and ends after the last "Undo" within reach (or after the labels when there is none).
 */
export function findInlineWidgets(text: string): InlineHit[] {
  const hits: InlineHit[] = [];
  INLINE_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE_LABEL.exec(text))) {
    const start = m.index;
    // Walk over consecutive labels.
    let end = start + m[0].length;
    let labels = 1;
    let network = WIDGET_NETWORKS.test(m[0]);
    for (;;) {
      INLINE_LABEL.lastIndex = end;
      const n = INLINE_LABEL.exec(text);
      if (!n || text.slice(end, n.index).trim() !== '') break;
      labels++;
      network ||= WIDGET_NETWORKS.test(n[0]);
      end = n.index + n[0].length;
    }
    // Decide before looking for buttons: a rejected label must not scan the rest of the
    // line for them (that was quadratic on a line of repeated labels).
    if (!(network || labels >= 2)) {
      INLINE_LABEL.lastIndex = start + m[0].length;
      continue;
    }
    // The sponsored items follow; the widget ends at its last "Undo" within 400 chars of
    // the previous one. Each search looks only that far (plus the longest button and the
    // character after it), so a line without buttons is not rescanned per label.
    let undoEnd = -1;
    let u: RegExpExecArray | null;
    let from = end;
    for (;;) {
      const window = text.slice(0, Math.min(text.length, from + 400 + UNDO_REACH));
      UNDO.lastIndex = from;
      u = UNDO.exec(window);
      if (!u || u.index - from > 400) break;
      undoEnd = u.index + u[0].length;
      from = undoEnd;
    }
    if (undoEnd > 0) end = undoEnd;
    if (undoEnd < 0 && labels < 2) {
      INLINE_LABEL.lastIndex = start + m[0].length;
      continue;
    }
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    hits.push({
      rule: 'sponsored-widget',
      start,
      end,
      evidence: `a ${labels}-label widget run ("${m[0]}"${undoEnd > 0 ? ' ... "Undo"' : ''}) glued into the paragraph`,
    });
    INLINE_LABEL.lastIndex = end;
  }
  return hits;
}
