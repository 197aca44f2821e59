// The bundled language server over stdio, driven by a real LSP client library, on the seed
// dump: diagnostics, folding, symbols, hover, code actions (quick fix, article fix, fix-all =
// `newsdump clean`), context.only, stale versions, custom requests, the fix-all command.
import * as assert from 'assert';
import { after, before, describe, test } from 'node:test';
import {
  CodeAction, Diagnostic, DiagnosticSeverity, DiagnosticTag, DocumentSymbol, DocumentSymbolRequest, ExecuteCommandRequest,
  FoldingRange, FoldingRangeRequest, Hover, HoverRequest, MarkupContent, SymbolInformation, TextDocumentEdit,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseAnnText } from '../support/ann';
import { cli, fixture, fixtureUri, slice, TestClient, waitFor, WHOLE } from './harness';

const RULE_IDS = ['sponsored-widget', 'ad-marker', 'promo', 'site-chrome', 'inline-teaser', 'broken-line', 'glued-heading'];
const DELETE_RULES = new Set(['sponsored-widget', 'ad-marker', 'promo', 'site-chrome', 'inline-teaser']);
const DEFAULT_SEVERITY: Record<string, DiagnosticSeverity> = {
  'sponsored-widget': DiagnosticSeverity.Warning,
  'ad-marker': DiagnosticSeverity.Warning,
  promo: DiagnosticSeverity.Information,
  'site-chrome': DiagnosticSeverity.Information,
  'inline-teaser': DiagnosticSeverity.Information,
  'broken-line': DiagnosticSeverity.Hint,
  'glued-heading': DiagnosticSeverity.Hint,
};

const SEED = fixture('seed-daily8.txt');
const GOLD = parseAnnText(fixture('seed-daily8.ann'));
const SEED_URI = fixtureUri('seed-daily8.txt');

function only1<T>(xs: T[] | null | undefined, what: string): T {
  assert.ok(xs && xs.length === 1, `exactly one ${what}, got ${xs ? xs.length : xs}`);
  return xs[0];
}

function textEdits(a: CodeAction): TextDocumentEdit {
  assert.ok(a.edit && a.edit.documentChanges, `"${a.title}" has documentChanges`);
  return only1(a.edit.documentChanges as TextDocumentEdit[], 'document change');
}

/** Applies an action's edit to `text` as a client would (ignores the version). */
function applyTo(text: string, a: CodeAction): string {
  const doc = TextDocument.create('x:', 'x', 0, text);
  return TextDocument.applyEdits(doc, textEdits(a).edits);
}

/** (line, rule) of every finding `newsdump check` prints. */
function cliFindings(text: string): string[] {
  let out = '';
  try {
    out = cli(['check', '-'], text);
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? ''); // exit 1 when findings
  }
  return out.split('\n').filter(Boolean).map((l) => {
    const m = /^[^:]*:(\d+):\d+ \S+ (\S+)/.exec(l);
    assert.ok(m, `unparsable check line ${l}`);
    return `${Number(m[1]) - 1}:${m[2]}`;
  }).sort();
}

describe('language server on the seed dump (plaintext, auto mode)', () => {
  let client: TestClient;

  before(async () => {
    ({ client } = await TestClient.start());
    await client.open(SEED_URI, SEED, 'plaintext');
  });
  after(async () => {
    await client.stop();
  });

  test('diagnostics: rule codes, source, docs link, severities and Unnecessary tags', async () => {
    const { diagnostics, version } = await client.diagnostics(SEED_URI);
    assert.strictEqual(version, 1);
    assert.ok(diagnostics.length > 0, 'the seed has residue');
    for (const d of diagnostics) {
      const code = String(d.code);
      assert.ok(RULE_IDS.includes(code), `known rule ${code}`);
      assert.strictEqual(d.source, 'newsdump');
      assert.strictEqual(d.codeDescription?.href, `https://github.com/newsdump/newsdump#rule-${code}`);
      assert.strictEqual(d.severity, DEFAULT_SEVERITY[code], `default severity of ${code}`);
      const unnecessary = (d.tags ?? []).includes(DiagnosticTag.Unnecessary);
      assert.strictEqual(unnecessary, DELETE_RULES.has(code), `Unnecessary tag on ${code}`);
    }
    const sw = diagnostics.filter((d) => d.code === 'sponsored-widget');
    assert.ok(sw.some((d) => /^by Taboola/.test(slice(SEED, d.range))), 'a widget diagnostic starts at "by Taboola"');
    // one diagnostic per finding the CLI reports, on the same lines
    const ours = diagnostics.map((d) => `${d.range.start.line}:${d.code}`).sort();
    assert.deepStrictEqual(ours, cliFindings(SEED));
  });

  test('document symbols: one per gold article, headline as name, source in detail', async () => {
    const syms = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SEED_URI } })) as DocumentSymbol[];
    assert.ok(Array.isArray(syms) && syms.length > 0 && 'selectionRange' in syms[0], 'hierarchical symbols');
    assert.deepStrictEqual(syms.map((s) => s.name), GOLD.articles.map((a) => a.title));
    GOLD.articles.forEach((a, i) => {
      if (a.source) assert.ok((syms[i].detail ?? '').startsWith(a.source), `detail "${syms[i].detail}" starts with ${a.source}`);
      assert.strictEqual(slice(SEED, syms[i].selectionRange).trim(), a.title, 'selectionRange is the headline');
    });
    assert.ok(syms.some((s) => (s.detail ?? '').includes(' · ')), 'detail is "source · published"');
    for (let i = 1; i < syms.length; i++) assert.ok(syms[i].range.start.line >= syms[i - 1].range.end.line - 1, 'in order, not overlapping');
    // residue is not in the outline by default
    const kinds = new Set(syms.flatMap((s) => (s.children ?? []).map((c) => c.kind)));
    assert.ok(!kinds.has(24 /* Event */), 'no residue symbols without newsdump.outline.showResidue');
  });

  test('document symbols: each article\'s range holds its gold body lines', async () => {
    const syms = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SEED_URI } })) as DocumentSymbol[];
    const heads = GOLD.lines.map((l, i) => (l.tag === 'headline' ? i : -1)).filter((i) => i >= 0);
    heads.forEach((h, k) => {
      // up to the next article's metadata block (source / time lines) or headline
      let end = k + 1 < heads.length ? heads[k + 1] : GOLD.lines.length;
      const meta = GOLD.lines.findIndex((l, i) => i > h && i < end && l.tag !== null);
      if (meta >= 0) end = meta;
      // kept text lines of this article: untagged, mostly not residue
      const body = GOLD.lines.map((l, i) => ({ l, i })).filter(({ l, i }) => i > h && i < end && l.tag === null && l.chars > 0 && l.residueChars * 2 < l.chars);
      const last = body.length ? body[body.length - 1].i : h;
      const r = syms[k].range;
      assert.ok(r.start.line <= h && r.end.line >= last,
        `article ${k + 1} range ${r.start.line}-${r.end.line} holds its headline (line ${h}) and body through line ${last}`);
    });
  });

  test('folding: a range per article and per multi-line residue block', async () => {
    const folds = (await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: SEED_URI } })) as FoldingRange[];
    const syms = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SEED_URI } })) as DocumentSymbol[];
    // every article that spans lines folds from its first line (a one-line article cannot fold)
    const multi = syms.filter((s) => s.range.end.line > s.range.start.line + (s.range.end.character === 0 ? 1 : 0));
    assert.ok(multi.length >= 3, 'the seed has multi-line articles');
    for (const s of multi) {
      assert.ok(folds.some((f) => f.startLine === s.range.start.line && f.endLine > f.startLine && f.endLine <= s.range.end.line),
        `fold for article at line ${s.range.start.line}`);
    }
    const { diagnostics } = await client.diagnostics(SEED_URI);
    for (const d of diagnostics.filter((x) => x.range.end.line - x.range.start.line >= 2)) {
      assert.ok(folds.some((f) => f.startLine === d.range.start.line && f.kind === 'comment'), `fold for ${d.code} block at ${d.range.start.line}`);
    }
    for (const f of folds) assert.ok(f.endLine > f.startLine, 'no empty folds');
    // VS Code keeps one fold per start line: never send two
    const starts = folds.map((f) => f.startLine);
    assert.strictEqual(new Set(starts).size, starts.length, `one fold per start line: ${starts.join(',')}`);
  });

  test('hover on residue: rule, evidence, fix; nothing on article text', async () => {
    const { diagnostics } = await client.diagnostics(SEED_URI);
    const sw = diagnostics.find((d) => d.code === 'sponsored-widget')!;
    const h = (await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SEED_URI }, position: sw.range.start })) as Hover;
    const md = (h.contents as MarkupContent).value;
    assert.strictEqual((h.contents as MarkupContent).kind, 'markdown');
    assert.match(md, /sponsored-widget/);
    assert.match(md, /\*\*Why:\*\* .*Taboola/);
    assert.match(md, /\*\*Fix:\*\* Delete sponsored block/);
    assert.deepStrictEqual(h.range, sw.range);
    const none = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SEED_URI }, position: { line: 1, character: 5 } });
    assert.strictEqual(none, null, 'no hover on the headline');
  });

  test('code actions: a preferred quick fix per diagnostic that deletes exactly its span', async () => {
    const { diagnostics } = await client.diagnostics(SEED_URI);
    const sw = diagnostics.find((d) => d.code === 'sponsored-widget')!;
    const actions = (await client.codeActions(SEED_URI, sw.range, ['quickfix'], [sw]))!;
    const fix = actions.find((a) => a.isPreferred)!;
    assert.ok(fix, 'a preferred action');
    assert.strictEqual(fix.kind, 'quickfix');
    assert.strictEqual(fix.title, 'Delete sponsored block');
    assert.deepStrictEqual(fix.diagnostics, [sw], 'the action names the client\'s diagnostic');
    const de = textEdits(fix);
    assert.deepStrictEqual(de.textDocument, { uri: SEED_URI, version: 1 });
    for (const e of de.edits) assert.strictEqual(e.newText, '', 'deletes only');
    const after = applyTo(SEED, fix);
    const flagged = slice(SEED, sw.range);
    assert.ok(!after.includes(flagged), 'the widget text is gone');
    assert.strictEqual(SEED.length - after.length >= flagged.length, true);
    // everything before the block is untouched
    const lineStart = TextDocument.create('x:', 'x', 0, SEED).offsetAt({ line: sw.range.start.line, character: 0 });
    assert.strictEqual(after.slice(0, lineStart), SEED.slice(0, lineStart));
    // a layout rule's quick fix is titled from RULES too
    const bl = diagnostics.find((d) => d.code === 'broken-line');
    if (bl) {
      const a2 = (await client.codeActions(SEED_URI, bl.range, ['quickfix'], [bl]))!;
      assert.ok(a2.some((a) => a.title === 'Join broken lines' && a.isPreferred));
    }
  });

  test('code actions: "Delete all residue in this article" inside an article with residue', async () => {
    const syms = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SEED_URI } })) as DocumentSymbol[];
    const { diagnostics } = await client.diagnostics(SEED_URI);
    // an article's residue: between its first line and the next article (the engine may
    // attribute a block just past an article's own range to it)
    const inside = (d: Diagnostic, s: DocumentSymbol) => {
      const next = syms[syms.indexOf(s) + 1];
      return DELETE_RULES.has(String(d.code)) && d.range.start.line >= s.range.start.line
        && (next ? d.range.start.line < next.range.start.line : true);
    };
    const target = syms.findIndex((s) => diagnostics.some((d) => inside(d, s)));
    assert.ok(target >= 0, 'an article holds deletable residue');
    const art = syms[target];
    const pos = art.selectionRange.start;
    const actions = (await client.codeActions(SEED_URI, { start: pos, end: pos }))!;
    const action = actions.find((a) => a.title === 'Delete all residue in this article');
    assert.ok(action, `article action among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(action.kind!.startsWith('quickfix.'), 'a quickfix sub-kind');
    const after = applyTo(SEED, action);
    for (const d of diagnostics.filter((x) => inside(x, art))) assert.ok(!after.includes(slice(SEED, d.range)) || slice(SEED, d.range).length < 12, `${d.code} at ${d.range.start.line} deleted`);
    // only inside that article: text before and after it is untouched
    const doc = TextDocument.create('x:', 'x', 0, SEED);
    const start = doc.offsetAt(art.range.start);
    assert.ok(after.startsWith(SEED.slice(0, start)), 'earlier text untouched');
    if (target + 1 < syms.length) assert.ok(after.endsWith(SEED.slice(doc.offsetAt(syms[target + 1].range.start))), 'later articles untouched');
    // offered exactly where an article holds deletable residue
    for (const [i, s] of syms.entries()) {
      const p = s.selectionRange.start;
      const acts = (await client.codeActions(SEED_URI, { start: p, end: p }, ['quickfix']))!;
      const has = acts.some((a) => a.title === 'Delete all residue in this article');
      assert.strictEqual(has, diagnostics.some((d) => inside(d, s)), `article ${i + 1}: offered iff it holds deletable residue`);
    }
  });

  test('fix-all (source.fixAll.newsdump) equals `newsdump clean`', async () => {
    const actions = (await client.codeActions(SEED_URI, WHOLE, ['source.fixAll']))!;
    const fixAll = only1(actions, 'fix-all action');
    assert.strictEqual(fixAll.kind, 'source.fixAll.newsdump');
    assert.deepStrictEqual(textEdits(fixAll).textDocument, { uri: SEED_URI, version: 1 });
    const expected = cli(['clean', '-'], SEED);
    assert.notStrictEqual(expected, SEED);
    assert.strictEqual(applyTo(SEED, fixAll), expected);
  });

  test('context.only is honoured', async () => {
    // from the headline of an article with residue to the end: every kind of action applies
    const syms = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SEED_URI } })) as DocumentSymbol[];
    const { diagnostics } = await client.diagnostics(SEED_URI);
    const art = syms.find((s) => diagnostics.some((d) => DELETE_RULES.has(String(d.code)) && d.range.start.line >= s.range.start.line && d.range.start.line <= s.range.end.line))!;
    const range = { start: art.selectionRange.start, end: WHOLE.end };
    const kinds = async (only?: string[]) => ((await client.codeActions(SEED_URI, range, only)) ?? []).map((a) => a.kind!);
    const all = await kinds();
    assert.ok(all.includes('quickfix') && all.includes('source.fixAll.newsdump') && all.includes('quickfix.newsdump.article'));
    assert.ok((await kinds(['quickfix'])).every((k) => k === 'quickfix' || k.startsWith('quickfix.')));
    assert.ok(!(await kinds(['quickfix'])).includes('source.fixAll.newsdump'));
    assert.deepStrictEqual(await kinds(['source']), ['source.fixAll.newsdump']);
    assert.deepStrictEqual(await kinds(['source.fixAll.newsdump']), ['source.fixAll.newsdump']);
    assert.deepStrictEqual(await kinds(['refactor']), []);
    assert.deepStrictEqual(await kinds(['source.organizeImports']), []);
  });

  test('custom requests: statistics and articles JSONL (= `newsdump articles --jsonl`)', async () => {
    const stats = await client.conn.sendRequest('newsdump/statistics', { textDocument: { uri: SEED_URI } }) as Record<string, any>;
    const { diagnostics } = await client.diagnostics(SEED_URI);
    assert.strictEqual(stats.articles, GOLD.articles.length);
    assert.strictEqual(stats.residueBlocks, diagnostics.length);
    const byRule: Record<string, number> = {};
    for (const d of diagnostics) byRule[String(d.code)] = (byRule[String(d.code)] ?? 0) + 1;
    assert.deepStrictEqual(stats.residueByRule, byRule);
    assert.ok(stats.wordsKept > 0 && stats.wordsRemoved > 0, 'words kept and removed');
    assert.ok(typeof stats.analysisMs === 'number' && stats.analysisMs >= 0);
    const res = await client.conn.sendRequest('newsdump/articlesJsonl', { textDocument: { uri: SEED_URI } }) as { jsonl: string };
    assert.strictEqual(res.jsonl, cli(['articles', '--jsonl', '-'], SEED));
    const first = JSON.parse(res.jsonl.split('\n')[0]);
    assert.strictEqual(first.title, GOLD.articles[0].title);
    assert.ok(!first.text.includes('by Taboola'), 'exported text is cleaned');
  });

  test('status notification per analysed version', async () => {
    const st = await waitFor(() => client.notifications.find((n) => n.method === 'newsdump/status' && (n.params as any).uri === SEED_URI), 'newsdump/status');
    const p = st.params as { text: string; articles: number; residue: number };
    assert.strictEqual(p.articles, 4);
    assert.match(p.text, /^newsdump: 4 articles · \d+ residue blocks · \d+ ms$/);
  });

  test('workspace symbols: headlines of open dumps, case-insensitive subsequence filter', async () => {
    const all = (await client.conn.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[];
    assert.deepStrictEqual(all.map((s) => s.name), GOLD.articles.map((a) => a.title));
    const some = (await client.conn.sendRequest(WorkspaceSymbolRequest.type, { query: 'LAVROV ankr' })) as SymbolInformation[];
    assert.deepStrictEqual(some.map((s) => s.name), [GOLD.articles[3].title]);
    assert.strictEqual(some[0].location.uri, SEED_URI);
    const none = (await client.conn.sendRequest(WorkspaceSymbolRequest.type, { query: 'zzzq' })) as SymbolInformation[];
    assert.deepStrictEqual(none, []);
  });
});

describe('edits against a changing document', () => {
  let client: TestClient;
  const uri = 'untitled:Untitled-seed';

  before(async () => {
    ({ client } = await TestClient.start());
  });
  after(async () => {
    await client.stop();
  });

  test('stale versions: a fix computed for version N is refused at N+1; asking again re-analyses at once', async () => {
    await client.open(uri, SEED, 'newsdump', 7);
    await client.diagnostics(uri);
    const v7 = only1(await client.codeActions(uri, WHOLE, ['source.fixAll.newsdump']), 'fix-all');
    assert.strictEqual(textEdits(v7).textDocument.version, 7);
    // the user types a line at the top: the v7 edit now points at the wrong text
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Advertisement\nBreaking news\n' }]);
    assert.strictEqual(client.applyWorkspaceEdit(v7.edit!), false, 'a client rejects the v7 edit at v8');
    // asked right away (well inside the debounce), the server re-analyses v8 synchronously
    const v8 = only1(await client.codeActions(uri, WHOLE, ['source.fixAll.newsdump']), 'fix-all');
    assert.strictEqual(textEdits(v8).textDocument.version, 8);
    const expected = cli(['clean', '-'], client.text(uri));
    assert.ok(client.applyWorkspaceEdit(v8.edit!), 'the v8 edit applies');
    assert.strictEqual(client.text(uri), expected);
    // and the diagnostics of the applied text arrive for its version
    const d = await client.diagnostics(uri);
    assert.ok(!d.diagnostics.some((x) => x.code === 'sponsored-widget'), 'no widget left after the clean');
    await client.close(uri);
  });

  test('debounce: a burst of edits is analysed once, for the last version', async () => {
    const u = 'untitled:burst';
    await client.open(u, SEED, 'newsdump', 1);
    await client.diagnostics(u);
    const since = client.published.length;
    for (let i = 0; i < 5; i++) {
      await client.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `x${i} ` }]);
    }
    await client.diagnostics(u);
    await new Promise((r) => setTimeout(r, 400));
    const versions = client.published.slice(since).filter((p) => p.uri === u).map((p) => p.version);
    assert.deepStrictEqual(versions, [6], 'one publish, for v6');
    await client.close(u);
  });

  test('workspace/executeCommand newsdump.applyFixAll applies the clean through workspace/applyEdit', async () => {
    const u = 'untitled:command';
    await client.open(u, SEED, 'newsdump', 3);
    const res = await client.conn.sendRequest(ExecuteCommandRequest.type, { command: 'newsdump.applyFixAll', arguments: [u] }) as { applied: boolean; version: number };
    assert.strictEqual(res.applied, true);
    assert.strictEqual(res.version, 3);
    assert.strictEqual(client.text(u), cli(['clean', '-'], SEED));
    await client.close(u);
  });

  test('a quick fix applied through the client removes its diagnostic', async () => {
    const u = 'untitled:quickfix';
    await client.open(u, SEED, 'newsdump', 1);
    const before = await client.diagnostics(u);
    const sw = before.diagnostics.filter((d) => d.code === 'sponsored-widget');
    const fix = (await client.codeActions(u, sw[0].range, ['quickfix'], [sw[0]]))!.find((a) => a.isPreferred)!;
    assert.ok(client.applyWorkspaceEdit(fix.edit!));
    const after = await client.diagnostics(u);
    assert.strictEqual(after.diagnostics.filter((d) => d.code === 'sponsored-widget').length, sw.length - 1);
    await client.close(u);
  });
});
