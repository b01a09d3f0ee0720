import { parseArgs } from 'node:util';
import { message, type Locale } from '../engine/messages';
import type { Message } from '../engine/types';

// Turns argv into a command, or into the one-line reason it is not one.
// Knows nothing of files: checking that the folder exists is the caller's job.

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type FormatName = (typeof FORMATS)[number];
const LOCALES: readonly Locale[] = ['en', 'es'];

export const ARG_TEMPLATES = {
  missingCommand: 'Expected a command ("check"); found none.',
  unknownCommand: 'Expected a command: check, baseline, new or ping; found "{0}".',
  extraFolders: 'Expected at most one folder; found {0}: {1}.',
  unknownOption: 'Unknown option "{0}".',
  missingValue: 'Option "{0}" needs a value.',
  unexpectedValue: 'Option "{0}" does not take a value.',
  badFormat: 'Expected --format to be one of {0}; found "{1}".',
  badMaxWarnings: 'Expected --max-warnings to be a whole number (0 or more); found "{0}".',
  badLocale: 'Expected --locale to be one of {0}; found "{1}".',
  notForCommand: 'Option "{0}" does not apply to the command "{1}".',
  pruneNeedsBaseline: 'Option "--prune-baseline" needs --baseline FILE.',
} as const;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  fix: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  config: { type: 'string', short: 'c' },
  quiet: { type: 'boolean', short: 'q' },
  baseline: { type: 'string' },
  'prune-baseline': { type: 'boolean' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export interface CheckCommand {
  kind: 'check';
  folder: string;
  format: FormatName;
  output: string | undefined;
  /** Undefined: any number of warnings is fine. */
  maxWarnings: number | undefined;
  fix: boolean;
  /** Reuse findings of unchanged files from the last run (`--cache`). */
  cache: boolean;
  cacheLocation: string | undefined;
  config: string | undefined;
  quiet: boolean;
  /** Report only the findings this baseline file does not hold (`--baseline`). */
  baseline: string | undefined;
  /** Rewrite the baseline without its stale entries (`--prune-baseline`). */
  pruneBaseline: boolean;
}

/** `simco-int baseline`: records the current findings, reports nothing. */
export interface BaselineCommand {
  kind: 'baseline';
  folder: string;
  /** Where the baseline is written; undefined: <folder>/.simco-int-baseline.json. */
  output: string | undefined;
  cache: boolean;
  cacheLocation: string | undefined;
  config: string | undefined;
}

export type Command = { kind: 'help' } | { kind: 'version' } | CheckCommand | BaselineCommand;

/** Options of `check` that mean nothing to `baseline` (it records every finding, fixes nothing, prints no report). */
const CHECK_ONLY_OPTIONS = ['format', 'max-warnings', 'fix', 'quiet', 'baseline', 'prune-baseline'] as const;

export type ParsedArgs =
  /** `locale` is set when --locale was given and valid, so even a usage error can be shown in it. */
  | { ok: true; command: Command; locale: Locale | undefined }
  | { ok: false; problem: Message; locale: Locale | undefined };

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let values: ReturnType<typeof parse>['values'];
  let positionals: string[];
  try {
    ({ values, positionals } = parse(argv));
  } catch (error) {
    return { ok: false, problem: describeParseError(error), locale: undefined };
  }
  let locale: Locale | undefined;
  if (values.locale !== undefined) {
    if (!(LOCALES as readonly string[]).includes(values.locale)) {
      return { ok: false, problem: message(ARG_TEMPLATES.badLocale, LOCALES.join(', '), values.locale), locale: undefined };
    }
    locale = values.locale as Locale;
  }
  const fail = (problem: Message): ParsedArgs => ({ ok: false, problem, locale });
  if (values.help) return { ok: true, command: { kind: 'help' }, locale };
  if (values.version) return { ok: true, command: { kind: 'version' }, locale };

  const [command, ...folders] = positionals;
  if (command === undefined) return fail(message(ARG_TEMPLATES.missingCommand));
  if (command !== 'check' && command !== 'baseline') return fail(message(ARG_TEMPLATES.unknownCommand, command));
  if (folders.length > 1) return fail(message(ARG_TEMPLATES.extraFolders, folders.length, folders.map((f) => `"${f}"`).join(', ')));
  const shared = { folder: folders[0] ?? '.', output: values.output, cache: values.cache ?? false, cacheLocation: values['cache-location'], config: values.config };

  if (command === 'baseline') {
    const misplaced = CHECK_ONLY_OPTIONS.find((option) => values[option] !== undefined);
    if (misplaced) return fail(message(ARG_TEMPLATES.notForCommand, `--${misplaced}`, command));
    return { ok: true, locale, command: { kind: 'baseline', ...shared } };
  }
  if (values['prune-baseline'] && values.baseline === undefined) return fail(message(ARG_TEMPLATES.pruneNeedsBaseline));

  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) return fail(message(ARG_TEMPLATES.badFormat, FORMATS.join(', '), format));

  let maxWarnings: number | undefined;
  const rawMax = values['max-warnings'];
  if (rawMax !== undefined) {
    if (!/^\d+$/.test(rawMax) || !Number.isSafeInteger(Number(rawMax))) return fail(message(ARG_TEMPLATES.badMaxWarnings, rawMax));
    maxWarnings = Number(rawMax);
  }

  return {
    ok: true,
    locale,
    command: {
      kind: 'check',
      ...shared,
      format: format as FormatName,
      maxWarnings,
      fix: values.fix ?? false,
      quiet: values.quiet ?? false,
      baseline: values.baseline,
      pruneBaseline: values['prune-baseline'] ?? false,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
}

/**
 * parseArgs' own messages are long and name no fix; say which option and
 * what is wrong with it. `options` is the command's option table. Shared by
 * every command (check, baseline, new, ping).
 */
export function describeParseError(error: unknown, options: Readonly<Record<string, { type: string }>> = OPTIONS): Message {
  const code = (error as NodeJS.ErrnoException).code;
  const text = error instanceof Error ? error.message : String(error);
  const option = /--[\w-]+/.exec(text)?.[0] ?? /'(-[^']*)/.exec(text)?.[1] ?? text;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return message(ARG_TEMPLATES.unknownOption, option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message(options[option.replace(/^--/, '')]?.type === 'boolean' ? ARG_TEMPLATES.unexpectedValue : ARG_TEMPLATES.missingValue, option);
  }
  throw error;
}
