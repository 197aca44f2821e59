// One segment's analysis, steps 1-6: which whole lines are residue and the role of every
// line (lineRoles.ts), then inside the kept lines the residue phrase rules find (inline
// teasers, ad words), glued headings and sentences broken over lines, and the subheadings.
// A function of the segment's lines, its headline and header lines, the phrase options and
// the line end alone, so that its result can be cached and handed on (segmentCache.ts).
import type { RuleId } from './model';
import type { LineRole } from './page/classify';
import type { LineFacts } from './lineMemo';
import { findInline, matchLine, PhraseOptions } from './lineRules';
import { wholeLines } from './lineRoles';
import { findBrokenJoins } from './rules/brokenLine';
import { findGluedHeadings } from './rules/gluedHeading';
import type { InlineHit } from './rules/types';
import { wordSpaced } from './script';
import { endsSentence, isProse, wordCountUpTo } from './shape';
import { perLine } from './text';

/** A finding inside one segment, in segment-relative line numbers. */
export interface SegFinding {
  rule: RuleId;
  evidence: string;
  /** Whole lines first..last, or a span inside line `first` when `start` is set. */
  first: number;
  last: number;
  start?: number;
  end?: number;
  newText?: string;
  /** Layout fixes: several replacements that make one finding (a chain of joins). */
  parts?: Part[];
  /** Only the page classifier (no phrase rule) judged these lines. */
  classifier?: boolean;
}

/** A replacement from (line, col) to (endLine, endCol), segment-relative. */
export interface Part {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  newText: string;
}

export interface SegResult {
  roles: LineRole[];
  findings: SegFinding[];
  headline: number | null;
  byline: string | null;
  published: string | null;
}

export function analyzeSegment(texts: string[], facts: LineFacts[], headline: number, headerList: number[], phrases: PhraseOptions, eol: string): SegResult {
  const n = texts.length;
  const header = new Array<boolean>(n).fill(false);
  for (const h of headerList) if (h >= 0 && h < n) header[h] = true;

  // Phrase rules look at one line at a time: match each line once, for every pass below.
  const matched = perLine(n, (i) => matchLine(texts[i], phrases, facts[i]));
  // Shapes are judged on word-spaced copies of lines in scripts without spaces (script.ts).
  const judged = perLine(n, (i) => spacedOf(texts[i], facts[i]));
  // Several passes ask whether a line is prose: ask once per line text.
  const prose = perLine(n, (i) => proseOf(judged[i], facts[i]));
  const { roles, lineRule, verdictHeadline } = wholeLines(judged, texts, headline, header, phrases, headline >= 0, matched, facts, prose);
  const findings: SegFinding[] = [];
  for (let i = 0; i < n; i++) {
    const h = lineRule[i];
    if (h) findings.push({ rule: h.rule, evidence: h.evidence, first: i, last: i, classifier: h.classifier });
  }
  // 5. Kept lines: inline residue and layout problems.
  const kept = (i: number) => roles[i] !== 'chrome' && roles[i] !== 'blank';
  // Lines with inline residue or a glued heading end a chain of broken lines: the chain's
  // range would cover the other finding.
  const endsChain = new Array<boolean>(n).fill(false);
  /** Where the last inline deletion of a line ends (a join must not start inside it). */
  const inlineEnd = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    if (!kept(i) || header[i]) continue;
    const inline = findInline(texts[i], phrases, facts[i]);
    // Index loops over non-empty lists only: an empty list is an array of another kind (no
    // objects in it yet), and for-of over both kinds threw this function out of optimised
    // code ("wrong map") in the first segments of a big dump, to be compiled again.
    if (inline.length > 0) {
      endsChain[i] = true;
      for (let k = 0; k < inline.length; k++) {
        const h = inline[k];
        findings.push({ rule: h.rule, evidence: h.evidence, first: i, last: i, start: h.start, end: h.end });
        if (h.end > inlineEnd[i]) inlineEnd[i] = h.end;
      }
    }
    if (roles[i] === 'body' && pushGluedHeadings(findings, i, texts[i], inline, eol, facts[i])) endsChain[i] = true;
  }
  const keptTexts = perLine(n, (i) => (kept(i) && !header[i] ? texts[i] : ''));
  pushBrokenLines(findings, texts, keptTexts, endsChain, inlineEnd);
  // 6. Subheadings: short kept lines between stretches of prose.
  for (let i = 0; i < n; i++) {
    if (roles[i] !== 'body' || i === headline) continue;
    if (isSubheading(judged, roles, prose, i)) roles[i] = 'heading';
  }

  const byline = firstOfRole(texts, roles, 'byline', null);
  const published = firstOfRole(texts, roles, 'dateline', header);
  return { roles, findings: mergeBlocks(findings, texts), headline: headline >= 0 ? headline : verdictHeadline, byline, published };
}

/**
 * The first line of `role` (trimmed), header lines skipped when `header` is given. A function
 * of its own: as the last loop of analyzeSegment it was left without type feedback when the
 * first segments got that function compiled, and threw it out of optimised code twice.
 */
function firstOfRole(texts: string[], roles: LineRole[], role: LineRole, header: boolean[] | null): string | null {
  for (let i = 0; i < texts.length; i++) if (roles[i] === role && !(header !== null && header[i])) return texts[i].trim();
  return null;
}

/**
 * The glued-heading findings of body line `i`; true when there are any. A heading glued on
 * both sides gives two breaks: one finding, two edits. A heading inside (or touching) text
 * that is deleted anyway is not reported. (Steps of analyzeSegment are functions of their own: the optimising
 * compiler recompiles a smaller function when one of them bails out.)
 */
function pushGluedHeadings(findings: SegFinding[], i: number, text: string, inline: readonly InlineHit[], eol: string, facts: LineFacts): boolean {
  const found = findGluedHeadings(text, eol, facts);
  // Most body lines have none: nothing is allocated for them (this step made 45 MB of
  // garbage at 10 MB: an empty array, two closures and their context per body line).
  if (found.length === 0) return false;
  const glued = apartFrom(found, inline);
  for (let k = 0; k < glued.length; k++) {
    const h = glued[k];
    const parts: Part[] = [{ line: i, col: h.start, endLine: i, endCol: h.end, newText: h.newText ?? eol }];
    const pair = glued[k + 1];
    if (h.before && pair && !pair.before && pair.start - h.end < 200) {
      parts.push({ line: i, col: pair.start, endLine: i, endCol: pair.end, newText: pair.newText ?? eol });
      k++;
    }
    const last = parts.length > 1 ? pair : h;
    findings.push({ rule: h.rule, evidence: last.evidence, first: i, last: i, start: parts[0].col, end: parts[parts.length - 1].endCol, parts });
  }
  return glued.length > 0;
}

/** The hits of `found` that touch none of `inline` (a loop: no closures, see pushGluedHeadings). */
function apartFrom(found: readonly InlineHit[], inline: readonly InlineHit[]): InlineHit[] {
  const out: InlineHit[] = [];
  for (let k = 0; k < found.length; k++) {
    const g = found[k];
    let touches = false;
    for (let j = 0; j < inline.length && !touches; j++) touches = g.start <= inline[j].end && inline[j].start <= g.end;
    if (!touches) out.push(g);
  }
  return out;
}

/** Broken lines: a chain of joins ("Telegram" / "and" / ", citing") is one finding. */
function pushBrokenLines(findings: SegFinding[], texts: string[], keptTexts: string[], endsChain: boolean[], inlineEnd: number[]): void {
  const joins = findBrokenJoins(keptTexts);
  for (let k = 0; k < joins.length; ) {
    let e = k;
    // A line with inline residue or a glued heading ends a chain: the chain's range would
    // cover that finding.
    while (e + 1 < joins.length && joins[e + 1].line === joins[e].line + 1 && !endsChain[joins[e + 1].line]) e++;
    // A loop with push, not slice().map(): the optimised code kept bailing out here ("wrong
    // map", dozens of times per big dump, each one finishing the segment unoptimised).
    const parts: Part[] = [];
    for (let x = k; x <= e; x++) {
      const j = joins[x];
      const a = texts[j.line];
      const b = texts[j.line + 1];
      // An inline deletion may take the line's trailing spaces too: the join starts after it.
      parts.push({ line: j.line, col: Math.max(a.trimEnd().length, inlineEnd[j.line]), endLine: j.line + 1, endCol: b.length - b.replace(/^\s+/u, '').length, newText: j.glue });
    }
    const a = texts[joins[k].line].trim();
    const lines = e - k + 2;
    findings.push({
      rule: 'broken-line', first: joins[k].line, last: joins[e].line + 1, start: parts[0].col, end: parts[parts.length - 1].endCol, parts,
      evidence: `${lines} lines split inside one sentence, from "${a.slice(-24)}"`,
    });
    k = e + 1;
  }
}

/** isProse of a line as judged (`judged`: its word-spaced text), remembered in its entry. */
function proseOf(judged: string, f: LineFacts): boolean {
  if (f.prose < 0) f.prose = isProse(judged) ? 1 : 0;
  return f.prose === 1;
}

/** wordSpaced(t), remembered in the line's entry. */
function spacedOf(t: string, f: LineFacts): string {
  if (f.spaced === undefined) {
    const s = wordSpaced(t);
    f.spaced = s === t ? null : s;
  }
  return f.spaced ?? t;
}

function isSubheading(texts: string[], roles: LineRole[], prose: readonly boolean[], i: number): boolean {
  const t = texts[i].trim();
  if (endsSentence(t)) return false; // read from the line's end: cheaper than counting words
  const words = wordCountUpTo(t, 17); // exact below 17
  // (A one-word line is never headline-shaped, which takes three words: no need to ask.)
  if (words > 16 || words < 2) return false;
  if (/[,;]$/.test(t)) return false;
  // Followed by prose (after blanks), and preceded by prose or by the article start.
  let j = i + 1;
  while (j < texts.length && (roles[j] === 'blank' || roles[j] === 'chrome')) j++;
  if (j >= texts.length || roles[j] !== 'body' || !prose[j]) return false;
  if (STARTS_LOWER.test(texts[j].trim())) return false;
  return true;
}
/** A module constant: esbuild compiles this literal to `new RegExp`, a new object per call. */
const STARTS_LOWER = /^\p{Ll}/u;

/** Merges adjacent whole-line findings of one rule (blank lines between them join in). */
function mergeBlocks(findings: SegFinding[], texts: string[]): SegFinding[] {
  const whole = findings.filter((f) => f.start === undefined).sort((a, b) => a.first - b.first);
  const inline = findings.filter((f) => f.start !== undefined);
  const merged: SegFinding[] = [];
  for (const f of whole) {
    const prev = merged[merged.length - 1];
    if (prev && prev.rule === f.rule && allBlank(texts, prev.last + 1, f.first - 1)) {
      prev.last = f.last;
      prev.classifier = prev.classifier && f.classifier;
      continue;
    }
    merged.push({ ...f });
  }
  for (const m of merged) {
    const lines = m.last - m.first + 1;
    if (lines > 1) m.evidence = `${m.evidence} (block of ${lines} lines)`;
  }
  return [...merged, ...inline];
}

function allBlank(texts: string[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (texts[i].trim() !== '') return false;
  return true;
}
