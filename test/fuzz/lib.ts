// Seeded fuzzing of the engine: dumps made by mutating real dump texts, and the properties
// every analysis must keep whatever the input ("never lose a word"). Shared by the bounded
// run in `npm test` (test/fuzz/fuzz.test.ts) and the long run (`npm run fuzz`).
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, applyEdits, clean, fixAllEdits, PositionMapper, splitLines } from '../../server/src/analysis';
import type { AnalyzeOptions, DumpModel, Range, Residue } from '../../server/src/analysis';
import { clearSegmentCache } from '../../server/src/analysis/analyze';
import { incrementalAnalyzer } from '../../server/src/analysis/incremental';
import { rng, Rng } from '../support/rng';

// ---------------------------------------------------------------------------------------
// Random choices from a seeded generator (support/rng.ts): a (seed, case) pair always makes
// the same dump.

const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)];

// ---------------------------------------------------------------------------------------
// Seeds and mutations.

export { findRoot } from '../support/root';

export function loadSeeds(root: string): string[] {
  const dir = path.join(root, 'test', 'fixtures', 'fuzz');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

const RESIDUE_LINES = [
  'Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement', 'Anzeige', 'Реклама',
  'by Taboola', 'Sponsored Links', 'You May Like', 'Promoted Stories', 'Undo', 'Learn More', 'Read More',
  'ALSO READ | Five things to know about the budget', 'Also Read: India beat Australia in Perth',
  'Subscribe to our newsletter', 'Join our WhatsApp channel for the latest updates', 'Share', 'Tweet',
  '© 2026 The Daily Planet. All rights reserved.', '- Ends -', 'Download the app now', 'Follow us on Telegram',
];
const TABOOLA_BLOCK = [
  'Sponsored Links', 'by Taboola', 'These Shoes Are Taking The Country By Storm', 'Shoe Daily', 'Learn More',
  'Doctors Stunned By This Simple Trick', 'Health Journal', 'Undo',
];
const INLINE_RESIDUE = [
  ' ALSO READ | Markets rally as inflation cools in October ', 'Advertisement', ' Advertisement ',
  ' by Taboola by Taboola Sponsored Links Sponsored Links You May Like Cheap Flights Undo ',
  ' READ MORE: ', ' - Ends', 'Tune InMust Watch', ' ALSO READ ALSO READ ', ' by Taboola ',
];
const EXOTIC = [
  '😀', '👩‍👩‍👧‍👦', '🇮🇳', '🇺🇦', '𝐀𝐁𝐂', '中文新闻报道', '日本語のテキスト', 'مرحبا بالعالم', 'שלום עולם',
  'e\u0301', 'a\u0308\u0323', '\u200f', '\u200d', '\u00a0', '\t', '\uFFFD', 'ǅ', 'İ', 'ß',
  'क्षत्रिय विज्ञापन', '\ud83d', '\ude00', // lone surrogates
];
const EOLS = ['\n', '\r\n', '\r'];

export interface Case {
  text: string;
  /** The text the mutated one was made from (an "edit" of it, for the cache checks). */
  before: string;
  opts: AnalyzeOptions;
  ops: string[];
}

/** A random code-unit offset (it may fall between the halves of a surrogate pair). */
const at = (r: Rng, s: string) => int(r, s.length + 1);

function mutate(r: Rng, s: string, seeds: readonly string[], ops: string[]): string {
  const k = int(r, 12);
  switch (k) {
    case 0: { // splice a piece of another dump in
      const o = pick(r, seeds);
      const a = at(r, o);
      const piece = o.slice(a, a + int(r, 800));
      const p = at(r, s);
      ops.push(`splice@${p}+${piece.length}`);
      return s.slice(0, p) + piece + s.slice(p);
    }
    case 1: { // duplicate a range
      const a = at(r, s);
      const b = Math.min(s.length, a + int(r, 600));
      const p = at(r, s);
      ops.push(`dup ${a}-${b}@${p}`);
      return s.slice(0, p) + s.slice(a, b) + s.slice(p);
    }
    case 2: { // truncate at a random code unit
      const p = at(r, s);
      ops.push(`truncate@${p}`);
      return r() < 0.5 ? s.slice(0, p) : s.slice(p);
    }
    case 3: { // delete a range
      const a = at(r, s);
      const b = Math.min(s.length, a + int(r, 300));
      ops.push(`delete ${a}-${b}`);
      return s.slice(0, a) + s.slice(b);
    }
    case 4: { // a residue line at a line start
      const lines = s.split('\n');
      const i = int(r, lines.length + 1);
      const what = r() < 0.3 ? TABOOLA_BLOCK : [pick(r, RESIDUE_LINES)];
      ops.push(`residue-line@${i}:${what[0]}`);
      lines.splice(i, 0, ...what);
      return lines.join('\n');
    }
    case 5: { // inline residue, after a sentence end when there is one
      let p = at(r, s);
      const dot = s.indexOf('. ', p);
      if (dot >= 0 && r() < 0.7) p = dot + 1;
      const what = pick(r, INLINE_RESIDUE);
      ops.push(`inline-residue@${p}:${what.trim()}`);
      return s.slice(0, p) + what + s.slice(p);
    }
    case 6: { // change line endings
      const eol = pick(r, EOLS);
      const mixed = r() < 0.4;
      ops.push(`eol ${JSON.stringify(eol)}${mixed ? ' mixed' : ''}`);
      return s.replace(/\r\n|\r|\n/g, () => (mixed ? pick(r, EOLS) : eol));
    }
    case 7: // BOM
      ops.push('bom');
      return s.charCodeAt(0) === 0xfeff ? s : '\ufeff' + s;
    case 8: { // emoji, flags, CJK, RTL, combining marks, lone surrogates
      let out = s;
      const n = 1 + int(r, 6);
      for (let j = 0; j < n; j++) {
        const p = at(r, out);
        out = out.slice(0, p) + pick(r, EXOTIC) + out.slice(p);
      }
      ops.push(`exotic x${n}`);
      return out;
    }
    case 9: { // a run of white space or of one character
      const p = at(r, s);
      const run = pick(r, [' ', '\t', '.', 'A', 'ALSO READ ', '\n', '\r\n'] as const).repeat(1 + int(r, 200));
      ops.push(`run@${p}`);
      return s.slice(0, p) + run + s.slice(p);
    }
    case 10: { // swap two lines
      const lines = s.split('\n');
      const i = int(r, lines.length);
      const j = int(r, lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      ops.push(`swap ${i}<->${j}`);
      return lines.join('\n');
    }
    default: { // blank lines
      const p = at(r, s);
      ops.push(`blank@${p}`);
      return s.slice(0, p) + '\n'.repeat(1 + int(r, 4)) + s.slice(p);
    }
  }
}

const HOSTILE_PHRASES = ['(a+)+$', '.*', '[', '\\', 'by taboola', 'Advertisement', '^$', 'x'.repeat(300), '|', '?'];

/** Case `i` of a run with `seed`: a window of a seed dump, mutated one to four times. */
export function makeCase(seed: number, i: number, seeds: readonly string[]): Case {
  const r = rng((seed * 1000003) ^ (i * 2654435761));
  const base = pick(r, seeds);
  // A window keeps cases small (fast) while keeping real layout around the mutations.
  const len = 200 + int(r, 1800);
  const start = r() < 0.3 ? 0 : int(r, Math.max(1, base.length - len));
  const before = r() < 0.1 ? base : base.slice(start, start + len);
  const ops: string[] = [];
  let text = before;
  const n = 1 + int(r, 4);
  for (let k = 0; k < n; k++) text = mutate(r, text, seeds, ops);
  const opts: AnalyzeOptions = {};
  if (r() < 0.1) {
    opts.extraPhrases = [pick(r, HOSTILE_PHRASES), pick(r, HOSTILE_PHRASES)];
    opts.ignorePhrases = r() < 0.5 ? [pick(r, HOSTILE_PHRASES)] : [];
    ops.push(`phrases ${JSON.stringify(opts)}`);
  }
  return { text, before, opts, ops };
}

// ---------------------------------------------------------------------------------------
// Properties.

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** False when `offset` falls between the two halves of a surrogate pair. */
export function onCodePoint(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  return !(isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset)));
}

export interface CheckOptions {
  /** Compare with a cold analysis (segment cache cleared) and with the incremental analyser. */
  cache?: boolean;
}

/** The properties, by the id a violation is reported under. */
export const PROPERTIES = {
  throws: 'analyze and clean never throw',
  offsets: 'every offset and range is inside the document, on a code-point boundary, and ranges are the offsets\' positions',
  order: 'residue is sorted and two deleting findings never overlap',
  'layout-overlap': 'a layout finding\'s span (broken-line chain, glued-heading) never overlaps another finding',
  'edits-overlap': 'fix-all edits never overlap (deleting and layout)',
  'clean-deletes': 'clean deletes only inside residue spans, inserts nothing, keeps every other character in order (BOM included)',
  'fixall-ranges': 'the LSP fix-all (edits applied by range) equals clean, with and without layout',
  idempotent: 'clean(clean(x)) === clean(x)',
  cache: 'a warm segment cache and the incremental analyser give the same model as a cold full analysis',
} as const;
export type PropertyId = keyof typeof PROPERTIES;

export interface Violation {
  prop: PropertyId;
  msg: string;
}

/** Every property for one text; returns the violations (empty when all hold). */
export function checkText(text: string, opts: AnalyzeOptions = {}, check: CheckOptions = {}, before?: string): Violation[] {
  const bad: Violation[] = [];
  let prop: PropertyId = 'offsets';
  const fail = (msg: string, p: PropertyId = prop) => {
    if (bad.length < 8) bad.push({ prop: p, msg });
  };
  let model: DumpModel;
  try {
    if (before !== undefined) analyze(before, opts); // warm the segment cache with the "previous version"
    model = analyze(text, opts);
  } catch (e) {
    return [{ prop: 'throws', msg: `analyze threw: ${(e as Error).stack ?? e}` }];
  }
  const n = text.length;
  const table = splitLines(text);
  const mapper = new PositionMapper(table);
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const doc = TextDocument.create('file:///fuzz.txt', 'newsdump', 1, text);
  if (model.length !== n) fail(`model.length ${model.length} != ${n}`);
  if (model.lineCount !== table.lines.length) fail(`lineCount ${model.lineCount} != ${table.lines.length}`);

  const offsetOk = (what: string, o: number) => {
    if (!Number.isInteger(o) || o < 0 || o > n) fail(`${what}: offset ${o} outside 0..${n}`);
    else if (!onCodePoint(text, o)) fail(`${what}: offset ${o} splits a surrogate pair`);
  };
  const rangeOk = (what: string, r: Range) => {
    for (const p of [r.start, r.end]) {
      if (p.line < 0 || p.line >= table.lines.length) return fail(`${what}: line ${p.line} outside the document`);
      const l = table.lines[p.line];
      // Columns on line 0 count a BOM (LSP clients that keep it in the text count it too).
      const lineStart = p.line === 0 ? 0 : l.start;
      if (p.character < 0 || p.character > l.end - lineStart) return fail(`${what}: character ${p.character} past line ${p.line}'s end`);
      offsetOk(what, mapper.offset(p));
    }
    if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) fail(`${what}: range ends before it starts`);
  };
  /** The range is where the offsets are, in the engine's positions and (without BOM) in LSP's. */
  const sameSpan = (what: string, r: Range, start: number, end: number) => {
    const want = mapper.range(start, end);
    if (JSON.stringify(want) !== JSON.stringify(r)) fail(`${what}: range ${JSON.stringify(r)} is not the mapper's ${JSON.stringify(want)}`);
    if (!hasBom && (doc.offsetAt(r.start) !== start || doc.offsetAt(r.end) !== end)) {
      fail(`${what}: range ${JSON.stringify(r)} is offsets ${doc.offsetAt(r.start)}-${doc.offsetAt(r.end)} in the document, not ${start}-${end}`);
    }
  };

  if (model.notice !== null && model.residue.length > 0) fail('a notice and residue', 'clean-deletes');
  let lastDelete: Residue | null = null;
  let farthest: Residue | null = null;
  model.residue.forEach((r, i) => {
    const w = `residue ${i} (${r.rule})`;
    offsetOk(w, r.start);
    offsetOk(w, r.end);
    if (r.start > r.end) fail(`${w}: start ${r.start} > end ${r.end}`);
    rangeOk(w, r.range);
    sameSpan(w, r.range, r.start, r.end);
    if (r.article < -1 || r.article >= model.articles.length) fail(`${w}: article ${r.article} out of range`);
    if (i > 0) {
      const p = model.residue[i - 1];
      if (p.start > r.start || (p.start === r.start && p.end > r.end)) fail(`residue not sorted at ${i}`, 'order');
      // Against every earlier finding that reaches this far, not only the previous one.
      const del = r.fix.kind === 'delete';
      if (del && lastDelete && r.start < lastDelete.end) {
        fail(`residue ${lastDelete.rule} ${lastDelete.start}-${lastDelete.end} overlaps ${r.rule} ${r.start}-${r.end}`, 'order');
      } else if (farthest && r.start < farthest.end) {
        fail(`residue ${farthest.rule} ${farthest.start}-${farthest.end} overlaps ${r.rule} ${r.start}-${r.end}`, 'layout-overlap');
      }
    }
    if (r.fix.kind === 'delete' && (!lastDelete || r.end > lastDelete.end)) lastDelete = r;
    if (!farthest || r.end > farthest.end) farthest = r;
    for (const e of r.fix.edits) {
      offsetOk(`${w} edit`, e.start);
      offsetOk(`${w} edit`, e.end);
      if (e.start > e.end) fail(`${w}: edit ${e.start}-${e.end} backwards`);
      sameSpan(`${w} edit`, e.range, e.start, e.end);
      if (r.fix.kind === 'delete') {
        if (e.newText !== '') fail(`${w}: a deleting fix inserts ${JSON.stringify(e.newText)}`, 'clean-deletes');
        // Inside the finding's span, plus the line terminator right after it.
        const endLine = table.lines[mapper.position(r.end).line];
        const limit = r.end === endLine.end ? endLine.next : r.end;
        if (e.start < r.start || e.end > limit) fail(`${w}: deletes ${e.start}-${e.end}, outside its span ${r.start}-${r.end} (+terminator to ${limit})`, 'clean-deletes');
      }
    }
  });
  model.articles.forEach((a, i) => {
    rangeOk(`article ${i} range`, a.range);
    rangeOk(`article ${i} body`, a.bodyRange);
    if (a.headlineRange) rangeOk(`article ${i} headline`, a.headlineRange);
    a.sections.forEach((s, k) => {
      rangeOk(`article ${i} section ${k}`, s.range);
      rangeOk(`article ${i} section ${k} title`, s.titleRange);
    });
  });
  model.groups.forEach((g, i) => rangeOk(`group ${i}`, g.range));

  // Edits of the fix-all do not overlap (an editor rejects overlapping edits).
  for (const layout of [false, true]) {
    const edits = [...fixAllEdits(model, { layout })].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < edits.length; i++) {
      if (edits[i].start < edits[i - 1].end) {
        fail(`${layout ? 'layout ' : ''}fix-all edits overlap: ${edits[i - 1].start}-${edits[i - 1].end} and ${edits[i].start}-${edits[i].end}`, 'edits-overlap');
        break;
      }
    }
  }

  // clean: deletes exactly the fix-all spans and keeps every other character, in order.
  // (`clean` is analyze + applyEdits(fixAllEdits); built from the model here to save an analysis.)
  prop = 'clean-deletes';
  const cleaned = applyEdits(text, fixAllEdits(model));
  const layoutCleaned = applyEdits(text, fixAllEdits(model, { layout: true }));
  const deletes = fixAllEdits(model).sort((a, b) => a.start - b.start);
  let expect = '';
  let pos = 0;
  for (const e of deletes) {
    if (e.start < pos) continue;
    expect += text.slice(pos, e.start);
    pos = e.end;
  }
  expect += text.slice(pos);
  if (cleaned !== expect) fail('clean is not the text minus the fix-all spans');
  if (cleaned.length > n) fail('clean inserted characters');
  if (hasBom && cleaned.charCodeAt(0) !== 0xfeff) fail('clean lost the BOM');
  if (model.notice !== null && cleaned !== text) fail('clean changed a text it has a notice for');

  // The editor's fix-all (ranges, applied by an LSP document) is the CLI's clean.
  prop = 'fixall-ranges';
  if (!hasBom) {
    try {
      const viaRanges = TextDocument.applyEdits(doc, fixAllEdits(model).map((e) => ({ range: e.range, newText: e.newText })));
      if (viaRanges !== cleaned) fail('fix-all applied by ranges differs from clean');
      const viaRangesLayout = TextDocument.applyEdits(doc, fixAllEdits(model, { layout: true }).map((e) => ({ range: e.range, newText: e.newText })));
      if (viaRangesLayout !== layoutCleaned) fail('layout fix-all applied by ranges differs from clean --layout');
    } catch (e) {
      fail(`applying the fix-all by ranges threw: ${(e as Error).message}`);
    }
  }

  // Idempotent: a clean text has nothing left to delete.
  prop = 'idempotent';
  let again: string;
  try {
    again = clean(cleaned, opts);
  } catch (e) {
    return [...bad, { prop: 'throws', msg: `clean of the cleaned text threw: ${(e as Error).stack ?? e}` }];
  }
  if (again !== cleaned) {
    const d = firstDiff(cleaned, again);
    fail(`clean is not idempotent: second clean removes ${JSON.stringify(cleaned.slice(d, d + 60))} at ${d}`);
  }

  prop = 'cache';
  if (check.cache) {
    const warm = JSON.stringify(model);
    clearSegmentCache();
    const cold = JSON.stringify(analyze(text, opts));
    if (cold !== warm) fail(`analysis with a warm segment cache differs from a cold one at ${firstDiff(warm, cold)}`);
    if (before !== undefined) {
      const inc = incrementalAnalyzer();
      const prev = inc.analyze(before, opts);
      const next = JSON.stringify(inc.analyze(text, opts, prev));
      if (next !== cold) fail(`incremental analysis after the edit differs from a full one at ${firstDiff(cold, next)}`);
    }
  }
  return bad;
}

export function firstDiff(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export interface RunResult {
  cases: number;
  failures: { i: number; ops: string[]; problems: Violation[]; text: string }[];
  ms: number;
}

/** Runs cases [from, to) of `seed`; every `cacheEvery`-th case also checks the caches. */
export function run(seed: number, from: number, to: number, seeds: readonly string[], cacheEvery = 10, onCase?: (i: number) => void): RunResult {
  const t0 = Date.now();
  const failures: RunResult['failures'] = [];
  for (let i = from; i < to; i++) {
    const c = makeCase(seed, i, seeds);
    const problems = checkText(c.text, c.opts, { cache: i % cacheEvery === 0 }, c.before);
    if (problems.length) failures.push({ i, ops: c.ops, problems, text: c.text });
    onCase?.(i);
  }
  return { cases: to - from, failures, ms: Date.now() - t0 };
}

export { applyEdits };
