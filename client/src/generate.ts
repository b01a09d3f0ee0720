import { commands, l10n, Uri, window, workspace, type ExtensionContext, type QuickPickItem } from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient } from 'vscode-languageclient/node';
import { GENERATE_CLIENT_TEMPLATES as T } from './generate-messages';

// The UI of "Generate INT doc": the questions, one picker or input box each
// (Escape at any step ends the command having changed nothing), then the
// server's command, which plans and applies one WorkspaceEdit, and the new
// doc opened. What to offer comes from the server: the catalog is its.

/** The palette's command. */
export const GENERATE_COMMAND = 'simco-int.generateIntDoc';
/** The server's commands (server/src/lsp/generate.ts). */
const GENERATE = 'simco-int.server.generateIntDoc';
const CHOICES = 'simco-int.server.intDocChoices';

/** What the server takes (engine/generate/plan.ts IntDocAnswers, without the date: the server's clock gives it). */
interface Answers {
  provider: string;
  name: string;
  tipo: string;
  estado: string;
  multiTenant: boolean;
  credentialModel?: string;
}

/** What the server offers in the pickers (server/src/lsp/generate.ts IntDocChoices). */
interface IntDocChoices {
  providers: Array<{ id: string; name: string; tipo: string }>;
  tipos: string[];
  estados: string[];
  credentialModels: string[];
}

/** The server's answer (server/src/lsp/generate.ts GenerateResult). */
type GenerateResult = { ok: true; uri: string; path: string; code: string; changed: string[] } | { ok: false; message: string };

type Send = (command: string, args?: unknown[]) => Thenable<unknown>;

export function registerGenerate(context: ExtensionContext, client: LanguageClient): void {
  const send: Send = (command, args) => client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args ?? [] });
  context.subscriptions.push(
    // Answers may be passed in (a keybinding, an end-to-end test): the pickers are then skipped.
    commands.registerCommand(GENERATE_COMMAND, async (given?: Answers) => {
      if (!workspace.workspaceFolders?.length) {
        void window.showErrorMessage(l10n.t(T.noFolder));
        return undefined;
      }
      if (client.state !== State.Running) {
        void window.showErrorMessage(l10n.t(T.notRunning));
        return undefined;
      }
      const answers = given ?? (await ask((await send(CHOICES)) as IntDocChoices));
      return answers && generate(send, answers);
    }),
  );
}

/** Returns the server's result (end-to-end tests read it), or undefined when nothing was sent. */
async function generate(send: Send, answers: Answers): Promise<GenerateResult | undefined> {
  let result: GenerateResult;
  try {
    result = (await send(GENERATE, [answers])) as GenerateResult;
  } catch (error) {
    void window.showErrorMessage(l10n.t(T.failed, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  if (!result.ok) {
    void window.showErrorMessage(result.message);
    return result;
  }
  // The edit leaves the new text in editors: saving puts it on disk (one undo still takes it all back).
  for (const uri of result.changed) await workspace.textDocuments.find((document) => document.uri.toString() === uri)?.save();
  await window.showTextDocument(await workspace.openTextDocument(Uri.parse(result.uri)));
  return result;
}

interface Item<T> extends QuickPickItem {
  value: T;
}

/** One question after another; undefined as soon as one is dismissed. */
async function ask(choices: IntDocChoices): Promise<Answers | undefined> {
  const title = l10n.t(T.title);
  const pick = <V>(items: Array<Item<V>>, placeHolder: string): Thenable<Item<V> | undefined> =>
    window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true, matchOnDescription: true });
  const input = (prompt: string, value: string): Thenable<string | undefined> =>
    window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: (text) => (/[\p{L}\p{N}]/u.test(text) ? undefined : l10n.t(T.needsLetter)) });

  const providers: Array<Item<IntDocChoices['providers'][number] | undefined>> = [
    ...choices.providers.map((provider) => ({ label: provider.name, description: provider.tipo, value: provider })),
    { label: l10n.t(T.other), detail: l10n.t(T.otherDetail), alwaysShow: true, value: undefined },
  ];
  const chosen = await pick(providers, l10n.t(T.pickProvider));
  if (!chosen) return undefined;
  const provider = chosen.value ? chosen.value.id : (await input(l10n.t(T.providerName), ''))?.trim();
  if (!provider) return undefined;
  const name = (await input(l10n.t(T.integrationName), chosen.value?.name ?? provider))?.trim();
  if (!name) return undefined;

  // The default goes first: it is what Enter takes.
  const usual = chosen.value?.tipo;
  const tipos = usual ? [usual, ...choices.tipos.filter((tipo) => tipo !== usual)] : choices.tipos;
  const tipo = await pick(tipos.map((value) => ({ label: value, description: value === usual ? l10n.t(T.fromProvider) : undefined, value })), l10n.t(T.pickTipo));
  if (!tipo) return undefined;
  const estados = ['Pendiente', ...choices.estados.filter((estado) => estado !== 'Pendiente')];
  const estado = await pick(estados.map((value) => ({ label: value, value })), l10n.t(T.pickEstado));
  if (!estado) return undefined;
  // Si/No and the models are the directive's words, written as the doc writes them.
  const multiTenant = await pick([{ label: 'No', value: false }, { label: 'Si', value: true }], l10n.t(T.pickMultiTenant));
  if (!multiTenant) return undefined;
  const answers: Answers = { provider, name, tipo: tipo.value, estado: estado.value, multiTenant: multiTenant.value };
  if (!multiTenant.value) return answers;
  const notes: Readonly<Record<string, string>> = { Global: T.modelGlobal, 'Por Tenant': T.modelPorTenant, Hibrido: T.modelHibrido };
  const model = await pick(choices.credentialModels.map((value) => ({ label: value, description: notes[value] && l10n.t(notes[value]), value })), l10n.t(T.pickModel));
  return model && { ...answers, credentialModel: model.value };
}
