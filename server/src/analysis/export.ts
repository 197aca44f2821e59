// Plain records for exporting a model: what `newsdump articles --json/--jsonl` prints and
// what the editor's "Export articles as JSONL" writes. Pure: text and model in, data out.
import { applyEdits } from './clean';
import type { DumpModel, RuleId } from './model';
import { PositionMapper, Range, splitLines } from './text';

export interface ArticleRecord {
  title: string;
  source: string | null;
  published: string | null;
  byline: string | null;
  range: Range;
  sections: { title: string; range: Range }[];
}

export interface ArticleRecordWithText extends ArticleRecord {
  /** The article's body with its residue deleted. */
  text: string;
}

export function articleRecords(model: DumpModel): ArticleRecord[] {
  return model.articles.map((a) => ({
    title: a.headline,
    source: a.source,
    published: a.published,
    byline: a.byline,
    range: a.range,
    sections: a.sections.map((s) => ({ title: s.title, range: s.range })),
  }));
}

/** Records with each article's cleaned body text (deletions only, no layout fixes). */
export function articleRecordsWithText(text: string, model: DumpModel): ArticleRecordWithText[] {
  const mapper = new PositionMapper(splitLines(text));
  return model.articles.map((a, i) => {
    const start = mapper.offset(a.bodyRange.start);
    const end = mapper.offset(a.bodyRange.end);
    const edits = model.residue
      .filter((r) => r.fix.kind === 'delete' && r.start >= start && r.end <= end)
      .flatMap((r) => r.fix.edits)
      .filter((e) => e.start >= start && e.end <= end)
      .map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
    const body = applyEdits(text.slice(start, end), edits)
      .replace(/\r\n?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return { ...articleRecords(model)[i], text: body };
  });
}

export interface DumpStatistics {
  articles: number;
  residueBlocks: number;
  byRule: Partial<Record<RuleId, number>>;
  wordsKept: number;
  wordsRemoved: number;
}

const countWords = (s: string) => (s.match(/\S+/gu) ?? []).length;

export function statistics(text: string, model: DumpModel): DumpStatistics {
  const byRule: Partial<Record<RuleId, number>> = {};
  let removed = 0;
  for (const r of model.residue) {
    byRule[r.rule] = (byRule[r.rule] ?? 0) + 1;
    if (r.fix.kind === 'delete') for (const e of r.fix.edits) removed += countWords(text.slice(e.start, e.end));
  }
  const total = countWords(text);
  return { articles: model.articles.length, residueBlocks: model.residue.length, byRule, wordsKept: total - removed, wordsRemoved: removed };
}
