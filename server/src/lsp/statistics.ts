// Numbers for `newsdump/statistics` and the `newsdump/status` notification.
import type { RuleId } from '../analysis/model';
import { statistics } from '../analysis/export';
import { visibleResidue } from './diagnostics';
import type { Analysis } from './documents';

export interface Statistics {
  uri: string;
  version: number;
  /** False when the document is not treated as a news dump (plaintext auto mode, skipped). */
  annotated: boolean;
  shape: string | null;
  notice: string | null;
  skipped: string | null;
  articles: number;
  residueBlocks: number;
  residueByRule: Partial<Record<RuleId, number>>;
  wordsTotal: number;
  wordsKept: number;
  wordsRemoved: number;
  analysisMs: number;
}

export interface Status {
  uri: string;
  version: number;
  annotated: boolean;
  articles: number;
  residue: number;
  ms: number;
  /** Ready-made label: "newsdump: 4 articles · 7 residue blocks · 12 ms". */
  text: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function statisticsFor(a: Analysis): Statistics {
  const m = a.model;
  const base = {
    uri: a.uri, version: a.version, annotated: a.annotate, shape: m ? m.shape : null,
    notice: m ? m.notice : null, skipped: a.skipped ? a.skipped.message : null,
    analysisMs: Math.round(a.ms * 100) / 100,
  };
  if (!m || !a.annotate) {
    return { ...base, articles: 0, residueBlocks: 0, residueByRule: {}, wordsTotal: 0, wordsKept: 0, wordsRemoved: 0 };
  }
  // The engine's own numbers (the CLI prints the same), on the residue the user sees.
  const st = statistics(a.text, { ...m, residue: visibleResidue(m.residue, a.settings) });
  return {
    ...base, articles: st.articles, residueBlocks: st.residueBlocks, residueByRule: st.byRule,
    wordsTotal: st.wordsKept + st.wordsRemoved, wordsKept: st.wordsKept, wordsRemoved: st.wordsRemoved,
  };
}

export function statusFor(a: Analysis): Status {
  const articles = a.model && a.annotate ? a.model.articles.length : 0;
  const residue = a.model && a.annotate ? visibleResidue(a.model.residue, a.settings).length : 0;
  const ms = Math.round(a.ms);
  let text: string;
  if (a.skipped) text = 'newsdump: skipped (file too large)';
  else if (!a.annotate) text = 'newsdump: not a news dump';
  else if (a.model?.notice) text = 'newsdump: not a text dump';
  else text = `newsdump: ${plural(articles, 'article', 'articles')} · ${plural(residue, 'residue block', 'residue blocks')} · ${ms} ms`;
  return { uri: a.uri, version: a.version, annotated: a.annotate, articles, residue, ms, text };
}
