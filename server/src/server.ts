// The newsdump language server. Thin: documents in, the engine's DumpModel out, mapped to LSP
// types by the modules in ./lsp. Transport comes from the command line (--stdio, --node-ipc,
// --socket=N, --pipe=NAME), as vscode-languageserver/node reads it.
import {
  CancellationToken, CodeActionKind, createConnection, DidChangeConfigurationNotification,
  DocumentSymbol, InitializeParams, InitializeResult, LSPErrorCodes, MessageType, ProposedFeatures,
  ResponseError, ShowMessageNotification, SymbolInformation, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { analyze } from './analysis';
import { documentAnalyzer } from './analysis/incremental';
import { codeActionsFor, EditSupport, fixAllFor, workspaceEdit } from './lsp/codeActions';
import {
  ARTICLE_FIX_KIND, COMMAND_APPLY_FIX_ALL, FIX_ALL_KIND, NOTIFICATION_STATUS, REQUEST_ARTICLES_JSONL,
  REQUEST_CLEAN_TEXT, REQUEST_STATISTICS,
} from './lsp/constants';
import { CleanTextParams, cleanTextFor } from './lsp/cleanText';
import { diagnosticsFor } from './lsp/diagnostics';
import { Analysis, AnalysisStore, ChangeLog } from './lsp/documents';
import { AsyncAnalyzer, InProcessAnalyzer, isAnalysisWorker, runAnalysisWorker, WorkerAnalyzer } from './lsp/worker';
import { LazyDocument } from './lsp/lazyDocument';
import { articleRecordsWithText } from './analysis/export';
import { foldingRangesFor } from './lsp/folding';
import { hoverFor } from './lsp/hover';
import { normalizeSettings, Settings } from './lsp/settings';
import { statisticsFor, statusFor } from './lsp/statistics';
import { documentSymbolsFor, workspaceSymbolsFor } from './lsp/symbols';

/**
 * The engine runs on a worker thread started from this same file (dist/server.js), unless
 * NEWSDUMP_WORKER=0 or the worker cannot start.
 */
function createAnalyzer(log: (msg: string) => void): AsyncAnalyzer {
  if (process.env.NEWSDUMP_WORKER === '0') return new InProcessAnalyzer(analyze);
  try {
    return new WorkerAnalyzer(__filename, analyze, log);
  } catch (e) {
    log(`newsdump: no analysis worker (${e instanceof Error ? e.message : String(e)}); analysing in-process`);
    return new InProcessAnalyzer(analyze);
  }
}

function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  // The edits of each document in offsets, recorded as they are applied (see ChangeLog).
  const changeLog = new ChangeLog();
  const documents = new TextDocuments<LazyDocument>({
    create(uri, languageId, version, content) {
      changeLog.reset(uri, version);
      return new LazyDocument(uri, languageId, version, content);
    },
    update(doc, changes, version) {
      const from = doc.version;
      changeLog.add(doc.uri, from, version, doc.update(changes, version));
      return doc;
    },
  });

  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  let hierarchicalSymbols = true;
  const editSupport: EditSupport = { documentChanges: true };
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  let pushedSettings: unknown = undefined;
  /** Documents already told (once) that they were skipped for size. */
  const sizeNoticeShown = new Set<string>();

  const log = (msg: string) => connection.console.log(msg);

  function cancelled(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
  }

  async function fetchSettings(uri: string): Promise<Settings> {
    if (!canPullConfiguration) return normalizeSettings(pushedSettings);
    const raw: unknown = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'newsdump' });
    return normalizeSettings(raw);
  }

  function publish(a: Analysis): void {
    if (!documents.get(a.uri)) return; // closed while analysing
    void connection.sendDiagnostics({ uri: a.uri, version: a.version, diagnostics: diagnosticsFor(a) });
    void connection.sendNotification(NOTIFICATION_STATUS, statusFor(a));
    if (a.skipped && a.annotate && !sizeNoticeShown.has(a.uri)) {
      sizeNoticeShown.add(a.uri);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: a.skipped.message });
    }
  }

  const analyzer = createAnalyzer(log);
  const store = new AnalysisStore({
    documents,
    analyzer,
    fetchSettings,
    onAnalysed: publish,
    debounceMs: 150,
    log,
    changes: changeLog,
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    hierarchicalSymbols = caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ?? false;
    editSupport.documentChanges = caps.workspace?.workspaceEdit?.documentChanges ?? false;
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init && init.settings !== undefined) pushedSettings = init.settings;
    const literal = !!caps.textDocument?.codeAction?.codeActionLiteralSupport;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: literal
          ? { codeActionKinds: [CodeActionKind.QuickFix, ARTICLE_FIX_KIND, FIX_ALL_KIND], resolveProvider: false }
          : true,
        foldingRangeProvider: true,
        documentSymbolProvider: { label: 'newsdump' },
        workspaceSymbolProvider: true,
        hoverProvider: true,
        executeCommandProvider: { commands: [COMMAND_APPLY_FIX_ALL] },
      },
      serverInfo: { name: 'newsdump', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'newsdump' });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const s = params.settings as Record<string, unknown> | null | undefined;
    if (s && typeof s === 'object' && 'newsdump' in s) pushedSettings = s.newsdump;
    void store.settingsChanged();
  });

  /** TextDocuments fires onDidChangeContent right after onDidOpen: that one is not an edit. */
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    void store.opened(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    store.changed(e.document.uri);
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    store.closed(e.document.uri);
    changeLog.delete(e.document.uri);
    sizeNoticeShown.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /**
   * The analysis of the document's current text for a request. When the cached model is older
   * than the document, yield once first so a $/cancelRequest (or a newer edit) already on the
   * wire is seen before the re-analysis, which the request then waits for: no answer is ever
   * computed from other text than the version its edits name.
   */
  async function analysisFor(uri: string, token?: CancellationToken): Promise<Analysis | undefined> {
    if (token?.isCancellationRequested) throw cancelled();
    if (!store.isFresh(uri)) {
      await new Promise((r) => setImmediate(r));
      if (token?.isCancellationRequested) throw cancelled();
    }
    const a = await store.current(uri);
    if (token?.isCancellationRequested) throw cancelled();
    return a;
  }

  connection.onCodeAction(async (params, token) => {
    const a = await analysisFor(params.textDocument.uri, token);
    if (!a) return null;
    const actions = codeActionsFor(a, params, editSupport);
    if (token.isCancellationRequested) throw cancelled();
    return actions;
  });

  connection.onFoldingRanges(async (params, token) => {
    const a = await analysisFor(params.textDocument.uri, token);
    return a ? foldingRangesFor(a) : null;
  });

  function flatten(uri: string, syms: DocumentSymbol[], container?: string, out: SymbolInformation[] = []): SymbolInformation[] {
    for (const s of syms) {
      const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
      if (container) info.containerName = container;
      out.push(info);
      if (s.children) flatten(uri, s.children, s.name, out);
    }
    return out;
  }

  connection.onDocumentSymbol(async (params, token) => {
    const a = await analysisFor(params.textDocument.uri, token);
    if (!a) return null;
    const syms = documentSymbolsFor(a);
    return hierarchicalSymbols ? syms : flatten(a.uri, syms);
  });

  connection.onWorkspaceSymbol(async (params, token) => {
    if (token.isCancellationRequested) throw cancelled();
    return workspaceSymbolsFor(await store.annotated(), params.query);
  });

  connection.onHover(async (params, token) => {
    const a = await analysisFor(params.textDocument.uri, token);
    return a ? hoverFor(a, params.position) : null;
  });

  interface DocParams {
    textDocument: { uri: string };
  }

  connection.onRequest(REQUEST_STATISTICS, async (params: DocParams, token: CancellationToken) => {
    const a = await analysisFor(params.textDocument.uri, token);
    if (!a) throw new ResponseError(-32602, `document not open: ${params.textDocument.uri}`);
    return statisticsFor(a);
  });

  connection.onRequest(REQUEST_CLEAN_TEXT, async (params: CleanTextParams, token: CancellationToken) => {
    const settings = await fetchSettings(params.uri);
    if (token.isCancellationRequested) throw cancelled();
    return cleanTextFor(params, settings);
  });

  connection.onRequest(REQUEST_ARTICLES_JSONL, async (params: DocParams, token: CancellationToken) => {
    const a = await analysisFor(params.textDocument.uri, token);
    if (!a) throw new ResponseError(-32602, `document not open: ${params.textDocument.uri}`);
    const jsonl = a.model && !a.model.notice
      ? articleRecordsWithText(a.text, a.model).map((r) => JSON.stringify(r) + '\n').join('')
      : '';
    return { uri: a.uri, version: a.version, articles: a.model ? a.model.articles.length : 0, jsonl };
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== COMMAND_APPLY_FIX_ALL) return null;
    const arg = params.arguments?.[0];
    const uri = typeof arg === 'string' ? arg : (arg as DocParams | undefined)?.textDocument?.uri;
    if (!uri) throw new ResponseError(-32602, `${COMMAND_APPLY_FIX_ALL} needs a document uri`);
    const a = await store.current(uri);
    if (!a) throw new ResponseError(-32602, `document not open: ${uri}`);
    const edits = fixAllFor(a);
    if (edits.length === 0) return { applied: true, edits: 0, version: a.version };
    const res = await connection.workspace.applyEdit({ label: 'newsdump: Clean dump', edit: workspaceEdit(a, edits, editSupport) });
    return { applied: res.applied, edits: edits.length, version: a.version, failureReason: res.failureReason };
  });

  documents.listen(connection);
  connection.onShutdown(() => analyzer.dispose());
  connection.listen();
}

if (isAnalysisWorker()) runAnalysisWorker(documentAnalyzer());
else startServer();
