import { posix } from 'node:path';
import picomatch from 'picomatch';
import { PROVIDERS, type Provider } from '../catalog/providers';
import type { Config } from '../config/config';
import { appendEnvVarsEdit } from '../env/example-edit';
import { parseEnvFile } from '../env/parse';
import { placeholderFor } from '../env/placeholders';
import { envExampleTarget } from '../env/templates';
import { parseIntDoc } from '../intdoc/model';
import { CREDENTIAL_MODELS, ESTADO_VALUES, TIPO_VALUES } from '../intdoc/template';
import { matchVocabulary } from '../intdoc/vocabulary';
import { addEntryEdit } from '../inventory/edit';
import { entryFromDoc } from '../inventory/entry-from-doc';
import type { NewEntry } from '../inventory/entry-keys';
import { chosenInventory, inventoryPath } from '../inventory/locate';
import { message } from '../messages';
import { fold, LineIndex, stripBom } from '../text';
import type { FileEdit, Message, TextEdit } from '../types';
import { intDocFacts } from '../workspace/facts';
import type { WorkspaceIndex } from '../workspace/index';
import { nextIntCode } from './int-code';
import { kebabNombre, oneLine } from './nombre';
import { renderIntDoc, type CredentialModel } from './render';

// Generating an INT doc (the palette command, `simco-int new`): from the
// user's answers and the workspace, the three changes to make: the new doc,
// its inventory entry and its variables in `.env.example`. Nothing is written
// here; the shells apply the plan (one WorkspaceEdit, or files on disk). A
// plan never overwrites a file: when one is in the way, there is no plan.

export const GENERATE_TEMPLATES = {
  unknownProvider: 'Expected a provider of the catalog ({0}); found "{1}". To document another provider, also give the integration\'s name.',
  emptyName: 'Expected a name with a letter or digit for the file name; found "{0}".',
  badEstado: 'Expected Estado to be one of {0}; found "{1}".',
  badModel: 'Expected the credential model to be one of {0}; found "{1}".',
  modelWithoutTenants: 'A credential model ({0}) applies only when Multi-tenant is Si.',
  noCodeLeft: 'Expected a free INT code; every code up to INT-999 is taken.',
  docsFolderPattern: 'The docs folder "{0}" is a pattern and no INT doc shows which folder it means; set docsFolder to a folder.',
  exists: '"{0}" already exists; nothing was created (an existing file is never overwritten).',
  unreadable: 'Cannot read "{0}"; nothing was created.',
  brokenInventory: 'Cannot add an entry to "{0}" without losing something: fix its YAML first; nothing was created.',
  duplicateName: '"{0}" already registers an integration named "{1}"; choose another name.',
} as const;

export interface IntDocAnswers {
  /** A catalog provider (its id or one of its names), or the name of another provider. */
  provider: string;
  /** The integration's name (the title's); defaults to the catalog provider's name. */
  name?: string;
  /** Defaults to the catalog provider's Tipo; otherwise the template's placeholder stays. */
  tipo?: string;
  /** Defaults to Pendiente: a new doc describes work not done yet. */
  estado?: string;
  multiTenant?: boolean;
  /** Global, Por Tenant or Hibrido (any case, `por-tenant`); only with multiTenant. */
  credentialModel?: string;
  /** YYYY-MM-DD: Fecha integracion and Ultima actualizacion. The shell's clock, never the engine's. */
  today: string;
}

/** What the engine needs to know about the workspace, answered by the shell (open buffers win over the disk). */
export interface PlanContext {
  index: WorkspaceIndex;
  config: Config;
  exists(path: string): boolean;
  readText(path: string): string | undefined;
}

export interface IntDocPlan {
  code: string;
  doc: { path: string; text: string };
  /** The entry appended, or (`create`) the new inventory as one insertion. */
  inventory: FileEdit;
  entry: NewEntry;
  /** The provider's variables not declared yet (no edits when all are); absent when the catalog does not know the provider. */
  envExample?: FileEdit & { added: string[] };
}

export type PlanResult = { ok: true; plan: IntDocPlan } | { ok: false; problem: Message };

/** The folder the directive names (3.1), used when docsFolder is a pattern no doc resolves. */
const DIRECTIVE_FOLDER = 'docs/02-integraciones';

export function planIntDoc(answers: IntDocAnswers, context: PlanContext): PlanResult {
  const refuse = (template: string, ...args: Array<string | number>): PlanResult => ({ ok: false, problem: message(template, ...args) });
  const { index, config } = context;

  const provider = catalogProvider(answers.provider);
  const typedName = answers.name === undefined ? '' : oneLine(answers.name);
  if (!provider && !typedName) return refuse(GENERATE_TEMPLATES.unknownProvider, PROVIDERS.map((p) => p.id).join(', '), answers.provider);
  const name = typedName || provider!.name;
  const nombre = kebabNombre(name);
  if (!nombre) return refuse(GENERATE_TEMPLATES.emptyName, name);
  const proveedor = provider?.name ?? oneLine(answers.provider);

  const estado = canonical(answers.estado ?? 'Pendiente', ESTADO_VALUES);
  if (!estado) return refuse(GENERATE_TEMPLATES.badEstado, ESTADO_VALUES.join(', '), answers.estado ?? '');
  const typedTipo = answers.tipo === undefined ? '' : oneLine(answers.tipo);
  // A Tipo off the directive's list is allowed ("etc"); int-doc/metadata-tipo then asks about it.
  const tipo = typedTipo ? (canonical(typedTipo, [...TIPO_VALUES, ...config.tipos]) ?? typedTipo) : provider?.tipo;
  let credentialModel: CredentialModel | undefined;
  if (answers.credentialModel !== undefined) {
    credentialModel = canonical(answers.credentialModel.replace(/[-_]+/g, ' '), CREDENTIAL_MODELS);
    if (!credentialModel) return refuse(GENERATE_TEMPLATES.badModel, CREDENTIAL_MODELS.join(', '), answers.credentialModel);
    if (answers.multiTenant === false) return refuse(GENERATE_TEMPLATES.modelWithoutTenants, credentialModel);
  }
  const multiTenant = answers.multiTenant ?? credentialModel !== undefined;

  const code = nextIntCode(index);
  if (!code) return refuse(GENERATE_TEMPLATES.noCodeLeft);
  const folder = docsFolder(index, config);
  if (folder === undefined) return refuse(GENERATE_TEMPLATES.docsFolderPattern, config.docsFolder);
  const docPath = posix.join(folder, `${code}-${nombre}.md`);
  if (context.exists(docPath)) return refuse(GENERATE_TEMPLATES.exists, docPath);

  const inventoryFile = chosenInventory(index, config)?.path ?? inventoryPath(config);
  const envFile = envExampleTarget(index);
  const inventoryText = context.readText(inventoryFile);
  const envText = context.readText(envFile);
  for (const [path, text] of [[inventoryFile, inventoryText], [envFile, envText]] as const) {
    if (text === undefined && context.exists(path)) return refuse(GENERATE_TEMPLATES.unreadable, path);
  }

  const text = renderIntDoc({
    code,
    name,
    proveedor,
    ...(provider ? { provider } : {}),
    ...(tipo ? { tipo } : {}),
    estado,
    multiTenant,
    ...(multiTenant && credentialModel ? { credentialModel } : {}),
    today: answers.today,
    docPath,
    envExamplePath: envFile,
  });
  // The entry is read back from the doc the way the inventory rules read docs, so the two agree from the start.
  const entry = entryFromDoc(docPath, intDocFacts(docPath, parseIntDoc(docPath, text)), config);
  const registered = index.factsOf(inventoryFile);
  if (registered?.kind === 'inventory') {
    const taken = registered.entries.some((e) => typeof e.fields.nombre?.value === 'string' && fold(e.fields.nombre.value) === fold(entry.nombre));
    if (taken) return refuse(GENERATE_TEMPLATES.duplicateName, inventoryFile, entry.nombre);
  }
  const inventoryChange = addEntryEdit(inventoryText, entry);
  if (!inventoryChange) return refuse(GENERATE_TEMPLATES.brokenInventory, inventoryFile);

  const inventory: FileEdit =
    'create' in inventoryChange ? { file: inventoryFile, create: true, edits: [insertion(inventoryChange.create)] } : { file: inventoryFile, edits: inventoryChange.edits };
  const plan: IntDocPlan = { code, doc: { path: docPath, text }, inventory, entry };
  const envExample = provider && envVariables(provider, proveedor, tipo, envFile, envText);
  return { ok: true, plan: envExample ? { ...plan, envExample } : plan };
}

/** The catalog entry `text` names exactly (id, name or another of its names, ignoring case, accents and punctuation). */
export function catalogProvider(text: string): Provider | undefined {
  const key = compact(text);
  return key ? PROVIDERS.find((p) => [p.id, p.name, ...p.names].some((spelling) => compact(spelling) === key)) : undefined;
}

const compact = (text: string): string => fold(text).replace(/[^a-z0-9]/g, '');

/** The list's spelling of a value equal to one of its words up to case and accents. */
function canonical<T extends string>(value: string, vocabulary: readonly T[]): T | undefined {
  const match = matchVocabulary(value.trim(), vocabulary);
  if (match.kind === 'exact') return value.trim() as T;
  return match.kind === 'variant' ? (match.canonical as T) : undefined;
}

/**
 * The folder new docs go to: docsFolder itself, or, when it is a glob, the
 * folder the existing docs under it use (the last by path), else the
 * directive's when the glob takes it.
 */
function docsFolder(index: WorkspaceIndex, config: Config): string | undefined {
  const folder = config.docsFolder;
  if (!picomatch.scan(folder).isGlob) return folder;
  const matches = picomatch(folder, { dot: true });
  const used = index
    .ofKind('int-doc')
    .map(([path]) => posix.dirname(path))
    .filter((dir) => matches(dir));
  if (used.length > 0) return used[used.length - 1];
  return matches(DIRECTIVE_FOLDER) ? DIRECTIVE_FOLDER : undefined;
}

/** The provider's variables under its banner in `.env.example`, those not declared yet. */
function envVariables(provider: Provider, proveedor: string, tipo: string | undefined, path: string, text: string | undefined): NonNullable<IntDocPlan['envExample']> {
  const declared = new Set(parseEnvFile(path, stripBom(text ?? '')).entries.map((entry) => entry.key));
  const added = provider.credentials.map((c) => c.name).filter((name) => !declared.has(name));
  if (added.length === 0) return { file: path, edits: [], added };
  const change = appendEnvVarsEdit(text, {
    providerName: proveedor,
    ...(tipo ? { tipoLabel: tipo } : {}),
    variables: added.map((name) => ({ name, placeholder: placeholderFor(name, provider) })),
  });
  return { file: path, edits: change.edits, ...(change.create ? { create: true } : {}), added };
}

/** A whole new file's text as the one edit that writes it. */
function insertion(text: string): TextEdit {
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, newText: text };
}

/** `text` with `edits` applied (positions in the BOM-less text, as the engine gives them). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of offsets) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
