// `analyze` of one big text with part of the work done by a helper (the CLI runs it on a
// worker thread), giving exactly `analyze`'s model.
//
// Why this is the same model: a look at a text is its lines, its segments (read from the
// whole text's layout), then per segment a result that depends on that segment's lines
// alone (analyzeSegment, a pure function of them: it is cached by content for that reason),
// then the model assembled from those results in segment order. Here this thread still
// splits the lines, finds the segments, assembles and settles; only the per-segment results
// of the segments from a cut onwards are made by the helper, from copies of their lines.
// Every settle round is a look like the first one, cut the same way.
// Thread-local caches (segment results, LineFacts) only make the work cheaper, never change
// it. test/unit/parallel.test.ts compares the two paths on real dumps.
import { analyzeSegmentCached, AnalyzeOptions, factsAt, Look, LineFactsTable, LookAssembler, originsThrough, prepareLook, PreparedLook, Reuse, SegResult } from './analyze';
import { LookResults } from './lookReuse';
import type { PhraseOptions } from './lineRules';
import type { DumpModel } from './model';
import type { Segment } from './segment';
import { Kept, settleAsync } from './settle';
import { Line, splitLines } from './text';

/** The segments a helper analyses: plain data, copied to the helper's thread. */
export interface SegmentJob {
  /** The text from the first segment's first line to the end of the last one's last line. */
  text: string;
  /** Line k of the job is text.slice(bounds[2k], bounds[2k + 1]). */
  bounds: Int32Array;
  eol: string;
  phrases: PhraseOptions;
  /** The segments, with the job's line numbers. */
  segments: Segment[];
}

/** Analyses a job's segments, in order; on the helper's thread. */
export function runSegmentJob(job: SegmentJob): SegResult[] {
  const lines: Line[] = [];
  const n = job.bounds.length >> 1;
  for (let k = 0; k < n; k++) {
    const start = job.bounds[2 * k];
    const end = job.bounds[2 * k + 1];
    lines.push({ index: k, start, end, next: end, text: job.text.slice(start, end) });
  }
  return job.segments.map((s) => analyzeSegmentCached(lines, s, job.phrases, job.eol));
}

/** Runs a job somewhere else; its promise may fail (the segments are then analysed here). */
export type SegmentHelper = (job: SegmentJob) => Promise<SegResult[]>;

/** The helper's part of the first look: the segments after this share of the text. */
export const HELPER_SHARE = 0.5;

/**
 * `analyze(text, opts)`, with the segments after a cut analysed by `helper` while this
 * thread analyses the ones before it.
 */
export async function analyzeWithHelper(text: string, opts: AnalyzeOptions, helper: SegmentHelper, share = HELPER_SHARE): Promise<DumpModel> {
  const facts: LineFactsTable = [];
  const known = new LookResults();
  const first = prepareLook(text, opts);
  if (!('seg' in first)) return first.model;
  const firstCut = cutAtShare(first, text.length, share);
  const { model, mapper, table } = await lookShared(first, opts, firstCut, facts, helper, { known, origin: null });
  if (!mapper) return model;
  // Each round cuts its cleaned text where the first cut's text went: the lines on either
  // side are mostly the ones that side analysed before, whose facts that thread holds.
  const cutOffset = firstCut < first.seg.segments.length ? first.lines[first.seg.segments[firstCut].first].start : text.length;
  return settleAsync(text, model, mapper, async (view) => {
    const cleaned = view.cleaned.toString();
    const cleanedTable = splitLines(cleaned);
    const p = prepareLook(cleaned, opts, cleanedTable);
    if (!('seg' in p)) return p.model;
    const cut = firstSegmentFrom(p, cleanedOffset(view.kept, cutOffset));
    const origin = originsThrough(cleanedTable, view.kept, table);
    return (await lookShared(p, opts, cut, factsAt(origin, facts), helper, { known, origin })).model;
  });
}

/**
 * A look whose segments from `cut` on are analysed by the helper (or here, if it fails),
 * except those an earlier look has the result of (`reuse`, as in analyzeOnce).
 */
async function lookShared(p: PreparedLook, opts: AnalyzeOptions, cut: number, facts: LineFactsTable, helper: SegmentHelper, reuse: Reuse): Promise<Look> {
  const segs = p.seg.segments;
  const keys = segs.map((s) => reuse.known.key(s, reuse.origin, p.table.eol));
  const results: (SegResult | undefined)[] = keys.map((k) => reuse.known.get(k));
  const asked: number[] = [];
  for (let k = cut; k < segs.length; k++) if (!results[k]) asked.push(k);
  const theirs = cut > 0 && asked.length > 0 ? askHelper(helper, jobOf(p, cut, asked), asked.length) : null;
  const out = new LookAssembler(p, opts);
  const here = (k: number) => {
    const r = results[k] ?? analyzeSegmentCached(p.lines, segs[k], p.phrases, p.table.eol, facts);
    reuse.known.set(keys[k], r);
    out.add(segs[k], r);
  };
  const mine = theirs ? cut : segs.length;
  for (let k = 0; k < mine; k++) here(k);
  if (theirs) {
    const got = await theirs;
    if (got) asked.forEach((k, i) => (results[k] = got[i]));
    for (let k = cut; k < segs.length; k++) here(k);
  }
  return out.finish();
}

/** The helper's results, or null when it failed or answered with the wrong count. */
async function askHelper(helper: SegmentHelper, job: SegmentJob, count: number): Promise<SegResult[] | null> {
  try {
    const results = await helper(job);
    return Array.isArray(results) && results.length === count ? results : null;
  } catch {
    return null;
  }
}

/** The job of segments `asked` (all from `cut` on): the text from the cut's first line, renumbered from there. */
function jobOf(p: PreparedLook, cut: number, asked: number[]): SegmentJob {
  const segs = p.seg.segments;
  const firstLine = segs[cut].first;
  const lastLine = segs[asked[asked.length - 1]].last;
  const base = p.lines[firstLine].start;
  const bounds = new Int32Array(2 * (lastLine - firstLine + 1));
  for (let i = firstLine; i <= lastLine; i++) {
    bounds[2 * (i - firstLine)] = p.lines[i].start - base;
    bounds[2 * (i - firstLine) + 1] = p.lines[i].end - base;
  }
  const rel = (x: number) => x - firstLine;
  const segments = asked.map((k) => {
    const s = segs[k];
    return { ...s, first: rel(s.first), last: rel(s.last), headline: s.headline === null ? null : rel(s.headline), header: s.header.map(rel) };
  });
  return { text: p.text.slice(base, p.lines[lastLine].end), bounds, eol: p.table.eol, phrases: p.phrases, segments };
}

/** The first segment starting at or after `share` of the text from its end (segments.length: none). */
function cutAtShare(p: PreparedLook, length: number, share: number): number {
  return firstSegmentFrom(p, Math.floor(length * (1 - share)));
}

/** The first segment whose first line starts at or after `offset`. */
function firstSegmentFrom(p: PreparedLook, offset: number): number {
  const segs = p.seg.segments;
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.lines[segs[mid].first].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the original text's offset `x` lands in the cleaned text (the next kept character). */
function cleanedOffset(kept: Kept, x: number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kept.to[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= kept.length) return Number.MAX_SAFE_INTEGER;
  return kept.at[lo] + Math.max(0, x - kept.from[lo]);
}
