// The command line as a user runs it: `node dist/cli.js` (built by `npm run build`).
// Exit codes, output formats, clean = engine clean, --write, stdin, errors, articles, help.
import { describe, it as test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, articleRecords, clean } from '../../server/src/analysis';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEED_PATH = path.join(ROOT, 'test', 'fixtures', 'corpus', 'seed-daily8.txt');
const SEED = fs.readFileSync(SEED_PATH, 'utf8');
const NO_RESIDUE =
  'Council approves new budget for city parks and libraries\n' +
  'The city council on Tuesday approved a budget that raises spending on parks and libraries by twelve percent, the first increase in five years.\n' +
  'Councillors said the money would be spent over three years, with most of it going to repairs of buildings that have been closed since the flood.\n';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RawRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs the CLI (asynchronously, so the tests of this file can run side by side). */
function cliRaw(args: string[], input?: string | Buffer): Promise<RawRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: tmp, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill(), 20_000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(input ?? '');
  });
}

async function cli(args: string[], input?: string | Buffer): Promise<Run> {
  const r = await cliRaw(args, input);
  return { ...r, stdout: r.stdout.toString('utf8') };
}

let tmp = '';

describe('newsdump CLI', { concurrency: 8 }, () => {
  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" before the tests`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdump-cli-test-'));
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  function file(name: string, text: string | Buffer, mode?: number): string {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, text);
    if (mode !== undefined) fs.chmodSync(p, mode);
    return p;
  }

  const LINE = /^(.+):(\d+):(\d+) (error|warning|info|hint) ([a-z-]+) (.+)$/;
  const sevWord = (s: string) => (s === 'information' ? 'info' : s);

  test('check: exit 0 and no output for a dump without residue', async () => {
    const p = file('plain.txt', NO_RESIDUE);
    const r = await cli(['check', p]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '');
  });

  test('check: exit 1 and one "file:line:col severity rule message" line per finding', async () => {
    const r = await cli(['check', SEED_PATH]);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const residue = analyze(SEED).residue;
    assert.equal(lines.length, residue.length);
    lines.forEach((l, i) => {
      const m = LINE.exec(l);
      assert.ok(m, `format of ${JSON.stringify(l)}`);
      const res = residue[i];
      assert.equal(m[1], SEED_PATH);
      assert.equal(Number(m[2]), res.range.start.line + 1, 'line is 1-based');
      assert.equal(Number(m[3]), res.range.start.character + 1, 'column is 1-based');
      assert.equal(m[4], sevWord(res.severity));
      assert.equal(m[5], res.rule);
      assert.ok(m[6].startsWith(res.message), m[6]);
    });
    // The seed's Taboola block starts on line 11.
    assert.ok(lines.some((l) => l.startsWith(`${SEED_PATH}:11:1 warning sponsored-widget Sponsored link widget: `)), r.stdout);
  });

  test('check --format json: the findings with rule, severity, range and fix', async () => {
    const r = await cli(['check', '--format', 'json', SEED_PATH]);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.file, SEED_PATH);
    assert.equal(out.notice, null);
    const residue = analyze(SEED).residue;
    assert.equal(out.findings.length, residue.length);
    out.findings.forEach((f: { rule: string; severity: string; message: string; range: unknown; fix: { kind: string } }, i: number) => {
      assert.equal(f.rule, residue[i].rule);
      assert.equal(f.severity, residue[i].severity);
      assert.equal(f.message, residue[i].message);
      assert.deepEqual(f.range, residue[i].range);
      assert.equal(f.fix.kind, residue[i].fix.kind);
    });
  });

  test('check --format json on two files: an array, one entry per file; exit 1 if any has residue', async () => {
    const p = file('plain2.txt', NO_RESIDUE);
    const r = await cli(['check', '--format', 'json', p, SEED_PATH]);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.ok(Array.isArray(out));
    assert.deepEqual(out.map((x: { file: string }) => x.file), [p, SEED_PATH]);
    assert.deepEqual(out[0].findings, []);
  });

  test('clean: stdout is exactly the engine\'s clean, with and without --layout', async () => {
    const r = await cli(['clean', SEED_PATH]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, clean(SEED));
    const l = await cli(['clean', '--layout', SEED_PATH]);
    assert.equal(l.code, 0, l.stderr);
    assert.equal(l.stdout, clean(SEED, { layout: true }));
    assert.notEqual(l.stdout, r.stdout);
  });

  test('clean: BOM and CRLF come through byte for byte', async () => {
    const text = '\ufeff' + SEED.replace(/\n/g, '\r\n');
    const p = file('bom-crlf.txt', text);
    const r = await cliRaw(['clean', p]);
    assert.equal(r.code, 0, r.stderr);
    const expected = Buffer.from(clean(text), 'utf8');
    assert.ok(r.stdout.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'BOM kept');
    assert.ok(r.stdout.equals(expected));
  });

  test('clean --write: the file gets the clean text atomically, its mode kept', async () => {
    const p = file('write.txt', SEED, 0o640);
    const inodeBefore = fs.statSync(p).ino;
    const r = await cli(['clean', '--write', p]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '', 'nothing on stdout with --write');
    assert.equal(fs.readFileSync(p, 'utf8'), clean(SEED));
    assert.equal(fs.statSync(p).mode & 0o777, 0o640);
    // Written to a temporary file and renamed over the original: a new inode, no leftovers.
    assert.notEqual(fs.statSync(p).ino, inodeBefore);
    assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.includes('write.txt') && f !== 'write.txt'), []);
    // A second run has nothing to do and leaves the file alone.
    const again = await cli(['clean', '--write', p]);
    assert.equal(again.code, 0);
    assert.equal(fs.readFileSync(p, 'utf8'), clean(SEED));
  });

  test('clean --write --layout applies the layout fixes too', async () => {
    const p = file('write-layout.txt', SEED);
    const r = await cli(['clean', '--write', '--layout', p]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(p, 'utf8'), clean(SEED, { layout: true }));
  });

  test('stdin "-": check and clean read standard input', async () => {
    const c = await cli(['check', '-'], SEED);
    assert.equal(c.code, 1, c.stderr);
    const lines = c.stdout.trimEnd().split('\n');
    assert.equal(lines.length, analyze(SEED).residue.length);
    assert.ok(lines.every((l) => l.startsWith('<stdin>:')), lines[0]);
    const k = await cli(['clean', '-'], SEED);
    assert.equal(k.code, 0, k.stderr);
    assert.equal(k.stdout, clean(SEED));
    const a = await cli(['articles', '--json', '-'], SEED);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(JSON.parse(a.stdout).length, 4);
  });

  function assertUsageError(r: Run, pattern: RegExp): void {
    assert.equal(r.code, 2, `exit 2, got ${r.code}; stderr ${r.stderr}`);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 1, `one line on stderr: ${JSON.stringify(r.stderr)}`);
    assert.match(lines[0], pattern);
    assert.doesNotMatch(r.stderr, /\n\s+at |Error:|internal error/, 'no stack trace');
    assert.equal(r.stdout, '');
  }

  test('a missing file: exit 2, one line on stderr, no stack trace', async () => {
    const missing = path.join(tmp, 'no-such-file.txt');
    for (const cmd of ['check', 'clean', 'articles']) {
      assertUsageError(await cli([cmd, missing]), /^newsdump: .*no-such-file\.txt: no such file$/);
    }
  });

  test('a directory where a file is needed: exit 2, one line on stderr', async () => {
    const dir = path.join(tmp, 'dir');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.txt'), SEED);
    assertUsageError(await cli(['articles', dir]), /is a directory$/);
    assertUsageError(await cli(['clean', dir]), /directory need --write or --out-dir$/);
  });

  test('usage errors: exit 2 with one line (unknown command, bad option, no file)', async () => {
    assertUsageError(await cli(['frobnicate']), /unknown command "frobnicate"/);
    assertUsageError(await cli(['check', '--format', 'xml', SEED_PATH]), /--format "xml"/);
    assertUsageError(await cli(['check']), /no input file/);
    assertUsageError(await cli(['articles', '--nope', SEED_PATH]), /^newsdump: /);
    assertUsageError(await cli(['clean', '--write', '-'], SEED), /standard input/);
  });

  test('articles --json: one {title, source, published, byline, range, sections} per article', async () => {
    const r = await cli(['articles', '--json', SEED_PATH]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 4);
    for (const a of out) {
      assert.deepEqual(Object.keys(a).sort(), ['byline', 'published', 'range', 'sections', 'source', 'title']);
      assert.deepEqual(Object.keys(a.range).sort(), ['end', 'start']);
      assert.ok(Array.isArray(a.sections));
      for (const s of a.sections) assert.deepEqual(Object.keys(s).sort(), ['range', 'title']);
    }
    assert.deepEqual(out, JSON.parse(JSON.stringify(articleRecords(analyze(SEED)))));
    assert.deepEqual(out.map((a: { source: string | null }) => a.source), [null, 'Indian Express', 'Time of India', 'India Today']);
  });

  test('articles --jsonl: one JSON object per line, with the cleaned body text', async () => {
    const r = await cli(['articles', '--jsonl', SEED_PATH]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    const recs = lines.map((l) => JSON.parse(l));
    for (const rec of recs) {
      assert.equal(typeof rec.text, 'string');
      assert.ok(rec.text.length > 200);
      assert.ok(!rec.text.includes('by Taboola'), 'residue removed from the text');
      assert.ok(!rec.text.includes('advertisementThe'));
      assert.equal(typeof rec.title, 'string');
    }
    assert.ok(recs[2].text.includes('The unity of all strengthens each one!'));
    assert.equal(recs[3].title, "Russia's Lavrov holds talks with Ankara, Budapest on outcomes of Alaska summit");
  });

  test('articles (default): one line per article with line, title, source and time', async () => {
    const r = await cli(['articles', SEED_PATH]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[1], /^\d+\t‘Next time in Moscow'.*\t\(Indian Express · 23 minutes ago\)$/);
  });

  for (const cmd of ['check', 'clean', 'articles', 'filter']) {
    test(`${cmd} --help: its own usage on stdout, exit 0`, async () => {
      const r = await cli([cmd, '--help']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^usage: newsdump ${cmd}\\b`));
      assert.equal(r.stderr, '');
    });
  }

  test('--help and no arguments: the overview (exit 0 when asked, 2 when nothing is given)', async () => {
    const h = await cli(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /^usage: newsdump <command>/);
    for (const cmd of ['check', 'clean', 'articles']) assert.ok(h.stdout.includes(`\n  ${cmd} `), cmd);
    const none = await cli([]);
    assert.equal(none.code, 2);
    assert.match(none.stdout, /^usage: newsdump <command>/);
  });
});
