// Public surface of the engine: pure functions from text to model and back to text.
export * from './model';
export { analyze, analyzeForClean, analyzeOnly } from './analyze';
export type { ModelParts } from './analyze';
export type { AnalyzeOptions } from './analyze';
export { applyEdits, fixAllEdits } from './clean';
export { RULES } from './rules';
export type { RuleMeta } from './rules';

import { analyzeForClean, AnalyzeOptions } from './analyze';
import { applyEdits, fixAllEdits } from './clean';

/** The dump with every residue deletion applied (and layout fixes with `layout`). */
export function clean(text: string, opts: AnalyzeOptions & { layout?: boolean } = {}): string {
  const model = analyzeForClean(text, opts);
  return applyEdits(text, fixAllEdits(model, opts));
}
export { articleRecords, articleRecordsWithText, statistics } from './export';
export type { ArticleRecord, ArticleRecordWithText, DumpStatistics } from './export';
export { splitLines, PositionMapper } from './text';
export type { Range, Position } from './text';
