import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROVIDERS } from '../engine/catalog/providers';
import type { IntDocAnswers, IntDocPlan } from '../engine/generate/plan';
import { localize, message, toLocale, type Locale } from '../engine/messages';
import { fold } from '../engine/text';
import type { Message } from '../engine/types';
import { localToday, planOnDisk, writePlan } from '../workspace/generate';
import { loadConfig } from '../workspace/config-file';
import { ARG_TEMPLATES, describeParseError } from './args';
import { HELP_TEMPLATES } from './help';

// `simco-int new <provider>`: the palette's "Generate INT doc" for the
// terminal. The engine plans (engine/generate), workspace/generate.ts writes;
// this module reads the arguments and says what happened. Exit codes as the
// check's: 0 done, 2 nothing could be done (and nothing was written).

export const NEW_TEMPLATES = {
  hint: 'Run "simco-int new --help" for usage.',
  summary: 'Writes a new INT doc from the directive\'s template, prefilled from the provider catalog, registers it in MASTER_INVENTORY.yml and adds its variables to .env.example. Never overwrites a file.',
  providers: 'Providers: {0}. Another provider needs --name.',
  name: 'The integration\'s name (default: the provider\'s); the file is INT-{NNN}-<name in kebab-case>.md',
  tipo: 'Tipo (default: the provider\'s)',
  estado: 'Estado (default: Pendiente)',
  multiTenant: 'Whether each tenant has its own configuration (default: no)',
  credentialModel: 'The credential model of a multi-tenant integration',
  root: 'The workspace folder (default: the current one)',
  dryRun: 'Say what would be created, write nothing',
  missingProvider: 'Expected a provider ({0}, or another provider\'s name with --name); found none.',
  extraArguments: 'Expected one provider; found {0}: {1}. Quote a name that has spaces.',
  badMultiTenant: 'Expected --multi-tenant to be si or no; found "{0}".',
  notAFolder: 'Expected --root to be a folder; found "{0}".',
  badConfig: 'Cannot use the configuration file "{0}"; run "simco-int check" to see why.',
  created: 'Created {0} ({1}).',
  wouldCreate: 'Would create {0} ({1}).',
  registered: 'Registered "{1}" in {0}.',
  wouldRegister: 'Would register "{1}" in {0}.',
  createdInventory: 'Created {0} with the entry "{1}".',
  wouldCreateInventory: 'Would create {0} with the entry "{1}".',
  addedVariables: 'Added {1} to {0}.',
  wouldAddVariables: 'Would add {1} to {0}.',
  createdEnv: 'Created {0} with {1}.',
  wouldCreateEnv: 'Would create {0} with {1}.',
  declared: '{0} already declares every variable of {1}.',
  unknownVariables: 'Nothing added to .env.example: the catalog does not know the variables of {0}; add them once Credenciales Requeridas lists them.',
  unwritable: 'Cannot write "{0}" ({1}).',
  next: 'Next: replace the {placeholders} left in {0}; "simco-int check" points at each.',
} as const;

const OPTIONS = {
  name: { type: 'string' },
  tipo: { type: 'string' },
  estado: { type: 'string' },
  'multi-tenant': { type: 'string' },
  'credential-model': { type: 'string' },
  root: { type: 'string' },
  'dry-run': { type: 'boolean' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMAND = 'new';
const OK = 0;
const UNUSABLE = 2;
const SI_NO: Readonly<Record<string, boolean>> = { si: true, no: false };

interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** Whether the arguments ask for `new` (the first word that is not an option), wherever options are. */
export function isNewCommand(argv: readonly string[]): boolean {
  const { positionals } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true });
  return positionals[0] === COMMAND;
}

export async function runNew(argv: readonly string[], io: Io): Promise<number> {
  const env = io.env ?? process.env;
  let locale = toLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  const t = (template: string, ...args: Array<string | number>): string => localize(message(template, ...args), locale);
  const fail = (problem: Message, hint = true): number => {
    io.stderr.write(`simco-int: ${localize(problem, locale)}\n`);
    if (hint) io.stderr.write(`${t(NEW_TEMPLATES.hint)}\n`);
    return UNUSABLE;
  };

  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return fail(describeParseError(error, OPTIONS));
  }
  const { values, positionals } = parsed;
  if (values.locale !== undefined) {
    if (values.locale !== 'en' && values.locale !== 'es') return fail(message(ARG_TEMPLATES.badLocale, 'en, es', values.locale));
    locale = values.locale;
  }
  if (values.help) {
    io.stdout.write(helpText(locale));
    return OK;
  }
  const [, provider, ...extra] = positionals;
  if (provider === undefined) return fail(message(NEW_TEMPLATES.missingProvider, PROVIDERS.map((p) => p.id).join(', ')));
  if (extra.length > 0) return fail(message(NEW_TEMPLATES.extraArguments, extra.length + 1, [provider, ...extra].map((a) => `"${a}"`).join(', ')));
  const multiTenant = values['multi-tenant'] === undefined ? undefined : SI_NO[fold(values['multi-tenant'])];
  if (values['multi-tenant'] !== undefined && multiTenant === undefined) return fail(message(NEW_TEMPLATES.badMultiTenant, values['multi-tenant']));

  const root = resolve(io.cwd, values.root ?? '.');
  if (!isFolder(root)) return fail(message(NEW_TEMPLATES.notAFolder, values.root ?? '.'));
  const loaded = loadConfig(root);
  if (!loaded.ok || loaded.findings.length > 0) return fail(message(NEW_TEMPLATES.badConfig, loaded.file ?? ''), false);

  const answers: IntDocAnswers = {
    provider,
    today: localToday(),
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.tipo !== undefined ? { tipo: values.tipo } : {}),
    ...(values.estado !== undefined ? { estado: values.estado } : {}),
    ...(multiTenant !== undefined ? { multiTenant } : {}),
    ...(values['credential-model'] !== undefined ? { credentialModel: values['credential-model'] } : {}),
  };
  const result = planOnDisk(root, loaded.config, answers);
  if (!result.ok) return fail(result.problem, false);
  const { plan } = result;
  const dryRun = values['dry-run'] ?? false;
  if (!dryRun) {
    const failure = writePlan(root, plan);
    if (failure) return fail(message(NEW_TEMPLATES.unwritable, failure.path, failure.code), false);
  }
  io.stdout.write(report(plan, dryRun).map((line) => `${localize(line, locale)}\n`).join(''));
  return OK;
}

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
}


function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** One line per file: what was (or would be) created or changed. */
function report(plan: IntDocPlan, dryRun: boolean): Message[] {
  const pick = (done: string, would: string): string => (dryRun ? would : done);
  const lines = [message(pick(NEW_TEMPLATES.created, NEW_TEMPLATES.wouldCreate), plan.doc.path, plan.code)];
  const { inventory, envExample, entry } = plan;
  lines.push(
    inventory.create
      ? message(pick(NEW_TEMPLATES.createdInventory, NEW_TEMPLATES.wouldCreateInventory), inventory.file, entry.nombre)
      : message(pick(NEW_TEMPLATES.registered, NEW_TEMPLATES.wouldRegister), inventory.file, entry.nombre),
  );
  const names = envExample?.added.join(', ');
  if (!envExample) lines.push(message(NEW_TEMPLATES.unknownVariables, entry.proveedor));
  else if (!names) lines.push(message(NEW_TEMPLATES.declared, envExample.file, entry.proveedor));
  else if (envExample.create) lines.push(message(pick(NEW_TEMPLATES.createdEnv, NEW_TEMPLATES.wouldCreateEnv), envExample.file, names));
  else lines.push(message(pick(NEW_TEMPLATES.addedVariables, NEW_TEMPLATES.wouldAddVariables), envExample.file, names));
  if (!dryRun) lines.push(message(NEW_TEMPLATES.next, plan.doc.path));
  return lines;
}

function helpText(locale: Locale): string {
  const t = (template: string, ...args: string[]): string => localize(message(template, ...args), locale);
  const rows: Array<[string, string]> = [
    ['    --name NAME', NEW_TEMPLATES.name],
    ['    --tipo TIPO', NEW_TEMPLATES.tipo],
    ['    --estado Implementado|Documentado|Pendiente', NEW_TEMPLATES.estado],
    ['    --multi-tenant si|no', NEW_TEMPLATES.multiTenant],
    ['    --credential-model global|por-tenant|hibrido', NEW_TEMPLATES.credentialModel],
    ['    --root DIR', NEW_TEMPLATES.root],
    ['    --dry-run', NEW_TEMPLATES.dryRun],
    ['    --locale en|es', HELP_TEMPLATES.locale],
    ['-h, --help', HELP_TEMPLATES.help],
  ];
  const width = Math.max(...rows.map(([flags]) => flags.length));
  return [
    t(HELP_TEMPLATES.usage, 'simco-int new <provider> [options]'),
    '',
    t(NEW_TEMPLATES.summary),
    t(NEW_TEMPLATES.providers, PROVIDERS.map((p) => p.id).join(', ')),
    '',
    t(HELP_TEMPLATES.options),
    ...rows.map(([flags, description]) => `  ${flags.padEnd(width)}  ${t(description)}`),
    '',
  ].join('\n');
}
