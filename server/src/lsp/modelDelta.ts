// What the analysis worker posts back after re-analysing an edited document: not the whole
// model (at 50 MB that is ~50,000 residue blocks to clone across threads on every keystroke)
// but the part that changed. An edit leaves the residue and articles before it untouched and
// moves the ones after it by the same offset, line and article-number delta, so a model is
// `keep` items of the previous one, then `mid` (sent), then `tail` items of the previous one
// shifted. `diffModels` finds that split on the worker side by comparing values (it never
// trusts a guess: anything it cannot prove equal goes in `mid`); `applyDelta` rebuilds the
// model on the main thread. `applyDelta(prev, diffModels(prev, next))` deep-equals `next`.
import type { Article, DumpModel, Edit, Group, Residue, Section } from '../analysis/model';
import type { Range } from '../analysis/text';

export interface Part<T> {
  keep: number;
  mid: T[];
  tail: number;
}

export interface ModelDelta {
  /** The model's scalar fields (length, lineCount, eol, shape...). */
  head: Omit<DumpModel, 'articles' | 'residue' | 'groups'>;
  groups: Group[];
  /** Offset, line and article-index shift of the tail. */
  dOff: number;
  dLine: number;
  dArt: number;
  residue: Part<Residue>;
  articles: Part<Article>;
}

/** How a model was rebuilt from its predecessor (lets the server reuse per-item work). */
export interface Lineage {
  from: DumpModel;
  dLine: number;
  residue: { keep: number; mid: number; tail: number };
  articles: { keep: number; mid: number; tail: number };
}

// The fields compared below; an object with any other field is never treated as unchanged
// (so a field added to the model later is sent, not silently dropped).
const RESIDUE_KEYS = 10; // rule message severity start end range evidence fix article origin
const FIX_KEYS = 3; // title kind edits
const EDIT_KEYS = 4; // start end newText range
const ARTICLE_KEYS = 9; // headline headlineRange source published byline bodyRange range sections role
const SECTION_KEYS = 3; // title titleRange range

function keyCount(o: object): number {
  let n = 0;
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) n++;
  return n;
}

function sameRange(o: Range, n: Range, dl: number): boolean {
  return n.start.line === o.start.line + dl && n.start.character === o.start.character
    && n.end.line === o.end.line + dl && n.end.character === o.end.character;
}

function shiftRange(r: Range, dl: number): Range {
  if (dl === 0) return r;
  return { start: { line: r.start.line + dl, character: r.start.character }, end: { line: r.end.line + dl, character: r.end.character } };
}

const shiftArticleIndex = (i: number, da: number) => (i < 0 ? i : i + da);

function sameEdit(o: Edit, n: Edit, d: number, dl: number): boolean {
  return n.start === o.start + d && n.end === o.end + d && n.newText === o.newText && sameRange(o.range, n.range, dl)
    && keyCount(n) === EDIT_KEYS;
}

/** `n` is `o` moved by `d` characters, `dl` lines and `da` article numbers. */
export function sameResidue(o: Residue, n: Residue, d: number, dl: number, da: number): boolean {
  if (o === n) return d === 0 && dl === 0 && (da === 0 || o.article < 0);
  if (n.start !== o.start + d || n.end !== o.end + d || n.rule !== o.rule || n.severity !== o.severity
    || n.origin !== o.origin || n.article !== shiftArticleIndex(o.article, da) || n.message !== o.message
    || n.evidence !== o.evidence || !sameRange(o.range, n.range, dl)) return false;
  const of = o.fix;
  const nf = n.fix;
  if (nf.title !== of.title || nf.kind !== of.kind || nf.edits.length !== of.edits.length) return false;
  for (let i = 0; i < nf.edits.length; i++) if (!sameEdit(of.edits[i], nf.edits[i], d, dl)) return false;
  return keyCount(n) === RESIDUE_KEYS && keyCount(nf) === FIX_KEYS;
}

function sameSection(o: Section, n: Section, dl: number): boolean {
  return n.title === o.title && sameRange(o.titleRange, n.titleRange, dl) && sameRange(o.range, n.range, dl) && keyCount(n) === SECTION_KEYS;
}

export function sameArticle(o: Article, n: Article, dl: number): boolean {
  if (o === n) return dl === 0;
  if (n.headline !== o.headline || n.source !== o.source || n.published !== o.published || n.byline !== o.byline
    || n.role !== o.role || !sameRange(o.range, n.range, dl) || !sameRange(o.bodyRange, n.bodyRange, dl)) return false;
  if (o.headlineRange === null ? n.headlineRange !== null : n.headlineRange === null || !sameRange(o.headlineRange, n.headlineRange, dl)) return false;
  if (n.sections.length !== o.sections.length) return false;
  for (let i = 0; i < n.sections.length; i++) if (!sameSection(o.sections[i], n.sections[i], dl)) return false;
  return keyCount(n) === ARTICLE_KEYS;
}

function split<T>(prev: readonly T[], next: readonly T[], same: (o: T, n: T, shifted: boolean) => boolean): Part<T> {
  const max = Math.min(prev.length, next.length);
  let keep = 0;
  while (keep < max && same(prev[keep], next[keep], false)) keep++;
  let tail = 0;
  while (tail < max - keep && same(prev[prev.length - 1 - tail], next[next.length - 1 - tail], true)) tail++;
  return { keep, mid: next.slice(keep, next.length - tail), tail };
}

/** The delta that turns `prev` into `next` (both models of one document, successive versions). */
export function diffModels(prev: DumpModel, next: DumpModel): ModelDelta {
  const d = next.length - prev.length;
  const dl = next.lineCount - prev.lineCount;
  const da = next.articles.length - prev.articles.length;
  const { articles: _a, residue: _r, groups, ...head } = next;
  return {
    head, groups, dOff: d, dLine: dl, dArt: da,
    residue: split(prev.residue, next.residue, (o, n, shifted) => (shifted ? sameResidue(o, n, d, dl, da) : sameResidue(o, n, 0, 0, 0))),
    articles: split(prev.articles, next.articles, (o, n, shifted) => (shifted ? sameArticle(o, n, dl) : sameArticle(o, n, 0))),
  };
}

function shiftResidue(r: Residue, d: number, dl: number, da: number): Residue {
  if (d === 0 && dl === 0 && (da === 0 || r.article < 0)) return r;
  const edits = r.fix.edits;
  const moved: Edit[] = new Array(edits.length);
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    moved[i] = { start: e.start + d, end: e.end + d, newText: e.newText, range: shiftRange(e.range, dl) };
  }
  return {
    rule: r.rule, message: r.message, severity: r.severity, start: r.start + d, end: r.end + d,
    range: shiftRange(r.range, dl), evidence: r.evidence, fix: { title: r.fix.title, kind: r.fix.kind, edits: moved },
    article: shiftArticleIndex(r.article, da), origin: r.origin,
  };
}

function shiftArticle(a: Article, dl: number): Article {
  if (dl === 0) return a;
  return {
    headline: a.headline,
    headlineRange: a.headlineRange ? shiftRange(a.headlineRange, dl) : null,
    source: a.source, published: a.published, byline: a.byline,
    bodyRange: shiftRange(a.bodyRange, dl), range: shiftRange(a.range, dl),
    sections: a.sections.map((s) => ({ title: s.title, titleRange: shiftRange(s.titleRange, dl), range: shiftRange(s.range, dl) })),
    role: a.role,
  };
}

function rebuild<T>(prev: readonly T[], part: Part<T>, shift: (x: T) => T): T[] {
  const out: T[] = new Array(part.keep + part.mid.length + part.tail);
  let k = 0;
  for (let i = 0; i < part.keep; i++) out[k++] = prev[i];
  for (const x of part.mid) out[k++] = x;
  for (let i = prev.length - part.tail; i < prev.length; i++) out[k++] = shift(prev[i]);
  return out;
}

const lineages = new WeakMap<DumpModel, Lineage>();

/** How `model` was rebuilt from the previous model of its document, if it came as a delta. */
export function lineageOf(model: DumpModel): Lineage | undefined {
  return lineages.get(model);
}

/** The model `delta` describes, built from `prev` (which is not modified). */
export function applyDelta(prev: DumpModel, delta: ModelDelta): { model: DumpModel; lineage: Lineage } {
  const { dOff, dLine, dArt } = delta;
  const residue = rebuild(prev.residue, delta.residue, (r) => shiftResidue(r, dOff, dLine, dArt));
  const articles = rebuild(prev.articles, delta.articles, (a) => shiftArticle(a, dLine));
  const model: DumpModel = { ...delta.head, articles, groups: delta.groups, residue };
  const count = (p: Part<unknown>) => ({ keep: p.keep, mid: p.mid.length, tail: p.tail });
  const lineage: Lineage = { from: prev, dLine, residue: count(delta.residue), articles: count(delta.articles) };
  lineages.set(model, lineage);
  return { model, lineage };
}
