// The work done per file or per record. Pure data in, plain data out, so the same
// functions run in-process (--jobs 1) or in a worker thread (see pool.ts).
import * as path from 'path';
import { analyze, applyEdits, articleRecords, fixAllEdits, statistics } from '../analysis';
import { SEGMENT_CACHE_DEFAULT, setSegmentCacheLimit } from '../analysis/analyze';
import type { DumpModel, Range, RuleId, Severity } from '../analysis';
import { UsageError } from './errors';
import { decode, InputFile, readInput, ReadResult, writeAtomic, writeCopy } from './files';

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

/** Analyses a text: `analyze`, or the two-thread path for a big file (bigFile.ts). */
export type Analyzer = (text: string) => DumpModel | Promise<DumpModel>;

export function checkTask(file: InputFile): CheckResult {
  const res = newCheckResult(file);
  const text = guard(res, () => readInput(file.path));
  if (text) guard(res, () => checkResult(res, file, text, analyze(text.text)));
  return res;
}

/** checkTask with another analyzer (one big file on two threads). */
export async function checkTaskWith(file: InputFile, analyzer: Analyzer): Promise<CheckResult> {
  const res = newCheckResult(file);
  const text = guard(res, () => readInput(file.path));
  if (text) {
    const model = await guardAsync(res, () => analyzer(text.text));
    if (model) guard(res, () => checkResult(res, file, text, model));
  }
  return res;
}

function newCheckResult(file: InputFile): CheckResult {
  return { display: file.display, notices: [], notice: null, error: null, findings: [] };
}

function checkResult(res: CheckResult, file: InputFile, { invalidUtf8 }: ReadResult, model: DumpModel): void {
  if (invalidUtf8) res.notices.push(`${file.display}: not valid UTF-8; undecodable bytes are shown as U+FFFD`);
  if (model.notice) res.notices.push(`${file.display}: ${model.notice}`);
  res.notice = model.notice;
  res.findings = model.residue.map((r) => ({
    rule: r.rule, severity: r.severity, message: r.message, evidence: r.evidence, range: r.range,
    fix: { title: r.fix.title, kind: r.fix.kind, edits: r.fix.edits.map((e) => ({ range: e.range, newText: e.newText })) },
  }));
}

/** fn(), or null with its error recorded in `res.error`. */
function guard<T>(res: { error: string | null }, fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    res.error = errorText(e);
    return null;
  }
}

async function guardAsync<T>(res: { error: string | null }, fn: () => T | Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (e) {
    res.error = errorText(e);
    return null;
  }
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
  const res = newCleanResult(job);
  const text = guard(res, () => cleanInput(job));
  if (text !== null) guard(res, () => cleanOutput(job, res, text, analyze(text)));
  return res;
}

/** cleanTask with another analyzer (one big file on two threads). */
export async function cleanTaskWith(job: CleanJob, analyzer: Analyzer): Promise<CleanResult> {
  const res = newCleanResult(job);
  const text = guard(res, () => cleanInput(job));
  if (text !== null) {
    const model = await guardAsync(res, () => analyzer(text));
    if (model) guard(res, () => cleanOutput(job, res, text, model));
  }
  return res;
}

function newCleanResult(job: CleanJob): CleanResult {
  return { display: job.file.display, notices: [], error: null, changed: false };
}

/** The text to clean, once the job is known to be allowed. */
function cleanInput(job: CleanJob): string {
  const { file } = job;
  if (job.refuse) throw new UsageError(job.refuse);
  if (job.mode === 'write' && file.path === '-') throw new UsageError('--write needs a file, not standard input');
  const { text, invalidUtf8 } = readInput(file.path);
  if (invalidUtf8 && job.mode !== 'stdout')
    throw new UsageError(`${file.display}: not valid UTF-8; refusing to rewrite it (the bytes would be lost)`);
  return text;
}

function cleanOutput(job: CleanJob, res: CleanResult, text: string, model: DumpModel): void {
  const { file } = job;
  if (model.notice) res.notices.push(`${file.display}: ${model.notice}`);
  const out = applyEdits(text, fixAllEdits(model, { layout: job.layout }));
  res.changed = out !== text;
  if (job.mode === 'stdout') res.out = out;
  else if (job.mode === 'write') {
    if (res.changed) writeAtomic(file.path, out);
  } else writeCopy(file.path, path.resolve(job.target!), out);
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
