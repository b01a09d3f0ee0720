import { commands, l10n, ProgressLocation, window, workspace, type ExtensionContext, type OutputChannel, type QuickPickItem } from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient } from 'vscode-languageclient/node';
import { PING_CLIENT_TEMPLATES as T } from './ping-messages';

// The UI of the server's sandbox ping: a picker when the palette runs it, a
// progress notification while the request is out, the result as a
// notification and the whole report in the output channel. The server's
// CodeLens runs the same command id; the client's middleware routes it here,
// so every way in goes through the same trust check and shows the same UI.

/** The palette's command ("SIMCO: Sandbox ping"). */
export const SANDBOX_PING_COMMAND = 'simco-int.sandboxPing';
/** The server's commands (server/src/lsp/ping.ts). */
const PING = 'simco-int.ping';
const TARGETS = 'simco-int.pingTargets';

/** The part of the server's report the UI reads (engine/ping/format.ts PingJson). */
interface PingResult {
  providerName: string;
  outcome: 'ok' | 'auth-failed' | 'rate-limited' | 'unavailable' | 'rejected' | 'refused';
  message: string;
  warnings: string[];
  text: string;
}

interface PingTarget {
  provider: string;
  name: string;
  doc?: string;
  docUri?: string;
  title?: string;
}

type Send = (command: string, args: unknown[]) => Thenable<unknown>;

export function registerPing(context: ExtensionContext, client: LanguageClient, output: OutputChannel): void {
  const send: Send = (command, args) => client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  // The CodeLens's command is the server's own, which the language client registers; its middleware hands it to the UI.
  const middleware = client.middleware;
  const previous = middleware.executeCommand;
  middleware.executeCommand = (command, args, next) =>
    command === PING ? sandboxPing(args[0] as Record<string, unknown> | undefined, next, output) : previous ? previous(command, args, next) : next(command, args);

  context.subscriptions.push(
    commands.registerCommand(SANDBOX_PING_COMMAND, async (args?: Record<string, unknown>) => {
      if (client.state !== State.Running) {
        void window.showErrorMessage(l10n.t(T.notRunning));
        return undefined;
      }
      return sandboxPing(args, send, output);
    }),
  );
}

/** Returns the report (end-to-end tests read it), or undefined when nothing was sent. */
async function sandboxPing(args: Record<string, unknown> | undefined, send: Send, output: OutputChannel): Promise<PingResult | undefined> {
  if (!workspace.isTrusted) {
    void window.showWarningMessage(l10n.t(T.untrusted));
    return undefined;
  }
  const target = args?.provider || args?.doc ? args : await pickTarget(send);
  if (!target) return undefined;
  const name = String(target.provider ?? target.doc ?? '');
  let result: PingResult;
  try {
    result = (await window.withProgress({ location: ProgressLocation.Notification, title: l10n.t(T.progress, name) }, () => send(PING, [target]))) as PingResult;
  } catch (error) {
    void window.showErrorMessage(l10n.t(T.failed, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  output.appendLine(`[${new Date().toLocaleTimeString()}] ${result.text.trimEnd()}`);
  const summary = [result.text.split('\n')[0], result.message, ...result.warnings].join(' ');
  const details = l10n.t(T.showDetails);
  const shown =
    result.outcome !== 'ok' && result.outcome !== 'refused'
      ? window.showErrorMessage(summary, details)
      : result.outcome === 'refused' || result.warnings.length > 0
        ? window.showWarningMessage(summary, details)
        : window.showInformationMessage(summary, details);
  void shown.then((choice) => {
    if (choice) output.show(true);
  });
  return result;
}

async function pickTarget(send: Send): Promise<Record<string, unknown> | undefined> {
  const targets = ((await send(TARGETS, [])) ?? []) as PingTarget[];
  const items: Array<QuickPickItem & { target: PingTarget }> = targets.map((target) =>
    target.doc
      ? { label: `$(file) ${target.title ?? target.doc}`, description: target.name, detail: target.doc, target }
      : { label: target.name, description: l10n.t(T.fromCatalog), target },
  );
  const picked = await window.showQuickPick(items, { placeHolder: l10n.t(T.pick), matchOnDescription: true, matchOnDetail: true });
  return picked && { provider: picked.target.provider, ...(picked.target.docUri ? { doc: picked.target.docUri } : {}) };
}
