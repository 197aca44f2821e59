// Transports and the analysis worker: node IPC (the VS Code client's transport) gives the
// same answers as stdio; the in-process fallback (NEWSDUMP_WORKER=0) matches the worker; a
// long analysis on the worker does not block requests on other documents, and closing its
// document abandons it.
import * as assert from 'assert';
import { describe, test } from 'node:test';
import { DocumentSymbol, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { fixture, fixtureUri, TestClient, waitFor } from './harness';

const SEED = fixture('seed-daily8.txt');
const SEED_URI = fixtureUri('seed-daily8.txt');

async function seedAnswers(client: TestClient) {
  await client.open(SEED_URI, SEED, 'plaintext');
  const { diagnostics } = await client.diagnostics(SEED_URI);
  const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SEED_URI } })) as DocumentSymbol[];
  return { diagnostics, symbols };
}

describe('transports and worker', () => {
  test('node IPC, stdio and the in-process fallback give identical answers', async () => {
    const runs: Record<string, unknown> = {};
    for (const [name, opts] of [
      ['stdio', {}],
      ['ipc', { transport: 'ipc' as const }],
      ['in-process', { env: { NEWSDUMP_WORKER: '0' } }],
    ] as const) {
      const { client, init } = await TestClient.start(opts);
      try {
        assert.strictEqual(init.serverInfo?.name, 'newsdump');
        runs[name] = await seedAnswers(client);
      } finally {
        await client.stop();
      }
    }
    const stdio = runs.stdio as { diagnostics: unknown[]; symbols: unknown[] };
    assert.ok(stdio.diagnostics.length > 0 && stdio.symbols.length === 4);
    assert.deepStrictEqual(runs.ipc, runs.stdio, 'ipc = stdio');
    assert.deepStrictEqual(runs['in-process'], runs.stdio, 'in-process = worker');
  });

  test('a long analysis does not block requests on other documents; closing abandons it', async () => {
    const { client } = await TestClient.start();
    try {
      const small = 'untitled:small';
      await client.open(small, SEED, 'newsdump');
      await client.diagnostics(small);
      // ~1.5 MB of distinct articles: seconds of engine time (no cache hits)
      const bigText = (tag: string) => {
        let big = '';
        for (let i = 0; big.length < 1.5e6; i++) big += SEED.replace(/Russia/g, `Russia${tag}${i}`).replace(/Putin/g, `Putin${tag}${i}`);
        return big;
      };
      const bigUri = 'untitled:big';
      const t0 = Date.now();
      await client.open(bigUri, bigText('a'), 'newsdump');
      const folds = await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: small } });
      const hover = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 11, character: 1 } });
      const answeredIn = Date.now() - t0;
      assert.ok(Array.isArray(folds) && folds.length > 0);
      assert.ok(hover, 'hover answered');
      await client.diagnostics(bigUri, 60000);
      const bigMs = Date.now() - t0;
      console.log(`      big dump analysed in ${bigMs} ms; small-doc requests meanwhile answered in ${answeredIn} ms`);
      assert.ok(bigMs >= 300, `the big dump must take a while for this test to mean anything (${bigMs} ms)`);
      assert.ok(answeredIn < bigMs / 2, `small-doc requests (${answeredIn} ms) did not wait for the big analysis (${bigMs} ms)`);
      // a second big dump, closed mid-analysis: its job is abandoned and the small doc is served at once
      const big2 = 'untitled:big2';
      await client.open(big2, bigText('b'), 'newsdump');
      await client.close(big2);
      const since = client.published.length;
      const t1 = Date.now();
      await client.change(small, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      await client.diagnosticsAfter(small, since, (p) => p.version === 2);
      const servedIn = Date.now() - t1;
      console.log(`      small doc re-analysed ${servedIn} ms after closing the second big one`);
      assert.ok(servedIn < bigMs / 2 + 150, `served in ${servedIn} ms, not after the abandoned analysis (~${bigMs} ms)`);
      assert.ok(!client.published.some((p) => p.uri === big2 && p.version === 1), 'the abandoned analysis is never published');
    } finally {
      await client.stop();
    }
  });
});
