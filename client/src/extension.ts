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
  COMMAND_APPLY_FIX_ALL, LANGUAGE_ID, NOTIFICATION_STATUS, REQUEST_ARTICLES_JSONL, REQUEST_STATISTICS,
} from '../../server/src/lsp/constants';
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
