// Bad input and races through the real language server (`node dist/server.js --stdio`,
// driven by test/protocol/harness.ts): empty/blank/binary documents, every line ending,
// emoji, a 1 MB line, a 50 MB document past newsdump.maxFileSizeMB; edits during an analysis,
// a document closed mid-analysis, a quick fix for an older version, cancelled requests, and
// a killed server replaced by a fresh one.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { CancellationTokenSource, CodeActionRequest, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, clean } from '../../server/src/analysis';
import { loadSeeds, makeCase, onCodePoint } from '../fuzz/lib';
import { sleep, TestClient, waitFor, WHOLE } from '../protocol/harness';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRoot } from '../fuzz/lib';

const ROOT = findRoot(__dirname);
const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'fuzz', 'seed-daily8.txt'), 'utf8');
const PAGE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'fuzz', 'single-page-india.txt'), 'utf8');
const FIX_ALL = 'source.fixAll.newsdump';

let n = 0;
const uri = (name: string) => `file:///robustness/${++n}-${name}.txt`;

/** The diagnostics the server must publish for `text` (default settings, newsdump language). */
function expected(text: string): string[] {
  return analyze(text).residue.map((r) => `${r.rule} ${JSON.stringify(r.range)}`).sort();
}
const got = (p: PublishDiagnosticsParams) => p.diagnostics.map((d: Diagnostic) => `${d.code} ${JSON.stringify(d.range)}`).sort();

/** Applies the server's fix-all for the current version through the client; returns the new text. */
async function fixAll(c: TestClient, u: string): Promise<string> {
  const actions = (await c.codeActions(u, WHOLE, [FIX_ALL])) ?? [];
  if (actions.length === 0) return c.text(u);
  assert.equal(actions.length, 1);
  const dc = actions[0].edit?.documentChanges?.[0];
  assert.ok(dc && 'textDocument' in dc, 'versioned documentChanges');
  assert.equal(dc.textDocument.version, c.docs.get(u)!.version, 'edit versioned with the current version');
  assert.ok(c.applyWorkspaceEdit(actions[0].edit!), 'applied');
  return c.text(u);
}

function assertRangesInside(text: string, diags: Diagnostic[]): void {
  const doc = TextDocument.create('x:', 'x', 0, text);
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of diags) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} inside`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character ${p.character} inside line ${p.line}`);
      assert.ok(onCodePoint(text, doc.offsetAt(p)), `${JSON.stringify(p)} splits a surrogate pair`);
    }
  }
}

describe('language server: bad input', () => {
  let c: TestClient;
  after(async () => c?.stop());

  test('start', async () => {
    c = (await TestClient.start({ settings: { maxDiagnostics: 0 } })).client; // all diagnostics: each is checked against the engine
  });

  test('empty and blank documents: no diagnostics', async () => {
    for (const text of ['', ' ', '\n\n', ' \t\r\n\r\n\u00a0']) {
      const u = uri('blank');
      await c.open(u, text);
      assert.deepEqual((await c.diagnostics(u)).diagnostics, [], JSON.stringify(text));
      assert.deepEqual((await c.codeActions(u, WHOLE)) ?? [], []);
    }
  });

  test('binary data: one information notice ("not a text dump"), no residue diagnostics, no fixes', async () => {
    const text = 'Advertisement\nabc\0def\nAdvertisement\n' + SEED;
    const u = uri('binary');
    await c.open(u, text);
    const d = (await c.diagnostics(u)).diagnostics;
    assert.equal(d.length, 1, JSON.stringify(d));
    assert.equal(d[0].severity, 3, 'information');
    assert.match(d[0].message, /not a text dump/);
    assert.equal(d[0].code, undefined, 'not a rule finding');
    assert.deepEqual((await c.codeActions(u, WHOLE)) ?? [], []);
    // A plain .txt that is binary is not annotated at all in the default "auto" mode.
    const p = uri('binary-plain');
    await c.open(p, text, 'plaintext');
    assert.deepEqual((await c.diagnostics(p)).diagnostics, []);
  });

  test('CRLF, lone CR and mixed endings: fix-all through the server is the engine\'s clean, endings kept', async () => {
    let k = 0;
    for (const text of [SEED.replace(/\n/g, '\r\n'), PAGE.replace(/\n/g, '\r'), SEED.replace(/\n/g, () => ['\n', '\r\n', '\r'][k++ % 3])]) {
      const u = uri('eol');
      await c.open(u, text);
      const p = await c.diagnostics(u);
      assert.deepEqual(got(p), expected(text));
      assert.equal(await fixAll(c, u), clean(text));
    }
  });

  test('BOM kept in the document (clients that do not strip it): fix-all keeps it and equals clean', async () => {
    const text = '\ufeffAdvertisement\nThe minister said on Tuesday that the new policy would take effect.\n' + SEED;
    const u = uri('bom');
    await c.open(u, text);
    await c.diagnostics(u);
    const out = await fixAll(c, u);
    assert.equal(out.charCodeAt(0), 0xfeff, 'BOM kept');
    assert.equal(out, clean(text));
  });

  test('emoji, flags, CJK, RTL, combining marks: every diagnostic range inside the document, no pair split', async () => {
    const text = [
      '🇮🇳 India 🏏 beat England 😀 in Ranchi', '',
      'Shoaib Bashir took three 👩‍👩‍👧‍👦 wickets. 中文新闻 — he finished with three for 79.Advertisement𝐓he captain said he was proud of them.',
      'Advertisement', 'مرحبا بالعالم. The minister said on Tuesday, שלום, that the policy would take effect next month.',
      'by Taboola', 'Sponsored Links', 'Cafe\u0301 owners 😀 hate this', 'Undo',
      'Zoe\u0308 wrote the ﬁnal 🇺🇦 word. ALSO READ | 日本語 😀 Five things to know Other text follows here.', '😀',
    ].join('\n');
    const u = uri('exotic');
    await c.open(u, text);
    const p = await c.diagnostics(u);
    assert.ok(p.diagnostics.length > 0);
    assertRangesInside(text, p.diagnostics);
    assert.deepEqual(got(p), expected(text));
    assert.equal(await fixAll(c, u), clean(text));
  });

  test('a 1 MB line: analysed, diagnostics for its version', async () => {
    const line = 'The minister said on Tuesday that the new policy would take effect next month. '.repeat(13_500);
    const text = 'Headline of the story\n\n' + line + '\nAdvertisement\nMore of the story, the minister said on Tuesday.\n';
    const u = uri('long-line');
    await c.open(u, text);
    const p = await c.diagnostics(u, 60_000);
    assert.deepEqual(got(p), expected(text));
  });

  test('a 50 MB document past newsdump.maxFileSizeMB (20): a visible notice, not silence', async () => {
    const para = SEED.replace(/\0/g, '') + '\n';
    const text = para.repeat(Math.ceil((50 << 20) / para.length));
    assert.ok(text.length >= 50 << 20);
    const u = uri('huge');
    const before = c.messages.length;
    await c.open(u, text);
    const d = (await c.diagnostics(u, 60_000)).diagnostics;
    assert.equal(d.length, 1);
    assert.equal(d[0].severity, 3);
    assert.match(d[0].message, /skipped.*MB.*maxFileSizeMB/);
    await waitFor(() => c.messages.slice(before).find((m) => /maxFileSizeMB/.test(m.message)), 'window/showMessage about the size');
    await c.close(u);
  });
});

describe('language server: races', () => {
  let c: TestClient;
  after(async () => c?.stop());
  // A dump big enough that its analysis takes a while (about a second or more).
  const BIG = SEED.repeat(250);

  test('start', async () => {
    c = (await TestClient.start({ settings: { maxDiagnostics: 0 } })).client; // all diagnostics: each is checked against the engine
  });

  test('edits arriving while an analysis runs: every publish matches its version\'s text; the last is for the last edit', async () => {
    const u = uri('edits');
    const texts = new Map<number, string>();
    await c.open(u, BIG);
    texts.set(1, BIG);
    const since = c.published.length;
    for (let i = 0; i < 6; i++) {
      await sleep(i % 2 ? 0 : 40);
      const doc = await c.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `Advertisement\nStory ${i} line.\n` }]);
      texts.set(doc.version, doc.getText());
    }
    const last = c.docs.get(u)!.version;
    const final = await c.diagnostics(u, 60_000);
    assert.equal(final.version, last);
    for (const p of c.published.slice(since).filter((x) => x.uri === u && x.version !== undefined)) {
      const t = texts.get(p.version!);
      assert.ok(t !== undefined, `published for unknown version ${p.version}`);
      assert.deepEqual(got(p), expected(t), `diagnostics of version ${p.version} are that version's`);
    }
    await c.close(u);
  });

  test('a document closed mid-analysis: its diagnostics are cleared and stay cleared', async () => {
    const u = uri('closed');
    await c.open(u, BIG + '\nAdvertisement\n');
    await sleep(20);
    const since = c.published.length;
    await c.close(u);
    await waitFor(() => c.published.slice(since).some((p) => p.uri === u && p.diagnostics.length === 0), 'the clearing publish');
    await sleep(2500); // longer than the analysis: a late result must not resurrect diagnostics
    const after = c.published.slice(since).filter((p) => p.uri === u);
    assert.ok(after.length > 0);
    assert.deepEqual(after[after.length - 1].diagnostics, [], 'last publish for the closed document is empty');
    // Reopened with other text: diagnostics for that text.
    await c.open(u, PAGE);
    assert.deepEqual(got(await c.diagnostics(u)), expected(PAGE));
    await c.close(u);
  });

  test('a quick fix computed for an older version is refused, never applied to shifted text', async () => {
    const u = uri('stale');
    const text = SEED.replace('\n\n', '\n\nAdvertisement\n\n');
    await c.open(u, text);
    await c.diagnostics(u);
    const v1 = (await c.codeActions(u, WHOLE, ['quickfix'])) ?? [];
    assert.ok(v1.length > 0);
    for (const a of v1) {
      const dc = a.edit?.documentChanges?.[0];
      assert.ok(dc && 'textDocument' in dc && dc.textDocument.version === 1, `"${a.title}" carries version 1`);
    }
    // The text shifts under the fix.
    await c.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'A new first line.\n' }]);
    const shifted = c.text(u);
    for (const a of v1) assert.equal(c.applyWorkspaceEdit(a.edit!), false, 'refused');
    assert.equal(c.text(u), shifted, 'nothing applied');
    // Asked again at once (no waiting for the debounce), the fix is for the new version.
    assert.equal(await fixAll(c, u), clean(shifted));
    await c.close(u);
  });

  test('cancelled requests: answered or RequestCancelled, and the server keeps serving', async () => {
    const u = uri('cancel');
    await c.open(u, BIG);
    await c.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Advertisement\n' }]);
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const src = new CancellationTokenSource();
      const req = c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: WHOLE, context: { diagnostics: [] } }, src.token);
      if (i % 2 === 0) src.cancel();
      else setTimeout(() => src.cancel(), 5);
      try {
        await req;
        outcomes.push('answered');
      } catch (e) {
        assert.equal((e as { code?: number }).code, -32800, `cancelled, not ${String(e)}`);
        outcomes.push('cancelled');
      }
    }
    assert.equal(outcomes.length, 5);
    // Still alive and correct afterwards.
    assert.deepEqual(got(await c.diagnostics(u, 60_000)), expected(c.text(u)));
    const now = c.text(u);
    assert.equal(await fixAll(c, u), clean(now));
    await c.close(u);
  });

  test('a killed server: a fresh one (what the client restarts) recovers the state on re-open', async () => {
    const u = uri('killed');
    const text = SEED.replace('\n\n', '\n\nAdvertisement\n\n');
    await c.open(u, text);
    const before = got(await c.diagnostics(u));
    c.proc.kill('SIGKILL');
    await waitFor(() => c.proc.exitCode !== null || c.proc.signalCode !== null, 'the server to die');
    try {
      c.conn.dispose();
    } catch {
      /* already gone */
    }
    // The VS Code client restarts the server and re-sends didOpen for open documents.
    const fresh = (await TestClient.start({ settings: { maxDiagnostics: 0 } })).client; // all diagnostics: each is checked against the engine
    c = fresh;
    await c.open(u, text);
    assert.deepEqual(got(await c.diagnostics(u)), before);
    assert.equal(await fixAll(c, u), clean(text));
  });
});

describe('language server: a fuzz sample through the real server', () => {
  let c: TestClient;
  after(async () => c?.stop());

  test('40 mutated dumps: diagnostics are the engine\'s residue and the fix-all is clean', async () => {
    c = (await TestClient.start({ settings: { maxDiagnostics: 0 } })).client; // all diagnostics: each is checked against the engine
    const seeds = loadSeeds(ROOT);
    let checked = 0;
    for (let i = 0; checked < 40; i++) {
      const k = makeCase(7, i, seeds);
      // Default settings only; a BOM kept in the document is the known TODO above.
      if (Object.keys(k.opts).length > 0 || k.text.charCodeAt(0) === 0xfeff) continue;
      checked++;
      const u = uri(`fuzz-${i}`);
      await c.open(u, k.text);
      const p = await c.diagnostics(u, 30_000);
      const m = analyze(k.text);
      assert.deepEqual(got(p), m.notice ? [] : expected(k.text), `case ${i}: ${k.ops.join('; ')}`);
      assertRangesInside(k.text, p.diagnostics);
      assert.equal(await fixAll(c, u), clean(k.text), `case ${i}: ${k.ops.join('; ')}`);
      await c.close(u);
    }
  });
});
