// VS Code client: starts dist/server.js over IPC and adds the commands and the language
// status item. All analysis happens in the server; this file only forwards.
import * as path from 'path';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind,
} from 'vscode-languageclient/node';

// The protocol's names and shapes come from the server's own modules (constants and types
// only: esbuild bundles two tiny files, none of the engine).
import {
  COMMAND_APPLY_FIX_ALL, LANGUAGE_ID, NOTIFICATION_STATUS, REQUEST_ARTICLES_JSONL, REQUEST_CLEAN_TEXT, REQUEST_STATISTICS,
} from '../../server/src/lsp/constants';
import type { CleanTextParams, CleanTextResult } from '../../server/src/lsp/cleanText';
import type { Statistics, Status } from '../../server/src/lsp/statistics';

const FILTERS = [
  { scheme: 'file', language: LANGUAGE_ID },
  { scheme: 'untitled', language: LANGUAGE_ID },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'untitled', language: 'plaintext' },
];
const SELECTOR: vscode.DocumentFilter[] = FILTERS;

let client: LanguageClient | undefined;

function activeDocument(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showWarningMessage('newsdump: open a news dump first.');
    return undefined;
  }
  return doc;
}

function docParams(doc: vscode.TextDocument) {
  return { textDocument: { uri: doc.uri.toString() } };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: FILTERS,
    synchronize: { configurationSection: 'newsdump' },
    diagnosticCollectionName: 'newsdump',
  };
  client = new LanguageClient('newsdump', 'newsdump', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('newsdump.status', SELECTOR);
  status.name = 'newsdump';
  status.text = 'newsdump';
  status.command = { title: 'Statistics', command: 'newsdump.showStatistics' };
  context.subscriptions.push(status);
  const statusByUri = new Map<string, Status>();
  const showStatus = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const s = doc && statusByUri.get(doc.uri.toString());
    status.text = s ? s.text : 'newsdump';
    status.detail = s && s.annotated ? 'news dump analysis' : undefined;
    status.busy = !s;
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(showStatus),
    vscode.workspace.onDidCloseTextDocument((d) => statusByUri.delete(d.uri.toString())),

    vscode.commands.registerCommand('newsdump.cleanDump', async () => {
      const doc = activeDocument();
      if (!doc || !client) return;
      const res = await client.sendRequest(ExecuteCommandRequest.type, {
        command: COMMAND_APPLY_FIX_ALL,
        arguments: [doc.uri.toString()],
      }) as { applied: boolean; edits: number; failureReason?: string } | null;
      if (res && !res.applied) void vscode.window.showWarningMessage(`newsdump: clean failed${res.failureReason ? `: ${res.failureReason}` : ''}`);
      else if (res && res.edits === 0) void vscode.window.showInformationMessage('newsdump: nothing to clean.');
    }),

    vscode.commands.registerCommand('newsdump.exportJsonl', async () => {
      const doc = activeDocument();
      if (!doc || !client) return;
      const res = await client.sendRequest<{ jsonl: string; articles: number }>(REQUEST_ARTICLES_JSONL, docParams(doc));
      if (doc.uri.scheme === 'file') {
        const target = vscode.Uri.file(doc.uri.fsPath.replace(/(\.[^./\\]+)?$/, '.jsonl'));
        await vscode.workspace.fs.writeFile(target, Buffer.from(res.jsonl, 'utf8'));
        const open = await vscode.window.showInformationMessage(`newsdump: wrote ${res.articles} articles to ${path.basename(target.fsPath)}`, 'Open');
        if (open === 'Open') await vscode.window.showTextDocument(target);
      } else {
        let out: vscode.TextDocument;
        try {
          out = await vscode.workspace.openTextDocument({ content: res.jsonl, language: 'jsonl' });
        } catch {
          out = await vscode.workspace.openTextDocument({ content: res.jsonl });
        }
        await vscode.window.showTextDocument(out);
      }
    }),

    vscode.commands.registerCommand('newsdump.showStatistics', async () => {
      const doc = activeDocument();
      if (!doc || !client) return;
      const s = await client.sendRequest<Statistics>(REQUEST_STATISTICS, docParams(doc));
      const items: vscode.QuickPickItem[] = [];
      if (!s.annotated) items.push({ label: 'Not treated as a news dump', detail: s.skipped ?? 'Run "newsdump: Treat this file as a news dump" to analyse it.' });
      if (s.notice) items.push({ label: 'Notice', detail: s.notice });
      items.push(
        { label: `${s.articles} articles`, description: s.shape ? `layout: ${s.shape}` : undefined },
        { label: `${s.residueBlocks} residue blocks` },
        ...Object.entries(s.residueByRule).map(([rule, n]) => ({ label: `    ${rule}`, description: String(n) })),
        { label: `${s.wordsKept} words kept`, description: `${s.wordsRemoved} removed by "Clean dump" of ${s.wordsTotal}` },
        { label: `analysis: ${s.analysisMs} ms` },
      );
      await vscode.window.showQuickPick(items, { title: `newsdump statistics: ${path.basename(doc.uri.path)}` });
    }),

    vscode.commands.registerCommand('newsdump.cleanWorkspace', (opts?: { confirm?: boolean }) =>
      client ? cleanWorkspace(client, opts?.confirm !== false) : undefined),

    vscode.commands.registerCommand('newsdump.treatAsDump', async () => {
      const doc = activeDocument();
      if (doc && doc.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }),
  );

  await client.start();
  context.subscriptions.push(client.onNotification(NOTIFICATION_STATUS, (s: Status) => {
    statusByUri.set(s.uri, s);
    showStatus();
  }));
  showStatus();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}

/**
 * "Clean all dumps in workspace": asks the server for each dump's fix-all, then hands VS Code
 * one workspace edit marked as needing confirmation, so the Refactor Preview shows every
 * deletion before anything is written. Files that are not dumps are left out; the scan
 * reports progress and can be cancelled (nothing is changed then). `confirm: false` skips
 * the preview (for scripts and tests).
 */
async function cleanWorkspace(client: LanguageClient, confirm: boolean): Promise<{ files: number; words: number } | undefined> {
  const uris = await vscode.workspace.findFiles('**/*.txt', '{**/node_modules/**,**/.git/**}');
  const edit = new vscode.WorkspaceEdit();
  const changed: vscode.Uri[] = [];
  let words = 0;
  const completed = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'newsdump: looking for residue', cancellable: true },
    async (progress, token) => {
      for (const [k, uri] of uris.entries()) {
        if (token.isCancellationRequested) return false;
        progress.report({ message: `${k + 1}/${uris.length} ${path.basename(uri.path)}`, increment: 100 / uris.length });
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        let text: string;
        try {
          text = open ? open.getText() : new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          continue; // not UTF-8: never rewritten from a lossy decoding
        }
        const params: CleanTextParams = {
          uri: uri.toString(),
          text,
          newsdumpLanguage: /\.(dump|news)\.txt$/i.test(uri.path) || open?.languageId === LANGUAGE_ID,
        };
        const res = await client.sendRequest<CleanTextResult>(REQUEST_CLEAN_TEXT, params, token);
        if (!res.dump || res.edits.length === 0) continue;
        const meta: vscode.WorkspaceEditEntryMetadata = {
          label: `Delete residue (${res.wordsRemoved} words)`,
          description: vscode.workspace.asRelativePath(uri),
          needsConfirmation: confirm,
        };
        for (const e of res.edits) edit.replace(uri, client.protocol2CodeConverter.asRange(e.range), e.newText, meta);
        changed.push(uri);
        words += res.wordsRemoved;
      }
      return true;
    },
  );
  if (!completed) {
    void vscode.window.showInformationMessage('newsdump: cancelled; nothing was changed.');
    return undefined;
  }
  if (changed.length === 0) {
    void vscode.window.showInformationMessage('newsdump: no residue found in the workspace.');
    return { files: 0, words: 0 };
  }
  if (!(await vscode.workspace.applyEdit(edit))) return undefined; // preview dismissed
  // Write what was applied: the user confirmed (or asked for no preview).
  for (const uri of changed) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc?.isDirty) await doc.save();
  }
  void vscode.window.showInformationMessage(`newsdump: cleaned ${changed.length} file${changed.length > 1 ? 's' : ''}, ${words} words of residue removed.`);
  return { files: changed.length, words };
}
