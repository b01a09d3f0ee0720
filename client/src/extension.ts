import * as path from 'node:path';
import { commands, DiagnosticSeverity, l10n, languages, StatusBarAlignment, window, workspace, type ExtensionContext, type StatusBarItem } from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerGenerate } from './generate';
import { registerPing } from './ping';
import { CLIENT_TEMPLATES } from './messages';

// The client starts the server and shows what it says: every check runs in
// the server, the same engine as the CLI. Command ids are stable: tests in a
// real VS Code drive them.

export const COMMANDS = {
  restartServer: 'simco-int.restartServer',
  showOutput: 'simco-int.showOutput',
  /** Returns 'starting' | 'running' | 'stopped': what end-to-end tests wait on. */
  serverState: 'simco-int.serverState',
} as const;
const SECTION = 'simco-int';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('SIMCO Integraciones');
  const status = window.createStatusBarItem(StatusBarAlignment.Left, 0);
  status.command = COMMANDS.showOutput;
  context.subscriptions.push(output, status);

  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const settings = workspace.getConfiguration(SECTION);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: '**/.env*' },
      { scheme: 'file', language: 'dotenv' },
      { scheme: 'file', language: 'yaml' },
      ...['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'java', 'kotlin'].map((language) => ({ scheme: 'file', language })),
    ],
    outputChannel: output,
    // Settings go to the server at start and on every change (workspace/didChangeConfiguration).
    initializationOptions: { settings: { debounceMs: settings.get('debounceMs'), docsFolder: settings.get('docsFolder'), rules: settings.get('rules') } },
    synchronize: { configurationSection: SECTION },
  };

  const showState = (): void => updateStatus(status, client?.state ?? State.Stopped);
  // The client's id is the settings section, so `simco-int.trace.server` traces the protocol.
  const createClient = (): LanguageClient => {
    const created = new LanguageClient(SECTION, 'SIMCO Integraciones', serverOptions, clientOptions);
    context.subscriptions.push(created.onDidChangeState(showState));
    return created;
  };
  client = createClient();
  context.subscriptions.push(
    languages.onDidChangeDiagnostics(showState),
    commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    commands.registerCommand(COMMANDS.serverState, () => stateName(client?.state ?? State.Stopped)),
    commands.registerCommand(COMMANDS.restartServer, async () => {
      // A new client rather than client.restart(): in vscode-languageclient 9.0.1 a restarted client never
      // asks for the diagnostics of documents opened afterwards (its didOpen listener is disposed).
      await client?.dispose();
      client = createClient();
      await client.start();
      void window.showInformationMessage(l10n.t(CLIENT_TEMPLATES.restarted));
    }),
  );
  registerGenerate(context, client);
  registerPing(context, client, output);
  status.show();
  showState();
  if (settings.get<boolean>('enable', true)) await client.start();
}

function stateName(state: State): 'starting' | 'running' | 'stopped' {
  return state === State.Running ? 'running' : state === State.Starting ? 'starting' : 'stopped';
}

function updateStatus(status: StatusBarItem, state: State): void {
  if (state !== State.Running) {
    status.text = l10n.t(state === State.Starting ? CLIENT_TEMPLATES.starting : CLIENT_TEMPLATES.stopped);
    status.tooltip = l10n.t(CLIENT_TEMPLATES.tooltip, stateName(state));
    return;
  }
  let errors = 0;
  let warnings = 0;
  for (const [, diagnostics] of languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== 'simco-int') continue;
      if (diagnostic.severity === DiagnosticSeverity.Error) errors++;
      else if (diagnostic.severity === DiagnosticSeverity.Warning) warnings++;
    }
  }
  status.text = `$(${errors > 0 ? 'error' : 'check'}) ${l10n.t(CLIENT_TEMPLATES.running, errors, warnings)}`;
  status.tooltip = l10n.t(CLIENT_TEMPLATES.tooltip, stateName(state));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
