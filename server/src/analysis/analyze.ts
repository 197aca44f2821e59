// The engine's pipeline: text -> lines -> segments -> per-segment line roles and findings
// -> residue blocks, articles and groups. Each segment is analysed on its own text only, so
// its result is cached by content and an edit re-analyses just the segment it touched.
// Where the steps live:
//   segment.ts          the dump's layout: where its articles start and end (segments)
//   segmentAnalysis.ts  one segment: its findings and line roles, steps 1-6
//   lineRoles.ts        steps 1-4 of that: rules, the page classifier, and the mends to its cut
//   closers.ts          what closes the story (comments, shelves, footer) and goes after it
//   segmentCache.ts     segment results reused across analyses, or across looks
//   modelOutput.ts      segment findings as the model's residue and articles
//   settle.ts           looking again at what the fix-all leaves, until nothing is left
import type { Article, DumpModel, Group, Residue, RuleId, Severity } from './model';
import type { LineFacts } from './lineMemo';
import { LookResults } from './lookReuse';
import type { PhraseOptions } from './lineRules';
import { buildArticle, toResidue } from './modelOutput';
import { segment, Segment } from './segment';
import type { SegResult } from './segmentAnalysis';
import { analyzeSegmentCached, LineFactsTable } from './segmentCache';
import { Kept, settle } from './settle';
import { Line, LineTable, PositionMapper, Range, splitLines } from './text';

// Where the cache is set and emptied, and what a segment's result is, for the engine's users.
export { clearSegmentCache, SEGMENT_CACHE_DEFAULT, setSegmentCacheLimit } from './segmentCache';
export type { SegResult } from './segmentAnalysis';

export interface AnalyzeOptions {
  /** Per-rule severity, or 'off' to drop the rule (its residue is then kept by `clean`). */
  rules?: Partial<Record<RuleId, Severity | 'off'>>;
  /** Extra phrases that mark a short line as residue (literal, case-insensitive). */
  extraPhrases?: readonly string[];
  /** Phrases that protect a line from every rule (literal, case-insensitive). */
  ignorePhrases?: readonly string[];
}

export const BINARY_NOTICE = 'This file is not a text dump (it contains binary data); newsdump leaves it alone.';

export function analyze(text: string, opts: AnalyzeOptions = {}): DumpModel {
  return analyzeWith(text, opts, FULL);
}

/** The parts of a model a caller reads beyond the residue's offsets and edits (see analyzeOnly). */
export interface ModelParts {
  /** Articles and groups (else none, and every finding's `article` is -1). */
  articles: boolean;
  /** Line and character ranges of the findings and their edits (else NO_RANGE). */
  ranges: boolean;
}
const FULL: ModelParts = { articles: true, ranges: true };

/**
 * `analyze` without the parts a caller does not read: the notice and the residue's offsets,
 * kinds, severities, evidence and edits are exactly analyze()'s. Building articles, sections
 * and ranges was some 8% of a big dump's analysis: `clean` reads neither, `check` no
 * articles, `articles` no finding's range.
 */
export function analyzeOnly(text: string, opts: AnalyzeOptions, parts: ModelParts): DumpModel {
  return analyzeWith(text, opts, parts);
}

/** What the fix-all needs of the model and no more: analyzeOnly without articles or ranges. */
export function analyzeForClean(text: string, opts: AnalyzeOptions = {}): DumpModel {
  return analyzeWith(text, opts, { articles: false, ranges: false });
}

function analyzeWith(text: string, opts: AnalyzeOptions, parts: ModelParts): DumpModel {
  const facts: LineFactsTable = [];
  const looks = new LookResults();
  const { model, mapper, table } = analyzeOnce(text, opts, facts, undefined, looks, parts);
  if (!mapper) return model;
  // The cleaned text is mostly this text's lines: they bring their LineFacts along, and (with
  // the content cache off) its segments that are an earlier look's segments unchanged bring
  // their results (lookReuse.ts).
  // (Settle rounds map their findings back with real positions even when ranges are left
  // out: a finding's end there depends on them.)
  return settle(text, model, mapper, (view) => {
    const cleaned = view.cleaned.toString();
    const cleanedTable = splitLines(cleaned);
    return analyzeOnce(cleaned, opts, factsThrough(cleanedTable, view.kept, table, facts), cleanedTable, looks, parts).model;
  });
}

/** The range of every finding and edit of a model whose ranges are left out (analyzeOnly). */
export const NO_RANGE: Range = Object.freeze({ start: Object.freeze({ line: 0, character: 0 }), end: Object.freeze({ line: 0, character: 0 }) });

/** The positions of a look whose ranges are left out: none (offsets are kept). */
class NoPositions extends PositionMapper {
  override range(): Range {
    return NO_RANGE;
  }
}

/**
 * The facts table of the cleaned text's lines, from `facts` of the text it was cleaned from:
 * a cleaned line that is a whole line of that text, copied unchanged (inside one kept
 * stretch), is the same text and gets that line's entry.
 */
function factsThrough(cleaned: LineTable, kept: Kept, from: LineTable, facts: LineFactsTable): LineFactsTable {
  const out: LineFactsTable = new Array(cleaned.lines.length);
  const orig = from.lines;
  let k = 0;
  let j = 0;
  // An index loop: for-of made an iterator result per line until the loop was optimised.
  for (let c = 0; c < cleaned.lines.length; c++) {
    const l = cleaned.lines[c];
    // The kept stretch holding the line's start (stretches and lines both go in order).
    while (k < kept.length && kept.at[k] + kept.to[k] - kept.from[k] <= l.start) k++;
    if (k >= kept.length) break;
    if (l.start < kept.at[k] || l.end > kept.at[k] + kept.to[k] - kept.from[k]) continue;
    const o = kept.from[k] + (l.start - kept.at[k]);
    while (j < orig.length && orig[j].start < o) j++;
    if (j < orig.length && orig[j].start === o && orig[j].end - o === l.end - l.start) out[l.index] = facts[j];
  }
  return out;
}

/**
 * One look at the text, before `settle` looks at what the fix-all leaves (null mapper: not
 * analysed). `facts`: the lines' LineFacts as far as known, filled in by this look; `looks`:
 * the segment results of the earlier looks of the same analyze() call (used with the content
 * cache off); `parts`: what to build beyond the findings' offsets (analyzeOnly).
 */
export function analyzeOnce(
  text: string, opts: AnalyzeOptions = {}, facts?: LineFactsTable, split?: LineTable, looks?: LookResults, parts: ModelParts = FULL,
): { model: DumpModel; mapper: PositionMapper | null; table: LineTable } {
  const table = split ?? splitLines(text);
  const base: DumpModel = {
    length: text.length, lineCount: table.lines.length, eol: table.eol, mixedEol: table.mixedEol,
    bom: table.bom > 0, notice: null, shape: 'empty', articles: [], groups: [], residue: [],
  };
  if (looksBinary(text)) return { model: { ...base, shape: 'binary', notice: BINARY_NOTICE }, mapper: null, table };
  if (text.trim() === '') return { model: base, mapper: null, table };

  const lines = table.lines;
  const mapper = new PositionMapper(table);
  const residuePositions = parts.ranges ? mapper : new NoPositions(table);
  const phrases = phraseOptions(opts);
  const seg = segment(lines);
  const residue: Residue[] = [];
  const articles: Article[] = [];
  const groups: Group[] = [];
  const related: number[] = [];

  for (const s of seg.segments) {
    const articleIndex = articles.length;
    const out = parts === FULL
      ? segmentOutput(lines, s, phrases, table.eol, mapper, opts, articleIndex, facts, looks)
      : partialOutput(lines, s, phrases, table.eol, mapper, residuePositions, parts.articles, opts, articleIndex, facts, looks);
    if (out.article) {
      articles.push(out.article);
      if (s.role === 'related') related.push(articleIndex);
    }
    for (const r of out.residue) residue.push(r);
  }
  if (seg.related && related.length > 0) {
    const first = articles[related[0]].range.start;
    const last = articles[related[related.length - 1]].range.end;
    groups.push({ title: 'Related articles', range: { start: first, end: last }, articles: related });
  }
  residue.sort((a, b) => a.start - b.start || a.end - b.end);
  return { model: { ...base, shape: seg.shape, articles, groups, residue }, mapper, table };
}

export function phraseOptions(opts: AnalyzeOptions): PhraseOptions {
  return {
    extra: (opts.extraPhrases ?? []).map((p) => p.trim().toLowerCase()).filter((p) => p.length >= 2),
    ignore: (opts.ignorePhrases ?? []).map((p) => p.trim().toLowerCase()).filter((p) => p.length >= 2),
  };
}

/** What one segment adds to the model; it depends on that segment's lines alone. */
export interface SegmentOutput {
  article: Article | null;
  /** In finding order (the model sorts them); `article` is `articleIndex` or -1. */
  residue: Residue[];
}

export function segmentOutput(
  lines: readonly Line[], s: Segment, phrases: PhraseOptions, eol: string, mapper: PositionMapper, opts: AnalyzeOptions, articleIndex: number,
  facts?: LineFactsTable, looks?: LookResults,
): SegmentOutput {
  const result = analyzeSegmentCached(lines, s, phrases, eol, facts, looks);
  const article = buildArticle(lines, s, result, mapper);
  return { article, residue: segmentResidue(lines, s, result, mapper, opts, article ? articleIndex : -1) };
}

/**
 * segmentOutput for analyzeOnly: the article only with `withArticle`, the findings' ranges
 * from `positions` (NoPositions: left out).
 */
function partialOutput(
  lines: readonly Line[], s: Segment, phrases: PhraseOptions, eol: string, mapper: PositionMapper, positions: PositionMapper, withArticle: boolean,
  opts: AnalyzeOptions, articleIndex: number, facts?: LineFactsTable, looks?: LookResults,
): SegmentOutput {
  const result = analyzeSegmentCached(lines, s, phrases, eol, facts, looks);
  const article = withArticle ? buildArticle(lines, s, result, mapper) : null;
  return { article, residue: segmentResidue(lines, s, result, positions, opts, article ? articleIndex : -1) };
}

/** A segment's findings as residue, with the user's per-rule settings applied ('off' drops). */
function segmentResidue(lines: readonly Line[], s: Segment, result: SegResult, positions: PositionMapper, opts: AnalyzeOptions, article: number): Residue[] {
  const residue: Residue[] = [];
  for (const f of result.findings) {
    const r = toResidue(lines, s.first, f, positions, article);
    const setting = opts.rules?.[r.rule];
    if (setting === 'off') continue;
    if (setting) r.severity = setting;
    residue.push(r);
  }
  return residue;
}

/** NUL bytes or a high share of control characters: not something a person reads. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > 8 && control > sample.length * 0.05;
}
