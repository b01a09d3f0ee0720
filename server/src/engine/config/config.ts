import type { ErrorObject } from 'ajv';
import { findNodeAtLocation, parseTree, type Node as JsonNode, type ParseError, printParseErrorCode } from 'jsonc-parser';
import schema from '../../../../schemas/simco-int.config.schema.json';
import { lazyValidator } from '../json-schema';
import { byPosition } from '../lint';
import { message } from '../messages';
import configRule from '../rules/config/invalid';
import { defaultPingConfig, type PingConfig } from '../ping/config';
import { maskSecrets } from '../secrets/mask';
import { allowPatternProblem, defaultSecretsConfig, patternProblem, type SecretsConfig } from '../secrets/settings';
import { trimEnd } from '../linear-search';
import { LineIndex } from '../text';
import { configPathFindings, nestingTooDeepAt, type PathResolver, type ReportAt } from './untrusted';
import type { Finding, Range, SeveritySetting } from '../types';

export const CONFIG_FILE = 'simco-int.config.json';

export interface Config {
  docsFolder: string;
  tipos: string[];
  providerAliases: Record<string, string[]>;
  nonIntegrationVars: string[];
  rules: Record<string, SeveritySetting>;
  ignore: string[];
  /** Workspace-relative path of MASTER_INVENTORY.yml; empty: the root's, else the first one found. */
  inventory: string;
  /** INT doc `Estado` -> inventory `estado`. */
  estadoMapping: Record<string, string>;
  /** The workspace's own apps and internal services: the directive does not apply to them (section 2.2). */
  internalProviders: string[];
  /** The secret scanner's own formats and allowlists. */
  secrets: SecretsConfig;
  /** The sandbox ping: base URLs per provider (a mock, a proxy), the .env it reads, its timeout. */
  ping: PingConfig;
}

/** The directive's pairs of doc Estado and inventory estado (sections 3.2 and 10.1). */
export const DEFAULT_ESTADO_MAPPING: Readonly<Record<string, string>> = { Implementado: 'activo', Documentado: 'documentado', Pendiente: 'pendiente' };

/** Runtime and infrastructure variables the directive does not cover (own databases, caches, the process). */
export const DEFAULT_NON_INTEGRATION_VARS = [
  'NODE_ENV', 'PORT', 'HOST', 'HOSTNAME', 'DEBUG', 'LOG_LEVEL', 'TZ', 'CI', 'HOME', 'PATH', 'PWD', 'USER', 'SHELL', 'LANG',
  'DATABASE_URL', 'DB_HOST', 'DB_PORT', 'DB_NAME', 'DB_USER', 'DB_PASSWORD', 'REDIS_URL', 'REDIS_HOST', 'REDIS_PORT',
  'APP_URL', 'APP_NAME', 'APP_ENV', 'BASE_URL', 'API_URL', 'FRONTEND_URL', 'JWT_SECRET', 'JWT_EXPIRES_IN', 'SESSION_SECRET',
];

export function defaultConfig(): Config {
  return {
    docsFolder: 'docs/02-integraciones',
    tipos: [],
    providerAliases: {},
    nonIntegrationVars: [...DEFAULT_NON_INTEGRATION_VARS],
    rules: {},
    ignore: [],
    inventory: '',
    estadoMapping: { ...DEFAULT_ESTADO_MAPPING },
    internalProviders: [],
    secrets: defaultSecretsConfig(),
    ping: defaultPingConfig(),
  };
}

export interface LoadedConfig {
  config: Config;
  /** Problems in the file, at their location. When there are any, `config` is the defaults. */
  findings: Finding[];
}

/**
 * A configuration is a few kilobytes. A larger file is refused unread: the
 * config is read before anything is checked, on every start of the server
 * and of the CLI, and a 50 MB one stalled both for seconds.
 */
export const MAX_CONFIG_BYTES = 256 * 1024;
/** The schema nests four levels (`secrets.patterns[0].regex`); jsonc-parser and JSON.parse recurse, and 10,000 levels overflowed the stack. */
export const MAX_CONFIG_DEPTH = 32;
/** Past this many problems the rest are counted, not listed: a file of 10,000 unknown rule ids is one mistake. */
const MAX_FINDINGS = 50;

const validator = lazyValidator<Partial<Config>>(schema);

/**
 * Reads `simco-int.config.json`. An invalid file is reported where it is wrong
 * and the defaults apply: a broken config must never switch the checks off.
 */
export function parseConfig(path: string, text: string, knownRuleIds: ReadonlySet<string>, resolvePath?: PathResolver): LoadedConfig {
  if (text.length > MAX_CONFIG_BYTES) return oversizedConfig(path, text.length);
  const lines = new LineIndex(text);
  const finding = (range: Range, messageId: MessageId, ...args: string[]): Finding => ({
    ruleId: configRule.meta.id,
    severity: 'error',
    file: path,
    range,
    // An unknown key is quoted: it may be a secret pasted in the wrong place.
    message: message(configRule.meta.messages[messageId], ...args.map((arg) => maskSecrets(arg))),
    fixes: [],
  });

  const tooDeep = nestingTooDeepAt(text, MAX_CONFIG_DEPTH);
  if (tooDeep !== undefined) return { config: defaultConfig(), findings: [finding(lines.rangeOf(tooDeep, tooDeep + 1), 'tooDeep', String(MAX_CONFIG_DEPTH))] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    const at = first ? lines.rangeOf(first.offset, first.offset + first.length) : lines.rangeOf(0, 0);
    // "ValueExpected" -> "value expected": jsonc-parser's codes read as words.
    const what = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'empty file';
    return { config: defaultConfig(), findings: [finding(at, 'json', what)] };
  }

  const value = JSON.parse(text) as unknown;
  const findings: Finding[] = [];
  const validate = validator();
  if (!validate(value)) {
    for (const error of validate.errors ?? []) {
      const node = nodeOf(tree, error);
      findings.push(finding(rangeOfNode(lines, node ?? tree), ...describe(error)));
    }
  }
  // The schema cannot know the rule ids; a misspelt one would silently leave a rule as it was.
  const rules = findNodeAtLocation(tree, ['rules']);
  for (const property of rules?.type === 'object' ? (rules.children ?? []) : []) {
    const key = property.children?.[0];
    if (key && typeof key.value === 'string' && !knownRuleIds.has(key.value)) {
      findings.push(finding(rangeOfNode(lines, key), 'unknownRule', key.value));
    }
  }
  const at: ReportAt = (node, messageId, ...args) => finding(rangeOfNode(lines, node), messageId, ...args);
  findings.push(...regexFindings(tree, value, at));
  findings.push(...configPathFindings(tree, at, resolvePath));
  if (findings.length > 0) return { config: defaultConfig(), findings: atMost(findings.sort(byPosition), (count) => finding(lines.rangeOf(0, 0), 'moreProblems', String(count))) };

  const valid = value as Partial<Config>;
  const defaults = defaultConfig();
  return {
    config: {
      docsFolder: trimSlashes(valid.docsFolder ?? defaults.docsFolder),
      tipos: valid.tipos ?? defaults.tipos,
      providerAliases: valid.providerAliases ?? defaults.providerAliases,
      nonIntegrationVars: [...defaults.nonIntegrationVars, ...(valid.nonIntegrationVars ?? [])],
      rules: valid.rules ?? defaults.rules,
      ignore: valid.ignore ?? defaults.ignore,
      inventory: trimSlashes(valid.inventory ?? defaults.inventory),
      estadoMapping: valid.estadoMapping ?? defaults.estadoMapping,
      internalProviders: valid.internalProviders ?? defaults.internalProviders,
      secrets: { ...defaults.secrets, ...valid.secrets },
      ping: { ...defaults.ping, ...valid.ping },
    },
    findings: [],
  };
}

/** The defaults, and one finding at the file's start: a file over MAX_CONFIG_BYTES (`size` of them) is not read. */
export function oversizedConfig(path: string, size: number): LoadedConfig {
  const kib = (bytes: number): string => String(Math.ceil(bytes / 1024));
  const finding: Finding = {
    ruleId: configRule.meta.id,
    severity: 'error',
    file: path,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: message(configRule.meta.messages.tooLarge, kib(MAX_CONFIG_BYTES), kib(size)),
    fixes: [],
  };
  return { config: defaultConfig(), findings: [finding] };
}

/** The first MAX_FINDINGS findings, and one that counts the rest. */
function atMost(findings: Finding[], more: (count: number) => Finding): Finding[] {
  return findings.length <= MAX_FINDINGS ? findings : [...findings.slice(0, MAX_FINDINGS), more(findings.length - MAX_FINDINGS)];
}

/** User regexes (`secrets.patterns[].regex`, `secrets.allowPatterns[]`) must compile and be free of catastrophic backtracking. */
function regexFindings(tree: JsonNode, value: unknown, report: ReportAt): Finding[] {
  // `value` is any JSON: a file holding `null` threw here before the schema's finding was reported.
  const secrets = (value as Partial<Config> | null)?.secrets;
  const found: Finding[] = [];
  const check = (path: Array<string | number>, problemOf: typeof patternProblem): void => {
    const node = findNodeAtLocation(tree, path);
    if (node?.type !== 'string') return;
    const problem = problemOf(node.value as string);
    const where = path.join('.');
    if (problem?.messageId === 'badRegex') found.push(report(node, 'badRegex', where, problem.reason));
    else if (problem) found.push(report(node, 'slowRegex', where));
  };
  const patterns = Array.isArray(secrets?.patterns) ? secrets.patterns : [];
  const allowPatterns = Array.isArray(secrets?.allowPatterns) ? secrets.allowPatterns : [];
  patterns.forEach((_, i) => check(['secrets', 'patterns', i, 'regex'], patternProblem));
  allowPatterns.forEach((_, i) => check(['secrets', 'allowPatterns', i], allowPatternProblem));
  return found;
}

function trimSlashes(glob: string): string {
  return trimEnd(glob.replace(/^\.?\/+/, ''), '/');
}

/** The segments of a JSON Pointer ("/rules/int-doc~1title" -> ["rules", "int-doc/title"]). */
function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function nodeOf(tree: JsonNode, error: ErrorObject): JsonNode | undefined {
  const path = pointerSegments(error.instancePath).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const node = findNodeAtLocation(tree, path);
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return findNodeAtLocation(tree, [...path, extra])?.parent?.children?.[0] ?? node;
  }
  return node;
}

function rangeOfNode(lines: LineIndex, node: JsonNode): Range {
  return lines.rangeOf(node.offset, node.offset + node.length);
}

/** Turns an ajv error into an "Expected X; found Y" sentence: ajv's own text is not for users. */
export type MessageId = keyof typeof configRule.meta.messages & string;

function describe(error: ErrorObject): [MessageId, ...string[]] {
  const where = error.instancePath ? pointerSegments(error.instancePath).join('.') : 'the configuration';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return ['unknownSetting', String(params.additionalProperty), where];
    case 'type':
      return ['type', String(params.type), where];
    case 'enum':
      return ['enum', (params.allowedValues as string[]).join(', '), where];
    case 'pattern':
      return ['pattern', where, String(params.pattern)];
    case 'minLength':
      return ['empty', where];
    case 'maxLength':
      return ['tooLong', where, String(params.limit)];
    case 'maxItems':
    case 'maxProperties':
      return ['tooMany', where, String(params.limit)];
    case 'uniqueItems':
      return ['unique', where];
    default:
      return ['invalid', where, error.keyword];
  }
}
