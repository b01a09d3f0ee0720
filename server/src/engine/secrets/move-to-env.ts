import { parse as dotenvParse } from 'dotenv';
import { findProvider, PROVIDERS, type Provider } from '../catalog/providers';
import { appendEnvVar } from '../env/dotenv-write';
import { appendEnvVarsEdit } from '../env/example-edit';
import { gitignoreEdit } from '../env/gitignore-edit';
import { parseEnvFile } from '../env/parse';
import { placeholderFor } from '../env/placeholders';
import { message } from '../messages';
import { LineIndex, stripBom } from '../text';
import type { FileEdit, Finding, Fix, TextEdit } from '../types';
import { constantEdits, importEdits } from './env-imports';
import { envVarName, nameWords } from './names';
import { type Dialect, dialectOf, envRead, type Literal, literalAround, literalValue } from './source-literals';

// "Move to .env": the suggestion a secret finding offers in the editor (never
// --fix or fix-all: it edits three files and changes where the program gets
// the value). The literal becomes the language's env read, the value goes to
// `.env` and a placeholder to `.env.example`. Nothing is lost: a variable
// `.env` already holds with another value is never overwritten (the value
// goes under NAME_2), one holding the same value is reused, and the value is
// written only if dotenv reads back exactly what the program saw. A value
// inside a longer string stays where it was with the string split around the
// read (`"Bearer " + process.env.X`); a URL with a password moves whole
// (DATABASE_URL), since the password alone would have to stay URL-encoded.

export const MOVE_TITLE = 'Move the value ({0}) to {1} as {2}';
export const MOVE_RENAMED_TITLE = 'Move the value ({0}) to {1} as {2}: {3} there holds another value';
export const REUSE_TITLE = 'Replace the value ({0}) with {2}, which {1} already holds';
export const IGNORE_FIRST_TITLE = 'Add {0} to .gitignore before moving the value ({1}) there';

/** What git does with the `.env` the value would go to. */
export type EnvGitState = 'ignored' | 'not-ignored' | 'tracked';

export interface MoveToEnvInput {
  /** Workspace-relative path of the file holding the secret. */
  path: string;
  text: string;
  finding: Pick<Finding, 'ruleId' | 'range' | 'data'>;
  /** The variable to use; default: suggestedEnvVar(). */
  name?: string;
  env: { path: string; text: string | undefined; git: EnvGitState };
  example: { path: string; text: string | undefined };
  /** The root .gitignore (undefined: none), for the action offered instead while `.env` is not ignored. */
  gitignore?: string;
}

/** Where the value is and what it is, before a name is chosen. */
interface Plan {
  dialect: Dialect;
  text: string;
  lines: LineIndex;
  literal: Literal;
  /** The characters that move: the secret, or the whole URL holding a password. */
  from: number;
  to: number;
  value: string;
  /** The secret's own characters (inside [from, to) for a URL). */
  secret: { start: number; end: number };
  url?: { scheme: string };
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** How many NAME_2, NAME_3... are tried before giving up. */
const MAX_SUFFIX = 99;
/** The block `.env.example` gets for a variable no provider owns. */
const NO_PROVIDER_BLOCK = 'Otros';

/**
 * The suggestion for a secret finding, or undefined when there is none: the
 * file's language has no env read here, the secret is not in a literal this
 * action can rewrite (a comment, an interpolation), git tracks `.env`
 * (env/committed says so), or the value cannot be written to `.env`
 * faithfully. While `.env` is not ignored, the suggestion is to ignore it.
 */
export function moveToEnvFix(input: MoveToEnvInput): Fix | undefined {
  const plan = planMove(input.path, input.text, input.finding);
  if (!plan || input.env.git === 'tracked') return undefined;
  const redacted = input.finding.data?.redacted ?? '…';
  if (input.env.git === 'not-ignored') {
    return { title: message(IGNORE_FIRST_TITLE, input.env.path, redacted), edits: [], changes: [gitignoreEdit(input.gitignore, input.env.path)], safe: false };
  }

  const wanted = input.name ?? suggestedName(plan, input.finding);
  if (!ENV_NAME.test(wanted)) return undefined;
  const chosen = freeName(input.env.text, wanted, plan.value);
  if (!chosen) return undefined;
  const edits = sourceEdits(plan, chosen.name);
  if (!edits) return undefined;

  const changes: FileEdit[] = [];
  if (!chosen.reused) {
    const env = appendEnvVar(input.env.text, chosen.name, plan.value);
    if (!env) return undefined;
    changes.push({ file: input.env.path, ...env });
  }
  const provider = providerOf(input.finding.data?.provider, wanted);
  const example = appendEnvVarsEdit(input.example.text, {
    providerName: provider?.name ?? input.finding.data?.provider ?? NO_PROVIDER_BLOCK,
    ...(provider ? { tipoLabel: provider.tipo } : {}),
    variables: [{ name: chosen.name, placeholder: placeholder(plan, wanted, provider) }],
  });
  if (example.edits.length > 0) changes.push({ file: input.example.path, ...example });

  const title = chosen.reused
    ? message(REUSE_TITLE, redacted, input.env.path, chosen.name)
    : chosen.name === wanted
      ? message(MOVE_TITLE, redacted, input.env.path, chosen.name)
      : message(MOVE_RENAMED_TITLE, redacted, input.env.path, chosen.name, wanted);
  return { title, edits, changes, safe: false };
}

/** The variable the action suggests for a finding, or undefined when it offers no action for it. */
export function suggestedEnvVar(path: string, text: string, finding: Pick<Finding, 'ruleId' | 'range' | 'data'>): string | undefined {
  const plan = planMove(path, text, finding);
  return plan && suggestedName(plan, finding);
}

function planMove(path: string, rawText: string, finding: Pick<Finding, 'ruleId' | 'range' | 'data'>): Plan | undefined {
  const dialect = dialectOf(path);
  if (!dialect || !finding.ruleId.startsWith('secret/')) return undefined;
  // Positions are the engine's: a BOM is not part of the text (see lint.ts).
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const secret = { start: lines.offsetAt(finding.range.start), end: lines.offsetAt(finding.range.end) };
  if (secret.end <= secret.start) return undefined;
  const literal = literalAround(dialect, text, secret.start, secret.end);
  if (!literal) return undefined;
  const url = finding.ruleId === 'secret/url-credentials' ? urlAround(text, literal, secret.start, secret.end) : undefined;
  const from = url?.from ?? secret.start;
  const to = url?.to ?? secret.end;
  const value = literalValue(dialect, text, literal, from, to);
  if (value === undefined) return undefined;
  return { dialect, text, lines, literal, from, to, value, secret, ...(url ? { url: { scheme: url.scheme } } : {}) };
}

/** Characters a URL runs through; what ends it in source (blanks, quotes, an interpolation) is not among them. */
const URL_END = /[\s"'`<>\\{}|^$]/;
const SCHEME_CHAR = /[A-Za-z0-9+.\-:]/;

/** The URL holding the password at [start, end): from its scheme (`jdbc:postgresql:` included) to its end, inside the literal. */
function urlAround(text: string, literal: Literal, start: number, end: number): { from: number; to: number; scheme: string } | undefined {
  const mark = text.lastIndexOf('://', start);
  if (mark < literal.start) return undefined;
  let from = mark;
  while (from > literal.start && SCHEME_CHAR.test(text[from - 1])) from--;
  let to = end;
  while (to < literal.end && !URL_END.test(text[to]) && !(literal.flow && text[to] === ',')) to++;
  const schemes = text.slice(from, mark).split(':');
  return { from, to, scheme: schemes[schemes.length - 1].toLowerCase() };
}

// --- Names ---

/** The variable a URL's scheme usually goes in. */
const SCHEME_VARS: Readonly<Record<string, string>> = {
  postgres: 'DATABASE_URL',
  postgresql: 'DATABASE_URL',
  mysql: 'DATABASE_URL',
  mariadb: 'DATABASE_URL',
  sqlserver: 'DATABASE_URL',
  mongodb: 'MONGODB_URI',
  'mongodb+srv': 'MONGODB_URI',
  redis: 'REDIS_URL',
  rediss: 'REDIS_URL',
  amqp: 'AMQP_URL',
  amqps: 'AMQP_URL',
};
/** The last word of a name that holds a whole URL (`databaseUrl`, `MONGO_URI`, `redisConnectionString`). */
const URL_WORDS = new Set(['url', 'uri', 'dsn', 'string']);
/** Words that say a value is a URL and nothing about which one. */
const GENERIC_URL_WORDS = new Set([...URL_WORDS, 'connection', 'conn', 'str']);
const TYPE_WORDS = new Set(['string', 'String', 'str']);

function suggestedName(plan: Plan, finding: Pick<Finding, 'data'>): string {
  const { text, literal, from, url } = plan;
  const assigned = (from > literal.start ? assignedName(text, from) : undefined) ?? assignedName(text, literal.open);
  if (url) {
    // `databaseUrl` says which URL; `url`, `db` or `connectionString` do not, and the scheme says more.
    const words = assigned ? nameWords(assigned) : [];
    const specific = URL_WORDS.has(words[words.length - 1]) && words.some((word) => !GENERIC_URL_WORDS.has(word));
    return specific ? words.join('_').toUpperCase() : (SCHEME_VARS[url.scheme] ?? `${url.scheme.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_URL`);
  }
  const named = assigned && envVarName(assigned);
  return finding.data?.envVar ?? (named || (finding.data?.kind === 'JSON Web Token' ? 'API_TOKEN' : /private key/i.test(finding.data?.kind ?? '') ? 'PRIVATE_KEY' : 'SECRET'));
}

/**
 * The name a literal at `at` is assigned to: `apiKey = "`, `api_key: str = "`,
 * `"token": "`, `key := "`, `var key string = "`, `KEY=` (shell, YAML lists),
 * `setApiKey("`; undefined when the literal is not assigned (an argument).
 */
function assignedName(text: string, at: number): string | undefined {
  let p = at;
  const skipBlanks = (): void => {
    while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  };
  const readName = (): string => {
    const end = p;
    if (text[p - 1] === '"' || text[p - 1] === "'") {
      const open = text.lastIndexOf(text[p - 1], p - 2);
      if (open < 0 || text.slice(open, p).includes('\n')) return '';
      p = open;
      return text.slice(open + 1, end - 1);
    }
    while (p > 0 && /[\w$.-]/.test(text[p - 1])) p--;
    return text.slice(p, end);
  };
  skipBlanks();
  const separator = text[p - 1];
  if (separator === '(') {
    p--;
    skipBlanks();
    const callee = readName().replace(/^.*\./, '');
    const setter = /^(?:set|with)([A-Z_]\w*)$/.exec(callee);
    return setter?.[1];
  }
  if (separator === '=') {
    if ('=!<>'.includes(text[p - 2] ?? '')) return undefined;
    p -= text[p - 2] === ':' ? 2 : 1;
  } else if (separator === ':') {
    p--;
  } else {
    return undefined;
  }
  skipBlanks();
  let name = readName();
  if (TYPE_WORDS.has(name)) {
    // `api_key: str = "..."`, `var key string = "..."`: the name is before the type.
    skipBlanks();
    if (text[p - 1] === ':') p--;
    skipBlanks();
    name = readName();
  }
  return name.replace(/^.*\./, '') || undefined;
}

/**
 * `name`, or NAME_2, NAME_3... the first that `.env` does not hold with another
 * value, as the checks read it and as dotenv does (apps read `KEY:` followed by
 * a line as an assignment the checks see as a stray line).
 */
function freeName(envText: string | undefined, name: string, value: string): { name: string; reused: boolean } | undefined {
  const text = envText === undefined ? '' : stripBom(envText);
  const entries = parseEnvFile('.env', text).entries;
  const apps = dotenvParse(text);
  for (let suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
    const candidate = suffix === 1 ? name : `${name}_${suffix}`;
    const held = entries.filter((entry) => entry.key === candidate);
    const read = Object.hasOwn(apps, candidate) ? apps[candidate] : undefined;
    if (held.length === 0 && read === undefined) return { name: candidate, reused: false };
    if (held.every((entry) => entry.value === value) && read === value) return { name: candidate, reused: true };
  }
  return undefined;
}

/** The catalog provider of the finding, else the one whose env prefix starts the variable (`STRIPE_SECRET` from a generic finding). */
function providerOf(providerName: string | undefined, variable: string): Provider | undefined {
  if (providerName) return findProvider(providerName);
  return PROVIDERS.find((provider) => [provider.envPrefix, ...provider.aliases].some((prefix) => variable.startsWith(`${prefix}_`)));
}

/** Safe to write unquoted in `.env.example` (appendEnvVarsEdit writes placeholders as they are). */
const PLAIN_PLACEHOLDER = /^[^\s#'"`\\$]+$/;

/** A URL keeps its shape with the password as `xxxxx`; anything else gets the catalog's placeholder for the variable. */
function placeholder(plan: Plan, name: string, provider: Provider | undefined): string {
  if (plan.url) {
    const { text, from, to, secret } = plan;
    const shaped = `${text.slice(from, secret.start)}xxxxx${text.slice(secret.end, to)}`;
    if (PLAIN_PLACEHOLDER.test(shaped)) return shaped;
  }
  return placeholderFor(name, provider);
}

// --- The source edit ---

/** The last character before a literal where an expression may start without parentheses around it (`=>` ends in `>`). */
const OPENS_EXPRESSION = '=(,[{:+?>';
/** The first character after a literal where an expression may end without them (so may the end of the text). */
const ENDS_EXPRESSION = ',)]};:+\r\n';
const QUOTES = '"\'`';
/** How much text around a literal the contexts look at. */
const CONTEXT_CHARS = 16;

function sourceEdits(plan: Plan, name: string): TextEdit[] | undefined {
  const { dialect, text, literal, from, to } = plan;
  const read = envRead(dialect, name);
  const fill = from === literal.start && to === literal.end;
  const replace = (start: number, end: number, newText: string): TextEdit[] => [{ range: plan.lines.rangeOf(start, end), newText }];

  if (dialect === 'yaml') {
    // A plain scalar in a flow collection ends at `}`: there the read needs quotes, and only a whole value can have them.
    if (literal.quote === '' && literal.flow) return fill ? replace(from, to, `"${read}"`) : undefined;
    return replace(from, to, read);
  }
  if (dialect === 'shell') {
    if (literal.quote === '"') return replace(from, to, read);
    if (literal.quote === "'") {
      // A single-quoted string expands nothing: it is closed before the read and opened again after it, where text remains.
      const start = from === literal.start ? literal.open : from;
      const end = to === literal.end ? literal.close : to;
      return replace(start, end, `${start === from ? "'" : ''}"${read}"${end === to ? "'" : ''}`);
    }
    return replace(from, to, `"${read}"`);
  }

  const imports = importEdits(dialect, text, literal.open);
  const constants = constantEdits(dialect, text, literal.open);
  if (!imports || !constants) return undefined;
  const extra = [...imports, ...constants];
  // The literal had a string's type; a TypeScript read is `string | undefined`, so the assertion keeps the code compiling.
  if (fill) return [...extra, ...replace(literal.open, literal.close, dialect === 'ts' ? `${read}!` : read)];
  if ((dialect === 'js' || dialect === 'ts') && literal.quote === '`') return [...extra, ...replace(from, to, `\${${read}}`)];
  // A Java text block must start with a line break after its quotes: it cannot be cut in two.
  if (dialect === 'java' && literal.quote === '"""') return undefined;

  const before = text.slice(Math.max(0, literal.open - CONTEXT_CHARS), literal.open);
  const after = text.slice(literal.close, literal.close + CONTEXT_CHARS);
  const head = before.trimEnd();
  // Next to another literal (implicit concatenation in Python and C-like `"a" "b"`), a `+` would bind the wrong way.
  if (isOneOf(head[head.length - 1], QUOTES) || isOneOf(after.trimStart()[0], QUOTES)) return undefined;
  const opening = text.slice(literal.open, literal.start);
  const closing = text.slice(literal.end, literal.close);
  const parts: string[] = [];
  if (from > literal.start) parts.push(text.slice(literal.open, from) + closing);
  parts.push(read);
  if (to < literal.end) parts.push(opening + text.slice(to, literal.close));
  const joined = parts.join(' + ');
  const tail = after.replace(/^[ \t]+/, '');
  const bare = (isOneOf(head[head.length - 1], OPENS_EXPRESSION) || head.endsWith('return')) && (tail === '' || isOneOf(tail[0], ENDS_EXPRESSION));
  return [...extra, ...replace(literal.open, literal.close, bare ? joined : `(${joined})`)];
}

function isOneOf(c: string | undefined, chars: string): boolean {
  return c !== undefined && chars.includes(c);
}
