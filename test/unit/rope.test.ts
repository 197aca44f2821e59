// Rope (server/src/analysis/rope.ts): every operation must read exactly as the same
// operation on the flat string. Seeded random splices on texts of a few chunks (the chunks
// are 65,536 characters), from keystrokes to deletions and pastes that span chunks.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rope } from '../../server/src/analysis/rope';
import { rng } from '../support/rng';

function randomText(r: () => number, n: number): string {
  const parts: string[] = [];
  let len = 0;
  while (len < n) {
    const p = r() < 0.1 ? '\n' : r() < 0.05 ? '\r\n' : r() < 0.02 ? 'Ж😀' : 'word ';
    parts.push(p);
    len += p.length;
  }
  return parts.join('');
}

test('splice, slice, charCodeAt, length and isBlank read as the flat string does', () => {
  const r = rng(41);
  let flat = randomText(r, 300_000);
  let rope = Rope.from(flat);
  for (let k = 0; k < 400; k++) {
    const start = Math.floor(r() * (flat.length + 1));
    const kind = r();
    // Mostly keystrokes; sometimes a deletion or a paste of up to 200,000 characters.
    const del = kind < 0.6 ? 0 : kind < 0.8 ? Math.floor(r() * 4) : Math.floor(r() * 200_000);
    const ins = kind < 0.6 ? 'x' : kind < 0.9 ? '' : randomText(r, Math.floor(r() * 200_000));
    const end = Math.min(flat.length, start + del);
    const before = rope;
    rope = rope.splice(start, end, ins);
    flat = flat.slice(0, start) + ins + flat.slice(end);
    assert.equal(rope.length, flat.length);
    for (let q = 0; q < 5; q++) {
      const a = Math.floor(r() * (flat.length + 1));
      const b = a + Math.floor(r() * 150_000);
      assert.equal(rope.slice(a, b), flat.slice(a, b), `slice ${a}..${b} after splice ${k}`);
      assert.equal(rope.charCodeAt(a), flat.charCodeAt(a));
    }
    // Earlier versions are unchanged by later splices.
    if (k % 50 === 0) assert.equal(before.splice(start, end, ins).toString(), flat);
  }
  assert.equal(rope.toString(), flat);
  assert.equal(rope.slice(), flat);
  assert.ok(Number.isNaN(rope.charCodeAt(flat.length)));
});

test('edits at the ends, on an empty rope, and blank texts', () => {
  let rope = Rope.from('');
  assert.equal(rope.length, 0);
  assert.ok(rope.isBlank());
  rope = rope.splice(0, 0, 'abc');
  assert.equal(rope.toString(), 'abc');
  rope = rope.splice(3, 3, 'def').splice(0, 0, '>').splice(1, 4, '');
  assert.equal(rope.toString(), '>def');
  assert.equal(rope.splice(0, 4, '').toString(), '');
  const blank = Rope.from(' \n\t'.repeat(100_000));
  assert.ok(blank.isBlank());
  assert.ok(blank.splice(50_000, 50_000, '\u00a0').isBlank(), 'no-break space is white space to trim()');
  assert.ok(!blank.splice(250_000, 250_000, '.').isBlank());
  assert.equal(Rope.of(rope), rope);
});
