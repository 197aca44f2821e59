// The work done per file or per record. Pure data in, plain data out, so the same
// functions run in-process (--jobs 1) or in a worker thread (see pool.ts).
import * as path from 'path';
import { analyze, analyzeForClean, analyzeOnly, applyEdits, articleRecords, fixAllEdits, statistics } from '../analysis';
import { SEGMENT_CACHE_DEFAULT, setSegmentCacheLimit } from '../analysis/analyze';
import type { Range, RuleId, Severity } from '../analysis';
import { UsageError } from './errors';
import { decode, InputFile, readInput, writeAtomic, writeCopy } from './files';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  evidence: string;
  range: Range;
  fix: { title: string; kind: 'delete' | 'layout'; edits: { range: Range; newText: string }[] };
}

export interface CheckResult {
  display: string;
  /** Lines for stderr (not UTF-8, not analysed). */
  notices: string[];
  notice: string | null;
  error: string | null;
  findings: Finding[];
}

function errorText(e: unknown): string {
  return e instanceof UsageError ? e.message : `internal error: ${(e as Error).message}`;
}

export function checkTask(file: InputFile): CheckResult {
  const res: CheckResult = { display: file.display, notices: [], notice: null, error: null, findings: [] };
  try {
    const { text, invalidUtf8 } = readInput(file.path);
    // Findings with their ranges, no articles (nothing here reads them).
    const model = analyzeOnly(text, {}, { articles: false, ranges: true });
    if (invalidUtf8) res.notices.push(`${file.display}: not valid UTF-8; undecodable bytes are shown as U+FFFD`);
    if (model.notice) res.notices.push(`${file.display}: ${model.notice}`);
    res.notice = model.notice;
    res.findings = model.residue.map((r) => ({
      rule: r.rule, severity: r.severity, message: r.message, evidence: r.evidence, range: r.range,
      fix: { title: r.fix.title, kind: r.fix.kind, edits: r.fix.edits.map((e) => ({ range: e.range, newText: e.newText })) },
    }));
  } catch (e) {
    res.error = errorText(e);
  }
  return res;
}

export interface CleanJob {
  file: InputFile;
  /** stdout: return the text; write: in place; copy: to `target`. */
  mode: 'stdout' | 'write' | 'copy';
  target?: string;
  layout: boolean;
  /** Set by the caller when the job must not run (two inputs for one --out-dir file). */
  refuse?: string;
}

export interface CleanResult {
  display: string;
  notices: string[];
  error: string | null;
  changed: boolean;
  /** The cleaned text, for mode "stdout" only. */
  out?: string;
}

export function cleanTask(job: CleanJob): CleanResult {
  const { file } = job;
  const res: CleanResult = { display: file.display, notices: [], error: null, changed: false };
  try {
    if (job.refuse) throw new UsageError(job.refuse);
    if (job.mode === 'write' && file.path === '-') throw new UsageError('--write needs a file, not standard input');
    const { text, invalidUtf8 } = readInput(file.path);
    if (invalidUtf8 && job.mode !== 'stdout')
      throw new UsageError(`${file.display}: not valid UTF-8; refusing to rewrite it (the bytes would be lost)`);
    // Only the residue's offsets and edits are read here: no articles or ranges are built.
    const model = analyzeForClean(text);
    if (model.notice) res.notices.push(`${file.display}: ${model.notice}`);
    const out = applyEdits(text, fixAllEdits(model, { layout: job.layout }));
    res.changed = out !== text;
    if (job.mode === 'stdout') res.out = out;
    else if (job.mode === 'write') {
      if (res.changed) writeAtomic(file.path, out);
    } else writeCopy(file.path, path.resolve(job.target!), out);
  } catch (e) {
    res.error = errorText(e);
  }
  return res;
}

export interface FilterJob {
  line: Uint8Array;
  layout: boolean;
}

/** `{"id": "x", ... broken` still names its record: the id when the line starts with one. */
const LEADING_ID = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\\n]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*[,}]/;

/**
 * One JSON Lines record in, one out (with "error" instead of a result when it fails). The
 * output never depends on where the line sat in the stream, so a corpus split into
 * partitions and filtered separately merges into exactly what one run prints.
 */
export function filterTask(job: FilterJob): string {
  let id: unknown = null;
  try {
    const { text: raw, invalidUtf8 } = decode(job.line);
    const lead = LEADING_ID.exec(raw);
    if (lead) {
      try {
        id = JSON.parse(lead[1]);
      } catch {
        /* not a JSON string after all */
      }
    }
    if (invalidUtf8) throw new UsageError('not valid UTF-8');
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch (e) {
      throw new UsageError(`not JSON (${(e as Error).message})`);
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) throw new UsageError('not a JSON object');
    const obj = rec as Record<string, unknown>;
    id = obj.id ?? null;
    if (typeof obj.text !== 'string') throw new UsageError('"text" is missing or not a string');
    const text = obj.text;
    const model = analyze(text);
    const cleaned = applyEdits(text, fixAllEdits(model, { layout: job.layout }));
    return JSON.stringify({ id, text: cleaned, articles: articleRecords(model), residue: statistics(text, model).byRule });
  } catch (e) {
    return JSON.stringify({ id, error: errorText(e) });
  }
}

/**
 * The segment cache is for analysing the same text again (an editor, repeated records): the
 * commands that analyse each file once switch it off (its copies of every segment cost time
 * and memory), `filter` keeps it for records that repeat.
 */
export function cacheSegmentsFor(kind: TaskKind | 'articles'): void {
  setSegmentCacheLimit(kind === 'filter' ? SEGMENT_CACHE_DEFAULT : 0);
}

export const TASKS = { check: checkTask, clean: cleanTask, filter: filterTask } as const;
export type TaskKind = keyof typeof TASKS;
export type TaskInput<K extends TaskKind> = Parameters<(typeof TASKS)[K]>[0];
export type TaskOutput<K extends TaskKind> = ReturnType<(typeof TASKS)[K]>;
