// The server's transport to its analysis worker: edits go as offset changes (ChangeLog,
// applyChanges), models come back as deltas (modelDelta.ts). Each must reproduce exactly what
// posting the whole text and the whole model gives, on seeded random edits.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import type { DumpModel } from '../../server/src/analysis/model';
import { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticsFor } from '../../server/src/lsp/diagnostics';
import { ChangeLog } from '../../server/src/lsp/documents';
import { LazyDocument, materialize } from '../../server/src/lsp/lazyDocument';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { documentSymbolsFor } from '../../server/src/lsp/symbols';
import { applyDelta, diffModels } from '../../server/src/lsp/modelDelta';
import { Rope } from '../../server/src/analysis/rope';
import { applyChanges, OffsetChange } from '../../server/src/lsp/worker';
import { loadFixtures, scraperDump } from '../../bench/generate';
import { rng } from '../support/rng';
import { TestClient } from './harness';

const fixtures = loadFixtures(path.join(__dirname, '..', '..', '..', 'bench', 'fixtures'));
const SNIPPETS = ['x', ' ', '\n', 'Advertisement\n', '\nTitle: Inserted headline\nURL: https://x.test/1\n', 'by Taboola\nSponsored\n', '\r\n', 'Share this article\n'];

function randomChange(text: string, r: () => number): OffsetChange {
  const start = Math.floor(r() * (text.length + 1));
  const kind = r();
  if (kind < 0.5) return { start, end: start, text: SNIPPETS[Math.floor(r() * SNIPPETS.length)] };
  const end = Math.min(text.length, start + 1 + Math.floor(r() * (r() < 0.8 ? 3 : 300)));
  return { start, end, text: kind < 0.8 ? '' : 'y' };
}

test('applyChanges: the text and one covering change in old offsets, for any sequence of changes', () => {
  const r = rng(7);
  const base = 'The quick brown fox\njumps over\nthe lazy dog.\n'.repeat(20);
  for (let k = 0; k < 500; k++) {
    let expect = base;
    const changes: OffsetChange[] = [];
    for (let i = 1 + Math.floor(r() * 4); i > 0; i--) {
      const c = randomChange(expect, r);
      changes.push(c);
      expect = expect.slice(0, c.start) + c.text + expect.slice(c.end);
    }
    const { text: rope, change } = applyChanges(Rope.from(base), changes);
    const text = rope.toString();
    assert.equal(text, expect);
    assert.ok(change);
    // the covering change really covers: old prefix and suffix around it are unchanged
    assert.equal(base.slice(0, change.start), text.slice(0, change.start));
    assert.equal(base.slice(change.end), text.slice(change.start + change.insertedLength));
    assert.equal(text.length - base.length, change.insertedLength - (change.end - change.start));
  }
  const { text, change } = applyChanges(Rope.from('abc'), []);
  assert.deepEqual([text.toString(), change], ['abc', null]);
});

test('ChangeLog: changes between two versions, null across a gap or an unknown base', () => {
  const log = new ChangeLog();
  log.reset('u', 1);
  log.add('u', 1, 2, [{ start: 0, end: 0, text: 'a' }]);
  log.add('u', 2, 5, [{ start: 1, end: 1, text: 'b' }, { start: 0, end: 1, text: '' }]);
  assert.equal(log.history('u', 5).since(3), null); // not a version of this document
  assert.equal(log.history('u', 6).since(1), null); // version 6 is not known yet
  assert.deepEqual(log.history('u', 2).since(1), [{ start: 0, end: 0, text: 'a' }]);
  assert.deepEqual(log.history('u', 5).since(1)?.length, 3);
  // serving base 2 forgets what came before it
  assert.deepEqual(log.history('u', 5).since(2)?.length, 2);
  assert.equal(log.history('u', 5).since(1), null);
  assert.deepEqual(log.history('u', 5).since(5), []);
  log.add('u', 4, 6, []); // a gap: known again from 6 on
  assert.equal(log.history('u', 6).since(5), null);
  assert.deepEqual(log.history('u', 6).since(6), []);
  assert.equal(log.history('other', 1).since(1), null);
});

test('diffModels/applyDelta rebuild the next model exactly, and reuse most of it', () => {
  const r = rng(11);
  let text = scraperDump(fixtures, 200_000, 5);
  let prev: DumpModel = analyze(text);
  let reused = 0;
  let total = 0;
  for (let k = 0; k < 40; k++) {
    const c = randomChange(text, r);
    if (c.start === 0) continue;
    text = text.slice(0, c.start) + c.text + text.slice(c.end);
    const next = analyze(text);
    const delta = diffModels(prev, next);
    const { model, lineage } = applyDelta(prev, delta);
    assert.deepStrictEqual(model, next, `edit ${k}`);
    assert.equal(lineage.residue.keep + lineage.residue.mid + lineage.residue.tail, next.residue.length);
    reused += delta.residue.keep + delta.residue.tail;
    total += next.residue.length;
    prev = model;
  }
  assert.ok(reused > total * 0.8, `reused ${reused} of ${total} residue blocks`);
  // an identical model is all "keep"
  const same = diffModels(prev, prev);
  assert.equal(same.residue.keep, prev.residue.length);
  assert.equal(same.residue.mid.length + same.articles.mid.length, 0);
});

test('through the server: diagnostics after random edits (several per notification, whole-text ones) equal a fresh analysis', async () => {
  const analysisOf = (text: string) => ({
    uri: 'x', version: 0, languageId: 'newsdump', text, settings: DEFAULT_SETTINGS, model: analyze(text), skipped: null,
    annotate: true, ms: 0, key: '',
  });
  const expected = (text: string) => JSON.parse(JSON.stringify(diagnosticsFor(analysisOf(text))));
  const { client } = await TestClient.start();
  try {
    const uri = 'file:///tmp/delta-test.dump.txt';
    const r = rng(3);
    await client.open(uri, scraperDump(fixtures, 60_000, 9), 'newsdump');
    for (let k = 0; k < 25; k++) {
      const changes: TextDocumentContentChangeEvent[] = [];
      let text = client.text(uri);
      if (k % 7 === 6) changes.push({ text: text.replace('Advertisement', 'Advertisment') + 'x' });
      else {
        for (let i = 1 + (k % 3); i > 0; i--) {
          const c = randomChange(text, r);
          if (c.start === 0) continue;
          // each change's range refers to the text the changes before it produced
          const doc = TextDocument.create('x:', 'x', 0, text);
          const range = { start: doc.positionAt(c.start), end: doc.positionAt(c.end) };
          changes.push({ range, text: c.text });
          text = TextDocument.applyEdits(doc, [{ range, newText: c.text }]);
        }
        if (changes.length === 0) continue;
      }
      await client.change(uri, changes);
      // a request makes the server analyse at once (no debounce)
      void client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).catch(() => null);
      const p = await client.diagnostics(uri, 30000);
      assert.deepStrictEqual(p.diagnostics, expected(client.text(uri)), `round ${k}`);
      if (k % 4 === 0) {
        const syms = await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
        assert.deepStrictEqual(syms, JSON.parse(JSON.stringify(documentSymbolsFor(analysisOf(client.text(uri))))), `symbols, round ${k}`);
      }
    }
  } finally {
    await client.stop();
  }
});

test('LazyDocument: the same text, offsets and positions as TextDocument under random changes', () => {
  // (one terminator per document: TextDocument's own line table goes wrong when a "\n" lands after a lone "\r")
  for (const eol of ['\n', '\r\n']) {
  const r = rng(21);
  const start = 'line one\nline two\nthird\nfourth\n\nsixth line here\n'.repeat(8).replace(/\n/g, eol);
  const ref = TextDocument.create('x:', 'x', 1, start);
  const lazy = new LazyDocument('x:', 'x', 1, start);
  const snaps: [() => string, string][] = [];
  for (let v = 2; v < 400; v++) {
    const changes: TextDocumentContentChangeEvent[] = [];
    if (v % 97 === 0) changes.push({ text: ref.getText().slice(3) + 'tail\nend' });
    else {
      for (let i = 1 + Math.floor(r() * 3); i > 0; i--) {
        const len = ref.getText().length;
        const a = Math.floor(r() * (len + 1));
        const b = Math.min(len, a + Math.floor(r() * 6));
        // positions past line ends and reversed ranges happen too
        const p = ref.positionAt(a);
        const q = ref.positionAt(b);
        const range = r() < 0.1 ? { start: q, end: { line: p.line, character: p.character + 3 } } : { start: p, end: q };
        changes.push({ range, text: ['', 'x', '\n', 'yz', '\n\n', 'ab\ncd'][Math.floor(r() * 6)].replace(/\n/g, eol) });
      }
    }
    TextDocument.update(ref, changes, v);
    lazy.update(changes, v);
    assert.equal(lazy.version, v);
    assert.equal(lazy.textLength, ref.getText().length);
    assert.equal(lazy.lineCount, ref.lineCount);
    for (let k = 0; k < 5; k++) {
      const pos = { line: Math.floor(r() * (ref.lineCount + 1)), character: Math.floor(r() * 12) };
      assert.equal(lazy.offsetAt(pos), ref.offsetAt(pos), `v${v} offsetAt ${JSON.stringify(pos)}`);
      const off = Math.floor(r() * (ref.getText().length + 2));
      assert.deepEqual(lazy.positionAt(off), ref.positionAt(off), `v${v} positionAt ${off}`);
    }
    if (v % 5 === 0) snaps.push([lazy.snapshot(), ref.getText()]);
    if (v % 13 === 0) assert.equal(lazy.getText(), ref.getText());
  }
  for (const [snap, text] of snaps) assert.equal(snap(), text);
  }
});

test('materialize applies changes in order', () => {
  const r = rng(5);
  for (let k = 0; k < 300; k++) {
    let expect = 'abcdefghijklmnopqrstuvwxyz';
    const base = expect;
    const changes: OffsetChange[] = [];
    for (let i = Math.floor(r() * 6); i > 0; i--) {
      const c = randomChange(expect, r);
      changes.push(c);
      expect = expect.slice(0, c.start) + c.text + expect.slice(c.end);
    }
    assert.equal(materialize(base, changes), expect);
  }
});
