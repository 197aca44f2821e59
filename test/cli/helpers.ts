// Shared helpers for the CLI tests: they run the built bundle (dist/cli.js) as users do.
import { spawn, spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'pipeline');

export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const CRICKET = () => fixture('aggregator-cricket.txt');
export const INDIA = () => fixture('single-page-india.txt');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}): Run {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...args], {
    input: opts.input ?? '',
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function cliAsync(args: string[], opts: { input?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

export function tmpdir(prefix = 'newsdump-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A small tree of dumps: n files spread over sub folders, plus files that must be skipped. */
export function makeTree(dir: string, n: number): string[] {
  const texts = [CRICKET(), INDIA(), 'Just one clean line of prose, nothing else.\n'];
  const made: string[] = [];
  for (let i = 0; i < n; i++) {
    const rel = path.join(`part${i % 3}`, `dump-${String(i).padStart(3, '0')}.txt`);
    fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), texts[i % texts.length]);
    made.push(rel);
  }
  fs.writeFileSync(path.join(dir, 'notes.md'), 'Advertisement\n');
  fs.mkdirSync(path.join(dir, '.hidden'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.hidden', 'skip.txt'), 'Advertisement\n');
  return made.sort();
}
