// Hostile settings and hostile text: user phrases are literal and bounded, every engine regex
// stays linear on adversarial lines (bounded relative to plain prose in the same process, no
// absolute timings), untrusted workspaces restrict the phrase settings, and `clean --write`
// is atomic, keeps the mode and does not follow a link out of the file's directory.
import assert from 'node:assert/strict';
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { analyze, clean } from '../../server/src/analysis';
import type { AnalyzeOptions } from '../../server/src/analysis';
import { clearSegmentCache } from '../../server/src/analysis/analyze';
import { checkText, findRoot } from '../fuzz/lib';

const ROOT = findRoot(__dirname);
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'fuzz', 'seed-daily8.txt'), 'utf8');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ndrobust-hostile-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Milliseconds for analyze + clean (deleting and layout) of `text`. */
function work(text: string, opts: AnalyzeOptions = {}): number {
  clearSegmentCache(); // a repeated text would otherwise be a cache hit
  const t0 = performance.now();
  analyze(text, opts);
  clean(text, { ...opts, layout: true });
  return performance.now() - t0;
}

const SENTENCE = 'The minister said on Tuesday that the new policy would take effect next month. ';
const proseLines = (n: number) => {
  const lines: string[] = [];
  let len = 0;
  for (let i = 0; len < n; i++) {
    const l = SENTENCE.repeat(1 + (i % 4)).trim();
    lines.push(l, '');
    len += l.length + 2;
  }
  return lines.join('\n');
};
const repeatTo = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);

// ---------------------------------------------------------------------------------------
// User phrases.

test('phrases: regex metacharacters are literal text, never patterns', () => {
  const meta = ['(a+)+$', '.*', '[', '\\', '^', '$', '(?<x>', '|', '+?', '\\d{1,}', '*'];
  const body = SEED;
  const base = analyze(body);
  // None of these strings occurs in the seed: as literal phrases they change nothing.
  for (const p of meta) assert.ok(!body.toLowerCase().includes(p.toLowerCase()) || p === '|' || p === '$', p);
  for (const p of meta.filter((x) => !body.includes(x))) {
    const m = analyze(body, { extraPhrases: [p], ignorePhrases: [p] });
    assert.equal(m.residue.length, base.residue.length, `phrase ${JSON.stringify(p)} matched as a pattern`);
  }
  // As literal text they do match; the same characters as a pattern would match "aaaa!" too.
  const inResidue = (text: string, needle: string, opts: AnalyzeOptions) => {
    const at = text.indexOf(needle);
    return analyze(text, opts).residue.some((r) => r.fix.kind === 'delete' && r.start <= at && r.end >= at + needle.length);
  };
  const literal = 'short line with (a+)+$ in it';
  const withLine = body.replace('\n\n', `\n\n${literal}\n\n`);
  assert.ok(inResidue(withLine, literal, { extraPhrases: ['(A+)+$'] }), 'the literal phrase (any case) marks its line');
  const aaa = body.replace('\n\n', '\n\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n\n');
  assert.deepEqual(analyze(aaa, { extraPhrases: ['(a+)+$', 'a+', '.*'] }).residue, analyze(aaa).residue);
  // An ignore phrase with metacharacters protects only lines that contain it literally.
  const ad = body.replace('\n\n', '\n\nAdvertisement\n\n');
  const adCount = analyze(ad).residue.filter((r) => r.rule === 'ad-marker').length;
  assert.equal(analyze(ad, { ignorePhrases: ['.*'] }).residue.filter((r) => r.rule === 'ad-marker').length, adCount);
});

test('phrases: thousands of 10k-character phrases cost bounded work (relative to no phrases)', () => {
  const text = proseLines(200_000) + '\nAdvertisement\n' + SEED;
  const long = (i: number) => repeatTo(`phrase ${i} (a+)+$ .* `, 10_000);
  const opts: AnalyzeOptions = {
    extraPhrases: Array.from({ length: 50 }, (_, i) => long(i)),
    ignorePhrases: Array.from({ length: 50 }, (_, i) => long(i + 100)),
  };
  work(text); // warm up
  const base = Math.max(work(text), work(text));
  const t = work(text, opts);
  assert.ok(t <= 30 * base + 1000, `100 phrases of 10k characters: ${t.toFixed(0)} ms vs ${base.toFixed(0)} ms without`);
  // And they are all literal: nothing matches, so nothing changes.
  assert.equal(analyze(text, opts).residue.length, analyze(text).residue.length);
  const bad = checkText(text.slice(0, 50_000), opts).filter((v) => v.prop !== 'idempotent' && v.prop !== 'layout-overlap');
  assert.deepEqual(bad, []);
});

// ---------------------------------------------------------------------------------------
// Linear-ish regexes: adversarial lines against plain prose of the same size.

const ADVERSARIAL: [string, (n: number) => string][] = [
  ['"a" repeated', (n) => 'a'.repeat(n)],
  ['a run of spaces inside a line', (n) => 'x' + ' '.repeat(n - 2) + 'y'],
  ['spaces and tabs', (n) => repeatTo(' \t', n - 1) + 'x'],
  ['"ALSO READ ALSO READ"', (n) => repeatTo('ALSO READ ', n)],
  ['sentence end, spaces, then a teaser', (n) => '.' + ' '.repeat(n - 12) + 'ALSO READ x'],
  ['"x. ALSO READ | " repeated', (n) => repeatTo('x. ALSO READ | ', n)],
  ['upper-case words (200 KB)', (n) => repeatTo('WORD ', Math.min(n, 200_000))],
  ['one upper-case word', (n) => 'W'.repeat(n)],
  ['upper-case words with hyphens', (n) => repeatTo("A-B'C ", n)],
  ['upper-case words then a capitalised word', (n) => repeatTo('TIES WITH MOSCOW Lavrov ', n)],
  ['"by Taboola " repeated', (n) => repeatTo('by Taboola ', n)],
  ['"by Taboola Undo " repeated', (n) => repeatTo('by Taboola Undo ', n)],
  ['a glued ad marker before a space run', (n) => 'said. Advertisement' + ' '.repeat(n - 21) + 'x'],
  ['"said. Advertisement " repeated', (n) => repeatTo('said. Advertisement ', n)],
  ['glued labels "Tune InMust Watch"', (n) => repeatTo('Tune InMust Watch', n)],
  ['dashes', (n) => '-'.repeat(n)],
  ['"- " repeated', (n) => repeatTo('- ', n - 1) + 'x'],
  ['copyright marks', (n) => repeatTo('(c) ', n)],
  ['short lines "Share"', (n) => repeatTo('Share\n', n)],
  ['one-letter lines', (n) => repeatTo('a\n', n)],
  ['header fields "Title: x"', (n) => repeatTo('Title: x\n', n)],
  ['rule lines', (n) => repeatTo('---\n', n)],
  ['source/time pairs', (n) => repeatTo('Reuters\n2 hours ago\n- Reuters\nA Headline For The Story\n', n)],
  ['punctuation and symbols', (n) => repeatTo('.,;:!?«»—|•', n)],
  ['broken lines', (n) => repeatTo('word\nand\n', n)],
];

test('regexes: adversarial inputs (1 MB lines, 256 KB of short lines) cost at most a bounded multiple of plain prose', () => {
  // Plain prose of the same size: as paragraphs and as one line for the long-line inputs; as
  // short lines for the line-heavy ones (a dump of many short lines costs more per byte).
  const baseLong = (n: number) => Math.max(work(proseLines(n)), work(repeatTo(SENTENCE, n)));
  const baseShort = (n: number) => Math.max(work(proseLines(n)), work(repeatTo('Yes, he said.\n', n)));
  baseLong(64 << 10); // warm up the JIT
  const base = { long64: baseLong(64 << 10), long: baseLong(1 << 20), short64: baseShort(64 << 10), short: baseShort(256 << 10) };
  const slow: string[] = [];
  for (const [name, make] of ADVERSARIAL) {
    const lines = make(64).includes('\n');
    // 64 KB first: a quadratic pattern fails here in seconds instead of hanging at full size.
    const b64 = lines ? base.short64 : base.long64;
    const t64 = work(make(64 << 10));
    if (t64 > 30 * b64 + 300) {
      slow.push(`${name}: ${t64.toFixed(0)} ms at 64 KB (prose: ${b64.toFixed(0)} ms)`);
      continue;
    }
    const size = lines ? 256 << 10 : 1 << 20;
    const b = lines ? base.short : base.long;
    const t = work(make(size));
    if (t > 30 * b + 1000) slow.push(`${name}: ${t.toFixed(0)} ms at ${size >> 10} KB (prose: ${b.toFixed(0)} ms)`);
  }
  assert.deepEqual(slow, []);
});

test('regexes: adversarial inputs keep every property (not only fast)', () => {
  for (const [name, make] of ADVERSARIAL) {
    const bad = checkText(make(20_000)).filter((v) => v.prop !== 'idempotent' && v.prop !== 'layout-overlap');
    assert.deepEqual(bad, [], name);
  }
});

test('engine: 150,000 lines in one segment do not overflow the stack', () => {
  const text = 'a\n'.repeat(150_000);
  const m = analyze(text);
  assert.equal(m.length, text.length);
});

// ---------------------------------------------------------------------------------------
// Untrusted workspaces.

test('package.json: limited support in untrusted workspaces, with the phrase settings restricted', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const u = pkg.capabilities?.untrustedWorkspaces;
  assert.ok(u, 'capabilities.untrustedWorkspaces');
  assert.equal(u.supported, 'limited');
  assert.ok(Array.isArray(u.restrictedConfigurations));
  for (const key of ['newsdump.extraPhrases', 'newsdump.ignorePhrases']) {
    assert.ok(u.restrictedConfigurations.includes(key), `${key} restricted`);
    const props = pkg.contributes?.configuration?.properties ?? Object.assign({}, ...(pkg.contributes?.configuration ?? []).map((c: { properties: object }) => c.properties));
    assert.ok(props[key], `${key} is a contributed setting`);
  }
  for (const key of u.restrictedConfigurations) assert.match(key, /^newsdump\./);
});

// ---------------------------------------------------------------------------------------
// clean --write.

function cli(args: string[]) {
  const r = cp.spawnSync(process.execPath, [CLI, ...args], { cwd: tmp });
  return { status: r.status, stderr: r.stderr.toString('utf8') };
}
const DIRTY = SEED.replace('\n\n', '\n\nAdvertisement\n\n');

test('clean --write: atomic replace (new inode, no temporary file left), same mode, the engine\'s clean', () => {
  const dir = path.join(tmp, 'write');
  fs.mkdirSync(dir);
  const p = path.join(dir, 'dump.txt');
  fs.writeFileSync(p, DIRTY);
  fs.chmodSync(p, 0o640);
  const ino = fs.statSync(p).ino;
  const r = cli(['clean', '--write', p]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(fs.readFileSync(p, 'utf8'), clean(DIRTY));
  assert.notEqual(fs.readFileSync(p, 'utf8'), DIRTY);
  assert.equal(fs.statSync(p).mode & 0o7777, 0o640, 'mode kept');
  assert.notEqual(fs.statSync(p).ino, ino, 'replaced by a rename, not rewritten in place');
  assert.deepEqual(fs.readdirSync(dir), ['dump.txt'], 'no temporary file left');
});

test('clean --write: a symbolic link out of its directory is refused, its target untouched', () => {
  const a = path.join(tmp, 'link-a');
  const b = path.join(tmp, 'link-b');
  fs.mkdirSync(a);
  fs.mkdirSync(b);
  const target = path.join(b, 'real.txt');
  fs.writeFileSync(target, DIRTY);
  const link = path.join(a, 'link.txt');
  fs.symlinkSync(target, link);
  const r = cli(['clean', '--write', link]);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /symbolic link/);
  assert.equal(fs.readFileSync(target, 'utf8'), DIRTY, 'target untouched');
  assert.ok(fs.lstatSync(link).isSymbolicLink(), 'link still a link');
  assert.deepEqual(fs.readdirSync(a), ['link.txt']);
  assert.deepEqual(fs.readdirSync(b), ['real.txt']);
});

test('clean --write: a link through a linked directory is refused too', () => {
  const outside = path.join(tmp, 'outside');
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'real.txt'), DIRTY);
  const dir = path.join(tmp, 'via-dirlink');
  fs.mkdirSync(dir);
  fs.symlinkSync(path.join(outside, 'real.txt'), path.join(dir, 'a.txt'));
  fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt')); // link to a link in the same directory
  const r = cli(['clean', '--write', path.join(dir, 'b.txt')]);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(fs.readFileSync(path.join(outside, 'real.txt'), 'utf8'), DIRTY);
});
