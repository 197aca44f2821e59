// Incremental analysis must give exactly the model a full analysis gives: seeded random
// edits (typing, deleting, new lines, header and rule lines, residue lines) on generated
// scraper dumps, single pages and the aggregator seed, each checked with deepStrictEqual.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { analyzeFull, analyzeIncremental, diffTexts, IncrementalState } from '../../server/src/analysis/incremental';
import { loadFixtures, scraperDump } from '../../bench/generate';
import { rng } from '../support/rng';

const fixtures = loadFixtures(path.join(__dirname, '..', '..', '..', 'bench', 'fixtures'));

const SNIPPETS = [
  'x', ' ', 'e', '\n', '\n\n', 'Advertisement\n', '\nTitle: Inserted headline here\nURL: https://x.test/1\nDate: 2026-01-01\n',
  '==========\n', 'Reuters\n23 minutes ago\n- Reuters\nA headline that looks like one\n', 'by Taboola\nSponsored\nUndo\n',
  ' ALSO READ | Something else happened today. ', 'Share this article\n', '\r\n', 'and', ', citing officials', 'Title:',
];

function randomEdit(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  const kind = r();
  if (kind < 0.45) {
    const s = SNIPPETS[Math.floor(r() * SNIPPETS.length)];
    return text.slice(0, at) + s + text.slice(at);
  }
  if (kind < 0.8) {
    const len = 1 + Math.floor(r() * (r() < 0.8 ? 3 : 400));
    return text.slice(0, at) + text.slice(Math.min(text.length, at + len));
  }
  // Replace a span with a piece of the text elsewhere (moves lines around).
  const from = Math.floor(r() * text.length);
  const piece = text.slice(from, from + Math.floor(r() * 300));
  return text.slice(0, at) + piece + text.slice(Math.min(text.length, at + Math.floor(r() * 50)));
}

function check(name: string, text: string, seed: number, edits: number): void {
  const r = rng(seed);
  let state: IncrementalState = analyzeFull(text);
  assert.deepStrictEqual(state.model, analyze(text), `${name}: full`);
  let reused = 0;
  let shifted = 0;
  for (let k = 0; k < edits; k++) {
    const next = randomEdit(state.text.toString(), r);
    // Half the time the caller knows the change and splices the previous text (as the
    // language server's worker does); otherwise the texts are compared.
    if (r() < 0.5) {
      const c = diffTexts(state.text.toString(), next);
      const spliced = state.text.splice(c.start, c.end, next.slice(c.start, c.start + c.insertedLength));
      assert.equal(spliced.toString(), next);
      state = analyzeIncremental(state, spliced, c);
    } else state = analyzeIncremental(state, next);
    assert.deepStrictEqual(state.model, analyze(next), `${name}: edit ${k} (seed ${seed})`);
    reused += state.stats.reused;
    if (state.stats.segmentsShifted) shifted++;
  }
  if (text.length > 100_000) {
    assert.ok(reused > 0, `${name}: some segments were reused`);
    assert.ok(shifted > 0, `${name}: some segmentations were shifted, not recomputed`);
  }
}

test('incremental = full on a generated scraper dump', () => {
  check('scraper', scraperDump(fixtures, 300_000, 11), 1, 60);
});

test('incremental = full on a CRLF scraper dump', () => {
  check('scraper-crlf', scraperDump(fixtures, 150_000, 12).replace(/\n/g, '\r\n'), 2, 40);
});

test('incremental = full on single pages and the aggregator seed', () => {
  let seed = 100;
  for (const f of fixtures) check(f.name, f.lines.join('\n'), seed++, 6);
});

test('diffTexts finds the replaced span', () => {
  const a = 'x'.repeat(10_000) + 'abc' + 'y'.repeat(9_000);
  const b = 'x'.repeat(10_000) + 'aZZc' + 'y'.repeat(9_000);
  assert.deepEqual(diffTexts(a, b), { start: 10_001, end: 10_002, insertedLength: 2 });
  assert.deepEqual(diffTexts('aaaa', 'aaaaa'), { start: 4, end: 4, insertedLength: 1 });
});

/** Entries laid out by header blocks only (no rule lines between them). */
function headerDump(n: number): string {
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const f = fixtures[k % fixtures.length];
    out.push(`Title: ${f.name} story ${k}`, `URL: https://x.test/${k}`, `Date: 2026-01-${(k % 28) + 1}`, `Source: Wire ${k % 5}`, '');
    for (const l of f.lines.slice(0, 12)) out.push(l);
  }
  return out.join('\n');
}

test('incremental = full when the edits are in header lines (typing a title, breaking, mending and adding fields)', () => {
  for (const [name, text, seed] of [['scraper', scraperDump(fixtures, 200_000, 13), 5], ['headers only', headerDump(120), 6]] as const) {
    const r = rng(seed);
    let state: IncrementalState = analyzeFull(text);
    let windowed = 0;
    for (let k = 0; k < 80; k++) {
      const flat = state.text.toString();
      const lines = flat.split('\n');
      const starts: number[] = [];
      let pos = 0;
      for (const l of lines) {
        starts.push(pos);
        pos += l.length + 1;
      }
      // A header field line, or the line just before one (the end of the entry above).
      const fieldLines = lines.map((l, i) => (/^(Title|URL|Date|Source): /.test(l) ? i : -1)).filter((i) => i > 0);
      const line = fieldLines[Math.floor(r() * fieldLines.length)] - (r() < 0.2 ? 1 : 0);
      const colon = lines[line].indexOf(':');
      const kind = r();
      let at = starts[line] + (colon >= 0 ? colon + 2 + Math.floor(r() * 5) : 0);
      let end = at;
      let ins = 'x';
      if (kind < 0.15 && colon >= 0) [at, end, ins] = [starts[line] + colon, starts[line] + colon + 1, ''];
      else if (kind < 0.3) [at, end, ins] = [starts[line], starts[line], 'Source: Added\n'];
      else if (kind < 0.4) [at, end, ins] = [starts[line], starts[line], 'Byline: '];
      else if (kind < 0.5) ins = '\n';
      else if (kind < 0.6) [at, end, ins] = [starts[line], Math.min(flat.length, starts[line] + lines[line].length + 1), ''];
      at = Math.min(Math.max(1, at), flat.length);
      end = Math.min(Math.max(at, end), flat.length);
      const next = flat.slice(0, at) + ins + flat.slice(end);
      state = analyzeIncremental(state, state.text.splice(at, end, ins), { start: at, end, insertedLength: ins.length });
      assert.deepStrictEqual(state.model, analyze(next), `${name}: header edit ${k}`);
      if (state.stats.segmentsShifted) windowed++;
    }
    assert.ok(windowed > 40, `${name}: most header edits re-segment a window, not the dump (${windowed} of 80)`);
  }
});

test('the same rope again (no change) is the same model, with nothing analysed', () => {
  const text = scraperDump(fixtures, 100_000, 14);
  const state = analyzeFull(text);
  const again = analyzeIncremental(state, state.text);
  assert.deepStrictEqual(again.model, analyze(text));
  assert.equal(again.stats.analysed, 0);
});
