// The `newsdump` command line: the same engine as the language server, for batches.
// Exit codes: 0 clean, 1 residue found, 2 usage or read error (one line, no stack trace).
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { analyze, applyEdits, articleRecords, articleRecordsWithText, fixAllEdits, RULES } from './analysis';
import type { DumpModel } from './analysis';

const USAGE: Record<string, string> = {
  main: `usage: newsdump <command> [options] FILE...

Finds article boundaries and scraper residue in text dumps of news pages.

commands:
  check FILE...      report residue, one finding per line (exit 1 when any is found)
  clean FILE         print the dump with its residue deleted (--write: in place)
  articles FILE      list the articles (--json or --jsonl)

Use "-" for standard input. "newsdump <command> --help" for a command's options.`,
  check: `usage: newsdump check FILE... [--format text|json]

Prints file:line:col severity rule message for each finding.
Exit status: 0 when no residue is found, 1 when some is, 2 on a usage or read error.`,
  clean: `usage: newsdump clean FILE [--write] [--layout]

Prints the dump with every residue deletion applied, exactly what the editor's fix-all does.
  --write    replace the file in place (atomically: a temporary file, then a rename)
  --layout   also join broken lines and split glued headings`,
  articles: `usage: newsdump articles FILE [--json | --jsonl]

  --json     a JSON array of {title, source, published, byline, range, sections}
  --jsonl    one JSON object per line, with the cleaned body text ("text")
  (default)  one line per article: line, title, source and time`,
};

class UsageError extends Error {}

export interface ReadResult {
  text: string;
  /** Set when the bytes were not valid UTF-8 (the text then has replacement characters). */
  invalidUtf8: boolean;
}

export function decode(bytes: Uint8Array): ReadResult {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), invalidUtf8: false };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), invalidUtf8: true };
  }
}

function readInput(file: string): ReadResult {
  if (file === '-') return decode(fs.readFileSync(0));
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  if (stat.isDirectory()) throw new UsageError(`${file}: is a directory`);
  try {
    return decode(fs.readFileSync(file));
  } catch (e) {
    throw new UsageError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function severityWord(s: string): string {
  return s === 'information' ? 'info' : s;
}

function check(files: string[], format: string): number {
  let found = false;
  const all: unknown[] = [];
  for (const file of files) {
    const { text, invalidUtf8 } = readInput(file);
    const model = analyze(text);
    const name = file === '-' ? '<stdin>' : file;
    if (invalidUtf8) process.stderr.write(`${name}: not valid UTF-8; undecodable bytes are shown as U+FFFD\n`);
    if (model.notice) process.stderr.write(`${name}: ${model.notice}\n`);
    if (model.residue.length) found = true;
    if (format === 'json') {
      all.push({
        file: name,
        notice: model.notice,
        findings: model.residue.map((r) => ({
          rule: r.rule, severity: r.severity, message: r.message, evidence: r.evidence, range: r.range,
          fix: { title: r.fix.title, kind: r.fix.kind },
        })),
      });
    } else {
      for (const r of model.residue) {
        const p = r.range.start;
        process.stdout.write(`${name}:${p.line + 1}:${p.character + 1} ${severityWord(r.severity)} ${r.rule} ${r.message}: ${r.evidence}\n`);
      }
    }
  }
  if (format === 'json') process.stdout.write(JSON.stringify(files.length === 1 ? all[0] : all, null, 2) + '\n');
  return found ? 1 : 0;
}

function cleanText(text: string, layout: boolean): { out: string; model: DumpModel } {
  const model = analyze(text);
  return { out: applyEdits(text, fixAllEdits(model, { layout })), model };
}

/** Writes next to the target and renames over it, keeping the mode; never through a link. */
function writeAtomic(file: string, data: string): void {
  const real = fs.realpathSync(file);
  const stat = fs.statSync(real);
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.newsdump-${process.pid}.tmp`);
  fs.writeFileSync(tmp, data, { mode: stat.mode & 0o7777 });
  try {
    fs.renameSync(tmp, real);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function clean(file: string, write: boolean, layout: boolean): number {
  const { text, invalidUtf8 } = readInput(file);
  if (invalidUtf8 && write) throw new UsageError(`${file}: not valid UTF-8; refusing to rewrite it (the bytes would be lost)`);
  const { out, model } = cleanText(text, layout);
  if (model.notice) process.stderr.write(`${file}: ${model.notice}\n`);
  if (write) {
    if (file === '-') throw new UsageError('--write needs a file, not standard input');
    if (out !== text) writeAtomic(file, out);
  } else process.stdout.write(out);
  return 0;
}

function articles(file: string, mode: 'json' | 'jsonl' | 'text'): number {
  const { text } = readInput(file);
  const model = analyze(text);
  if (mode === 'json') process.stdout.write(JSON.stringify(articleRecords(model), null, 2) + '\n');
  else if (mode === 'jsonl') for (const r of articleRecordsWithText(text, model)) process.stdout.write(JSON.stringify(r) + '\n');
  else
    for (const a of model.articles) {
      const meta = [a.source, a.published].filter(Boolean).join(' · ');
      process.stdout.write(`${a.range.start.line + 1}\t${a.headline}${meta ? `\t(${meta})` : ''}\n`);
    }
  return 0;
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE.main + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write('newsdump 0.1.0\n');
    return 0;
  }
  if (!(command in USAGE) || command === 'main') throw new UsageError(`unknown command "${command}" (try: check, clean, articles)`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        format: { type: 'string' },
        write: { type: 'boolean' },
        layout: { type: 'boolean' },
        json: { type: 'boolean' },
        jsonl: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE[command] + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`${command}: no input file (use "-" for standard input)`);
  switch (command) {
    case 'check': {
      const format = values.format ?? 'text';
      if (format !== 'text' && format !== 'json') throw new UsageError(`check: unknown --format "${format}" (text or json)`);
      return check(positionals, format);
    }
    case 'clean':
      if (positionals.length > 1) throw new UsageError('clean: one file at a time');
      return clean(positionals[0], !!values.write, !!values.layout);
    default:
      if (positionals.length > 1) throw new UsageError('articles: one file at a time');
      return articles(positionals[0], values.jsonl ? 'jsonl' : values.json ? 'json' : 'text');
  }
}

void RULES;

if (require.main === module) {
  let code: number;
  try {
    code = main(process.argv.slice(2));
  } catch (e) {
    const msg = e instanceof UsageError ? e.message : `internal error: ${(e as Error).message}`;
    process.stderr.write(`newsdump: ${msg}\n`);
    code = 2;
  }
  process.exitCode = code;
}
