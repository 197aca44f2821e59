// Configuration and the edges: settings changes re-publish, the size limit, plaintext modes,
// outline.showResidue, empty and binary documents, closing mid-analysis, cancellation.
import * as assert from 'assert';
import * as cp from 'child_process';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource, CodeActionRequest, DiagnosticSeverity, HoverRequest, MarkupContent, DocumentSymbol, DocumentSymbolRequest, FoldingRangeRequest, LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/analysis';
import { fixture, fixtureUri, SERVER, sleep, TestClient, waitFor, WHOLE } from './harness';

const SEED = fixture('seed-daily8.txt');

describe('settings', () => {
  let client: TestClient;
  const uri = 'untitled:settings-seed';

  before(async () => {
    ({ client } = await TestClient.start({ settings: {} }));
    await client.open(uri, SEED, 'newsdump');
  });
  after(async () => {
    await client.stop();
  });

  test('settings are pulled with workspace/configuration, section newsdump, scoped to the document', async () => {
    await client.diagnostics(uri);
    const req = client.configurationRequests.find((r) => r.items.some((i) => i.scopeUri === uri));
    assert.ok(req, 'a configuration request for the document');
    assert.strictEqual(req.items[0].section, 'newsdump');
  });

  test('newsdump.rules: a severity change and "off" re-publish', async () => {
    const base = await client.diagnostics(uri);
    const widgets = base.diagnostics.filter((d) => d.code === 'sponsored-widget').length;
    const promos = base.diagnostics.filter((d) => d.code === 'promo').length;
    assert.ok(widgets > 0 && promos > 0);
    let since = client.published.length;
    await client.setSettings({ rules: { 'sponsored-widget': 'error', promo: 'off' } });
    const p = await client.diagnosticsAfter(uri, since);
    assert.strictEqual(p.diagnostics.filter((d) => d.code === 'sponsored-widget').length, widgets);
    for (const d of p.diagnostics.filter((x) => x.code === 'sponsored-widget')) assert.strictEqual(d.severity, DiagnosticSeverity.Error);
    assert.strictEqual(p.diagnostics.filter((d) => d.code === 'promo').length, 0, 'promo is off');
    // the fix-all no longer deletes the promo (it is what `clean` with that config keeps)
    const fixAll = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: WHOLE, context: { diagnostics: [], only: ['source.fixAll'] },
    }))!;
    assert.strictEqual(fixAll.length, 1);
    since = client.published.length;
    await client.setSettings({});
    const back = await client.diagnosticsAfter(uri, since);
    assert.strictEqual(back.diagnostics.filter((d) => d.code === 'promo').length, promos, 'promo back');
    for (const d of back.diagnostics.filter((x) => x.code === 'sponsored-widget')) assert.strictEqual(d.severity, DiagnosticSeverity.Warning);
  });

  test('newsdump.extraPhrases and ignorePhrases reach the engine', async () => {
    // a neutral short line of our own inside the main article
    const u = 'untitled:phrases';
    const lines = SEED.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Telegram told Russia'));
    const text = [...lines.slice(0, at), 'Kremlin statement follows', ...lines.slice(at)].join('\n');
    await client.open(u, text, 'newsdump');
    await client.diagnostics(u);
    const hoverText = async () => {
      const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line: at, character: 2 } });
      return h ? (h.contents as MarkupContent).value : '';
    };
    assert.ok(!/kremlin statement follows/i.test(await hoverText()), 'no phrase evidence by default');
    let since = client.published.length;
    await client.setSettings({ extraPhrases: ['Kremlin statement follows'] });
    const p = await client.diagnosticsAfter(u, since);
    assert.ok(p.diagnostics.some((d) => d.range.start.line <= at && d.range.end.line >= at && (d.range.end.line > at || d.range.end.character > 0)),
      'the extra phrase makes its line residue');
    assert.match(await hoverText(), /kremlin statement follows/i, 'the hover names the phrase as evidence');
    // ignorePhrases protects a promo line
    const promoLine = lines.findIndex((l) => l.startsWith('AI Masterclass for Students'));
    const promoAt = promoLine + 1; // shifted by our inserted line
    assert.ok(p.diagnostics.some((d) => d.code === 'promo' && d.range.start.line === promoAt), 'the promo is flagged first');
    since = client.published.length;
    await client.setSettings({ ignorePhrases: ['AI Masterclass for Students'] });
    const q = await client.diagnosticsAfter(u, since);
    assert.ok(!q.diagnostics.some((d) => d.code === 'promo' && d.range.start.line === promoAt), 'the ignored phrase protects its line');
    since = client.published.length;
    await client.setSettings({});
    await client.diagnosticsAfter(u, since);
    await client.close(u);
  });

  test('newsdump.outline.showResidue adds residue symbols under their article', async () => {
    const count = (syms: DocumentSymbol[]) => syms.reduce((n, s) => n + (s.children ?? []).filter((c) => c.kind === 24).length + (s.kind === 24 ? 1 : 0), 0);
    const before = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.strictEqual(count(before), 0);
    const since = client.published.length;
    await client.setSettings({ outline: { showResidue: true } });
    await client.diagnosticsAfter(uri, since);
    const after = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const diags = (await client.diagnostics(uri)).diagnostics;
    assert.strictEqual(count(after), diags.length, 'one residue symbol per diagnostic');
    assert.strictEqual(after.length, before.length, 'articles unchanged');
    const widget = after[0].children!.find((c) => c.kind === 24 && /sponsored-widget/.test(c.detail ?? ''));
    assert.ok(widget, 'the main article lists its sponsored block');
    await client.setSettings({});
  });

  test('garbage settings fall back to defaults', async () => {
    const since = client.published.length;
    await client.setSettings({ rules: { 'sponsored-widget': 'loud', nope: 'error' }, maxFileSizeMB: 'big', plaintext: 3, extraPhrases: 'x' });
    const p = await client.diagnosticsAfter(uri, since);
    for (const d of p.diagnostics.filter((x) => x.code === 'sponsored-widget')) assert.strictEqual(d.severity, DiagnosticSeverity.Warning);
    assert.ok(p.diagnostics.length > 1);
    await client.setSettings({});
  });
});

describe('diagnostics limit', () => {
  let client: TestClient;

  before(async () => {
    ({ client } = await TestClient.start({ settings: { maxDiagnostics: 2 } }));
  });
  after(async () => {
    await client.stop();
  });

  test('newsdump.maxDiagnostics: the first findings, a notice with the total, and the fix-all still cleans all', async () => {
    const uri = 'untitled:limit';
    await client.open(uri, SEED, 'newsdump');
    const { diagnostics } = await client.diagnostics(uri);
    assert.strictEqual(diagnostics.length, 3);
    assert.ok(diagnostics[0].code && diagnostics[1].code, 'two findings');
    assert.ok(diagnostics[0].range.start.line <= diagnostics[1].range.start.line, 'the first ones, in order');
    const notice = diagnostics[2];
    assert.strictEqual(notice.severity, DiagnosticSeverity.Information);
    const total = Number(/of ([\d,]+) findings/.exec(notice.message)?.[1].replace(/,/g, ''));
    assert.ok(total > 2, notice.message);
    assert.match(notice.message, /maxDiagnostics/);
    // The fix-all acts on every finding, shown or not.
    const actions = await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: WHOLE, context: { diagnostics: [], only: ['source.fixAll.newsdump'] },
    });
    const edits = (actions ?? []).flatMap((a) => ('edit' in a && a.edit?.documentChanges ? a.edit.documentChanges : []))
      .flatMap((c) => ('edits' in c ? c.edits : []));
    const deleting = analyze(SEED).residue.filter((r) => r.fix.kind === 'delete').reduce((n, r) => n + r.fix.edits.length, 0);
    assert.ok(deleting > 2);
    assert.strictEqual(edits.length, deleting, 'every deletion, not only the shown findings\'');
    // 0 shows all of them.
    const since = client.published.length;
    await client.setSettings({ maxDiagnostics: 0 });
    const p = await client.diagnosticsAfter(uri, since);
    assert.strictEqual(p.diagnostics.length, total);
    await client.close(uri);
  });
});

describe('size limit', () => {
  let client: TestClient;

  before(async () => {
    ({ client } = await TestClient.start({ settings: { maxFileSizeMB: 0.01 } })); // 10 KiB
  });
  after(async () => {
    await client.stop();
  });

  test('a file over newsdump.maxFileSizeMB gets one Information diagnostic and one message', async () => {
    const uri = 'untitled:big';
    await client.open(uri, SEED, 'newsdump');
    const { diagnostics } = await client.diagnostics(uri);
    assert.strictEqual(diagnostics.length, 1);
    const d = diagnostics[0];
    assert.strictEqual(d.severity, DiagnosticSeverity.Information);
    assert.strictEqual(d.range.start.line, 0);
    assert.match(d.message, /maxFileSizeMB/);
    assert.match(d.message, /skipped/);
    await waitFor(() => client.messages.length > 0, 'window/showMessage');
    // another edit: still skipped, no second message
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.diagnostics(uri);
    await sleep(100);
    assert.strictEqual(client.messages.length, 1, 'the notice is shown once');
    const folds = await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.deepStrictEqual(folds, []);
    // raising the limit analyses it
    const since = client.published.length;
    await client.setSettings({ maxFileSizeMB: 20 });
    const p = await client.diagnosticsAfter(uri, since);
    assert.ok(p.diagnostics.some((x) => x.code === 'sponsored-widget'));
    await client.close(uri);
  });
});

describe('plaintext modes', () => {
  let client: TestClient;

  before(async () => {
    ({ client } = await TestClient.start({ settings: {} }));
  });
  after(async () => {
    await client.stop();
  });

  async function diagsFor(name: string, languageId: string) {
    const uri = fixtureUri(name);
    const since = client.published.length;
    await client.open(uri, fixture(name), languageId);
    // (the clearing publish of the previous close carries no version: skip it)
    const p = await client.diagnosticsAfter(uri, since, (x) => x.version === 1);
    const syms = await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    await client.close(uri);
    return { diagnostics: p.diagnostics, symbols: syms as DocumentSymbol[] };
  }

  test('auto: silent on a novel chapter and on a README', async () => {
    for (const name of ['novel-chapter.txt', 'README.txt']) {
      const { diagnostics, symbols } = await diagsFor(name, 'plaintext');
      assert.deepStrictEqual(diagnostics, [], `no diagnostics on ${name}`);
      assert.deepStrictEqual(symbols, [], `no symbols on ${name}`);
    }
  });

  test('auto: annotates news dumps and copied pages', async () => {
    for (const name of ['seed-daily8.txt', 'aggregator-cricket.txt', 'single-page-india.txt', 'wcxb_0221.txt']) {
      const { diagnostics, symbols } = await diagsFor(name, 'plaintext');
      assert.ok(diagnostics.length > 0, `diagnostics on ${name}`);
      assert.ok(symbols.length > 0, `symbols on ${name}`);
    }
  });

  test('the newsdump language is always annotated; "never" silences plaintext only', async () => {
    const readme = await diagsFor('README.txt', 'newsdump');
    assert.ok(readme.symbols.length > 0, 'a README opened as newsdump gets an outline');
    await client.setSettings({ plaintext: 'never' });
    const seedPlain = await diagsFor('seed-daily8.txt', 'plaintext');
    assert.deepStrictEqual(seedPlain.diagnostics, []);
    const seedDump = await diagsFor('seed-daily8.txt', 'newsdump');
    assert.ok(seedDump.diagnostics.length > 0);
    await client.setSettings({ plaintext: 'always' });
    const readmeAlways = await diagsFor('README.txt', 'plaintext');
    assert.ok(readmeAlways.symbols.length > 0, '"always" treats any plaintext as a dump');
    await client.setSettings({});
  });
});

describe('edge cases', () => {
  let client: TestClient;

  before(async () => {
    ({ client } = await TestClient.start());
  });
  after(async () => {
    await client.stop();
  });

  test('empty document: no diagnostics, empty answers, no errors', async () => {
    const uri = 'untitled:empty';
    await client.open(uri, '', 'newsdump');
    assert.deepStrictEqual((await client.diagnostics(uri)).diagnostics, []);
    assert.deepStrictEqual(await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), []);
    assert.deepStrictEqual(await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
    assert.deepStrictEqual(await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: WHOLE, context: { diagnostics: [] } }), []);
    const stats = await client.conn.sendRequest('newsdump/statistics', { textDocument: { uri } }) as { articles: number };
    assert.strictEqual(stats.articles, 0);
    await client.close(uri);
  });

  test('binary data: one notice that it is not a text dump', async () => {
    const uri = 'untitled:binary';
    await client.open(uri, 'PK\u0003\u0004\u0000\u0000\u0000\u0008\u0000' + '\u0000\u0001\u0002'.repeat(200), 'newsdump');
    const { diagnostics } = await client.diagnostics(uri);
    assert.strictEqual(diagnostics.length, 1);
    assert.strictEqual(diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.match(diagnostics[0].message, /not a text dump/);
    await client.close(uri);
  });

  test('closed mid-analysis: nothing is published after the close but the clearing', async () => {
    const uri = 'untitled:closing';
    await client.open(uri, SEED, 'newsdump');
    await client.diagnostics(uri);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Advertisement\n' }]);
    await client.close(uri);
    await sleep(400); // past the debounce
    const mine = client.published.filter((p) => p.uri === uri);
    const last = mine[mine.length - 1];
    assert.deepStrictEqual(last.diagnostics, [], 'the last publish clears');
    assert.ok(!mine.some((p) => p.version === 2), 'the edit made just before closing is never published');
    // requests on a closed document answer null, not an error
    assert.strictEqual(await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), null);
  });

  test('cancellation: a request cancelled in flight answers RequestCancelled, the next one works', async () => {
    // Raw frames on a server of its own, so the request and its $/cancelRequest arrive in one
    // write (the order an editor produces when the user types on): deterministic.
    const proc = cp.spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const frame = (msg: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    };
    const responses = new Map<number, { result?: unknown; error?: { code: number } }>();
    let buf = Buffer.alloc(0);
    proc.stdout!.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const sep = buf.indexOf('\r\n\r\n');
        if (sep < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, sep).toString('ascii'))![1]);
        if (buf.length < sep + 4 + len) return;
        const msg = JSON.parse(buf.subarray(sep + 4, sep + 4 + len).toString('utf8'));
        buf = buf.subarray(sep + 4 + len);
        if (typeof msg.id === 'number' && !msg.method) responses.set(msg.id, msg);
      }
    });
    try {
      const uri = 'untitled:raw-cancel';
      const ca = (id: number) => frame({ id, method: 'textDocument/codeAction', params: { textDocument: { uri }, range: WHOLE, context: { diagnostics: [] } } });
      proc.stdin!.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
      await waitFor(() => responses.get(1), 'initialize');
      proc.stdin!.write(Buffer.concat([
        frame({ method: 'initialized', params: {} }),
        frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'newsdump', version: 1, text: SEED } } }),
      ]));
      proc.stdin!.write(Buffer.concat([ca(2), frame({ method: '$/cancelRequest', params: { id: 2 } })]));
      proc.stdin!.write(ca(3));
      const r2 = await waitFor(() => responses.get(2), 'response 2');
      const r3 = await waitFor(() => responses.get(3), 'response 3');
      assert.strictEqual(r2.error?.code, LSPErrorCodes.RequestCancelled, `cancelled: ${JSON.stringify(r2).slice(0, 200)}`);
      assert.ok(Array.isArray(r3.result) && r3.result.length > 0, 'the next request is answered');
    } finally {
      proc.kill();
    }
  });

  test('cancellation through the client library: cancelled or answered, never broken', async () => {
    const uri = 'untitled:cancel';
    await client.open(uri, SEED, 'newsdump');
    await client.diagnostics(uri);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    const cts = new CancellationTokenSource();
    const p = client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: WHOLE, context: { diagnostics: [] } }, cts.token);
    cts.cancel();
    const res = await p.then((r) => r, (e: unknown) => e);
    if (res instanceof ResponseError) assert.strictEqual(res.code, LSPErrorCodes.RequestCancelled);
    else assert.ok(Array.isArray(res));
    const ok = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: WHOLE, context: { diagnostics: [] } });
    assert.ok(Array.isArray(ok) && ok.length > 0);
    await client.close(uri);
  });

  test('a client without workspace/configuration uses the pushed settings', async () => {
    const { client: c2 } = await TestClient.start({ noConfiguration: true });
    try {
      const uri = 'untitled:push';
      await c2.open(uri, SEED, 'newsdump');
      const base = await c2.diagnostics(uri);
      assert.ok(base.diagnostics.some((d) => d.code === 'promo'));
      const since = c2.published.length;
      await c2.setSettings({ rules: { promo: 'off' } });
      const p = await c2.diagnosticsAfter(uri, since);
      assert.ok(!p.diagnostics.some((d) => d.code === 'promo'));
      assert.strictEqual(c2.configurationRequests.length, 0, 'never asked');
    } finally {
      await c2.stop();
    }
  });
});
