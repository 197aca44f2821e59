// Folding ranges: articles, sections, multi-line residue blocks, related-article groups.
import { FoldingRange, FoldingRangeKind, Range } from 'vscode-languageserver';
import type { Analysis } from './documents';
import { visibleResidue } from './diagnostics';

/** Last line that holds content of `r` (a range ending at column 0 ends on the line before). */
function lastLine(r: Range): number {
  return r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
}

/**
 * One fold per start line: VS Code keeps only the first range that starts on a line, so when
 * two would share a line the more useful one wins (article, then section, then residue, then
 * the related-articles group, whose first line is usually its first article's).
 */
export function foldingRangesFor(a: Analysis): FoldingRange[] {
  const m = a.model;
  if (!m || !a.annotate || m.notice) return [];
  const best = new Map<number, { fold: FoldingRange; rank: number }>();
  const add = (r: Range, rank: number, kind?: FoldingRangeKind) => {
    const start = r.start.line;
    const end = lastLine(r);
    if (end <= start) return;
    const cur = best.get(start);
    if (cur && (cur.rank < rank || (cur.rank === rank && cur.fold.endLine >= end))) return;
    best.set(start, { fold: kind ? { startLine: start, endLine: end, kind } : { startLine: start, endLine: end }, rank });
  };
  for (const art of m.articles) {
    add(art.range, 0, FoldingRangeKind.Region);
    for (const s of art.sections) add(s.range, 1);
  }
  // Residue folds as "comment" so "Fold All Block Comments" hides it in one go.
  for (const r of visibleResidue(m.residue, a.settings)) add(r.range, 2, FoldingRangeKind.Comment);
  for (const g of m.groups) add(g.range, 3, FoldingRangeKind.Region);
  return [...best.values()].map((b) => b.fold).sort((x, y) => x.startLine - y.startLine);
}
