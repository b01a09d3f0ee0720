import { CreateFile, TextDocumentEdit, type Connection, type ExecuteCommandParams, type WorkspaceEdit } from 'vscode-languageserver';
import { PROVIDERS } from '../engine/catalog/providers';
import { planIntDoc, type IntDocAnswers, type IntDocPlan } from '../engine/generate/plan';
import { CREDENTIAL_MODELS, ESTADO_VALUES, TIPO_VALUES } from '../engine/intdoc/template';
import { localize, message } from '../engine/messages';
import { localToday } from '../workspace/generate';
import type { Session } from './session';

// The palette's "Generate INT doc", server side: the client asks the user,
// the server plans with what it knows of the workspace (open buffers
// included) and sends the plan as ONE WorkspaceEdit, so the editor can undo
// it as one step. Command ids differ from the client's palette command: the
// language client registers every server command as an editor command.

export const SERVER_COMMANDS = {
  /** (answers) -> GenerateResult: plans and applies the edit. */
  generateIntDoc: 'simco-int.server.generateIntDoc',
  /** () -> IntDocChoices: what the client offers in its pickers. */
  intDocChoices: 'simco-int.server.intDocChoices',
} as const;

export const GENERATE_SERVER_TEMPLATES = {
  noWorkspace: 'Open a folder first: the INT doc is written into the workspace.',
  cannotCreateFiles: 'This editor cannot create files for the language server; run "simco-int new" instead.',
  badAnswers: 'Expected the answers as an object with a provider; found {0}.',
  notApplied: 'The editor did not apply the changes ({0}); nothing was created.',
} as const;

export interface IntDocChoices {
  providers: Array<{ id: string; name: string; tipo: string }>;
  tipos: string[];
  estados: string[];
  credentialModels: string[];
}

export type GenerateResult =
  /** `changed`: the URIs of every file the edit created or changed, the doc first. */
  | { ok: true; uri: string; path: string; code: string; changed: string[] }
  | { ok: false; message: string };

export function executeCommand(connection: Connection, session: Session, params: ExecuteCommandParams, canCreateFiles: boolean): Promise<unknown> | unknown {
  switch (params.command) {
    case SERVER_COMMANDS.intDocChoices:
      return intDocChoices(session);
    case SERVER_COMMANDS.generateIntDoc:
      return generateIntDoc(connection, session, params.arguments?.[0], canCreateFiles);
    default:
      return undefined;
  }
}

function intDocChoices(session: Session): IntDocChoices {
  return {
    providers: PROVIDERS.map(({ id, name, tipo }) => ({ id, name, tipo })),
    tipos: [...new Set([...TIPO_VALUES, ...session.config.tipos])],
    estados: [...ESTADO_VALUES],
    credentialModels: [...CREDENTIAL_MODELS],
  };
}

async function generateIntDoc(connection: Connection, session: Session, raw: unknown, canCreateFiles: boolean): Promise<GenerateResult> {
  const fail = (template: string, ...args: string[]): GenerateResult => ({ ok: false, message: localize(message(template, ...args), session.locale) });
  if (!session.root) return fail(GENERATE_SERVER_TEMPLATES.noWorkspace);
  if (!canCreateFiles) return fail(GENERATE_SERVER_TEMPLATES.cannotCreateFiles);
  const answers = answersFrom(raw);
  if (!answers) return fail(GENERATE_SERVER_TEMPLATES.badAnswers, JSON.stringify(raw) ?? String(raw));
  const result = planIntDoc(answers, {
    index: session.syncedIndex(),
    config: session.config,
    exists: (path) => session.facts.exists(path),
    readText: (path) => session.readText(path),
  });
  if (!result.ok) return { ok: false, message: localize(result.problem, session.locale) };
  const { plan } = result;
  const { edit, changed } = workspaceEdit(session, plan);
  const applied = await connection.workspace.applyEdit({ label: `${plan.code}: ${plan.entry.nombre}`, edit });
  if (!applied.applied) return fail(GENERATE_SERVER_TEMPLATES.notApplied, applied.failureReason ?? '?');
  return { ok: true, uri: changed[0], path: plan.doc.path, code: plan.code, changed };
}

/** The client's answers, typed; today's date is the server's unless the client sent its own. */
function answersFrom(raw: unknown): IntDocAnswers | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value = raw as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
  const provider = text('provider');
  if (!provider?.trim()) return undefined;
  const today = text('today');
  const answers: IntDocAnswers = { provider, today: today && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : localToday() };
  for (const key of ['name', 'tipo', 'estado', 'credentialModel'] as const) {
    const given = text(key);
    if (given !== undefined) answers[key] = given;
  }
  if (typeof value.multiTenant === 'boolean') answers.multiTenant = value.multiTenant;
  return answers;
}

/**
 * The plan as document changes: the doc created (never over an existing
 * file) and filled, the inventory and `.env.example` created or edited at
 * the version the plan read (an open buffer changed since makes the editor
 * refuse the whole edit rather than apply it to other text).
 */
function workspaceEdit(session: Session, plan: IntDocPlan): { edit: WorkspaceEdit; changed: string[] } {
  const start = { line: 0, character: 0 };
  const docUri = session.uriOf(plan.doc.path);
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [
    CreateFile.create(docUri, { overwrite: false, ignoreIfExists: false }),
    TextDocumentEdit.create({ uri: docUri, version: null }, [{ range: { start, end: start }, newText: plan.doc.text }]),
  ];
  const changed = [docUri];
  for (const change of [plan.inventory, plan.envExample]) {
    if (!change || change.edits.length === 0) continue;
    const uri = session.uriOf(change.file);
    if (change.create) documentChanges.push(CreateFile.create(uri, { overwrite: false, ignoreIfExists: false }));
    documentChanges.push(TextDocumentEdit.create({ uri, version: change.create ? null : (session.openVersion(uri) ?? null) }, change.edits));
    changed.push(uri);
  }
  return { edit: { documentChanges }, changed };
}
