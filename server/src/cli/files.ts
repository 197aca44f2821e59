// Reading inputs, expanding directory arguments and writing results safely.
import * as fs from 'fs';
import * as path from 'path';
// `require` form: esbuild then bundles tinyglobby's CommonJS build (its ES build needs import.meta).
import tinyglobby = require('tinyglobby');
import { UsageError } from './errors';

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

/** Reads one input ("-" is standard input); a missing or unreadable file is a UsageError. */
export function readInput(file: string): ReadResult {
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

export interface InputFile {
  /** Path as given (or found under a directory argument); "-" for standard input. */
  path: string;
  /** Name shown in messages. */
  display: string;
  /** Path below the directory argument it came from (the base name for a file argument). */
  rel: string;
}

export interface Inputs {
  files: InputFile[];
  /** One file argument (not a directory): output keeps the single-file shape. */
  single: boolean;
  /** Notes for stderr (a directory with no *.txt file). */
  notes: string[];
}

/**
 * Expands arguments: a directory stands for every *.txt under it (hidden entries and
 * symbolic links to directories skipped, sorted by path so runs are reproducible). Only
 * paths are collected; the files are read one at a time later.
 */
export function expandInputs(args: string[]): Inputs {
  const files: InputFile[] = [];
  const notes: string[] = [];
  let dirs = 0;
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = arg !== '-' && fs.statSync(arg).isDirectory();
    } catch {
      /* reported when the file is read */
    }
    if (!isDir) {
      files.push({ path: arg, display: arg === '-' ? '<stdin>' : arg, rel: arg === '-' ? 'stdin.txt' : path.basename(arg) });
      continue;
    }
    dirs++;
    const found = tinyglobby.globSync('**/*.txt', { cwd: arg, onlyFiles: true, followSymbolicLinks: false, dot: false, caseSensitiveMatch: false });
    found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (found.length === 0) notes.push(`${arg}: no .txt files in this directory`);
    for (const rel of found) {
      const p = path.join(arg, rel);
      files.push({ path: p, display: p, rel });
    }
  }
  return { files, single: args.length === 1 && dirs === 0, notes };
}

/**
 * Writes next to the target and renames over it, keeping the file's mode. A symbolic link
 * is written through only when its target is in the link's own directory; a link that
 * leads elsewhere is refused rather than followed.
 */
export function writeAtomic(file: string, data: string): void {
  const lst = fs.lstatSync(file);
  let real = file;
  if (lst.isSymbolicLink()) {
    real = fs.realpathSync(file);
    if (path.dirname(real) !== fs.realpathSync(path.dirname(path.resolve(file))))
      throw new UsageError(`${file}: is a symbolic link out of its directory; not writing through it`);
  }
  const stat = fs.statSync(real);
  if (!stat.isFile()) throw new UsageError(`${file}: not a regular file; not rewriting it`);
  writeReplacing(real, data, stat.mode & 0o7777);
}

function writeReplacing(target: string, data: string, mode: number): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.newsdump-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  fs.writeFileSync(tmp, data, { mode, flag: 'wx' });
  try {
    fs.chmodSync(tmp, mode); // the umask may have narrowed it
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes a cleaned copy to `target`, creating directories, never over its own input. */
export function writeCopy(source: string, target: string, data: string): void {
  const srcReal = source === '-' ? null : fs.realpathSync(source);
  let existing: string | null = null;
  try {
    existing = fs.realpathSync(target);
  } catch {
    /* new file */
  }
  if (srcReal && existing === srcReal) throw new UsageError(`${source}: --out-dir would overwrite the input itself (use --write for that)`);
  if (existing && fs.lstatSync(target).isSymbolicLink()) throw new UsageError(`${target}: is a symbolic link; not writing through it`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const mode = srcReal ? fs.statSync(srcReal).mode & 0o7777 : 0o644;
  writeReplacing(target, data, mode);
}
