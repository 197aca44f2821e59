// Articles as JSON Lines: the format of the CLI's `articles --jsonl` (one object per line:
// title, source, published, byline, range, sections, text = the cleaned body). Pure; the CLI
// should import this (or the lead moves it into analysis/export.ts) so both print the same.
import type { DumpModel, Edit } from '../analysis/model';
import type { Range } from '../analysis/text';
import { PositionMapper, splitLines } from '../analysis/text';

export interface ArticleRecord {
  title: string;
  source: string | null;
  published: string | null;
  byline: string | null;
  range: Range;
  sections: { title: string; range: Range }[];
  text: string;
}

/** Applies the deletions that fall inside [start, end) to that slice of `text`. */
function cleanSlice(text: string, start: number, end: number, deletions: readonly Edit[]): string {
  const parts: string[] = [];
  let pos = start;
  for (const e of deletions) {
    if (e.end <= pos || e.start >= end) continue;
    const s = Math.max(e.start, pos);
    parts.push(text.slice(pos, s), e.newText);
    pos = Math.min(e.end, end);
  }
  parts.push(text.slice(pos, end));
  return parts.join('');
}

/** Collapses the blank lines a deletion leaves behind and trims the ends. */
function tidy(body: string): string {
  return body
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function articleRecords(text: string, model: DumpModel): ArticleRecord[] {
  const mapper = new PositionMapper(splitLines(text));
  const deletions = model.residue
    .filter((r) => r.fix.kind === 'delete')
    .flatMap((r) => r.fix.edits)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return model.articles.map((art) => {
    const start = mapper.offset(art.bodyRange.start);
    const end = mapper.offset(art.bodyRange.end);
    return {
      title: art.headline,
      source: art.source,
      published: art.published,
      byline: art.byline,
      range: art.range,
      sections: art.sections.map((s) => ({ title: s.title, range: s.range })),
      text: tidy(cleanSlice(text, start, end, deletions)),
    };
  });
}

/** One JSON object per line, each line ending in "\n" (empty string for no articles). */
export function articlesJsonl(text: string, model: DumpModel): string {
  return articleRecords(text, model).map((r) => JSON.stringify(r) + '\n').join('');
}
