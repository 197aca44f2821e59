// newsdump check: exit codes, one-line errors, stdin, help, directories, --jobs and JSON.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { cli, CRICKET, makeTree, tmpdir } from './helpers';

test('no arguments prints usage and exits 2; --help exits 0; --version', () => {
  const none = cli([]);
  assert.equal(none.code, 2);
  assert.match(none.stdout, /usage: newsdump <command>/);
  assert.match(none.stdout, /filter/);
  assert.equal(cli(['--help']).code, 0);
  assert.match(cli(['--version']).stdout, /^newsdump \d+\.\d+\.\d+\n$/);
});

test('every command has its own --help', () => {
  for (const [cmd, word] of [['check', '--format text|json|sarif'], ['clean', '--out-dir DIR'], ['articles', '--jsonl'], ['filter', '"id"']]) {
    const r = cli([cmd, '--help']);
    assert.equal(r.code, 0, cmd);
    assert.ok(r.stdout.startsWith(`usage: newsdump ${cmd}`), cmd);
    assert.ok(r.stdout.includes(word), `${cmd} help mentions ${word}`);
  }
});

test('usage errors are one line on stderr with exit 2', () => {
  for (const args of [['nope'], ['check'], ['check', '--bogus', 'x'], ['check', '--format', 'xml', 'x'], ['check', '--jobs', 'two', 'x'], ['articles', '--write', 'x'], ['check', '/no/such/file.txt']]) {
    const r = cli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^newsdump: [^\n]+\n$/, `${args.join(' ')}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('check reports findings as file:line:col and exits 1; a clean file exits 0', () => {
  const dir = tmpdir();
  const f = path.join(dir, 'cricket.txt');
  fs.writeFileSync(f, CRICKET());
  const r = cli(['check', f]);
  assert.equal(r.code, 1);
  const model = analyze(CRICKET());
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, model.residue.length);
  const first = model.residue[0];
  assert.ok(lines[0].startsWith(`${f}:${first.range.start.line + 1}:${first.range.start.character + 1} `));
  assert.ok(lines[0].includes(first.rule));

  const ok = path.join(dir, 'ok.txt');
  fs.writeFileSync(ok, 'A plain sentence of article text that is not residue.\n');
  const r2 = cli(['check', ok]);
  assert.equal(r2.code, 0);
  assert.equal(r2.stdout, '');
});

test('check reads standard input from "-"', () => {
  const r = cli(['check', '-'], { input: CRICKET() });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^<stdin>:\d+:\d+ /);
});

test('check --format json: one object for one file, an array for several', () => {
  const dir = tmpdir();
  const a = path.join(dir, 'a.txt');
  const b = path.join(dir, 'b.txt');
  fs.writeFileSync(a, CRICKET());
  fs.writeFileSync(b, 'Quiet text.\n');
  const one = JSON.parse(cli(['check', '--format', 'json', a]).stdout);
  assert.equal(one.file, a);
  assert.equal(one.findings.length, analyze(CRICKET()).residue.length);
  const r = cli(['check', '--format', 'json', a, b, '/no/such.txt']);
  assert.equal(r.code, 2);
  const many = JSON.parse(r.stdout);
  assert.ok(Array.isArray(many));
  assert.equal(many.length, 3);
  assert.deepEqual(many[0], one);
  assert.deepEqual(many[1].findings, []);
  assert.match(many[2].error, /no such file/);
});

test('a directory argument stands for every *.txt under it, sorted, hidden entries skipped', () => {
  const dir = tmpdir();
  const made = makeTree(dir, 7);
  const r = cli(['check', '--format', 'json', dir]);
  assert.equal(r.code, 1);
  const files = (JSON.parse(r.stdout) as { file: string }[]).map((x) => path.relative(dir, x.file));
  assert.deepEqual(files, made);
  const empty = tmpdir();
  const e = cli(['check', empty]);
  assert.equal(e.code, 0);
  assert.match(e.stderr, /no \.txt files/);
});

test('--jobs 3 prints exactly what --jobs 1 prints, in input order', () => {
  const dir = tmpdir();
  makeTree(dir, 75); // 75 files on 3 workers: batches of 3, several batches per worker
  for (const format of ['text', 'json', 'sarif']) {
    const one = cli(['check', '--format', format, dir]);
    const three = cli(['check', '--format', format, '--jobs', '3', dir]);
    assert.equal(three.code, one.code, format);
    assert.equal(three.stdout, one.stdout, format);
    assert.ok(one.stdout.length > 0);
  }
  const zero = cli(['check', '--jobs', '0', dir]);
  assert.equal(zero.stdout, cli(['check', dir]).stdout);
});

test('errors in a multi-file run are reported per file and the run goes on (exit 2)', () => {
  const dir = tmpdir();
  const a = path.join(dir, 'a.txt');
  fs.writeFileSync(a, CRICKET());
  const r = cli(['check', '--jobs', '2', '/no/such.txt', a]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^newsdump: \/no\/such\.txt: no such file$/m);
  assert.ok(r.stdout.includes(`${a}:`));
});

test('no progress bar when stderr is not a terminal', () => {
  const dir = tmpdir();
  makeTree(dir, 5);
  const r = cli(['check', dir]);
  assert.equal(r.stderr, '');
});
