import { localize, message, type Locale } from '../engine/messages';
import { FORMATS } from './args';

export const HELP_TEMPLATES = {
  usage: 'Usage: {0}',
  summary: 'Checks INT docs, .env files and env reads in source against the SIMCO-INTEGRACIONES-EXTERNAS directive. The folder defaults to the current one.',
  options: 'Options:',
  format: 'Output format (default: stylish)',
  output: 'Write the report to FILE instead of standard output',
  maxWarnings: 'Exit with 1 when there are more than N warnings',
  fix: 'Apply safe fixes and write the changed files back',
  cache: 'Reuse the findings of files unchanged since the last --cache run',
  cacheLocation: 'Where the cache is kept (default: <folder>/.simco-int-cache)',
  config: 'Use FILE instead of <folder>/simco-int.config.json',
  quiet: 'Report errors only',
  baseline: 'Report only the findings FILE does not hold (FILE made by "simco-int baseline")',
  pruneBaseline: 'Remove from the --baseline file the entries that match no finding any more',
  baselineSummary: '"simco-int baseline" records the current findings (no messages, no secrets) in FILE, default <folder>/.simco-int-baseline.json, for check --baseline.',
  locale: 'Language of the messages (default: from LC_ALL, LC_MESSAGES or LANG; else en)',
  help: 'Show this help',
  version: 'Print the version',
  exitCodes: 'Exit codes:',
  exit0: 'no errors, and no more warnings than --max-warnings',
  exit1: 'errors, or more warnings than --max-warnings',
  exit2: 'bad usage, a folder that cannot be read, an invalid configuration, or a baseline that cannot be read',
} as const;

const OPTION_ROWS: Array<[string, string]> = [
  [`-f, --format ${FORMATS.join('|')}`, HELP_TEMPLATES.format],
  ['-o, --output FILE', HELP_TEMPLATES.output],
  ['    --max-warnings N', HELP_TEMPLATES.maxWarnings],
  ['    --fix', HELP_TEMPLATES.fix],
  ['    --cache', HELP_TEMPLATES.cache],
  ['    --cache-location FILE', HELP_TEMPLATES.cacheLocation],
  ['-c, --config FILE', HELP_TEMPLATES.config],
  ['-q, --quiet', HELP_TEMPLATES.quiet],
  ['    --baseline FILE', HELP_TEMPLATES.baseline],
  ['    --prune-baseline', HELP_TEMPLATES.pruneBaseline],
  ['    --locale en|es', HELP_TEMPLATES.locale],
  ['-h, --help', HELP_TEMPLATES.help],
  ['-v, --version', HELP_TEMPLATES.version],
];

export function helpText(locale: Locale): string {
  const t = (template: string, ...args: string[]): string => localize(message(template, ...args), locale);
  const width = Math.max(...OPTION_ROWS.map(([flags]) => flags.length));
  return [
    t(HELP_TEMPLATES.usage, 'simco-int check [folder] [options]'),
    t(HELP_TEMPLATES.usage, 'simco-int baseline [folder] [-o FILE] [--cache] [-c FILE]'),
    t(HELP_TEMPLATES.usage, 'simco-int new <provider> [options]  (simco-int new --help)'),
    t(HELP_TEMPLATES.usage, 'simco-int ping <provider|INT doc> [options]  (simco-int ping --help)'),
    '',
    t(HELP_TEMPLATES.summary),
    t(HELP_TEMPLATES.baselineSummary),
    '',
    t(HELP_TEMPLATES.options),
    ...OPTION_ROWS.map(([flags, description]) => `  ${flags.padEnd(width)}  ${t(description)}`),
    '',
    t(HELP_TEMPLATES.exitCodes),
    `  0  ${t(HELP_TEMPLATES.exit0)}`,
    `  1  ${t(HELP_TEMPLATES.exit1)}`,
    `  2  ${t(HELP_TEMPLATES.exit2)}`,
    '',
  ].join('\n');
}
