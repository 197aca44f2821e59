// Makes the fix-all a fixed point: `clean(clean(x)) === clean(x)`.
//
// The page classifier judges a line by its neighbours, and the segmenter reads the dump's
// layout from all its lines. Deleting furniture changes both: the lines left get new
// neighbours, and a fresh analysis of the cleaned text can find furniture the first one
// kept ("Log in" between two widgets is furniture once the widgets are gone). So the model
// is settled: analyse the text as the fix-all leaves it, map what that analysis would delete
// back onto this text, add it, and repeat until the cleaned text has nothing left to
// delete. Most dumps settle after one look at their cleaned text; the rounds are capped.
//
// Only deleting fixes move text, and a deletion never inserts anything, so every character
// of the cleaned text is a character of this one: the map back is a list of kept chunks.
import type { DumpModel, Edit, Residue } from './model';
import { Rope } from './rope';
import type { PositionMapper } from './text';

/** Looks at the cleaned text at most this many times (each look can only delete more). */
export const SETTLE_ROUNDS = 6;

/**
 * The unchanged stretches, in order: stretch k is this text's [from[k], to[k]), which is the
 * cleaned text's [at[k], at[k] + to[k] - from[k]). In typed arrays: a 50 MB dump has some
 * 50,000 stretches, listed again (and compared with the previous version's) every keystroke.
 */
export interface Kept {
  length: number;
  from: Int32Array;
  to: Int32Array;
  at: Int32Array;
}

/** The text as the fix-all's deletions leave it, and how to map it back. */
export interface CleanedView {
  /** A rope, so a view patched from the previous version's shares its unchanged chunks. */
  cleaned: Rope;
  kept: Kept;
  /** The deletions the view was made from (the next version's view copies what it shares). */
  cuts: Cuts;
  /** When built from the previous version's view: the edit that turned that cleaned text
   *  into this one (cleaned offsets), so its analysis can be incremental too. */
  change?: Splice;
}

/** [start, end) of the old text replaced by `insertedLength` characters. */
export interface Splice {
  start: number;
  end: number;
  insertedLength: number;
}

/**
 * The text as the fix-all's deletions leave it (overlaps resolved as `applyEdits` does).
 * With `reuse` (the previous version's view and the edit from that version's text to this
 * one), the stretches of kept text wholly before and after the edit are taken from the
 * previous cleaned text: a keystroke copies a few lines, not the whole dump, and the edit
 * between the two cleaned texts comes for free.
 */
export function cleanedView(text: string | Rope, residue: readonly Residue[], reuse?: { prev: CleanedView; change: Splice }): CleanedView | null {
  const cuts = listCuts(residue, reuse?.prev.cuts);
  const kept = keptChunks(text.length, cuts);
  if (kept === null) return null;
  const n = kept.length;
  const end = n ? kept.at[n - 1] + kept.to[n - 1] - kept.from[n - 1] : 0;
  if (!reuse) return { cleaned: Rope.from(joinChunks(text, kept, 0, n)), kept, cuts };
  const { prev, change } = reuse;
  const old = prev.kept;
  const m = old.length;
  const delta = change.insertedLength - (change.end - change.start);
  const dAt = end - prev.cleaned.length;
  // Stretch k is stretch o of the previous view moved by d in this text and e in the cleaned one.
  const same = (k: number, o: number, d: number, e: number) => kept.from[k] === old.from[o] + d && kept.to[k] === old.to[o] + d && kept.at[k] === old.at[o] + e;
  let i = 0;
  while (i < n && i < m && kept.to[i] <= change.start && same(i, i, 0, 0)) i++;
  let j = 0;
  while (j < n - i && j < m - i && old.from[m - 1 - j] >= change.end && same(n - 1 - j, m - 1 - j, delta, dAt)) j++;
  const head = i > 0 ? kept.at[i - 1] + kept.to[i - 1] - kept.from[i - 1] : 0;
  const tailOld = j > 0 ? old.at[m - j] : prev.cleaned.length;
  const middle = joinChunks(text, kept, i, n - j);
  // The stretch between the unchanged ones is replaced, but the change reported is only the
  // characters that differ: the stretch can run over several lines (an article's header
  // among them), and the round's analysis re-reads the lines the change covers.
  const [p, s] = sameEnds(prev.cleaned.slice(head, tailOld), middle);
  return {
    cleaned: prev.cleaned.splice(head + p, tailOld - s, middle.slice(p, middle.length - s)),
    kept,
    cuts,
    change: { start: head + p, end: tailOld - s, insertedLength: middle.length - p - s },
  };
}

/** The lengths of the common prefix of `a` and `b` and of their common suffix after it. */
function sameEnds(a: string, b: string): [number, number] {
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < n - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return [p, s];
}

function joinChunks(text: string | Rope, kept: Kept, from: number, to: number): string {
  const parts: string[] = [];
  for (let k = from; k < to; k++) parts.push(text.slice(kept.from[k], kept.to[k]));
  return parts.join('');
}

/** The deletions of a list of findings, in order, and the numbers `merge` needs of each finding. */
export interface Cuts {
  /** The findings they were listed from. */
  residue: readonly Residue[];
  /** before[i]: how many deletions findings 0..i-1 make (residue.length + 1 entries). */
  before: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** False when the findings' deletions were out of order (then sorted: `before` is void). */
  inOrder: boolean;
  /** Per finding: its start and end, and its extent (see `extent`). */
  rStart: Int32Array;
  rEnd: Int32Array;
  from: Int32Array;
  to: Int32Array;
  /** True when the findings are sorted by start, then end. */
  sorted: boolean;
}

const NONE: readonly Edit[] = [];
/** The deletions a finding makes (its fix's edits), or none. */
const deletions = (r: Residue): readonly Edit[] => (r.fix.kind === 'delete' ? r.fix.edits : NONE);

/** `a` and `b` list alike: same span, extent and deletions. */
function listAlike(a: Residue, b: Residue): boolean {
  if (a.start !== b.start || a.end !== b.end) return false;
  const [f, t] = extent(a);
  const [g, u] = extent(b);
  if (f !== g || t !== u) return false;
  const x = deletions(a);
  const y = deletions(b);
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k].start !== y[k].start || x[k].end !== y[k].end) return false;
  return true;
}

/**
 * The deletions of `residue`. With `prev` (the previous version's), the findings both lists
 * start with (the same objects, or re-made ones that delete the same spans) are not read
 * again: reading each of 50,000 findings (four objects apart in memory) is what costs here,
 * and a keystroke leaves every finding before the edit as it was.
 */
function listCuts(residue: readonly Residue[], prev?: Cuts): Cuts {
  let shared = 0;
  if (prev && prev.inOrder) {
    const m = Math.min(residue.length, prev.residue.length);
    while (shared < m && (residue[shared] === prev.residue[shared] || listAlike(residue[shared], prev.residue[shared]))) shared++;
  }
  let count = shared > 0 ? prev!.before[shared] : 0;
  for (let i = shared; i < residue.length; i++) count += deletions(residue[i]).length;
  const n = residue.length;
  const before = new Int32Array(n + 1);
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const rStart = new Int32Array(n);
  const rEnd = new Int32Array(n);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  let c = 0;
  let sorted = true;
  if (shared > 0) {
    const p = prev!;
    c = p.before[shared];
    before.set(p.before.subarray(0, shared + 1));
    start.set(p.start.subarray(0, c));
    end.set(p.end.subarray(0, c));
    rStart.set(p.rStart.subarray(0, shared));
    rEnd.set(p.rEnd.subarray(0, shared));
    from.set(p.from.subarray(0, shared));
    to.set(p.to.subarray(0, shared));
    sorted = p.sorted || isSortedUpTo(rStart, rEnd, shared);
  }
  let inOrder = true;
  for (let i = shared; i < n; i++) {
    before[i] = c;
    const r = residue[i];
    rStart[i] = r.start;
    rEnd[i] = r.end;
    const [f, t] = extent(r);
    from[i] = f;
    to[i] = t;
    if (i > 0 && (r.start < rStart[i - 1] || (r.start === rStart[i - 1] && r.end < rEnd[i - 1]))) sorted = false;
    for (const e of deletions(r)) {
      // Residue comes sorted and its deletions apart: the sort is for anything else.
      if (c > 0 && (e.start < start[c - 1] || (e.start === start[c - 1] && e.end < end[c - 1]))) inOrder = false;
      start[c] = e.start;
      end[c] = e.end;
      c++;
    }
  }
  before[n] = c;
  if (!inOrder) {
    const order = Array.from({ length: count }, (_, k) => k).sort((a, b) => start[a] - start[b] || end[a] - end[b]);
    const s2 = order.map((k) => start[k]);
    const e2 = order.map((k) => end[k]);
    start.set(s2);
    end.set(e2);
  }
  return { residue, before, start, end, inOrder, rStart, rEnd, from, to, sorted };
}

function isSortedUpTo(rStart: Int32Array, rEnd: Int32Array, n: number): boolean {
  for (let i = 1; i < n; i++) if (rStart[i] < rStart[i - 1] || (rStart[i] === rStart[i - 1] && rEnd[i] < rEnd[i - 1])) return false;
  return true;
}

/** The stretches the deletions keep, in order; null when nothing is deleted. */
function keptChunks(length: number, cuts: Cuts): Kept | null {
  const { start: starts, end: ends } = cuts;
  const count = starts.length;
  if (count === 0) return null;
  const kept: Kept = { length: 0, from: new Int32Array(count + 1), to: new Int32Array(count + 1), at: new Int32Array(count + 1) };
  const add = (from: number, to: number, at: number) => {
    const k = kept.length++;
    kept.from[k] = from;
    kept.to[k] = to;
    kept.at[k] = at;
  };
  let pos = 0;
  let at = 0;
  for (let k = 0; k < count; k++) {
    if (starts[k] < pos) continue;
    if (starts[k] > pos) {
      add(pos, starts[k], at);
      at += starts[k] - pos;
    }
    pos = ends[k];
  }
  if (pos < length) add(pos, length, at);
  kept.from = kept.from.subarray(0, kept.length);
  kept.to = kept.to.subarray(0, kept.length);
  kept.at = kept.at.subarray(0, kept.length);
  return kept;
}

/** This text's offset of the cleaned text's character at `c` (which exists). */
function original(kept: Kept, c: number): number {
  let lo = 0;
  let hi = kept.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (kept.at[mid] <= c) lo = mid;
    else hi = mid - 1;
  }
  return kept.from[lo] + (c - kept.at[lo]);
}

/** A non-empty cleaned span [a, b) as this text's span from its first to its last character. */
function spanBack(kept: Kept, a: number, b: number): [number, number] {
  return [original(kept, a), original(kept, b - 1) + 1];
}

/** The article (index into `model.articles`) whose lines hold `line`, or -1. */
function articleAt(model: DumpModel, line: number): number {
  const list = model.articles;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = list[mid].range;
    if (line < r.start.line) hi = mid - 1;
    else if (line > r.end.line) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Settles `model`: adds what analyses of its cleaned text would delete, until they find
 * nothing more. `look(view, round)` is a plain (unsettled) analysis of `view.cleaned` with
 * the same options; `view(residue, round)`, when given, builds each round's view of this
 * text (an editor patches it from the previous version's).
 */
export function settle(
  text: string | Rope, model: DumpModel, mapper: PositionMapper,
  look: (view: CleanedView, round: number) => DumpModel,
  view: (residue: readonly Residue[], round: number) => CleanedView | null = (residue) => cleanedView(text, residue),
): DumpModel {
  let residue = model.residue;
  for (let round = 1; round <= SETTLE_ROUNDS; round++) {
    const v = view(residue, round);
    if (v === null) break;
    const later = look(v, round).residue.filter((r) => r.fix.kind === 'delete');
    if (later.length === 0) break;
    residue = merge(residue, later.map((r) => mapBack(r, v.kept, mapper, model)), v.cuts);
  }
  return residue === model.residue ? model : { ...model, residue };
}

function mapBack(r: Residue, kept: Kept, mapper: PositionMapper, model: DumpModel): Residue {
  let [start, end] = r.end > r.start ? spanBack(kept, r.start, r.end) : [original(kept, r.start), original(kept, r.start)];
  const edits: Edit[] = r.fix.edits.map((e) => {
    const [s, t] = spanBack(kept, e.start, e.end);
    return { start: s, end: t, newText: e.newText, range: mapper.range(s, t) };
  });
  // A whole-line deletion ends with a line terminator: the span runs to the end of that
  // line's text here, over anything deleted before between (in a text with mixed line ends,
  // the cleaned text can even pair a CR and an LF that were apart).
  const last = edits[edits.length - 1].end;
  if (r.fix.edits[r.fix.edits.length - 1].end > r.end) {
    const p = mapper.position(last);
    if (p.character === 0 && p.line > 0) end = Math.max(end, mapper.offset({ line: p.line - 1, character: Number.MAX_SAFE_INTEGER }));
  }
  const range = mapper.range(start, end);
  return {
    ...r, start, end, range,
    evidence: `${r.evidence} (once the residue around it is deleted)`,
    fix: { ...r.fix, edits },
    article: articleAt(model, range.start.line),
  };
}

/** From the first to the last character a finding or its fix touches. */
function extent(r: Residue): [number, number] {
  let from = r.start;
  let to = r.end;
  for (const e of r.fix.edits) {
    if (e.start < from) from = e.start;
    if (e.end > to) to = e.end;
  }
  return [from, to];
}

/**
 * Both lists sorted; the later findings never overlap one another. An earlier finding that
 * meets a later deletion goes: a deletion there lies wholly inside it (it was applied before
 * the later analysis ran, so the later one's text runs around it), and the later finding's
 * span widens over it; a layout fix (join, line break) there would edit text that goes.
 */
function merge(residue: readonly Residue[], later: Residue[], listed: Cuts): Residue[] {
  // Every finding is looked at through the numbers its view listed (reading 50,000 findings
  // from memory is what a keystroke in a big dump would spend here).
  if (listed.residue !== residue) listed = listCuts(residue);
  const spans = later.map(extent);
  const keep: number[] = [];
  for (let i = 0; i < residue.length; i++) {
    const from = listed.from[i];
    const to = listed.to[i];
    // The first later finding that ends after `from`; it meets r if it starts before `to`.
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][1] <= from) lo = mid + 1;
      else hi = mid;
    }
    if (lo < spans.length && spans[lo][0] < Math.max(to, from + 1)) {
      const r = residue[i];
      const l = later[lo];
      if (r.fix.kind === 'delete' && (r.start < l.start || r.end > l.end)) {
        const start = Math.min(l.start, r.start);
        const end = Math.max(l.end, r.end);
        l.range = { start: start === l.start ? l.range.start : r.range.start, end: end === l.end ? l.range.end : r.range.end };
        l.start = start;
        l.end = end;
      }
      continue;
    }
    keep.push(i);
  }
  const byStart = (a: Residue, b: Residue) => a.start - b.start || a.end - b.end;
  let laterSorted = true;
  for (let k = 1; k < later.length; k++) if (byStart(later[k - 1], later[k]) > 0) laterSorted = false;
  if (!listed.sorted || !laterSorted) return keep.map((i) => residue[i]).concat(later).sort(byStart);
  // Both sorted: merged in one pass, as the stable sort of the two lists one after the other
  // would order them (on equal keys, the earlier finding first).
  const out: Residue[] = new Array(keep.length + later.length);
  let a = 0;
  let b = 0;
  let k = 0;
  while (a < keep.length && b < later.length) {
    const i = keep[a];
    const l = later[b];
    if (listed.rStart[i] < l.start || (listed.rStart[i] === l.start && listed.rEnd[i] <= l.end)) {
      out[k++] = residue[i];
      a++;
    } else {
      out[k++] = l;
      b++;
    }
  }
  while (a < keep.length) out[k++] = residue[keep[a++]];
  while (b < later.length) out[k++] = later[b++];
  return out;
}
