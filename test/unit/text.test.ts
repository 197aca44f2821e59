// Line table and position bookkeeping: terminators, BOM, UTF-16 positions, round-trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, clean, PositionMapper, splitLines } from '../../server/src/analysis';
import { snapToCodePoint } from '../../server/src/analysis/text';

const texts = (s: string) => splitLines(s).lines.map((l) => l.text);
const SEED = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus', 'seed-daily8.txt');

test('LF: lines, offsets and the dominant terminator', () => {
  const t = splitLines('ab\ncd\n\nef');
  assert.deepEqual(t.lines.map((l) => [l.text, l.start, l.end, l.next]), [
    ['ab', 0, 2, 3],
    ['cd', 3, 5, 6],
    ['', 6, 6, 7],
    ['ef', 7, 9, 9],
  ]);
  assert.equal(t.eol, '\n');
  assert.equal(t.mixedEol, false);
  assert.equal(t.bom, 0);
});

test('CRLF: the pair is one terminator, never part of a line', () => {
  const t = splitLines('ab\r\ncd\r\n');
  assert.deepEqual(t.lines.map((l) => [l.text, l.start, l.end, l.next]), [
    ['ab', 0, 2, 4],
    ['cd', 4, 6, 8],
    ['', 8, 8, 8],
  ]);
  assert.equal(t.eol, '\r\n');
  assert.equal(t.mixedEol, false);
});

test('lone CR (old Mac) terminates lines', () => {
  const t = splitLines('ab\rcd\ref');
  assert.deepEqual(texts('ab\rcd\ref'), ['ab', 'cd', 'ef']);
  assert.equal(t.eol, '\r');
  assert.equal(t.mixedEol, false);
});

test('mixed terminators: each kept where it is, flagged, the most common wins', () => {
  const s = 'a\r\nb\nc\r\nd\re\r\n';
  const t = splitLines(s);
  assert.deepEqual(t.lines.map((l) => l.text), ['a', 'b', 'c', 'd', 'e', '']);
  assert.deepEqual(t.lines.map((l) => s.slice(l.end, l.next)), ['\r\n', '\n', '\r\n', '\r', '\r\n', '']);
  assert.equal(t.eol, '\r\n');
  assert.equal(t.mixedEol, true);
  // "\n\r" is LF then a lone CR: two terminators, an empty line between.
  assert.deepEqual(texts('a\n\rb'), ['a', '', 'b']);
});

test('a text without a terminator and the empty text are one line', () => {
  assert.deepEqual(texts('just one line'), ['just one line']);
  const t = splitLines('');
  assert.equal(t.lines.length, 1);
  assert.deepEqual([t.lines[0].start, t.lines[0].end, t.lines[0].text], [0, 0, '']);
});

test('BOM: never part of the first line; the model reports it', () => {
  const s = '\ufeffHeadline here\nbody';
  const t = splitLines(s);
  assert.equal(t.bom, 1);
  assert.equal(t.lines[0].text, 'Headline here');
  assert.equal(t.lines[0].start, 1);
  assert.equal(analyze(s).bom, true);
  assert.equal(analyze('no bom').bom, false);
  // Columns on the first line count the BOM, as an LSP client that keeps it in the text
  // does: the first letter is character 1, the BOM character 0.
  const m = new PositionMapper(t);
  assert.deepEqual(m.position(1), { line: 0, character: 1 });
  assert.deepEqual(m.position(0), { line: 0, character: 0 });
  assert.equal(m.offset({ line: 0, character: 1 }), 1);
  assert.equal(m.offset({ line: 0, character: 0 }), 0);
});

test('emoji and other surrogate pairs count as two UTF-16 units', () => {
  const s = 'a🇷🇺b\n💬 x';
  const m = new PositionMapper(splitLines(s));
  // 🇷🇺 is two regional indicators, each a surrogate pair: four units.
  assert.deepEqual(m.position(s.indexOf('b')), { line: 0, character: 5 });
  assert.deepEqual(m.position(s.indexOf('x')), { line: 1, character: 3 });
  assert.equal(m.offset({ line: 1, character: 3 }), s.indexOf('x'));
});

test('snapToCodePoint never leaves an offset between the halves of a pair', () => {
  const s = 'ab💬cd';
  const inside = s.indexOf('💬') + 1;
  assert.equal(snapToCodePoint(s, inside), inside - 1);
  assert.equal(snapToCodePoint(s, inside - 1), inside - 1);
  assert.equal(snapToCodePoint(s, inside + 1), inside + 1);
  assert.equal(snapToCodePoint(s, 0), 0);
  assert.equal(snapToCodePoint(s, s.length), s.length);
});

const isSplit = (s: string, o: number) => o > 0 && o < s.length && /[\ud800-\udbff]/.test(s[o - 1]) && /[\udc00-\udfff]/.test(s[o]);

test('no residue range or edit of the seed splits a surrogate pair (the seed has flags and 💬)', () => {
  const s = fs.readFileSync(SEED, 'utf8');
  assert.ok(/[\ud800-\udfff]/.test(s), 'fixture has astral characters');
  const model = analyze(s);
  assert.ok(model.residue.length > 0);
  for (const r of model.residue) {
    assert.ok(!isSplit(s, r.start) && !isSplit(s, r.end), `${r.rule} at ${r.start}-${r.end}`);
    for (const e of r.fix.edits) assert.ok(!isSplit(s, e.start) && !isSplit(s, e.end));
  }
});

test('emoji right next to residue: glued widget and marker cuts keep the pairs whole', () => {
  const head = 'Fans cheer as the team returns home after the final';
  const line =
    'Thousands of fans waited at the airport on Monday to welcome the players home. 🎉🎉 by Taboola by Taboola Sponsored Links You May Like Doctors Amazed: This Trick Removes Belly Fat Healthy Living Learn More Undo 🏆 The captain lifted the trophy 🏆.advertisementThe crowd sang the anthem as the bus left for the city centre.';
  const text = [head, line, 'The celebrations continued late into the night in the old town square, police said.', ''].join('\n');
  const model = analyze(text);
  assert.deepEqual(model.residue.map((r) => r.rule), ['sponsored-widget', 'ad-marker']);
  for (const r of model.residue) {
    assert.ok(!isSplit(text, r.start) && !isSplit(text, r.end), `${r.rule} at ${r.start}-${r.end}`);
  }
  const out = clean(text, { layout: true });
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(out), 'no lone surrogate in the output');
  assert.ok(out.includes('home. 🎉🎉 🏆 The captain lifted the trophy 🏆.The crowd'), out);
});

test('PositionMapper round-trips every offset of LF, CRLF, CR and mixed texts', () => {
  for (const s of ['ab\ncd\n\nef', 'ab\r\ncd\r\n', 'ab\rcd\ref', 'a\r\nb\nc\rd💬e\r\n', '\ufeffx\ny', '']) {
    const t = splitLines(s);
    const m = new PositionMapper(t);
    for (const l of t.lines) {
      for (let o = l.start; o <= l.end; o++) {
        const p = m.position(o);
        assert.equal(p.line, l.index);
        assert.equal(m.offset(p), o, JSON.stringify({ s, o }));
      }
      // Offsets inside a terminator clamp to the end of their line.
      for (let o = l.end + 1; o < l.next; o++) assert.deepEqual(m.position(o), { line: l.index, character: l.end - l.start });
    }
    // And every position of every line maps back to itself.
    for (const l of t.lines) {
      for (let c = 0; c <= l.end - l.start; c++) assert.deepEqual(m.position(m.offset({ line: l.index, character: c })), { line: l.index, character: c });
    }
    // Out-of-range positions clamp.
    const last = t.lines[t.lines.length - 1];
    assert.equal(m.offset({ line: t.lines.length + 5, character: 0 }), last.end);
    assert.equal(m.offset({ line: 0, character: 10_000 }), t.lines[0].end);
    assert.equal(m.offset({ line: -1, character: 3 }), t.lines[0].start);
  }
});

test('ranges in the model are the mapper\'s positions of start and end', () => {
  const s = 'Headline for a test case here\r\nFirst sentence of the article is here and it is long enough to count as prose.\r\nAdvertisement\r\nSecond sentence of the article is here and it is long enough to count as prose.\r\n';
  const model = analyze(s);
  const m = new PositionMapper(splitLines(s));
  assert.ok(model.residue.length > 0);
  for (const r of model.residue) {
    assert.deepEqual(r.range, m.range(r.start, r.end));
    for (const e of r.fix.edits) assert.deepEqual(e.range, m.range(e.start, e.end));
  }
});
