import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type FileEvent,
} from 'vscode-languageserver/node';
import { CONFIG_FILE, defaultConfig } from './engine/config/config';
import { crashReport } from './engine/crash';
import { toLocale } from './engine/messages';
import { AfterBurst } from './lsp/after-burst';
import { codeActions, FIX_ALL_KIND, resolveCodeAction } from './lsp/code-actions';
import { toDiagnostic } from './lsp/diagnostics';
import { executeCommand, SERVER_COMMANDS } from './lsp/generate';
import { executePingCommand, PING_COMMANDS, pingCodeLenses } from './lsp/ping';
import { indexFromDisk, indexWorkspace } from './lsp/indexer';
import { completionAt, definitionAt, hoverAt, linksOf, symbolsOf } from './lsp/navigation';
import { DiagnosticPublisher } from './lsp/push-diagnostics';
import { Session, type EditorSettings } from './lsp/session';
import { loadConfig } from './workspace/config-file';

// The LSP shell: keeps documents in sync and answers with the engine's
// findings, fixes and navigation. VS Code starts it over IPC; other editors
// run `simco-int-server --stdio`. Handlers convert, call, convert back.

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const session = new Session(documents);
const publisher = new DiagnosticPublisher(connection, session, (uri) => documents.get(uri));
/** Pull diagnostics (LSP 3.17) when the client supports them: the client then decides when to ask. */
let pull = false;
/** Whether the client lets the server register file watchers (clients that do not may watch on their own). */
let canWatchFiles = false;
/** Whether the client accepts `workspace/diagnostic/refresh`, to pull again after another file changed. */
let canRefresh = false;
/** Whether the client applies workspace edits that create files: what generating an INT doc sends. */
let canCreateFiles = false;
/** Whether the client resolves code actions' edits when one is picked (codeAction/resolve), as VS Code does. */
let resolvesEdits = false;

/**
 * Config changes come in bursts (a file saved again and again, a setting toggled): each reclassifies every indexed
 * file and checks the workspace again, so they queued up behind each other (a config flipping while a 5,000-file
 * workspace was indexed kept a hover waiting 6 s). The last one of a burst is applied, once.
 */
const configChanges = new AfterBurst<'file' | 'settings'>();
/** The files whose changes on disk matter: what the index holds, and the config. */
const WATCHED = [`**/${CONFIG_FILE}`, '**/*.md', '**/.env*', '**/MASTER_INVENTORY.{yml,yaml}', '**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts,py,go,java,kt,kts}'];

connection.onInitialize((params) => {
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  session.root = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined;
  session.locale = toLocale(params.locale);
  pull = params.capabilities.textDocument?.diagnostic !== undefined;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canRefresh = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
  const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
  canCreateFiles = params.capabilities.workspace?.applyEdit === true && workspaceEdit?.documentChanges === true && workspaceEdit.resourceOperations?.includes('create') === true;
  const codeAction = params.capabilities.textDocument?.codeAction;
  resolvesEdits = codeAction?.dataSupport === true && codeAction.resolveSupport?.properties.includes('edit') === true;
  const options = params.initializationOptions as { debounceMs?: unknown; settings?: EditorSettings } | undefined;
  applySettings({ debounceMs: options?.debounceMs, ...options?.settings });
  reloadConfig();
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      hoverProvider: true,
      definitionProvider: true,
      documentSymbolProvider: true,
      documentLinkProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: ['.', '"', "'", '|', '_'] },
      executeCommandProvider: { commands: [...Object.values(SERVER_COMMANDS), ...PING_COMMANDS] },
      codeLensProvider: { resolveProvider: false },
      ...(pull ? { diagnosticProvider: { identifier: 'simco-int', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'simco-int-server' },
  };
});

connection.onInitialized(async () => {
  if (canWatchFiles) {
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) })
      .catch((error: unknown) => connection.console.warn(`Could not register file watchers: ${String(error)}`));
  }
  session.refreshRepository();
  await indexWorkspace(connection, session);
  session.indexed = true;
  revalidateAll();
});

connection.onDidChangeConfiguration((params) => {
  const settings = (params.settings as Record<string, EditorSettings> | undefined)?.['simco-int'];
  if (!settings) return;
  configChanges.run('settings', 0, () => {
    applySettings(settings);
    revalidateAll();
  });
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const change of changes) fileChanged(change);
  revalidateAll();
});

documents.onDidChangeContent(({ document }) => {
  session.markStale(document.uri);
  if (!pull) publisher.schedule(document);
});

documents.onDidClose(({ document }) => {
  if (!pull) publisher.clear(document.uri);
  // Unsaved edits are gone with the editor: the index goes back to the disk.
  const path = session.pathOf(document.uri);
  if (path !== undefined) indexFromDisk(session, path);
});

connection.languages.diagnostics.on((params, token) => {
  // Cancelled while it waited its turn (behind a burst of edits): answered with the error LSP defines for it.
  // An empty report, as before, told the client the document had no problems.
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
  const document = documents.get(params.textDocument.uri);
  const findings = document ? reportingCrash(() => session.lint(document)) : undefined;
  // Other open documents whose cross-file findings this text changed are pulled again.
  if (document && canRefresh && session.affectedDocuments(document.uri).length > 0) connection.languages.diagnostics.refresh();
  return { kind: DocumentDiagnosticReportKind.Full, items: (findings ?? []).map((finding) => toDiagnostic(finding, session.locale)) };
});

connection.onCodeAction((params) => withDocument(params.textDocument.uri, [], (document) => codeActions(session, document, params, resolvesEdits)));
connection.onCodeActionResolve((action) => reportingCrash(() => resolveCodeAction(session, action, (uri) => documents.get(uri))));
connection.onHover((params) => withDocument(params.textDocument.uri, null, (document) => hoverAt(session, document, params.position)));
connection.onDefinition((params) => withDocument(params.textDocument.uri, [], (document) => definitionAt(session, document, params.position)));
connection.onCompletion((params) => withDocument(params.textDocument.uri, [], (document) => completionAt(session, document, params.position)));
connection.onDocumentSymbol((params) => withDocument(params.textDocument.uri, [], (document) => symbolsOf(session, document)));
connection.onDocumentLinks((params) => withDocument(params.textDocument.uri, [], (document) => linksOf(session, document)));
connection.onExecuteCommand((params) => executePingCommand(connection, session, params) ?? executeCommand(connection, session, params, canCreateFiles));
connection.onCodeLens((params) => withDocument(params.textDocument.uri, [], (document) => pingCodeLenses(session, document)));

function withDocument<T>(uri: string, none: T, answer: (document: TextDocument) => T): T {
  const document = documents.get(uri);
  return document ? reportingCrash(() => answer(document)) : none;
}

/**
 * Runs a handler's work; an error it throws reaches the client as its class
 * and stack (engine/crash.ts). Left to vscode-jsonrpc, the reply and the log
 * would quote the error's message, which can hold the document's text.
 */
function reportingCrash<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    throw new ResponseError(ErrorCodes.InternalError, crashReport(error));
  }
}

function applySettings(settings: EditorSettings): void {
  reindex(session.setSettings(settings));
  if (typeof settings.debounceMs === 'number' && settings.debounceMs >= 0) publisher.debounceMs = settings.debounceMs;
}

function reloadConfig(): void {
  if (!session.root) return;
  const load = loadConfig(session.root);
  reindex(session.setFileConfig(load.ok ? load.config : defaultConfig()));
  if (load.ok && load.file) {
    const uri = pathToFileURL(join(session.root, load.file)).toString();
    void connection.sendDiagnostics({ uri, diagnostics: load.findings.map((f) => toDiagnostic(f, session.locale)) });
  }
}

function fileChanged({ uri, type }: FileEvent): void {
  const path = session.pathOf(uri);
  if (path === undefined) return;
  if (path === CONFIG_FILE) {
    return configChanges.run('file', 0, () => {
      reloadConfig();
      revalidateAll();
    });
  }
  // A .env appearing or going may change what git tracks.
  if (/(?:^|\/)\.env(?:\.|$)/.test(path)) session.refreshRepository();
  if (type === FileChangeType.Deleted) session.index.remove(path);
  else if (!session.isOpen(path)) indexFromDisk(session, path);
}

/** Paths whose kind changed with the configuration go through the index again. */
function reindex(paths: readonly string[]): void {
  for (const path of paths) if (session.isOpen(path)) session.markStale(session.uriOf(path));
  else indexFromDisk(session, path);
}

/** Something other documents depend on changed: check every open one again. */
function revalidateAll(): void {
  if (pull) {
    if (canRefresh) connection.languages.diagnostics.refresh();
  } else {
    for (const document of documents.all()) publisher.revalidate(document.uri);
  }
}

// A failed request to the client must not take the diagnostics down with it.
// Its class and stack, not its message, which can quote a file's text (engine/crash.ts).
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${crashReport(reason)}`));

documents.listen(connection);
connection.listen();
