// Decides, for the lines of one article segment, which are the article (headline, byline,
// dateline, subheadings, body) and which are page furniture around it.
// Baseline: keep everything the phrase rules did not claim. (Replaced by the trained
// classifier.)
import type { RuleId } from '../model';

export type LineRole = 'blank' | 'headline' | 'byline' | 'dateline' | 'heading' | 'body' | 'chrome';

export interface PageInput {
  /** The segment's lines, without terminators. */
  lines: string[];
  /** Index of the headline when the dump's layout already says it (aggregator, scraper). */
  headline: number | null;
  /** Whole-line phrase-rule hits (these lines are residue whatever the classifier says). */
  ruled: (RuleId | null)[];
  /** Lines that are layout metadata (source/time/"- source"), never residue. */
  header: boolean[];
}

export interface PageVerdict {
  roles: LineRole[];
  /** For `chrome` lines: why, in words ("navigation run of 14 short lines before the headline"). */
  evidence: (string | null)[];
  headline: number | null;
}

let trace: ((input: PageInput) => void) | null = null;
/** Training hook: records every classifier input (scripts/train/dump.ts). */
export function setPageTrace(fn: ((input: PageInput) => void) | null): void {
  trace = fn;
}

export function classifyPage(input: PageInput): PageVerdict {
  if (trace) trace(input);
  const roles: LineRole[] = [];
  const evidence: (string | null)[] = [];
  let headline = input.headline;
  for (let i = 0; i < input.lines.length; i++) {
    const t = input.lines[i].trim();
    if (t === '') roles.push('blank');
    else if (input.header[i]) roles.push('dateline');
    else if (headline === null && !input.ruled[i]) {
      headline = i;
      roles.push('headline');
    } else if (i === headline) roles.push('headline');
    else roles.push(input.ruled[i] ? 'chrome' : 'body');
    evidence.push(null);
  }
  return { roles, evidence, headline };
}
