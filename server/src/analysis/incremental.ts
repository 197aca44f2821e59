// Incremental analysis: after an edit, re-analyse only what the edit can change and reuse the
// rest of the previous model.
//
// - Line table: lines before the edited region are the same objects; lines after it are
//   shifted in place (the previous state is consumed); only the edited lines are split again.
// - Segmentation runs again (it is a cheap pass over the lines), then every segment whose
//   lines lie wholly outside the edited region and whose layout is unchanged keeps its
//   article and residue, shifted by the edit's line and offset delta instead of being
//   recomputed. Segments the edit touched go through the engine (and its content cache).
// - The residue of each segment is kept sorted, so the model is a concatenation, not a sort.
//
// The result is deep-equal to `analyze(newText, opts)` (test/perf/incremental.test.ts checks
// it on seeded random edits); anything unusual (binary or empty text, an edit at offset 0,
// a change of the dominant line terminator, other options) falls back to a full analysis.
import { BINARY_NOTICE, looksBinary, phraseOptions, segmentOutput, setSegmentCacheLimit } from './analyze';
import type { AnalyzeOptions, SegmentOutput } from './analyze';
import type { Article, DumpModel, Edit, Group, Residue, Section } from './model';
import { Rope } from './rope';
import { headerWindow, isHeaderField, segment, Segment, Segmentation } from './segment';
import { CleanedView, cleanedView, settle } from './settle';
import { Eol, Line, lineAt, LineTable, PositionMapper, Range, splitLines } from './text';

export interface IncrementalState {
  /** A rope: the next version is a splice of it, not a 100 MB copy (rope.ts). */
  text: Rope;
  opts: AnalyzeOptions;
  optsKey: string;
  table: LineTable;
  /** Counts of LF, CRLF and CR terminators (eol and mixedEol without a rescan). */
  counts: [number, number, number];
  /** Null when the text was not analysed line by line (binary or blank). */
  seg: Segmentation | null;
  /** One per segment; each output's residue is sorted. */
  outs: SegmentOutput[];
  /** The settled model (settle.ts): what the front ends see. */
  model: DumpModel;
  /** The model of the engine's first look, before settling. */
  look: DumpModel;
  /** Per settling round, the unsettled analysis of the cleaned text it looked at, kept so
   *  the next version's looks are incremental too. */
  cleaned: IncrementalState[];
  /** Per settling round, its view of the text (patched by the next version's). */
  views: CleanedView[];
  /** The edit from the previous version's text, when this state was made incrementally. */
  change: TextChange | null;
  /** How the last state was produced, for benchmarks and logs. */
  stats: { full: boolean; reused: number; analysed: number; segmentsShifted?: boolean };
}

/** An edit in old-text offsets: [start, end) was replaced by `insertedLength` characters. */
export interface TextChange {
  start: number;
  end: number;
  insertedLength: number;
}

const byStart = (a: Residue, b: Residue) => a.start - b.start || a.end - b.end;

function optionsKey(opts: AnalyzeOptions): string {
  return JSON.stringify([opts.rules ?? null, opts.extraPhrases ?? null, opts.ignorePhrases ?? null]);
}

function eolOf(counts: [number, number, number]): { eol: Eol; mixedEol: boolean } {
  const [lf, crlf, cr] = counts;
  const eol: Eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf ? '\r' : '\n';
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  return { eol, mixedEol: kinds > 1 };
}

function countTerminators(text: { charCodeAt(i: number): number }, lines: readonly Line[], from: number, to: number, into: [number, number, number], sign: 1 | -1): void {
  for (let i = from; i <= to; i++) {
    const l = lines[i];
    const w = l.next - l.end;
    if (w === 2) into[1] += sign;
    else if (w === 1) {
      if (text.charCodeAt(l.end) === 13) into[2] += sign;
      else into[0] += sign;
    }
  }
}

function baseModel(text: { length: number }, table: LineTable): DumpModel {
  return {
    length: text.length, lineCount: table.lines.length, eol: table.eol, mixedEol: table.mixedEol,
    bom: table.bom > 0, notice: null, shape: 'empty', articles: [], groups: [], residue: [],
  };
}

function sortedOutput(out: SegmentOutput): SegmentOutput {
  return { article: out.article, residue: out.residue.slice().sort(byStart) };
}

/** The model from per-segment outputs (articles numbered in order, residue concatenated). */
function assemble(base: DumpModel, seg: Segmentation, outs: SegmentOutput[]): DumpModel {
  const articles: Article[] = [];
  const residue: Residue[] = [];
  const related: number[] = [];
  const groups: Group[] = [];
  seg.segments.forEach((s, k) => {
    const out = outs[k];
    const index = out.article ? articles.length : -1;
    if (out.article) {
      articles.push(out.article);
      if (s.role === 'related') related.push(index);
    }
    for (const r of out.residue) residue.push(r.article === index ? r : { ...r, article: index });
  });
  if (seg.related && related.length > 0) {
    const first = articles[related[0]].range.start;
    const last = articles[related[related.length - 1]].range.end;
    groups.push({ title: 'Related articles', range: { start: first, end: last }, articles: related });
  }
  return { ...base, shape: seg.shape, articles, groups, residue };
}

/** Full analysis that keeps what a later incremental run needs. */
export function analyzeFull(text: string | Rope, opts: AnalyzeOptions = {}): IncrementalState {
  return settled(firstLook(text, opts));
}

/**
 * Incremental analysis of `newText` from the state of the previous version (consumed). Pass
 * the new text as `prev.text.splice(...)` with its `change`: a string (or no change) makes
 * the engine compare or copy whole texts.
 */
export function analyzeIncremental(prev: IncrementalState, newText: string | Rope, change?: TextChange, opts: AnalyzeOptions = prev.opts): IncrementalState {
  const { cleaned, views } = prev;
  return settled(nextLook(prev, newText, change, opts), cleaned, views);
}

/**
 * Settles a first look's model (settle.ts). Every round looks at its cleaned text
 * incrementally: the round's view is patched from the same round's view of the previous
 * version around the edit, and its analysis continues from that round's state. (A dump of
 * thousands of articles nearly always has one where a round finds more, so every round
 * must be as cheap as the first.)
 */
function settled(state: IncrementalState, prevCleaned: readonly IncrementalState[] = [], prevViews: readonly CleanedView[] = []): IncrementalState {
  if (state.seg === null) return state;
  const cleaned: IncrementalState[] = [];
  const views: CleanedView[] = [];
  const reusable = (round: number) =>
    state.change !== null && prevViews.length >= round && prevCleaned.length >= round && prevCleaned[round - 1].optsKey === state.optsKey;
  const view = (residue: readonly Residue[], round: number): CleanedView | null => {
    const v = cleanedView(state.text, residue, reusable(round) ? { prev: prevViews[round - 1], change: state.change! } : undefined);
    if (v) views.push(v);
    return v;
  };
  const look = (v: CleanedView, round: number): DumpModel => {
    const next = reusable(round) && v.change ? nextLook(prevCleaned[round - 1], v.cleaned, v.change, state.opts) : firstLook(v.cleaned, state.opts);
    cleaned.push(next);
    return next.model;
  };
  const model = settle(state.text, state.model, new PositionMapper(state.table), look, view);
  // A round that found nothing has no state worth keeping beyond what was looked at.
  return { ...state, model, cleaned, views: views.slice(0, cleaned.length) };
}

/** The engine's first look at a text: a full analysis, not settled. */
function firstLook(whole: string | Rope, opts: AnalyzeOptions): IncrementalState {
  const rope = Rope.of(whole);
  const text = rope.toString();
  const table = splitLines(text);
  const counts: [number, number, number] = [0, 0, 0];
  countTerminators(text, table.lines, 0, table.lines.length - 1, counts, 1);
  const base = baseModel(text, table);
  const state = (model: DumpModel, seg: Segmentation | null, outs: SegmentOutput[]): IncrementalState => ({
    text: rope, opts, optsKey: optionsKey(opts), table, counts, seg, outs, model, look: model, cleaned: [], views: [], change: null, stats: { full: true, reused: 0, analysed: outs.length },
  });
  if (looksBinary(text)) return state({ ...base, shape: 'binary', notice: BINARY_NOTICE }, null, []);
  if (text.trim() === '') return state(base, null, []);
  const lines = table.lines;
  const mapper = new PositionMapper(table);
  const phrases = phraseOptions(opts);
  const seg = segment(lines);
  const outs: SegmentOutput[] = [];
  let articles = 0;
  for (const s of seg.segments) {
    const out = segmentOutput(lines, s, phrases, table.eol, mapper, opts, articles);
    if (out.article) articles++;
    outs.push(sortedOutput(out));
  }
  return state(assemble(base, seg, outs), seg, outs);
}

// ---------------------------------------------------------------------------------------
// Finding the edit.

const CHUNK = 4096;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  const na = a.length;
  const nb = b.length;
  while (i + CHUNK <= max && a.slice(na - i - CHUNK, na - i) === b.slice(nb - i - CHUNK, nb - i)) i += CHUNK;
  while (i < max && a.charCodeAt(na - 1 - i) === b.charCodeAt(nb - 1 - i)) i++;
  return i;
}

/** The edit between two texts, as the shortest replaced span (common prefix and suffix). */
export function diffTexts(oldText: string, newText: string): TextChange {
  const p = commonPrefix(oldText, newText);
  const s = commonSuffix(oldText, newText, Math.min(oldText.length, newText.length) - p);
  return { start: p, end: oldText.length - s, insertedLength: newText.length - s - p };
}

// ---------------------------------------------------------------------------------------
// Shifting what an edit did not touch.

function shiftRange(r: Range, dl: number): Range {
  return { start: { line: r.start.line + dl, character: r.start.character }, end: { line: r.end.line + dl, character: r.end.character } };
}

function shiftArticle(a: Article, dl: number): Article {
  return {
    ...a,
    headlineRange: a.headlineRange ? shiftRange(a.headlineRange, dl) : null,
    bodyRange: shiftRange(a.bodyRange, dl),
    range: shiftRange(a.range, dl),
    sections: a.sections.map((s): Section => ({ ...s, titleRange: shiftRange(s.titleRange, dl), range: shiftRange(s.range, dl) })),
  };
}

function shiftResidue(r: Residue, dl: number, d: number): Residue {
  // Clone, then overwrite the moved fields (cheaper than spreading into a new literal, and
  // fields added to Residue or Edit later are carried along). Typing inside a line moves
  // offsets only, so the (immutable) ranges are shared.
  const edits = r.fix.edits;
  const moved: Edit[] = new Array(edits.length);
  for (let i = 0; i < edits.length; i++) {
    const e: Edit = { ...edits[i] };
    e.start += d;
    e.end += d;
    if (dl !== 0) e.range = shiftRange(e.range, dl);
    moved[i] = e;
  }
  const out: Residue = { ...r };
  out.start += d;
  out.end += d;
  if (dl !== 0) out.range = shiftRange(r.range, dl);
  out.fix = { ...r.fix, edits: moved };
  return out;
}

function shiftOutput(out: SegmentOutput, dl: number, d: number): SegmentOutput {
  if (dl === 0 && d === 0) return out;
  return {
    article: out.article ? (dl === 0 ? out.article : shiftArticle(out.article, dl)) : null,
    residue: out.residue.map((r) => shiftResidue(r, dl, d)),
  };
}

function sameNumbers(a: readonly number[], b: readonly number[], dl: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] + dl !== b[i]) return false;
  return true;
}

/** `n` is `o` moved down by `dl` lines. */
function sameSegment(o: Segment, n: Segment, dl: number): boolean {
  return o.first + dl === n.first && o.last + dl === n.last && o.role === n.role
    && (o.headline === null ? n.headline === null : o.headline + dl === n.headline)
    && o.headlineColumn === n.headlineColumn && sameNumbers(o.header, n.header, dl)
    && o.source === n.source && o.published === n.published && o.byline === n.byline;
}

/**
 * The segmentation of a header-based scraper dump (Title:/URL:/Date: blocks) after an edit
 * of lines a..b (old numbering; `oldRegion` holds their old text), which are now the
 * `regionLength` lines from a: the segments before the edit as they were, those after it
 * moved down by `dl` lines, and the entries the edit falls in shifted (an edit inside an
 * article's body) or found again (an edit of header lines: see windowSegmentation). Null
 * when that cannot be sure to give what `segment` would; the caller then segments afresh.
 */
function shiftedSegmentation(prev: Segmentation, oldRegion: readonly Line[], lines: readonly Line[], a: number, b: number, regionLength: number, dl: number): Segmentation | null {
  if (prev.shape !== 'scraper' || regionLength === 0) return null;
  const segs = prev.segments;
  const headed = segs.findIndex((s) => s.role === 'entry' && s.header.length > 0);
  if (headed < 0) return null;
  let header = false;
  for (const l of oldRegion) if (isHeaderField(l.text)) header = true;
  for (let i = a; i < a + regionLength && !header; i++) if (isHeaderField(lines[i].text)) header = true;
  if (header) return windowSegmentation(prev, headed, lines, a, b, dl);
  if (a <= segs[headed].first) return null;
  // Every segment from here on ends at or after b: the edit is inside one article's body.
  const at = (x: number) => (x > b ? x + dl : x);
  const segments = segs.map((s): Segment => {
    if (s.last < a) return s;
    return {
      ...s, first: at(s.first), last: s.last + dl,
      headline: s.headline === null ? null : at(s.headline), header: s.header.map(at),
    };
  });
  return { shape: prev.shape, segments, related: prev.related };
}

/**
 * After an edit of header lines (a title typed in, a field added): the entries from the one
 * holding line a to the one holding line b are found again on their own lines. Header
 * blocks are runs of header field lines, each judged on its own lines, so blocks outside
 * that window stay as they were as long as no run can cross its ends: the line before it is
 * no header field (it was not, and the edit is after it), and neither is its new last line.
 * The window must also come after the first block (which decides whether the dump is laid
 * out by headers at all) and still open with a block.
 */
function windowSegmentation(prev: Segmentation, headed: number, lines: readonly Line[], a: number, b: number, dl: number): Segmentation | null {
  const segs = prev.segments;
  const holding = (line: number) => {
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].first <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const ka = holding(a);
  const kb = holding(b);
  if (ka <= headed) return null;
  const first = segs[ka].first;
  const last = segs[kb].last + dl;
  // (Line `last` comes after the edited lines and ended an entry, so this holds already; a
  // wrong window would be silently wrong, so it is checked.)
  if (last < lines.length - 1 && isHeaderField(lines[last].text)) return null;
  const window = headerWindow(lines, first, last);
  if (window === null) return null;
  const segments = segs.slice(0, ka).concat(window);
  for (let k = kb + 1; k < segs.length; k++) {
    const s = segs[k];
    segments.push({
      ...s, first: s.first + dl, last: s.last + dl,
      headline: s.headline === null ? null : s.headline + dl, header: s.header.map((x) => x + dl),
    });
  }
  return { shape: prev.shape, segments, related: prev.related };
}

// ---------------------------------------------------------------------------------------

/** `list` with its `count` items from `at` on replaced by `items`, in place (returns `list`). */
function replaceRange<T>(list: T[], at: number, count: number, items: readonly T[]): T[] {
  const d = items.length - count;
  const n = list.length;
  if (d > 0) {
    list.length = n + d;
    for (let i = n - 1; i >= at + count; i--) list[i + d] = list[i];
  } else if (d < 0) {
    for (let i = at + count; i < n; i++) list[i + d] = list[i];
    list.length = n + d;
  }
  for (let i = 0; i < items.length; i++) list[at + i] = items[i];
  return list;
}

/**
 * Analyses `newText` reusing `prev`, which is consumed (its line objects move to the new
 * state): keep only the returned state. `change` (in `prev.text` offsets) is optional:
 * without it the edited span is found by comparing the texts (a fast chunked scan).
 */
/** The first look at `newText`, incremental from the first look at the previous version. */
function nextLook(prev: IncrementalState, whole: string | Rope, change: TextChange | undefined, opts: AnalyzeOptions): IncrementalState {
  const old = prev.text;
  if (prev.seg === null || optionsKey(opts) !== prev.optsKey) return firstLook(whole, opts);
  // Without the change, compare the texts (whole strings: only callers without one do this;
  // the same rope again, as after an empty list of changes, is the same text).
  const c = change ?? (whole === old ? { start: 0, end: 0, insertedLength: 0 } : diffTexts(old.toString(), whole.toString()));
  const newText = Rope.of(whole);
  if (c.start === c.end && c.insertedLength === 0) return { ...prev, text: newText, model: prev.look, change: { start: 0, end: 0, insertedLength: 0 }, stats: { full: false, reused: prev.outs.length, analysed: 0 } };
  const delta = newText.length - old.length;
  // An edit at the very start may add or remove a byte order mark: analyse from scratch.
  if (c.start < 1 || c.insertedLength - (c.end - c.start) !== delta) return firstLook(newText, opts);
  // (looksBinary reads the first 64 KB only.)
  if (looksBinary(newText.slice(0, 65536)) || newText.isBlank()) return firstLook(newText, opts);

  // 1. Line table: split the edited lines (and one on each side) again.
  const oldLines = prev.table.lines;
  const a = Math.max(0, lineAt(oldLines, c.start) - 1);
  const b = Math.min(oldLines.length - 1, lineAt(oldLines, c.end) + 1);
  const lastIsB = b === oldLines.length - 1;
  const from = oldLines[a].start;
  const to = lastIsB ? newText.length : oldLines[b].next + delta;
  // The region's text, one more character for a CR at its end (whether an LF follows).
  // Lines are sliced from this small string, not from the whole text, so they do not pin it.
  const span = newText.slice(from, to + 1);
  const region: Line[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = span.charCodeAt(i - from);
    if (ch !== 10 && ch !== 13) continue;
    const next = ch === 13 && span.charCodeAt(i + 1 - from) === 10 ? i + 2 : i + 1;
    region.push({ index: a + region.length, start, end: i, next, text: span.slice(start - from, i - from) });
    start = next;
    i = next - 1;
  }
  if (lastIsB) region.push({ index: a + region.length, start, end: to, next: to, text: span.slice(start - from, to - from) });
  const dl = region.length - (b - a + 1);
  const counts: [number, number, number] = [prev.counts[0], prev.counts[1], prev.counts[2]];
  countTerminators(old, oldLines, a, b, counts, -1);
  // The lines after the edit are shifted in place (allocating a copy of each was most of
  // the cost of a keystroke in a big dump): `prev` is consumed.
  if (dl !== 0 || delta !== 0) {
    for (let i = b + 1; i < oldLines.length; i++) {
      const l = oldLines[i];
      l.index += dl;
      l.start += delta;
      l.end += delta;
      l.next += delta;
    }
  }
  // The old lines a..b are read below (by shiftedSegmentation): keep them apart, then
  // replace them in place (a copy of a 900,000-line array costs more than the rest).
  const oldRegion = oldLines.slice(a, b + 1);
  const lines = replaceRange(oldLines, a, b - a + 1, region);
  countTerminators(newText, lines, a, a + region.length - 1, counts, 1);
  const { eol, mixedEol } = eolOf(counts);
  if (eol !== prev.table.eol) return firstLook(newText, opts);
  const table: LineTable = { lines, eol, mixedEol, bom: prev.table.bom };

  // 2. Segments: reuse the output of every unchanged segment outside the edited lines.
  const fast = shiftedSegmentation(prev.seg, oldRegion, lines, a, b, region.length, dl);
  const shifted = fast !== null;
  const seg = fast ?? segment(lines);
  const oldSegs = prev.seg.segments;
  const byFirst = new Map<number, number>();
  oldSegs.forEach((s, k) => byFirst.set(s.first, k));
  const regionLast = a + region.length - 1;
  const phrases = phraseOptions(opts);
  let mapper: PositionMapper | null = null;
  const outs: SegmentOutput[] = [];
  let articles = 0;
  let reused = 0;
  for (const s of seg.segments) {
    let out: SegmentOutput | null = null;
    const before = s.last < a;
    const after = s.first > regionLast;
    if (before || after) {
      const shift = after ? dl : 0;
      const k = byFirst.get(s.first - shift);
      if (k !== undefined && sameSegment(oldSegs[k], s, shift)) {
        out = after ? shiftOutput(prev.outs[k], dl, delta) : prev.outs[k];
        reused++;
      }
    }
    if (!out) {
      mapper ??= new PositionMapper(table);
      out = sortedOutput(segmentOutput(lines, s, phrases, eol, mapper, opts, articles));
    }
    if (out.article) articles++;
    outs.push(out);
  }
  const base: DumpModel = { ...baseModel(newText, table) };
  const model = assemble(base, seg, outs);
  return {
    text: newText, opts, optsKey: prev.optsKey, table, counts, seg, outs, model, look: model, cleaned: [], views: [], change: c,
    stats: { full: false, reused, analysed: outs.length - reused, segmentsShifted: shifted },
  };
}

/**
 * A stateful analyser for an editor: remembers the state behind each model it returned, so
 * `analyze(text, opts, previousModel)` re-analyses incrementally.
 */
export function incrementalAnalyzer(): {
  analyze(text: string, opts: AnalyzeOptions, prev?: DumpModel | null): DumpModel;
  stateOf(model: DumpModel): IncrementalState | undefined;
} {
  const states = new WeakMap<DumpModel, IncrementalState>();
  return {
    analyze(text, opts, prev) {
      const p = prev ? states.get(prev) : undefined;
      const next = p ? analyzeIncremental(p, text, undefined, opts) : analyzeFull(text, opts);
      states.set(next.model, next);
      return next.model;
    },
    stateOf: (model) => states.get(model),
  };
}

/**
 * The analyser for a language server: keeps the last state of up to `limit` documents by URI
 * and re-analyses each new version of a document incrementally from the previous one.
 */
export function documentAnalyzer(limit = 8, segmentCache = 256): {
  /** `edit`, when given, says how `text` was made from `edit.from` (skips the text compare). */
  analyze(text: string | Rope, opts: AnalyzeOptions, uri?: string, edit?: { from: Rope; change: TextChange }): DumpModel;
  forget(uri: string): void;
} {
  // Unchanged segments are reused from the state, so the content cache only serves undo and
  // small files: a small one saves a copy of every big dump's text (and its results).
  setSegmentCacheLimit(segmentCache);
  const states = new Map<string, IncrementalState>();
  return {
    analyze(text, opts, uri, edit) {
      if (uri === undefined) return analyzeFull(text, opts).model;
      const prev = states.get(uri);
      // Dropped first: an incremental run consumes it, so a failed run must not leave it.
      states.delete(uri);
      const change = edit && prev && prev.text === edit.from ? edit.change : undefined;
      const next = prev ? analyzeIncremental(prev, text, change, opts) : analyzeFull(text, opts);
      states.set(uri, next);
      if (states.size > limit) states.delete(states.keys().next().value as string);
      return next.model;
    },
    forget(uri) {
      states.delete(uri);
    },
  };
}
