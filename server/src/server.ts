import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnection, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { CONFIG_FILE, defaultConfig, type Config } from './engine/config/config';
import { lintText } from './engine/lint';
import { toLocale, type Locale } from './engine/messages';
import type { WorkspaceFacts } from './engine/rules/rule';
import { toDiagnostic } from './lsp/diagnostics';
import { loadConfig } from './workspace/config-file';

// The LSP shell: keeps documents in sync, runs the engine on each change
// (debounced) and publishes the findings. Started over IPC by the VS Code
// client, or with --stdio by any other editor.

const DEBOUNCE_MS = 150;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let root: string | undefined;
let locale: Locale = 'en';
let config: Config = defaultConfig();
const pending = new Map<string, NodeJS.Timeout>();

// Unsaved buffers count as existing files too: a link to a file created but not yet saved resolves.
const facts: WorkspaceFacts = {
  exists: (path) => (root !== undefined && existsSync(join(root, path))) || documents.keys().some((uri) => workspacePath(uri) === path),
};

connection.onInitialize((params) => {
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  root = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined;
  locale = toLocale(params.locale);
  reloadConfig();
  return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } };
});

connection.onInitialized(() => {
  void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE}` }] });
});

connection.onDidChangeWatchedFiles(() => {
  reloadConfig();
  for (const document of documents.all()) validate(document);
});

documents.onDidChangeContent(({ document }) => {
  clearTimeout(pending.get(document.uri));
  pending.set(document.uri, setTimeout(() => validate(document), DEBOUNCE_MS));
});

documents.onDidClose(({ document }) => {
  clearTimeout(pending.get(document.uri));
  pending.delete(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

function reloadConfig(): void {
  if (!root) return;
  const load = loadConfig(root);
  config = load.ok ? load.config : defaultConfig();
  if (load.ok && load.file) {
    const uri = pathToFileURL(join(root, load.file)).toString();
    void connection.sendDiagnostics({ uri, diagnostics: load.findings.map((f) => toDiagnostic(f, locale)) });
  }
}

function workspacePath(uri: string): string | undefined {
  if (!root || !uri.startsWith('file:')) return undefined;
  const path = relative(root, fileURLToPath(uri));
  return path.startsWith('..') ? undefined : path.split(sep).join('/');
}

function validate(document: TextDocument): void {
  pending.delete(document.uri);
  if (documents.get(document.uri)?.version !== document.version) return;
  const path = workspacePath(document.uri);
  if (path === undefined) return;
  const findings = lintText(path, document.getText(), { config, workspace: facts });
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: findings.map((f) => toDiagnostic(f, locale)) });
}

documents.listen(connection);
connection.listen();
