import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { classify } from '../engine/lint';
import { localize, message, toLocale, type Locale } from '../engine/messages';
import { formatPingText, pingJson } from '../engine/ping/format';
import { pingTargets } from '../engine/ping/plan';
import { decodeBytes } from '../engine/text';
import type { PingDeps } from '../engine/ping/types';
import type { Message } from '../engine/types';
import { REAL_PING_DEPS } from '../ping/http';
import { pingInWorkspace, type PingWorkspace } from '../ping/workspace';
import { loadConfig } from '../workspace/config-file';
import { codeOf } from '../workspace/errno';
import { walkWorkspace } from '../workspace/walk';
import { ARG_TEMPLATES, describeParseError } from './args';
import { HELP_TEMPLATES } from './help';

// `simco-int ping <provider|INT doc>`: the palette's Sandbox ping for CI.
// The workspace is the current folder; the report goes to standard output
// (text or JSON) and the exit code says how it went.

export const PING_CLI_TEMPLATES = {
  hint: 'Run "simco-int ping --help" for usage.',
  missingTarget: 'Expected a provider ({0}) or an INT doc; found none.',
  extraTargets: 'Expected one provider; found {0}: {1}.',
  badFormat: 'Expected --format to be one of text, json; found "{0}".',
  badTimeout: 'Expected --timeout to be a whole number of milliseconds from 100 to 120000; found "{0}".',
  unreadableConfig: 'Cannot read the configuration file "{0}" ({1}).',
  invalidConfig: 'The configuration file "{0}" is invalid: {1}',
  config: 'Use FILE instead of ./simco-int.config.json',
  summary: 'Sends one read-only request with the test credentials in .env to the provider\'s sandbox API, and reports whether they work. Live credentials and live hosts are refused before anything is sent.',
  providers: 'Providers: {0}',
  envFile: 'The .env holding the test credentials (default: ping.envFile of simco-int.config.json, else .env)',
  baseUrl: 'Send to URL instead of the provider\'s sandbox API: a mock or a proxy (default: ping.baseUrls)',
  timeout: 'How long one attempt may take (default: ping.timeoutMs, else 10000)',
  format: 'Output format (default: text)',
  exit0: 'the provider accepted the credentials',
  exit1: 'the check failed: credentials rejected, rate limited, provider unavailable, request rejected',
  exit2: 'refused (live credentials or host, missing variables) or bad usage; nothing was sent',
} as const;

const OK = 0;
const FAILED = 1;
const REFUSED = 2;

const OPTIONS = {
  'env-file': { type: 'string' },
  'base-url': { type: 'string' },
  timeout: { type: 'string' },
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** `argv` is what follows `ping`. */
export async function pingCommand(argv: readonly string[], io: Io, deps: PingDeps = REAL_PING_DEPS): Promise<number> {
  const env = io.env ?? process.env;
  let locale: Locale = toLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  const say = (problem: Message): number => {
    io.stderr.write(`simco-int: ${localize(problem, locale)}\n${localize(message(PING_CLI_TEMPLATES.hint), locale)}\n`);
    return REFUSED;
  };

  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return say(describeParseError(error, OPTIONS));
  }
  const { values, positionals } = parsed;
  if (values.locale !== undefined) {
    if (values.locale !== 'en' && values.locale !== 'es') return say(message(ARG_TEMPLATES.badLocale, 'en, es', values.locale));
    locale = values.locale;
  }
  if (values.help) {
    io.stdout.write(pingHelp(locale));
    return OK;
  }
  const ids = pingTargets().map((t) => t.provider.id).join(', ');
  if (positionals.length === 0) return say(message(PING_CLI_TEMPLATES.missingTarget, ids));
  if (positionals.length > 1) return say(message(PING_CLI_TEMPLATES.extraTargets, positionals.length, positionals.map((p) => `"${p}"`).join(', ')));
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return say(message(PING_CLI_TEMPLATES.badFormat, format));
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    timeoutMs = Number(values.timeout);
    if (!/^\d+$/.test(values.timeout) || timeoutMs < 100 || timeoutMs > 120_000) return say(message(PING_CLI_TEMPLATES.badTimeout, values.timeout));
  }

  const root = io.cwd;
  const explicit = values.config ? { absolute: resolve(root, values.config), shownAs: values.config } : undefined;
  const loaded = loadConfig(root, explicit);
  if (!loaded.ok) return say(message(PING_CLI_TEMPLATES.unreadableConfig, loaded.file, loaded.reason));
  if (loaded.findings.length > 0) {
    return say(message(PING_CLI_TEMPLATES.invalidConfig, loaded.file ?? '', localize(loaded.findings[0].message, locale)));
  }

  const { report, secrets } = await pingInWorkspace(
    { ...(DOC_PATH.test(positionals[0]) ? { doc: positionals[0] } : { provider: positionals[0] }), envFile: values['env-file'], baseUrl: values['base-url'], timeoutMs },
    diskWorkspace(root, loaded.config),
    deps,
  );
  io.stdout.write(format === 'json' ? `${JSON.stringify(pingJson(report, locale, secrets), null, 2)}\n` : formatPingText(report, locale, secrets));
  return report.outcome === 'ok' ? OK : report.outcome === 'refused' ? REFUSED : FAILED;
}

/** The workspace on disk: files relative to the root, INT docs found by the same walk as `check`. */
function diskWorkspace(root: string, config: PingWorkspace['config']): PingWorkspace {
  const readText = (path: string): { text: string } | { error: string } => {
    try {
      return { text: decodeBytes(readFileSync(resolve(root, path))).text };
    } catch (error) {
      return { error: codeOf(error) };
    }
  };
  return {
    config,
    readText,
    intDocs: () =>
      walkWorkspace(root, config)
        .files.filter((path) => classify(path, config) === 'int-doc')
        .flatMap((path) => {
          const read = readText(path);
          const proveedor = 'text' in read ? PROVEEDOR_ROW.exec(read.text)?.[1].trim() : undefined;
          return proveedor ? [{ path, proveedor }] : [];
        }),
  };
}

/** An argument naming an INT doc rather than a provider. */
const DOC_PATH = /\.md$/i;

/** The metadata row, read without parsing the whole doc: only the doc that names the provider is parsed. */
// The cell is trimmed by the caller: a lazy cell between two blank runs backtracked (ReDoS).
const PROVEEDOR_ROW = /^[ \t]*\|[ \t]*\**Proveedor\**[ \t]*\|([^|\r\n]*)(?=\|)/im;

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
}


export function pingHelp(locale: Locale): string {
  const t = (template: string, ...args: string[]): string => localize(message(template, ...args), locale);
  const rows: Array<[string, string]> = [
    ['    --env-file FILE', t(PING_CLI_TEMPLATES.envFile)],
    ['    --base-url URL', t(PING_CLI_TEMPLATES.baseUrl)],
    ['    --timeout MS', t(PING_CLI_TEMPLATES.timeout)],
    ['-f, --format text|json', t(PING_CLI_TEMPLATES.format)],
    ['-c, --config FILE', t(PING_CLI_TEMPLATES.config)],
    ['    --locale en|es', t(HELP_TEMPLATES.locale)],
    ['-h, --help', t(HELP_TEMPLATES.help)],
  ];
  const width = Math.max(...rows.map(([flags]) => flags.length));
  return [
    t(HELP_TEMPLATES.usage, 'simco-int ping <provider|INT doc> [options]'),
    '',
    t(PING_CLI_TEMPLATES.summary),
    t(PING_CLI_TEMPLATES.providers, pingTargets().map((target) => target.provider.id).join(', ')),
    '',
    t(HELP_TEMPLATES.options),
    ...rows.map(([flags, description]) => `  ${flags.padEnd(width)}  ${description}`),
    '',
    t(HELP_TEMPLATES.exitCodes),
    `  0  ${t(PING_CLI_TEMPLATES.exit0)}`,
    `  1  ${t(PING_CLI_TEMPLATES.exit1)}`,
    `  2  ${t(PING_CLI_TEMPLATES.exit2)}`,
    '',
  ].join('\n');
}
