// newsdump clean: stdout, --write (atomic, mode kept, links, UTF-8), --out-dir, directories, --jobs.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import { clean } from '../../server/src/analysis';
import { cli, CRICKET, INDIA, makeTree, tmpdir } from './helpers';

test('clean FILE prints exactly the engine clean; --layout adds layout fixes', () => {
  const dir = tmpdir();
  const f = path.join(dir, 'a.txt');
  fs.writeFileSync(f, CRICKET());
  const r = cli(['clean', f]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, clean(CRICKET()));
  assert.notEqual(r.stdout, CRICKET());
  assert.equal(cli(['clean', '--layout', f]).stdout, clean(CRICKET(), { layout: true }));
  assert.equal(cli(['clean', '-'], { input: INDIA() }).stdout, clean(INDIA()));
  assert.equal(fs.readFileSync(f, 'utf8'), CRICKET(), 'the input is untouched');
});

test('clean with several files or a directory needs --write or --out-dir', () => {
  const dir = tmpdir();
  makeTree(dir, 2);
  const r = cli(['clean', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /need --write or --out-dir/);
  assert.equal(cli(['clean', '--write', '--out-dir', dir, dir]).code, 2);
  assert.equal(cli(['clean', '--write', '-'], { input: 'x' }).code, 2);
});

test('clean --write replaces the file atomically and keeps its mode', () => {
  const dir = tmpdir();
  const f = path.join(dir, 'a.txt');
  fs.writeFileSync(f, CRICKET());
  fs.chmodSync(f, 0o640);
  const before = fs.statSync(f);
  const r = cli(['clean', '--write', f]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(fs.readFileSync(f, 'utf8'), clean(CRICKET()));
  const after = fs.statSync(f);
  assert.equal(after.mode & 0o7777, 0o640);
  assert.notEqual(after.ino, before.ino, 'written through a rename, not in place');
  assert.deepEqual(fs.readdirSync(dir), ['a.txt'], 'no temporary file left');
});

test('clean --write refuses invalid UTF-8 and leaves the bytes alone', () => {
  const dir = tmpdir();
  const f = path.join(dir, 'bad.txt');
  const bytes = Buffer.concat([Buffer.from(CRICKET()), Buffer.from([0xff, 0xfe, 0x0a])]);
  fs.writeFileSync(f, bytes);
  const r = cli(['clean', '--write', f]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^newsdump: .*not valid UTF-8; refusing to rewrite it/);
  assert.deepEqual(fs.readFileSync(f), bytes);
  const out = tmpdir();
  assert.equal(cli(['clean', '--out-dir', out, f]).code, 2);
  assert.deepEqual(fs.readdirSync(out), []);
});

test('clean --write goes through a link to a file in the same directory, not out of it', () => {
  const dir = tmpdir();
  const real = path.join(dir, 'real.txt');
  fs.writeFileSync(real, CRICKET());
  fs.symlinkSync('real.txt', path.join(dir, 'link.txt'));
  assert.equal(cli(['clean', '--write', path.join(dir, 'link.txt')]).code, 0);
  assert.ok(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink(), 'the link stays a link');
  assert.equal(fs.readFileSync(real, 'utf8'), clean(CRICKET()));

  const elsewhere = tmpdir();
  const outside = path.join(elsewhere, 'outside.txt');
  fs.writeFileSync(outside, CRICKET());
  fs.symlinkSync(outside, path.join(dir, 'escape.txt'));
  const r = cli(['clean', '--write', path.join(dir, 'escape.txt')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /symbolic link out of its directory/);
  assert.equal(fs.readFileSync(outside, 'utf8'), CRICKET());
});

test('clean --write on a directory with --jobs 2 cleans every *.txt and nothing else', () => {
  const dir = tmpdir();
  const made = makeTree(dir, 9);
  const originals = made.map((rel) => fs.readFileSync(path.join(dir, rel), 'utf8'));
  const r = cli(['clean', '--write', '--jobs', '2', dir]);
  assert.equal(r.code, 0, r.stderr);
  made.forEach((rel, i) => assert.equal(fs.readFileSync(path.join(dir, rel), 'utf8'), clean(originals[i]), rel));
  assert.equal(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8'), 'Advertisement\n');
  assert.equal(fs.readFileSync(path.join(dir, '.hidden', 'skip.txt'), 'utf8'), 'Advertisement\n');
});

test('clean --out-dir mirrors directory arguments and names file arguments by their base name', () => {
  const src = tmpdir();
  const made = makeTree(src, 6);
  const single = path.join(tmpdir(), 'single.txt');
  fs.writeFileSync(single, INDIA());
  const out = path.join(tmpdir(), 'cleaned');
  const r = cli(['clean', '--out-dir', out, '--jobs', '2', src, single]);
  assert.equal(r.code, 0, r.stderr);
  for (const rel of made) {
    const input = fs.readFileSync(path.join(src, rel), 'utf8');
    assert.equal(fs.readFileSync(path.join(out, rel), 'utf8'), clean(input), rel);
  }
  assert.equal(fs.readFileSync(path.join(out, 'single.txt'), 'utf8'), clean(INDIA()));
  assert.equal(fs.readFileSync(path.join(src, made[0]), 'utf8') !== clean(fs.readFileSync(path.join(src, made[0]), 'utf8')), true, 'inputs untouched');
});

test('clean --out-dir refuses to write one output twice or over its own input', () => {
  const a = tmpdir();
  const b = tmpdir();
  fs.writeFileSync(path.join(a, 'same.txt'), CRICKET());
  fs.writeFileSync(path.join(b, 'same.txt'), INDIA());
  const out = tmpdir();
  const r = cli(['clean', '--out-dir', out, path.join(a, 'same.txt'), path.join(b, 'same.txt')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /already written from/);
  assert.equal(fs.readFileSync(path.join(out, 'same.txt'), 'utf8'), clean(CRICKET()));

  const r2 = cli(['clean', '--out-dir', a, path.join(a, 'same.txt')]);
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /would overwrite the input itself/);
  assert.equal(fs.readFileSync(path.join(a, 'same.txt'), 'utf8'), CRICKET());
});
