// The commands: each expands its inputs, runs the per-file task (in-process or on a
// worker pool) and prints results in input order. Returns the exit status.
import * as path from 'path';
import { analyzeOnly, articleRecords, articleRecordsWithText } from '../analysis';
import { Options, VERSION } from './args';
import { UsageError } from './errors';
import { expandInputs, readInput } from './files';
import { checkJson, findingLine, JsonArrayWriter, write } from './output';
import { batches, batchSize, makeRunner, mapOrdered } from './pool';
import { createProgress } from './progress';
import { sarifFrame, sarifResult } from './sarif';
import type { CleanJob } from './tasks';
import { readLineBatches } from './lines';

/** The script worker threads start: this bundle (dist/cli.js). */
const SCRIPT = __filename;

function stderr(line: string): void {
  process.stderr.write(line.endsWith('\n') ? line : line + '\n');
}

export async function check(opts: Options): Promise<number> {
  if (opts.positionals.length === 0) throw new UsageError('check: no input file (use "-" for standard input)');
  const { files, single, notes } = expandInputs(opts.positionals);
  notes.forEach((n) => stderr(`newsdump: ${n}`));
  const progress = createProgress(files.length);
  const runner = makeRunner(opts.jobs, files.length, SCRIPT);
  let found = false;
  let failed = false;
  const array = new JsonArrayWriter();
  const sarif = opts.format === 'sarif' ? sarifFrame(VERSION) : null;
  let sarifCount = 0;
  if (sarif) await write(sarif.head);
  try {
    const work = batches(files, batchSize(files.length, opts.jobs));
    for await (const batch of mapOrdered(work, (b) => runner.run('check', b), runner.window)) for (const r of batch) {
      if (r.notices.length || r.error) progress.clear();
      r.notices.forEach(stderr);
      if (r.error) {
        failed = true;
        stderr(`newsdump: ${r.error}`);
      }
      if (r.findings.length) found = true;
      if (opts.format === 'json') {
        if (single) await write(JSON.stringify(checkJson(r), null, 2) + '\n');
        else await array.item(checkJson(r));
      } else if (sarif) {
        for (const f of r.findings) await write((sarifCount++ ? ',' : '') + JSON.stringify(sarifResult(f, r.display === '<stdin>' ? '-' : r.display)));
      } else if (r.findings.length) await write(r.findings.map((f) => findingLine(r.display, f)).join(''));
      progress.tick();
    }
  } finally {
    progress.done();
    await runner.close();
  }
  if (opts.format === 'json' && !single) await array.end();
  if (sarif) await write(sarif.tail);
  return failed ? 2 : found ? 1 : 0;
}

export async function clean(opts: Options): Promise<number> {
  if (opts.positionals.length === 0) throw new UsageError('clean: no input file (use "-" for standard input)');
  if (opts.write && opts.outDir !== null) throw new UsageError('clean: --write and --out-dir do not go together');
  if (opts.outDir === '') throw new UsageError('clean: --out-dir needs a directory');
  const { files, single, notes } = expandInputs(opts.positionals);
  notes.forEach((n) => stderr(`newsdump: ${n}`));
  const mode: CleanJob['mode'] = opts.write ? 'write' : opts.outDir !== null ? 'copy' : 'stdout';
  if (mode === 'stdout' && !single) throw new UsageError('clean: several files or a directory need --write or --out-dir');
  if (mode === 'write' && files.some((f) => f.path === '-')) throw new UsageError('--write needs a file, not standard input');
  const seen = new Map<string, string>();
  const jobs: CleanJob[] = files.map((file) => {
    const job: CleanJob = { file, mode, layout: opts.layout };
    if (mode === 'copy') {
      job.target = path.join(opts.outDir!, file.rel);
      const key = path.resolve(job.target);
      const other = seen.get(key);
      if (other !== undefined) job.refuse = `${file.display}: ${job.target} is already written from ${other}; not overwriting it`;
      else seen.set(key, file.display);
    }
    return job;
  });
  const progress = createProgress(jobs.length);
  const runner = makeRunner(opts.jobs, jobs.length, SCRIPT);
  let failed = false;
  try {
    const work = batches(jobs, batchSize(jobs.length, opts.jobs));
    for await (const batch of mapOrdered(work, (b) => runner.run('clean', b), runner.window)) for (const r of batch) {
      if (r.notices.length || r.error) progress.clear();
      r.notices.forEach(stderr);
      if (r.error) {
        failed = true;
        stderr(`newsdump: ${r.error}`);
      }
      if (r.out !== undefined) await write(r.out);
      progress.tick();
    }
  } finally {
    progress.done();
    await runner.close();
  }
  return failed ? 2 : 0;
}

export async function articles(opts: Options): Promise<number> {
  if (opts.positionals.length === 0) throw new UsageError('articles: no input file (use "-" for standard input)');
  if (opts.positionals.length > 1) throw new UsageError('articles: one file at a time');
  const file = opts.positionals[0];
  const { text } = readInput(file);
  // Articles with their ranges; the findings' offsets and edits (for --jsonl), not their ranges.
  const model = analyzeOnly(text, {}, { articles: true, ranges: false });
  if (opts.json) await write(JSON.stringify(articleRecords(model), null, 2) + '\n');
  else if (opts.jsonl) for (const r of articleRecordsWithText(text, model)) await write(JSON.stringify(r) + '\n');
  else
    for (const a of model.articles) {
      const meta = [a.source, a.published].filter(Boolean).join(' · ');
      await write(`${a.range.start.line + 1}\t${a.headline}${meta ? `\t(${meta})` : ''}\n`);
    }
  return 0;
}

export async function filter(opts: Options): Promise<number> {
  if (opts.positionals.some((p) => p !== '-')) throw new UsageError('filter: reads standard input only (no file arguments)');
  const runner = makeRunner(opts.jobs, null, SCRIPT);
  const layout = opts.layout;
  // a batch is the records that arrived together (never waits for more input), at most 64
  async function* records() {
    for await (const lines of readLineBatches(process.stdin)) {
      const recs = lines.filter((l) => !isBlank(l)).map((line) => ({ line, layout }));
      for (let i = 0; i < recs.length; i += 64) yield recs.slice(i, i + 64);
    }
  }
  try {
    for await (const outs of mapOrdered(records(), (b) => runner.run('filter', b), runner.window)) await write(outs.map((o) => o + '\n').join(''));
  } finally {
    await runner.close();
  }
  return 0;
}

function isBlank(line: Uint8Array): boolean {
  for (const b of line) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}
