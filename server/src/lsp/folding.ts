// Folding ranges: articles, sections, multi-line residue blocks, related-article groups.
import { FoldingRange, FoldingRangeKind, Range } from 'vscode-languageserver';
import type { Analysis } from './documents';
import { visibleResidue } from './diagnostics';

/** Last line that holds content of `r` (a range ending at column 0 ends on the line before). */
function lastLine(r: Range): number {
  return r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
}

export function foldingRangesFor(a: Analysis): FoldingRange[] {
  const m = a.model;
  if (!m || !a.annotate || m.notice) return [];
  const out: FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (r: Range, kind?: FoldingRangeKind) => {
    const start = r.start.line;
    const end = lastLine(r);
    if (end <= start) return;
    const key = `${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(kind ? { startLine: start, endLine: end, kind } : { startLine: start, endLine: end });
  };
  for (const g of m.groups) add(g.range, FoldingRangeKind.Region);
  for (const art of m.articles) {
    add(art.range, FoldingRangeKind.Region);
    for (const s of art.sections) add(s.range);
  }
  // Residue folds as "comment" so "Fold All Block Comments" hides it in one go.
  for (const r of visibleResidue(m.residue, a.settings)) add(r.range, FoldingRangeKind.Comment);
  return out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}
