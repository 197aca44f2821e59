// A minimal LSP client for the protocol tests: spawns the bundled server (`node
// dist/server.js --stdio`), speaks JSON-RPC through vscode-languageserver-protocol, keeps its
// own copy of every open document, answers workspace/configuration from a settings object,
// and applies workspace edits the way an editor does (a versioned edit for another version
// is rejected).
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  ApplyWorkspaceEditParams, ApplyWorkspaceEditRequest, ClientCapabilities, CodeAction, CodeActionParams,
  CodeActionRequest, ConfigurationParams, ConfigurationRequest, createProtocolConnection,
  DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification, ExitNotification, IPCMessageReader, IPCMessageWriter, InitializedNotification, InitializeRequest,
  InitializeResult, LogMessageNotification, ProtocolConnection, PublishDiagnosticsNotification,
  PublishDiagnosticsParams, Range, RegistrationRequest, ShowMessageNotification, ShowMessageParams,
  ShutdownRequest, StreamMessageReader, StreamMessageWriter, TextDocumentContentChangeEvent, TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findRoot } from '../support/root';


export const ROOT = process.env.NEWSDUMP_ROOT ? path.resolve(process.env.NEWSDUMP_ROOT) : findRoot(__dirname);
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'protocol');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function fixtureUri(name: string): string {
  return 'file://' + path.join(FIXTURES, name);
}

/** Runs the CLI on text (through stdin) and returns stdout. */
export function cli(args: string[], input: string): string {
  return cp.execFileSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(fn: () => T | undefined | false | null, what: string, ms = 10000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(10);
  }
}

export interface StartOptions {
  settings?: unknown;
  capabilities?: ClientCapabilities;
  /** Client does not support workspace/configuration (settings come by notification). */
  noConfiguration?: boolean;
  /** Transport: stdio (default) or node IPC (what the VS Code client uses). */
  transport?: 'stdio' | 'ipc';
  env?: Record<string, string>;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    applyEdit: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll', 'refactor'] } },
      isPreferredSupport: true,
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: {},
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export class TestClient {
  readonly docs = new Map<string, TextDocument>();
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  stderr = '';
  settings: unknown;

  private constructor(readonly proc: cp.ChildProcess, readonly conn: ProtocolConnection, settings: unknown) {
    this.settings = settings;
  }

  static async start(opts: StartOptions = {}): Promise<{ client: TestClient; init: InitializeResult }> {
    assert.ok(fs.existsSync(SERVER), `${SERVER} missing: run npm run build`);
    const env = { ...process.env, ...(opts.env ?? {}) };
    let proc: cp.ChildProcess;
    let conn: ProtocolConnection;
    if (opts.transport === 'ipc') {
      proc = cp.fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env });
      conn = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    } else {
      proc = cp.spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
      conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    }
    const client = new TestClient(proc, conn, opts.settings ?? {});
    proc.stderr!.on('data', (d) => (client.stderr += String(d)));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => client.published.push(p));
    conn.onNotification(ShowMessageNotification.type, (p) => client.messages.push(p));
    conn.onNotification(LogMessageNotification.type, () => {});
    conn.onNotification('newsdump/status', (params: unknown) => client.notifications.push({ method: 'newsdump/status', params }));
    conn.onRequest(ConfigurationRequest.type, (p) => {
      client.configurationRequests.push(p);
      return p.items.map((i) => (i.section === 'newsdump' ? client.settings : null));
    });
    conn.onRequest(RegistrationRequest.type, () => undefined);
    conn.onRequest(ApplyWorkspaceEditRequest.type, (p: ApplyWorkspaceEditParams) => {
      const ok = client.applyWorkspaceEdit(p.edit);
      return ok ? { applied: true } : { applied: false, failureReason: 'version mismatch' };
    });
    conn.listen();
    const capabilities = opts.capabilities ?? (opts.noConfiguration
      ? { ...DEFAULT_CAPABILITIES, workspace: { ...DEFAULT_CAPABILITIES.workspace, configuration: false } }
      : DEFAULT_CAPABILITIES);
    const init = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, capabilities, workspaceFolders: null,
    });
    await conn.sendNotification(InitializedNotification.type, {});
    return { client, init };
  }

  async open(uri: string, text: string, languageId = 'newsdump', version = 1): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, version, text);
    this.docs.set(uri, doc);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return doc;
  }

  /** Sends incremental changes (ranges against the current text) and bumps the version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<TextDocument> {
    const doc = this.docs.get(uri);
    assert.ok(doc, `not open: ${uri}`);
    const version = doc.version + 1;
    TextDocument.update(doc, changes, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return doc;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async setSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { newsdump: settings } });
  }

  text(uri: string): string {
    const doc = this.docs.get(uri);
    assert.ok(doc, `not open: ${uri}`);
    return doc.getText();
  }

  /** The latest diagnostics published for `uri` (optionally for exactly `version`). */
  lastDiagnostics(uri: string, version?: number): PublishDiagnosticsParams | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) {
      const p = this.published[i];
      if (p.uri === uri && (version === undefined || p.version === version)) return p;
    }
    return undefined;
  }

  /** Waits for diagnostics of the document's current version. */
  async diagnostics(uri: string, ms = 10000): Promise<PublishDiagnosticsParams> {
    const doc = this.docs.get(uri);
    assert.ok(doc, `not open: ${uri}`);
    return waitFor(() => this.lastDiagnostics(uri, doc.version), `diagnostics for ${path.basename(uri)} v${doc.version}`, ms);
  }

  /** Waits until `pred` holds for the latest diagnostics published after `since` (an index into `published`). */
  async diagnosticsAfter(uri: string, since: number, pred: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 10000) {
    return waitFor(() => {
      for (let i = this.published.length - 1; i >= since; i--) {
        const p = this.published[i];
        if (p.uri === uri) return pred(p) ? p : undefined;
      }
      return undefined;
    }, `new diagnostics for ${path.basename(uri)}`, ms);
  }

  codeActions(uri: string, range: Range, only?: string[], diagnostics: CodeActionParams['context']['diagnostics'] = []) {
    return this.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range, context: only ? { diagnostics, only } : { diagnostics },
    }) as Promise<CodeAction[] | null>;
  }

  /**
   * Applies a workspace edit like an editor: documentChanges whose version is not the
   * document's current version are rejected (nothing is applied).
   */
  applyWorkspaceEdit(edit: WorkspaceEdit): boolean {
    const plan: [TextDocument, TextEdit[]][] = [];
    for (const dc of edit.documentChanges ?? []) {
      if (!('textDocument' in dc)) return false;
      const doc = this.docs.get(dc.textDocument.uri);
      if (!doc) return false;
      if (dc.textDocument.version !== null && dc.textDocument.version !== doc.version) return false;
      plan.push([doc, dc.edits as TextEdit[]]);
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      const doc = this.docs.get(uri);
      if (!doc) return false;
      plan.push([doc, edits]);
    }
    for (const [doc, edits] of plan) {
      const text = TextDocument.applyEdits(doc, edits);
      TextDocument.update(doc, [{ text }], doc.version + 1);
      // tell the server, as an editor would
      void this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [{ text }],
      });
    }
    return true;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest(ShutdownRequest.type), sleep(2000)]);
      await this.conn.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    const exited = new Promise<void>((r) => (this.proc.exitCode !== null ? r() : this.proc.once('exit', () => r())));
    await Promise.race([exited, sleep(2000)]);
    if (this.proc.exitCode === null) this.proc.kill();
    this.conn.dispose();
  }
}

/** Text of `range` in `text`. */
export function slice(text: string, range: Range): string {
  const doc = TextDocument.create('x:', 'x', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

export const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };
