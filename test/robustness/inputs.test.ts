// Bad input through the engine and the CLI (issue 5, "Never lose a word"): empty, blank,
// binary, invalid UTF-8, BOM, every line ending, emoji/CJK/RTL/combining marks, a 1 MB line,
// directories and missing files. The language server's side is in lsp.test.ts.
import assert from 'node:assert/strict';
import * as cp from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { analyze, clean } from '../../server/src/analysis';
import { checkText, findRoot, PropertyId } from '../fuzz/lib';

const ROOT = findRoot(__dirname);
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'fuzz', 'seed-daily8.txt'), 'utf8');
const PAGE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'fuzz', 'single-page-india.txt'), 'utf8');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ndrobust-inputs-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function file(name: string, data: string | Buffer): string {
  const p = path.join(tmp, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  return p;
}

interface Run {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

function cli(args: string[], input?: string | Buffer): Run {
  assert.ok(fs.existsSync(CLI), `${CLI} missing: run npm run build`);
  const r = cp.spawnSync(process.execPath, [CLI, ...args], { input, maxBuffer: 256 << 20, cwd: tmp });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** An error the user can read: exactly one line, no stack frames. */
function oneLine(stderr: string): void {
  const lines = stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${stderr}`);
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
}

const md5 = (p: string) => crypto.createHash('md5').update(fs.readFileSync(p)).digest('hex');

/** The fuzz properties for one text, except the two the engine is known not to keep yet. */
function assertProperties(text: string, what: string): void {
  const skip = new Set<PropertyId>(['idempotent', 'layout-overlap']);
  const bad = checkText(text, {}, { cache: true }).filter((v) => !skip.has(v.prop));
  assert.deepEqual(bad, [], `${what}: ${bad.map((b) => `[${b.prop}] ${b.msg}`).join('\n')}`);
}

// ---------------------------------------------------------------------------------------
// Empty, blank, binary.

test('engine: an empty text has no residue, no articles, no notice', () => {
  const m = analyze('');
  assert.equal(m.shape, 'empty');
  assert.equal(m.notice, null);
  assert.deepEqual([m.residue, m.articles, m.groups], [[], [], []]);
  assert.equal(clean(''), '');
  assertProperties('', 'empty');
});

test('engine: white space only (spaces, tabs, every line ending) is left exactly as it is', () => {
  for (const t of [' ', '\n', '\r\n\r\n', '\r', ' \t \n\t\r\n  \r\u00a0\n', '\ufeff  \n']) {
    const m = analyze(t);
    assert.equal(m.residue.length, 0, JSON.stringify(t));
    assert.equal(m.notice, null);
    assert.equal(clean(t), t);
    assert.equal(clean(t, { layout: true }), t);
  }
});

test('engine: binary data (NUL bytes, control characters) gets a notice, no residue, and clean leaves it alone', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]).toString('latin1');
  const controls = Array.from({ length: 200 }, (_, i) => String.fromCharCode(1 + (i % 8))).join('') + 'text';
  for (const t of ['abc\0def', SEED + '\0', png, controls, 'Advertisement\n\0\nAdvertisement\n']) {
    const m = analyze(t);
    assert.match(m.notice ?? '', /not a text dump/, JSON.stringify(t.slice(0, 20)));
    assert.equal(m.shape, 'binary');
    assert.deepEqual(m.residue, []);
    assert.equal(clean(t), t);
    assert.equal(clean(t, { layout: true }), t);
  }
});

test('cli: an empty file and a blank file: exit 0, nothing on stdout or stderr', () => {
  for (const [name, data] of [['empty.txt', ''], ['blank.txt', ' \n\t\r\n']]) {
    const p = file(name, data);
    const c = cli(['check', p]);
    assert.equal(c.status, 0, c.stderr);
    assert.equal(c.stdout.length, 0);
    assert.equal(c.stderr, '');
    const k = cli(['clean', p]);
    assert.equal(k.status, 0, k.stderr);
    assert.equal(k.stdout.toString('latin1'), data);
  }
});

test('cli: a binary file: the notice on stderr (once), no findings, clean passes the bytes through', () => {
  const bytes = Buffer.from('Advertisement\nabc\0def\nAdvertisement\n', 'utf8');
  const p = file('binary.txt', bytes);
  const c = cli(['check', p]);
  assert.equal(c.status, 0, 'no residue: exit 0');
  assert.equal(c.stdout.length, 0, 'no findings');
  oneLine(c.stderr);
  assert.match(c.stderr, /not a text dump/);
  const k = cli(['clean', p]);
  assert.equal(k.status, 0);
  assert.ok(k.stdout.equals(bytes), 'bytes unchanged');
  const before = md5(p);
  const w = cli(['clean', '--write', p]);
  assert.ok(w.status === 0 || w.status === 2, w.stderr);
  assert.equal(md5(p), before, 'clean --write leaves a binary file untouched');
});

// ---------------------------------------------------------------------------------------
// Invalid UTF-8.

test('cli: invalid UTF-8 is reported by check, and clean --write refuses, leaving the file untouched', () => {
  const bytes = Buffer.concat([Buffer.from(SEED.slice(0, 400)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\nAdvertisement\n' + SEED.slice(400))]);
  const p = file('latin.txt', bytes);
  const mtime = fs.statSync(p).mtimeMs;
  const c = cli(['check', p]);
  assert.ok(c.status === 0 || c.status === 1, `check exits 0 or 1, not ${c.status}: ${c.stderr}`);
  assert.match(c.stderr, /not valid UTF-8/);
  const w = cli(['clean', '--write', p]);
  assert.equal(w.status, 2);
  oneLine(w.stderr);
  assert.match(w.stderr, /not valid UTF-8.*refus/);
  assert.ok(fs.readFileSync(p).equals(bytes), 'file untouched');
  assert.equal(fs.statSync(p).mtimeMs, mtime);
  assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.includes('.tmp')), [], 'no temporary file left');
});

// ---------------------------------------------------------------------------------------
// BOM and line endings: kept exactly.

test('engine: a UTF-8 BOM is kept by clean and does not change the analysis', () => {
  const m = analyze('\ufeff' + SEED);
  assert.equal(m.bom, true);
  const out = clean('\ufeff' + SEED);
  assert.equal(out.charCodeAt(0), 0xfeff);
  assert.equal(out.slice(1), clean(SEED));
  assert.equal(m.residue.length, analyze(SEED).residue.length);
  // A BOM right before residue on the first line: the BOM stays, the residue goes.
  const t = '\ufeffAdvertisement\n' + SEED;
  assert.equal(clean(t).charCodeAt(0), 0xfeff);
  assertProperties(t, 'BOM before residue');
});

test('engine: CRLF and lone-CR dumps clean to the LF result with their own endings', () => {
  for (const base of [SEED, PAGE]) {
    const lf = clean(base);
    for (const eol of ['\r\n', '\r']) {
      const t = base.replace(/\n/g, eol);
      assert.equal(clean(t), lf.replace(/\n/g, eol), `eol ${JSON.stringify(eol)}`);
      assertProperties(t, `eol ${JSON.stringify(eol)}`);
    }
  }
});

test('engine: mixed line endings: every kept terminator is kept as it was, none is split or made', () => {
  const eols = ['\n', '\r\n', '\r'];
  for (const base of [SEED, PAGE]) {
    let k = 0;
    const t = base.replace(/\n/g, () => eols[k++ % 3]);
    const out = clean(t);
    assertProperties(t, 'mixed endings');
    const terms = (s: string) => s.match(/\r\n|\r|\n/g) ?? [];
    // The output's terminators are a subsequence of the input's.
    const have = terms(t);
    let j = 0;
    for (const x of terms(out)) {
      while (j < have.length && have[j] !== x) j++;
      assert.ok(j < have.length, 'a terminator that was not in the input');
      j++;
    }
    assert.equal(analyze(t).mixedEol, true);
  }
});

test('cli: clean keeps a BOM, CRLF, lone CR and mixed endings byte for byte', () => {
  let k = 0;
  const variants: [string, string][] = [
    ['bom-crlf', '\ufeff' + SEED.replace(/\n/g, '\r\n')],
    ['cr', PAGE.replace(/\n/g, '\r')],
    ['mixed', SEED.replace(/\n/g, () => ['\n', '\r\n', '\r'][k++ % 3])],
  ];
  for (const [name, text] of variants) {
    const p = file(`${name}.txt`, text);
    const c = cli(['clean', p]);
    assert.equal(c.status, 0, c.stderr);
    assert.ok(c.stdout.equals(Buffer.from(clean(text), 'utf8')), `${name}: CLI clean is the engine's clean, byte for byte`);
    if (name.startsWith('bom')) assert.ok(c.stdout.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'BOM kept');
  }
});

// ---------------------------------------------------------------------------------------
// Emoji, flags, CJK, RTL, combining marks.

const EXOTIC_DUMP = [
  '🇮🇳 India 🏏 beat England by five wickets 😀 in Ranchi',
  '',
  'Shoaib Bashir took three wickets in 22 balls 👩‍👩‍👧‍👦 to give his side brief hope. 中文新闻 — Bashir, 20, finished with three for 79.Advertisement𝐓he captain said he was proud.',
  'Advertisement',
  'مرحبا بالعالم. The minister said on Tuesday that the new policy, שלום עולם, would take effect next month.',
  'by Taboola',
  'Sponsored Links',
  'Cafe\u0301 owners 😀 hate this trick',
  'Undo',
  'Zoe\u0308 wrote: the ﬁnal 🇺🇦 word on the mat\u0323ter. ALSO READ | 日本語のニュース 😀 Five things to know Other text follows here.',
  '© 2026 𝐓he Daily. All rights reserved.',
].join('\n');

test('engine: emoji, flags, CJK, RTL and combining marks: every range inside the document, no surrogate pair split', () => {
  for (const eol of ['\n', '\r\n']) {
    const t = EXOTIC_DUMP.replace(/\n/g, eol);
    assertProperties(t, `exotic ${JSON.stringify(eol)}`);
    assertProperties('\ufeff' + t, 'exotic with BOM');
    const m = analyze(t);
    assert.ok(m.residue.length > 0, 'residue found among the emoji');
  }
  // Every cut point of a short exotic text, including inside surrogate pairs.
  const short = EXOTIC_DUMP.slice(0, 400);
  for (let i = 0; i <= short.length; i += 7) assertProperties(short.slice(0, i) + '\nAdvertisement\n' + short.slice(i), `cut at ${i}`);
});

// ---------------------------------------------------------------------------------------
// Size.

test('engine: a 1 MB line (prose, and one word repeated) is analysed, and every property holds', () => {
  const sentence = 'The minister said on Tuesday that the new policy would take effect next month. ';
  const prose = sentence.repeat(Math.ceil((1 << 20) / sentence.length));
  assert.ok(prose.length >= 1 << 20);
  assertProperties(prose, '1 MB prose line');
  assertProperties('Headline of the story\n\n' + prose + 'Advertisement ' + prose + '\nAdvertisement\n', '1 MB lines with residue');
  assertProperties('a'.repeat(1 << 20), '1 MB of "a"');
});

test('cli: a 1 MB line through check and clean', () => {
  const sentence = 'The minister said on Tuesday that the new policy would take effect next month. ';
  const text = 'Headline of the story\n\n' + sentence.repeat(13500) + '\nAdvertisement\nMore of the story follows here, said the minister.\n';
  const p = file('big-line.txt', text);
  const c = cli(['check', p]);
  assert.ok(c.status === 0 || c.status === 1, c.stderr);
  const k = cli(['clean', p]);
  assert.equal(k.status, 0, k.stderr);
  assert.ok(k.stdout.equals(Buffer.from(clean(text), 'utf8')));
});

// ---------------------------------------------------------------------------------------
// Not a file.

test('cli: a missing file: exit 2, one line, no stack', () => {
  for (const cmd of [['check'], ['clean'], ['articles'], ['clean', '--write']]) {
    const c = cli([...cmd, path.join(tmp, 'no-such-file.txt')]);
    assert.equal(c.status, 2, `${cmd.join(' ')}: ${c.stderr}`);
    oneLine(c.stderr);
    assert.match(c.stderr, /no such file/);
  }
});

test('cli: a directory where one file is expected: exit 2, one line, no stack', () => {
  const dir = path.join(tmp, 'a-directory');
  fs.mkdirSync(dir, { recursive: true });
  const c = cli(['articles', dir]);
  assert.equal(c.status, 2, c.stderr);
  oneLine(c.stderr);
  assert.match(c.stderr, /directory/);
  // check takes directories (every *.txt under it); an empty one is a one-line note.
  const e = cli(['check', dir]);
  assert.notEqual(e.status, null);
  oneLine(e.stderr);
  assert.match(e.stderr, /no \.txt files/);
});

test('engine: a widget glued at a line\'s end with trailing spaces, then a broken line: edits do not overlap', () => {
  // Found by `npm run fuzz -- --seed 7` (case 7898): the join started one character inside
  // the widget's deletion, so the layout fix-all had overlapping edits.
  const t = 'A Headline For The Story Here\n\nThe minister said on Tuesday that the new policy would take effect next month, officials said. ' +
    'by Taboola by Taboola Sponsored Links You May Like Cheap Flights Undo  \nand the minister added that the rules would be reviewed within a year of coming into force.\n';
  for (const text of [t, t.replace(/\n/g, '\r\n'), t.replace(/\n/g, '\r')]) assertProperties(text, 'widget at the line end, then a join');
});
