// Runs the whole-line and inline rules over one segment. Order matters only where two
// rules could claim the same line: the more specific rule goes first.
import type { RuleId } from './model';
import { matchAdMarkerLine, findGluedAdMarkers } from './rules/adMarker';
import { matchPromoLine } from './rules/promo';
import { matchChromeLine, findInlineChrome } from './rules/siteChrome';
import { matchTeaserLine, findInlineTeasers } from './rules/inlineTeaser';
import { findInlineWidgets } from './rules/sponsoredWidget';
import type { InlineHit, LineHit } from './rules/types';

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

export function matchLine(line: string, phrases: PhraseOptions): LineHit | null {
  if (line.trim() === '' || isIgnored(line, phrases)) return null;
  const hit = matchTeaserLine(line) ?? matchAdMarkerLine(line) ?? matchPromoLine(line) ?? matchChromeLine(line);
  if (hit) return hit;
  if (phrases.extra.length > 0 && line.length <= 300) {
    const lower = line.toLowerCase();
    const p = phrases.extra.find((x) => lower.includes(x));
    if (p) return { rule: 'site-chrome' as RuleId, evidence: `contains your extra residue phrase "${p}"` };
  }
  return null;
}

/** Inline residue in a kept line, sorted and without overlaps. */
export function findInline(line: string, phrases: PhraseOptions): InlineHit[] {
  if (line.length < 20 || isIgnored(line, phrases)) return [];
  const all = [...findInlineWidgets(line), ...findGluedAdMarkers(line), ...findInlineTeasers(line), ...findInlineChrome(line)];
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
