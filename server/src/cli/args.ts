// Command-line parsing (node's util.parseArgs) and the help text of each command.
import { availableParallelism } from 'os';
import { parseArgs } from 'util';
import { UsageError } from './errors';

export const VERSION = '0.1.0';

export const COMMANDS = ['check', 'clean', 'articles', 'filter'] as const;
export type Command = (typeof COMMANDS)[number];

export const USAGE: Record<'main' | Command, string> = {
  main: `usage: newsdump <command> [options] FILE...

Finds article boundaries and scraper residue in text dumps of news pages.

commands:
  check FILE|DIR...   report residue, one finding per line (exit 1 when any is found)
  clean FILE|DIR...   print the dump with its residue deleted (--write: in place,
                      --out-dir DIR: cleaned copies)
  articles FILE       list the articles (--json or --jsonl)
  filter              JSON Lines in on stdin ({"id", "text"}), cleaned records out

A directory stands for every *.txt file under it. Use "-" for standard input.
"newsdump <command> --help" for a command's options.`,
  check: `usage: newsdump check FILE|DIR... [--format text|json|sarif] [--jobs N]

Prints file:line:col severity rule message for each finding.
  --format text    one finding per line (default)
  --format json    {file, notice, findings} per file (an array for several files)
  --format sarif   a SARIF 2.1.0 log for code-scanning tools
  --jobs N         analyse N files at a time in worker threads (0: one per CPU);
                   output stays in input order
Exit status: 0 when no residue is found, 1 when some is, 2 on a usage or read error.`,
  clean: `usage: newsdump clean FILE [--layout]
       newsdump clean FILE|DIR... --write [--layout] [--jobs N]
       newsdump clean FILE|DIR... --out-dir DIR [--layout] [--jobs N]

Prints the dump with every residue deletion applied, exactly what the editor's fix-all does.
  --write        replace each file in place (atomically: a temporary file, then a rename;
                 the file mode is kept, a link out of the file's directory is refused)
  --out-dir DIR  write cleaned copies under DIR (files under a directory argument keep
                 their path relative to it; a file argument keeps its name)
  --layout       also join broken lines and split glued headings
  --jobs N       clean N files at a time in worker threads (0: one per CPU)
Files that are not valid UTF-8 are never rewritten.`,
  articles: `usage: newsdump articles FILE [--json | --jsonl]

  --json     a JSON array of {title, source, published, byline, range, sections}
  --jsonl    one JSON object per line, with the cleaned body text ("text")
  (default)  one line per article: line, title, source and time`,
  filter: `usage: newsdump filter [--layout] [--jobs N] < in.jsonl > out.jsonl

Reads JSON Lines on standard input, one {"id": ..., "text": "..."} per line, and writes one
line per record, in input order:
  {"id", "text": cleaned text, "articles": [{title, source, published, byline, range,
   sections}], "residue": {rule: count}}
Article ranges are 0-based lines/characters in the input text. A line that cannot be read
gives {"id", "error"} and the run goes on. Blank lines are skipped.
  --layout   also join broken lines and split glued headings
  --jobs N   clean N records at a time in worker threads (0: one per CPU)`,
};

export interface Options {
  help: boolean;
  format: 'text' | 'json' | 'sarif';
  write: boolean;
  outDir: string | null;
  layout: boolean;
  json: boolean;
  jsonl: boolean;
  jobs: number;
  positionals: string[];
}

const ALLOWED: Record<Command, string[]> = {
  check: ['format', 'jobs'],
  clean: ['write', 'out-dir', 'layout', 'jobs'],
  articles: ['json', 'jsonl'],
  filter: ['layout', 'jobs'],
};

export function parseJobs(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^\d+$/.test(value)) throw new UsageError(`--jobs needs a whole number, not "${value}"`);
  const n = Number(value);
  if (n === 0) return availableParallelism();
  if (n > 256) throw new UsageError(`--jobs ${n} is too many (at most 256)`);
  return n;
}

export function parseCommand(command: Command, rest: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        format: { type: 'string' },
        write: { type: 'boolean' },
        'out-dir': { type: 'string' },
        layout: { type: 'boolean' },
        json: { type: 'boolean' },
        jsonl: { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (!values.help) {
    for (const [name, v] of Object.entries(values)) {
      if (v !== undefined && name !== 'help' && !ALLOWED[command].includes(name))
        throw new UsageError(`${command}: --${name} is not an option of this command (see newsdump ${command} --help)`);
    }
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    throw new UsageError(`check: unknown --format "${format}" (text, json or sarif)`);
  return {
    help: !!values.help,
    format,
    write: !!values.write,
    outDir: values['out-dir'] ?? null,
    layout: !!values.layout,
    json: !!values.json,
    jsonl: !!values.jsonl,
    jobs: values.help ? 1 : parseJobs(values.jobs),
    positionals,
  };
}
