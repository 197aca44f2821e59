// Outline: one symbol per article (headline, "source · published"), its sections as
// children, residue blocks only with newsdump.outline.showResidue. Workspace symbols list
// the headlines of every open dump.
import { DocumentSymbol, Range, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import type { Article } from '../analysis/model';
import { RULES } from '../analysis/rules';
import type { Analysis } from './documents';
import { visibleResidue } from './diagnostics';

export const ARTICLE_KIND = SymbolKind.Module;
export const SECTION_KIND = SymbolKind.String;
export const RESIDUE_KIND = SymbolKind.Event;

function cmp(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

/** `inner` clipped into `outer` (selectionRange must lie inside range). */
function clip(inner: Range, outer: Range): Range {
  const start = cmp(inner.start, outer.start) < 0 || cmp(inner.start, outer.end) > 0 ? outer.start : inner.start;
  let end = cmp(inner.end, outer.end) > 0 ? outer.end : inner.end;
  if (cmp(end, start) < 0) end = start;
  return { start, end };
}

function oneLine(s: string, max = 200): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

export function articleDetail(art: Article): string {
  return [art.source, art.published].filter((x): x is string => !!x && x.trim() !== '').join(' · ');
}

export function articleName(art: Article, index: number): string {
  return oneLine(art.headline) || `Article ${index + 1}`;
}

const articleSymbols = new WeakMap<Article, { index: number; sym: DocumentSymbol }>();

export function documentSymbolsFor(a: Analysis): DocumentSymbol[] {
  const m = a.model;
  if (!m || !a.annotate || m.notice) return [];
  const showResidue = a.settings.outline.showResidue;
  const residue = showResidue ? visibleResidue(m.residue, a.settings) : [];
  const residueSymbol = (r: (typeof residue)[number]): DocumentSymbol => ({
    name: oneLine(a.text.slice(r.start, r.end), 60) || r.rule,
    detail: `${r.rule} · ${RULES[r.rule].fixTitle}`,
    kind: RESIDUE_KIND,
    range: r.range,
    selectionRange: r.range,
  });
  const top: DocumentSymbol[] = m.articles.map((art, i) => {
    // Without residue children an article's symbol depends on the article and its number
    // only: an edit elsewhere (same article objects, see modelDelta.ts) reuses it.
    const hit = showResidue ? undefined : articleSymbols.get(art);
    if (hit && hit.index === i) return hit.sym;
    const children: DocumentSymbol[] = art.sections.map((s) => ({
      name: oneLine(s.title) || 'Section',
      kind: SECTION_KIND,
      range: clip(s.range, art.range),
      selectionRange: clip(s.titleRange, clip(s.range, art.range)),
    }));
    for (const r of residue) if (r.article === i) children.push({ ...residueSymbol(r), range: clip(r.range, art.range), selectionRange: clip(r.range, art.range) });
    children.sort((x, y) => cmp(x.range.start, y.range.start));
    const sym: DocumentSymbol = {
      name: articleName(art, i),
      kind: ARTICLE_KIND,
      range: art.range,
      selectionRange: clip(art.headlineRange ?? { start: art.range.start, end: art.range.start }, art.range),
      children,
    };
    const detail = articleDetail(art);
    if (detail) sym.detail = detail;
    if (!showResidue) articleSymbols.set(art, { index: i, sym });
    return sym;
  });
  for (const r of residue) if (r.article < 0 || r.article >= m.articles.length) top.push(residueSymbol(r));
  return top.sort((x, y) => cmp(x.range.start, y.range.start));
}

/** Case-insensitive subsequence match ("ptn alk" matches "Putin ... Alaska"). */
export function matchesQuery(name: string, query: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return true;
  const n = name.toLowerCase();
  let i = 0;
  for (let j = 0; j < n.length && i < q.length; j++) if (n[j] === q[i]) i++;
  return i === q.length;
}

export function workspaceSymbolsFor(analyses: readonly Analysis[], query: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const a of analyses) {
    const m = a.model;
    if (!m || !a.annotate || m.notice) continue;
    m.articles.forEach((art, i) => {
      const name = articleName(art, i);
      if (!matchesQuery(name, query)) return;
      const s: SymbolInformation = { name, kind: ARTICLE_KIND, location: { uri: a.uri, range: art.headlineRange ?? art.range } };
      if (art.source) s.containerName = art.source;
      out.push(s);
    });
  }
  return out;
}
