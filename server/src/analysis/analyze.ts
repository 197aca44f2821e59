// The engine's pipeline: text -> lines -> segments -> per-segment line roles and findings
// -> residue blocks, articles and groups. Each segment is analysed on its own text only, so
// its result is cached by content and an edit re-analyses just the segment it touched.
import type { Article, DumpModel, Edit, Group, Residue, RuleId, Section, Severity } from './model';
import { classifyPage, LineRole, PageInput, PageVerdict } from './page/classify';
import { clearLineMemos, copyOf, LineFacts, lineFacts, rememberedTest } from './lineMemo';
import { LookResults } from './lookReuse';
import { findInline, isIgnored, matchLine, PhraseOptions } from './lineRules';
import { RULES } from './rules';
import { findBrokenJoins } from './rules/brokenLine';
import { findGluedHeadings } from './rules/gluedHeading';
import { findWidgetBlocks } from './rules/sponsoredWidget';
import { findTocBlocks } from './rules/tableOfContents';
import { findGluedTeasers } from './rules/gluedTeaser';
import { findCommentBlocks, findCommentSections, isBareCommentLabel } from './rules/commentThread';
import { findReplyForms } from './rules/replyForm';
import { findShelfBlocks, isLabelLine, isPopularityLabel } from './rules/linkShelf';
import { findRepeatedPassages } from './rules/repeatedPassage';
import { matchButtonLine } from './rules/promo';
import { isEndLabel, isFooterCopyright, isTagLine, matchPostNav, matchStarRating } from './rules/siteChrome';
import type { InlineHit, LineHit } from './rules/types';
import { segment, Segment } from './segment';
import { wordSpaced } from './script';
import { Kept, settle } from './settle';
import { endsSentence, isHeadlineShape, isTimeLine, startsContinuation, wordCount, wordCountUpTo } from './shape';
import { Line, LineTable, PositionMapper, Range, splitLines } from './text';

export interface AnalyzeOptions {
  /** Per-rule severity, or 'off' to drop the rule (its residue is then kept by `clean`). */
  rules?: Partial<Record<RuleId, Severity | 'off'>>;
  /** Extra phrases that mark a short line as residue (literal, case-insensitive). */
  extraPhrases?: readonly string[];
  /** Phrases that protect a line from every rule (literal, case-insensitive). */
  ignorePhrases?: readonly string[];
}

/** A finding inside one segment, in segment-relative line numbers. */
interface SegFinding {
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
interface Part {
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
 * The LineFacts of a text's lines by line index, as far as known. A line's entry is found by
 * its text in the shared memo; a table filled by one look hands the entries on to the next
 * look's lines that are the same text (skipping the memo look-up, which hashes the line and
 * compares it with the stored copy: the largest single cost of a settle round).
 */
type LineFactsTable = (LineFacts | undefined)[];

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

// ---------------------------------------------------------------------------------------
// Segment analysis, cached by content.

/** The segment cache's size unless set otherwise. */
export const SEGMENT_CACHE_DEFAULT = 4096;
let cacheLimit = SEGMENT_CACHE_DEFAULT;

/**
 * Caps the segment cache (a language server that keeps incremental state needs little; the
 * CLI, which analyses each file once, switches it off with 0: then a segment is analysed
 * without joining its lines into a key and a copy).
 */
export function setSegmentCacheLimit(n: number): void {
  cacheLimit = Math.max(0, n);
  while (cache.size > cacheLimit) cache.delete(cache.keys().next().value as string);
}

/**
 * A cached segment. The map's key is short (the segment's layout, the options and the
 * lengths of its lines); `body`, the lines joined, is compared only when the key matches.
 * (Keyed by the whole text, every look-up hashed and copied the segment twice: a tenth of
 * the analysis of a big dump, where almost every look-up misses.)
 */
interface CacheEntry {
  /** The segment's lines joined by LF: a copy (a slice would pin the document). */
  body: string;
  result: SegResult;
}
const cache = new Map<string, CacheEntry>();

/** Empties the segment cache (benchmarks measure cold analysis with it). */
export function clearSegmentCache(): void {
  cache.clear();
  clearLineMemos();
}

/**
 * A segment's analysis: from the content cache when it is on; with the cache off (the CLI),
 * from `looks` (the earlier looks of this analyze() call) when one had the same segment;
 * else worked out.
 */
function analyzeSegmentCached(lines: readonly Line[], s: Segment, phrases: PhraseOptions, eol: string, known?: LineFactsTable, looks?: LookResults): SegResult {
  const rel = (x: number | null) => (x === null ? -1 : x - s.first);
  const texts = perLine(s.last - s.first + 1, (i) => lines[s.first + i].text);
  if (cacheLimit > 0) return cachedByContent(texts, () => factsOf(texts, s.first, known), s, phrases, eol);
  const facts = factsOf(texts, s.first, known);
  const headline = rel(s.headline);
  const header = perLine(s.header.length, (k) => rel(s.header[k]));
  if (!looks) return analyzeSegment(texts, facts, headline, header, phrases, eol);
  const key = looks.key(facts, headline, header, eol);
  const earlier = looks.get(key, facts);
  if (earlier) return earlier;
  const result = analyzeSegment(texts, facts, headline, header, phrases, eol);
  looks.set(key, facts, result);
  return result;
}

/** The content cache: a segment's analysis by its text, layout and options (`facts`: how to get its lines' entries). */
function cachedByContent(texts: string[], facts: () => LineFacts[], s: Segment, phrases: PhraseOptions, eol: string): SegResult {
  // The lines' lengths, hashed: segments that share a key but not their text are rare.
  let lengths = 0;
  for (let i = 0; i < texts.length; i++) lengths = (Math.imul(lengths, 31) + texts[i].length) | 0;
  const rel = (x: number | null) => (x === null ? -1 : x - s.first);
  const key = [s.role, rel(s.headline), s.header.map(rel).join(','), phrases.extra.join('\u0001'), phrases.ignore.join('\u0001'), eol, texts.length, lengths].join('\u0000');
  const body = texts.join('\n');
  const hit = cache.get(key);
  if (hit && hit.body === body) {
    // Refresh its place so the least recently used entry is the one evicted.
    cache.delete(key);
    cache.set(key, hit);
    return hit.result;
  }
  const result = analyzeSegment(texts, facts(), rel(s.headline), perLine(s.header.length, (k) => rel(s.header[k])), phrases, eol);
  // A different segment under the same key is replaced: the cache holds one per key.
  cache.delete(key);
  // (A one-line segment's join is that line itself: a slice of the document.)
  cache.set(key, { body: texts.length === 1 ? copyOf(body) : body, result });
  while (cache.size > cacheLimit) cache.delete(cache.keys().next().value as string);
  return result;
}

/**
 * The LineFacts of a segment's lines (`first`: the index of its first line), from `known`
 * where it has them, else from the memo; recorded in `known`. Every per-line rule remembers
 * its result in the line's entry: one look-up per line.
 */
function factsOf(texts: string[], first: number, known?: LineFactsTable): LineFacts[] {
  const facts: LineFacts[] = new Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    facts[i] = known?.[first + i] ?? lineFacts(texts[i]);
    if (known) known[first + i] = facts[i];
  }
  return facts;
}

/**
 * [fn(0), ..., fn(n - 1)], built with push. The per-line arrays of a segment are made this
 * way, not with map() or slice(): arrays those make differ in elements kind with the tier
 * of the code making them, and optimised code that met the other kind bailed out ("wrong
 * map") and was recompiled, 50-300 ms of compiling each time for analyzeSegment.
 */
function perLine<T>(n: number, fn: (i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(fn(i));
  return out;
}

function analyzeSegment(texts: string[], facts: LineFacts[], headline: number, headerList: number[], phrases: PhraseOptions, eol: string): SegResult {
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

/**
 * A sentence split over lines ("... development of a" / "state-backed messaging app" /
 * "integrated with ...") is article text all along: a fragment the classifier called
 * furniture is kept when the kept text around it runs through it.
 */
function keepBrokenSentences(texts: string[], roles: LineRole[], ruled: (RuleId | null)[]): void {
  const keptRole = (r: LineRole) => r !== 'chrome' && r !== 'blank';
  const candidate = (i: number) => roles[i] === 'chrome' && !ruled[i] && texts[i].trim() !== '';
  // One pass down (a fragment continuing kept text) and one up (a fragment that kept text
  // continues): linear, and enough for chains that run either way.
  for (let i = 1; i < texts.length; i++) {
    if (candidate(i) && keptRole(roles[i - 1]) && !endsSentence(texts[i - 1]) && startsContinuation(texts[i])) roles[i] = 'body';
  }
  for (let i = texts.length - 2; i >= 0; i--) {
    if (candidate(i) && keptRole(roles[i + 1]) && !endsSentence(texts[i]) && startsContinuation(texts[i + 1])) roles[i] = 'body';
  }
}

/**
 * A short title-like line with kept prose right above and below it is the article's own
 * subheading ("PUSHES FOR DIPLOMATIC DIALOGUE", "How the chase unfolded"), whatever its shape
 * suggested to the classifier.
 */
function keepSandwichedHeadings(texts: string[], roles: LineRole[], ruled: (RuleId | null)[], prose: readonly boolean[]): void {
  const n = texts.length;
  const keptProse = (j: number) => j >= 0 && j < n && roles[j] !== 'chrome' && roles[j] !== 'blank' && prose[j];
  for (let i = 0; i < n; i++) {
    if (roles[i] !== 'chrome' || ruled[i]) continue;
    const t = texts[i].trim();
    if (t === '' || wordCount(t) > 15 || endsSentence(t)) continue;
    let p = i - 1;
    while (p >= 0 && roles[p] === 'blank') p--;
    let q = i + 1;
    while (q < n && roles[q] === 'blank') q++;
    if (keptProse(p) && keptProse(q)) roles[i] = 'body';
  }
}

/**
 * When the layout names the headline (an aggregator entry, a scraper record), the prose under
 * it is that article's body by construction: the classifier, trained on whole web pages, may
 * drop short furniture there but never a sentence of prose.
 */
function keepProseUnderKnownHeadline(texts: string[], roles: LineRole[], ruled: (RuleId | null)[], prose: readonly boolean[]): void {
  for (let i = 0; i < texts.length; i++) {
    if (roles[i] === 'chrome' && !ruled[i] && prose[i]) roles[i] = 'body';
  }
}

const BYLINE = /^(?:by|written by|words by|von|par|por|di|de|door|av|af|автор|текст)\s*:?\s+[\p{Lu}\p{Lo}]/iu;
const DATELINE = /^(?:(?:updated|published|posted|last updated|first published|aktualisiert|veröffentlicht|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|обновлено|опубликовано)(?![\p{L}\p{N}]).{0,60}\d|.{0,40}\b\d{4}\b.{0,30}\d{1,2}[:.]\d{2}.{0,12})$/iu;

/** The byline and dateline under a headline are the article's metadata, not its sections. */
function markHeaderLines(texts: string[], roles: LineRole[], headline: number | null): void {
  if (headline === null) return;
  let seen = 0;
  for (let i = headline + 1; i < texts.length && seen < 4; i++) {
    const t = texts[i].trim();
    if (t === '' || roles[i] === 'chrome') continue;
    seen++;
    if (roles[i] !== 'body' && roles[i] !== 'heading') continue;
    if (t.length > 120 || endsSentence(t) && wordCount(t) > 8) break;
    if (BYLINE.test(t) && wordCount(t) <= 12) roles[i] = 'byline';
    else if (isTimeLine(t) || (DATELINE.test(t) && wordCount(t) <= 12)) roles[i] = 'dateline';
    else if (isProse(t)) break;
  }
}

/** Steps 1-4: which whole lines are residue, and the role of every line. */
function wholeLines(
  texts: string[], original: string[], headline: number, header: boolean[], phrases: PhraseOptions, layoutHeadline: boolean,
  matched: readonly (LineHit | null)[], facts: readonly LineFacts[], prose: readonly boolean[],
): { roles: LineRole[]; lineRule: (LineHit | null)[]; verdictHeadline: number | null } {
  const n = texts.length;
  // `texts` are the lines as their shape is judged (word-spaced), `original` as written:
  // phrases (widget labels, the user's ignore list) are matched on those.
  const ignored = (i: number) => isIgnored(original[i], phrases);
  const isProtected = (i: number) => header[i] || i === headline;

  // 1. Phrase rules, line by line.
  const hits: (LineHit | null)[] = perLine(n, (i) => (isProtected(i) ? null : matched[i]));
  // 2. Sponsored widgets span several lines; they override single-line verdicts.
  for (const b of findWidgetBlocks(original, facts)) {
    for (let i = b.first; i <= b.last; i++) {
      if (isProtected(i) || texts[i].trim() === '' || ignored(i)) continue;
      hits[i] = { rule: 'sponsored-widget', evidence: b.evidence };
    }
  }
  //    A table of contents: its label and the section links that recur below as subheadings.
  //    Reader comments: "Jane says:" lines, two or more, and what follows each; or a
  //    "36 Comments" label and comments that each carry a time, a Reply button or a score.
  //    A shelf of links: a "Related articles" label and the headlines under it.
  //    A blog's comment form: "Leave a Reply", its notes and its field labels.
  const sections = findCommentSections(original, facts);
  const comments = [...findCommentBlocks(original, facts), ...sections];
  const forms = findReplyForms(original, facts);
  const blocks = [...findTocBlocks(original), ...comments, ...findShelfBlocks(original, facts), ...forms, ...findGluedTeasers(original, facts)];
  for (const b of blocks) {
    for (let i = b.first; i <= b.last; i++) {
      if (isProtected(i) || texts[i].trim() === '' || ignored(i) || (hits[i] && !hits[i]!.weak)) continue;
      hits[i] = { rule: b.rule, evidence: b.evidence };
    }
  }
  // 3. Furniture at the edges: a run of short lines before the first or after the last
  //    prose line, in which phrase rules already found several, is furniture throughout.
  markEdgeRuns(texts, hits, isProtected, ignored, prose);

  const strong = perLine(n, (i) => (hits[i] && !hits[i]!.weak ? hits[i]!.rule : null));
  // A comment section's label may quote the post's title: the headline picker's best hint.
  const quotedTitle = sections.find((b) => b.title !== undefined)?.title ?? null;
  const input = { lines: texts, headline: headline >= 0 ? headline : null, ruled: strong, header, quotedTitle };
  const verdict = layoutHeadline ? rulesOnly(input) : classifyPage(input);
  const roles = perLine(n, (i) => verdict.roles[i]);
  if (!layoutHeadline) headlineAboveTimestamp(texts, roles, verdict, strong);
  if (!layoutHeadline && verdict.headline !== null) dropAboveHeadline(texts, roles, verdict.headline, prose);
  if (!layoutHeadline && verdict.headline !== null) {
    const story: Story = { texts, roles, verdict, prose, words: proseWordCounts(texts, prose) };
    const labels = closerLabels(original, facts);
    dropAfterCloser(story, [...comments, ...forms], labels.comment, COMMENTS_CLOSE);
    dropAfterCloser(story, [], labels.shelf, SHELF_CLOSES);
    dropAfterCloser(story, [], labels.shelf.filter((s) => isPopularityLabel(original[s.first])), POPULAR_CLOSES);
    dropAfterCloser(story, [], labels.end, END_LABEL_CLOSES);
    // (whether furniture stands above a footer is read after the closers above have run)
    dropAfterCloser(story, [], labels.footer.filter((s) => inFurniture(story, s.first)), FOOTER_CLOSES);
  }
  if (headline >= 0) keepProseUnderKnownHeadline(texts, roles, strong, prose);
  keepBrokenSentences(texts, roles, strong);
  keepSandwichedHeadings(texts, roles, strong, prose);
  markHeaderLines(texts, roles, headline >= 0 ? headline : verdict.headline);

  // 4. Whole-line residue: rule hits, classifier furniture, and weak hits next to either.
  const lineRule: (LineHit | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    if (isProtected(i) || texts[i].trim() === '') continue;
    if (hits[i] && !hits[i]!.weak) lineRule[i] = hits[i];
    else if (roles[i] === 'chrome' && !ignored(i)) lineRule[i] = { rule: 'site-chrome', evidence: verdict.evidence[i] ?? 'page furniture outside the article body', classifier: true };
  }
  for (let i = 0; i < n; i++) {
    if (!hits[i]?.weak || lineRule[i]) continue;
    // "Telegram" / "and" / ", citing ...": a name that runs on into the next line is a word
    // of a sentence, not a share button.
    const runsOn = !endsSentence(texts[i]) && i + 1 < n && startsContinuation(texts[i + 1]) && !lineRule[i + 1];
    if (!runsOn && neighbourIsResidue(texts, lineRule, i)) lineRule[i] = hits[i];
  }
  // A second copy of a passage (paragraphs that repeat earlier ones word for word) goes
  // whatever the classifier made of it; judged after the classifier, so that the copy's
  // lines still count as the page's text for it (the layout it reads is the page's).
  for (const b of findRepeatedPassages(original, facts)) {
    for (let i = b.first; i <= b.last; i++) {
      if (lineRule[i] || isProtected(i) || texts[i].trim() === '' || ignored(i) || roles[i] === 'headline') continue;
      lineRule[i] = { rule: b.rule, evidence: b.evidence };
    }
  }
  // Links to the neighbouring posts, the same way (they sit among the article's last lines).
  for (let i = 0; i < n; i++) {
    if (lineRule[i] || roles[i] === 'headline' || isProtected(i) || ignored(i)) continue;
    const hit = matchPostNav(original[i]) ?? matchButtonLine(original[i]) ?? matchStarRating(original[i]);
    if (hit) lineRule[i] = hit;
  }
  for (let i = 0; i < n; i++) if (lineRule[i]) roles[i] = 'chrome';
  return { roles, lineRule, verdictHeadline: verdict.headline };
}

/**
 * A timestamp is never a headline, nor is a paragraph's first sentence. When the model picks
 * the date line ("2026年11月15日 14時05分"), or a line that ends like a sentence right under a
 * date line, the headline is the headline-shaped line above the date: pages print the date
 * under the headline, and the model's other cues (capitals, position after the menu) fail in
 * scripts without case.
 */
/** Short lines (a name, "By Jane Doe") that may stand between a headline and its date. */
const BYLINES_OVER_DATE = 2;
const BYLINE_WORDS = 4;

function headlineAboveTimestamp(texts: string[], roles: LineRole[], verdict: PageVerdict, strong: readonly (RuleId | null)[]): void {
  const h = verdict.headline;
  if (h === null) return;
  const above = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (texts[k].trim() !== '') return k;
    return -1;
  };
  let date = -1;
  if (isTimeLine(texts[h])) date = h;
  else if (endsSentence(texts[h])) {
    const d = above(h);
    if (d >= 0 && isTimeLine(texts[d])) date = d;
  }
  if (date < 0) return;
  // The headline is right above the date, or above a byline or two ("山田花子", "By Jane Doe").
  let i = above(date);
  const bylines: number[] = [];
  for (; i >= 0 && bylines.length < BYLINES_OVER_DATE; i = above(i)) {
    if (isHeadlineShape(texts[i]) && !endsSentence(texts[i])) break;
    if (strong[i] || wordCountUpTo(texts[i], BYLINE_WORDS + 1) > BYLINE_WORDS) return;
    bylines.push(i);
  }
  if (i < 0 || strong[i] || !isHeadlineShape(texts[i]) || endsSentence(texts[i])) return;
  // What stands between the headline and its date is the article's byline, kept as such.
  for (const b of bylines) roles[b] = 'byline';
  roles[i] = 'headline';
  if (roles[date] !== 'chrome') roles[date] = 'dateline';
  if (h !== date) roles[h] = 'body';
  verdict.headline = i;
}

/**
 * On a copied page, everything above the article's headline is the site's (menus, tickers,
 * breadcrumbs, teasers): 25% of the residue of the WCXB pages sits there, and 0.1% of their
 * article text. So once the classifier has placed the headline, the lines above it go, as
 * long as the headline really opens the article: most of the prose must come after it.
 */
function dropAboveHeadline(texts: string[], roles: LineRole[], headline: number, prose: readonly boolean[]): void {
  let proseBefore = 0;
  let proseAfter = 0;
  for (let i = 0; i < texts.length; i++) {
    if (roles[i] === 'chrome' || roles[i] === 'blank' || !prose[i]) continue;
    if (i < headline) proseBefore += wordCount(texts[i]);
    else proseAfter += wordCount(texts[i]);
  }
  if (proseAfter < 40 || proseBefore > proseAfter * ABOVE_HEADLINE_SHARE) return;
  for (let i = 0; i < headline; i++) {
    if (roles[i] === 'body' || roles[i] === 'heading') roles[i] = 'chrome';
  }
}
/** Most prose after the headline: at most a quarter of its words may stand above it. */
const ABOVE_HEADLINE_SHARE = 0.25;

/**
 * Readers' comments (or the form to write one) close a copied page's article: what the page
 * prints below them is its own (teaser cards with their excerpts, "Upcoming", newsletter
 * boxes, the footer), and prose there reads like the story to the classifier. So once a
 * comment section follows the story, the lines after it go, unless they read like another
 * post: paragraphs in a row and much of the page's prose, or comments of their own (a blog's
 * front page). A bare label ("Comments", "12 Comments") opens a section too, where the
 * comments under it were not recognised (or are loaded by script and missing), but does not
 * count as another post's comments: teaser cards print "8 comments" under each.
 * A shelf label ("Related articles", "More on X"), an author box ("About the author"), a
 * share label ("Share this article") or a tag list ("Tags: ...") after the story closes it
 * the same way, but only when no two paragraphs in a row follow (a "Related:" box inside
 * the article, or share buttons between its paragraphs, are followed by the rest of the
 * story; then a later label may still close it), no numbered headings follow (a list
 * article's next items), and what follows holds no more prose than the story above (else
 * the page is a listing and that was its intro). A "Most read" shelf takes six paragraphs in
 * a row to be a box inside the story. The site's copyright line, inside the furniture below
 * the story, closes the page.
 */
interface Story {
  texts: string[];
  roles: LineRole[];
  verdict: PageVerdict;
  prose: readonly boolean[];
  /** Words of each prose line (0 for the others), counted once for all the closers. */
  words: Int32Array;
}
function proseWordCounts(texts: readonly string[], prose: readonly boolean[]): Int32Array {
  const w = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) if (prose[i]) w[i] = wordCount(texts[i]);
  return w;
}
interface Closer {
  /** What follows is another story when it has this many paragraphs in a row ... */
  paragraphsInARow: number;
  /** ... and more words than this share of the story's (0: whatever their number). */
  share: number;
  /** What follows is the page's content when its prose outweighs the story's this much (a
   *  listing of reviews under a "More on X" label: the "story" above was its intro). */
  maxShare: number;
  /** Numbered headings below (a list article's items) mean the story goes on. */
  keepNumbered: boolean;
  /** When what follows this closer reads like the story, a later closer may still end it
   *  (a label can be a box inside the story; comments are the story's end or another's). */
  tryLater: boolean;
  evidence: string;
}
const NUMBERED_HEADING = /^\s*(?:\d{1,2}[.)]\s+\S|(?:step|tip|part|schritt|étape|paso|passo|шаг)\s+\d{1,2}\b)/iu;
const COMMENTS_CLOSE: Closer = { paragraphsInARow: 3, share: 0.5, maxShare: Infinity, keepNumbered: false, tryLater: false, evidence: 'after the reader comments or the comment form, which close the article' };
const SHELF_CLOSES: Closer = { paragraphsInARow: 2, share: 0, maxShare: 1, keepNumbered: true, tryLater: true, evidence: 'after a shelf of links to other stories, which closes the article' };
// A shelf of the site's most read stories is the site's, wherever it stands; a box of it
// inside the story is followed by the rest of the story, more paragraphs than the shelf's
// own excerpts (a handful, one per line).
const POPULAR_CLOSES: Closer = { ...SHELF_CLOSES, paragraphsInARow: 6, evidence: 'after a shelf of the most read stories, which closes the article' };
const END_LABEL_CLOSES: Closer = { paragraphsInARow: 2, share: 0, maxShare: 1, keepNumbered: true, tryLater: true, evidence: 'after the author box, share buttons or tags that close the article' };
// Below the site's footer come dialogs, consent texts, community rules and disclaimers: prose
// in paragraphs, so paragraphs in a row say nothing there; only a larger body of prose does.
const FOOTER_CLOSES: Closer = { paragraphsInARow: Infinity, share: 0, maxShare: 1, keepNumbered: true, tryLater: true, evidence: "after the site's footer, which closes the page" };
/** Non-blank lines right above a footer's copyright line that must be furniture (a wire
 *  story's own "© 2019 AP. All rights reserved" follows its last paragraph). */
const FOOTER_RUN = 3;
/** Line i follows FOOTER_RUN lines of furniture: the article ended above them. */
function inFurniture({ texts, roles }: Story, i: number): boolean {
  let seen = 0;
  for (let k = i - 1; k >= 0 && seen < FOOTER_RUN; k--) {
    if (texts[k].trim() === '') continue;
    if (roles[k] !== 'chrome') return false;
    seen++;
  }
  return seen >= FOOTER_RUN;
}
/** Words of the story's prose above a closer, at least. */
const STORY_BEFORE_CLOSER = 100;

/** `blocks`: sections that close the story and mark another post's end when found below it;
 *  `labels`: lines that close it but say nothing about what follows. */
function dropAfterCloser(story: Story, blocks: readonly Span[], labels: readonly Span[], closer: Closer): void {
  const { texts, roles, verdict } = story;
  const h = verdict.headline!;
  const sorted = [...blocks, ...labels].sort((x, y) => x.first - y.first);
  if (sorted.length === 0) return;
  const tail = new Tail(story);
  let lastBlock = -1;
  for (const c of blocks) if (c.first > lastBlock) lastBlock = c.first;
  let k = 0;
  while (k < sorted.length) {
    // A closer after the story: after the headline and some of its prose (a "Most
    // commented" box in the sidebar above the story closes nothing).
    const storyWords = tail.words(h + 1, sorted[k].first);
    if (sorted[k].first <= h || storyWords < STORY_BEFORE_CLOSER) {
      k++;
      continue;
    }
    // Blocks one after the other (one per comment) make one section.
    let end = sorted[k].last;
    for (k++; k < sorted.length; k++) {
      const c = sorted[k];
      if (c.last <= end) continue;
      if (c.first > end + 1 && !onlyBlanksOrChrome(texts, roles, end + 1, c.first)) break;
      end = c.last;
    }
    const after = afterCloser(tail, end, storyWords, lastBlock, closer);
    if (after === 'closes') {
      for (let i = end + 1; i < texts.length; i++) {
        if (roles[i] === 'blank' || roles[i] === 'chrome') continue;
        roles[i] = 'chrome';
        verdict.evidence[i] = closer.evidence;
      }
      return;
    }
    // A label followed by more of the story was a box inside it: a later one may close it.
    if (after === 'content' || !closer.tryLater) return;
  }
}

/** What follows line `end`: furniture ('closes'), more of the story ('story': a label was a
 *  box inside it) or the page's main content ('content': a listing under an intro, another
 *  post, a list article's items). */
function afterCloser(tail: Tail, end: number, storyWords: number, lastBlock: number, closer: Closer): 'closes' | 'story' | 'content' {
  // Another story's end: a section of its own below, under prose of its own (a form split in
  // two by a note is still one form). (The prose above a block only grows with the block's
  // line: the last block tells.)
  if (lastBlock > end && tail.words(end + 1, lastBlock) >= STORY_BEFORE_CLOSER) return 'content';
  // More prose than the story above; a list article's items ("4. Keep a spare key", "Step 5:
  // ...") going on below a box inside it.
  const afterWords = tail.words(end + 1, tail.n);
  if (afterWords > storyWords * closer.maxShare) return 'content';
  if (closer.keepNumbered && tail.numbered(end + 1) >= 2) return 'content';
  // Paragraphs in a row (teaser excerpts come one at a time, between their titles and
  // dates), enough of them.
  if (tail.longestRun(end + 1) >= closer.paragraphsInARow && afterWords > storyWords * closer.share) return 'story';
  return 'closes';
}

/** A paragraph that says the story goes on below a closer has this many words: a teaser's
 *  one-line excerpt, a question headline, a dialog's note are shorter. */
const RUN_PARAGRAPH_WORDS = 20;

/** Per line, what the lines from it on hold: kept prose words (as prefix sums), the longest
 *  run of kept paragraphs of RUN_PARAGRAPH_WORDS or more (blank lines do not break one),
 *  numbered headings. Tables, so that trying closer after closer stays linear. */
class Tail {
  readonly n: number;
  private readonly before: Float64Array;
  private runs: { longest: Int32Array; numbered: Int32Array } | null = null;
  constructor(private readonly story: Story) {
    const { roles, words } = story;
    const n = (this.n = roles.length);
    this.before = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) this.before[i + 1] = this.before[i] + (roles[i] !== 'chrome' ? words[i] : 0);
  }
  /** Kept prose words of the lines in [from, to). */
  words(from: number, to: number): number {
    return to > from ? this.before[to] - this.before[from] : 0;
  }
  /** The longest run of kept paragraphs from line i on. */
  longestRun(i: number): number {
    return this.tables().longest[i];
  }
  /** Numbered headings from line i on. */
  numbered(i: number): number {
    return this.tables().numbered[i];
  }
  // Worked out for the closers that get this far (most pages have none after the story).
  private tables(): { longest: Int32Array; numbered: Int32Array } {
    if (this.runs) return this.runs;
    const { texts, roles, prose, words } = this.story;
    const n = this.n;
    const longest = new Int32Array(n + 1);
    const numbered = new Int32Array(n + 1);
    let run = 0;
    for (let i = n - 1; i >= 0; i--) {
      let heading = 0;
      if (texts[i].trim() === '') {
        // a blank line neither breaks nor extends a run
      } else if (prose[i] && roles[i] !== 'chrome' && words[i] >= RUN_PARAGRAPH_WORDS) run++;
      else {
        run = 0;
        if (roles[i] !== 'chrome' && NUMBERED_HEADING.test(texts[i])) heading = 1;
      }
      longest[i] = Math.max(run, longest[i + 1]);
      numbered[i] = numbered[i + 1] + heading;
    }
    return (this.runs = { longest, numbered });
  }
}

interface Span {
  first: number;
  last: number;
}

/** The closers' label lines, in one pass over the lines as written (labels are phrases):
 *  comment labels, shelf labels, end labels (author box, share label, tags), footers. */
function closerLabels(lines: readonly string[], facts: readonly LineFacts[]): { comment: Span[]; shelf: Span[]; end: Span[]; footer: Span[] } {
  const out = { comment: [] as Span[], shelf: [] as Span[], end: [] as Span[], footer: [] as Span[] };
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (isBareCommentLabel(t)) out.comment.push({ first: i, last: i });
    if (rememberedTest(t, facts[i], 'shelfLabel', isLabelLine)) out.shelf.push({ first: i, last: i });
    if (isEndLabel(t) || isTagLine(t)) out.end.push({ first: i, last: i });
    if (isFooterCopyright(t)) out.footer.push({ first: i, last: i });
  }
  return out;
}

function onlyBlanksOrChrome(texts: string[], roles: LineRole[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (texts[i].trim() !== '' && roles[i] !== 'chrome') return false;
  return true;
}

/**
 * The verdict for a segment whose layout named the headline (an aggregator entry, a scraper
 * record): the layout already cut the article out, so the rules alone judge its lines. The
 * page classifier, trained on whole web pages, is for text with no such layout; here it
 * would cost most of the analysis time for lines it may not remove anyway.
 */
function rulesOnly(input: PageInput): PageVerdict {
  const n = input.lines.length;
  const roles: LineRole[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (input.lines[i].trim() === '') roles[i] = 'blank';
    else if (i === input.headline) roles[i] = 'headline';
    else if (input.header[i]) roles[i] = 'dateline';
    else roles[i] = input.ruled[i] ? 'chrome' : 'body';
  }
  return { roles, evidence: new Array(n).fill(null), headline: input.headline, scores: new Array(n).fill(0) };
}

function neighbourIsResidue(texts: string[], lineRule: (LineHit | null)[], i: number): boolean {
  for (const dir of [-1, 1]) {
    for (let j = i + dir; j >= 0 && j < texts.length; j += dir) {
      if (texts[j].trim() === '') continue;
      if (lineRule[j]) return true;
      break;
    }
  }
  return false;
}

/** A line of prose: long enough, or ends like a sentence with several words. */
function isProse(t: string): boolean {
  const w = wordCountUpTo(t, 25);
  return w >= 25 || (w >= 8 && endsSentence(t));
}

function markEdgeRuns(
  texts: string[], hits: (LineHit | null)[], isProtected: (i: number) => boolean, ignored: (i: number) => boolean, prose: readonly boolean[],
): void {
  const n = texts.length;
  // The last prose line no rule claimed (searched from the end: only the run after it counts).
  let lastProse = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (!hits[i] && prose[i]) {
      lastProse = i;
      break;
    }
  }
  if (lastProse < 0) return;
  const mark = (from: number, to: number) => {
    // The run starts at its first furniture line: what sits between the last sentence and
    // it ("(With inputs from PTI)", a signature) closes the article.
    while (from <= to && !(hits[from] && !hits[from]!.weak)) from++;
    let found = 0;
    let lines = 0;
    for (let i = from; i <= to; i++) {
      if (texts[i].trim() === '' || isProtected(i)) continue;
      lines++;
      if (hits[i] && !hits[i]!.weak) found++;
    }
    if (found < 2 || found < lines * 0.4) return;
    for (let i = from; i <= to; i++) {
      if (texts[i].trim() === '' || isProtected(i) || ignored(i)) continue;
      if (!hits[i] || hits[i]!.weak) hits[i] = { rule: 'site-chrome', evidence: 'part of a run of page furniture after the article text' };
    }
  };
  mark(lastProse + 1, n - 1);
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

// ---------------------------------------------------------------------------------------
// From segment-relative findings to the model.

const MESSAGES: Record<RuleId, string> = {
  'sponsored-widget': 'Sponsored link widget',
  'ad-marker': 'Advertisement marker',
  promo: 'Promotion for the site (newsletter, app, subscription)',
  'site-chrome': 'Page furniture (navigation, sharing, comments, footer)',
  'inline-teaser': 'Teaser for another story',
  'broken-line': 'Line broken inside a sentence',
  'glued-heading': 'Subheading glued to the next sentence',
};

function toResidue(lines: readonly Line[], base: number, f: SegFinding, mapper: PositionMapper, article: number): Residue {
  const meta = RULES[f.rule];
  const first = lines[base + f.first];
  const last = lines[base + f.last];
  let start: number;
  let end: number;
  let edit: { start: number; end: number; newText: string };
  if (f.start === undefined) {
    start = first.start;
    end = last.end;
    edit = { start: first.start, end: last.next, newText: '' };
  } else if (f.parts) {
    const at = (line: number, col: number) => lines[base + line].start + col;
    const edits = f.parts.map((p) => ({ start: at(p.line, p.col), end: at(p.endLine, p.endCol), newText: p.newText }));
    return finish(f, meta, edits[0].start, edits[edits.length - 1].end, edits, mapper, article);
  } else {
    start = first.start + f.start;
    end = first.start + (f.end ?? f.start);
    edit = { start, end, newText: f.newText ?? '' };
  }
  return finish(f, meta, start, end, [edit], mapper, article);
}

function finish(
  f: SegFinding, meta: (typeof RULES)[RuleId], start: number, end: number,
  edits: { start: number; end: number; newText: string }[], mapper: PositionMapper, article: number,
): Residue {
  const fixEdits: Edit[] = edits.map((e) => ({ ...e, range: mapper.range(e.start, e.end) }));
  return {
    rule: f.rule,
    message: MESSAGES[f.rule],
    severity: meta.defaultSeverity,
    start,
    end,
    range: mapper.range(start, end),
    evidence: f.evidence,
    fix: { title: meta.fixTitle, kind: meta.fixKind, edits: fixEdits },
    article,
    origin: f.classifier ? 'classifier' : 'rule',
  };
}

function buildArticle(lines: readonly Line[], s: Segment, r: SegResult, mapper: PositionMapper): Article | null {
  const abs = (i: number) => s.first + i;
  const keptLines: number[] = [];
  r.roles.forEach((role, i) => {
    if (role !== 'chrome' && role !== 'blank') keptLines.push(i);
  });
  if (r.headline === null && keptLines.length === 0) return null;
  const headlineLine = r.headline === null ? null : lines[abs(r.headline)];
  const column = r.headline !== null && r.headline === (s.headline === null ? -1 : s.headline - s.first) ? s.headlineColumn : 0;
  const headline = headlineLine ? headlineLine.text.slice(column).trim() : firstWords(lines[abs(keptLines[0])].text);
  const headlineRange: Range | null = headlineLine ? mapper.range(headlineLine.start + column, headlineLine.end) : null;

  // The article runs from its first header or headline line to its last kept line.
  // keptLines is in order: its ends are its first and last entries (no copies of it).
  let firstRel = keptLines.length > 0 ? keptLines[0] : Infinity;
  let lastRel = keptLines.length > 0 ? keptLines[keptLines.length - 1] : -Infinity;
  if (r.headline !== null && r.headline < firstRel) firstRel = r.headline;
  if ((r.headline ?? 0) > lastRel) lastRel = r.headline ?? 0;
  for (const h of s.header) {
    if (h - s.first < firstRel) firstRel = h - s.first;
    if (h - s.first > lastRel) lastRel = h - s.first;
  }
  const range = mapper.range(lines[abs(firstRel)].start, lines[abs(lastRel)].end);
  const headerSet = new Set(s.header);
  const bodyLines = keptLines.filter((i) => i !== r.headline && !headerSet.has(abs(i)) && (r.headline === null || i > r.headline));
  const bodyRange = bodyLines.length
    ? mapper.range(lines[abs(bodyLines[0])].start, lines[abs(bodyLines[bodyLines.length - 1])].end)
    : headlineRange ?? range;

  const sections: Section[] = [];
  const headings = bodyLines.filter((i) => r.roles[i] === 'heading');
  // A section runs to the last body line before the next heading (one walk, not a filter
  // per heading: a page can have thousands of short "headings").
  let b = 0;
  headings.forEach((h, k) => {
    const next = k + 1 < headings.length ? headings[k + 1] : Infinity;
    while (b + 1 < bodyLines.length && bodyLines[b + 1] < next) b++;
    const endLine = lines[abs(Math.max(bodyLines[b], h))];
    sections.push({
      title: lines[abs(h)].text.trim(),
      titleRange: mapper.range(lines[abs(h)].start, lines[abs(h)].end),
      range: mapper.range(lines[abs(h)].start, endLine.end),
    });
  });
  return {
    headline,
    headlineRange,
    source: s.source,
    published: s.published ?? r.published,
    byline: s.byline ?? r.byline,
    bodyRange,
    range,
    sections,
    role: s.role,
  };
}

function firstWords(t: string): string {
  const words = t.trim().split(/\s+/).slice(0, 12).join(' ');
  return words.length < t.trim().length ? words + '…' : words;
}
