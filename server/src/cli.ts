import { mkdirSync, opendirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { version } from '../../package.json';
import { localize, message, toLocale, type Locale } from './engine/messages';
import type { Message } from './engine/types';
import { parseCliArgs, type CheckCommand, type FormatName } from './cli/args';
import { helpText } from './cli/help';
import type { Formatter } from './formatters/format';
import { json } from './formatters/json';
import { sarif } from './formatters/sarif';
import { stylish } from './formatters/stylish';
import { CheckCache } from './workspace/cache';
import { isCheckWorker, runCheck, runCheckWorker } from './workspace/run';
import { loadConfig } from './workspace/config-file';
import { codeOf } from './workspace/errno';

// The headless shell: arguments in, report and exit code out. The work is in
// workspace/check.ts (shared with the server) and the formatters.

export const CLI_TEMPLATES = {
  hint: 'Run "simco-int --help" for usage.',
  missingFolder: 'Folder "{0}" does not exist.',
  notAFolder: 'Expected a folder; "{0}" is a file.',
  unreadableFolder: 'Cannot read folder "{0}" ({1}).',
  unreadableConfig: 'Cannot read the configuration file "{0}" ({1}).',
  invalidConfig: 'The configuration file "{0}" is invalid (see above); fix it and run again.',
  skipped: 'Skipped "{0}": {1}',
  unwritableOutput: 'Cannot write the report to "{0}" ({1}).',
  unwritableCache: 'Cannot write the cache to "{0}" ({1}); the next run checks every file again.',
  tooManyWarnings: 'Too many warnings: {1} found, --max-warnings allows {0}.',
  crash: 'Unexpected failure: {0}. Please report it.',
} as const;

const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, sarif };

/** The default cache file, in the checked folder (like ESLint's .eslintcache): add it to .gitignore. */
const CACHE_FILE = '.simco-int-cache';

/** Exit codes, as documented in docs/cli.md. */
const OK = 0;
const PROBLEMS = 1;
const UNUSABLE = 2;

export interface CliOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  cwd: string;
  /** Defaults to process.env: LANG/LC_ALL pick the locale, NO_COLOR turns colors off. */
  env?: Record<string, string | undefined>;
}

/** What the check needs from main(): where to write and in which language. */
interface Shell {
  io: CliIo;
  env: Record<string, string | undefined>;
  locale: Locale;
  /** One line on stderr, prefixed with the program name. */
  say(problem: Message): void;
  /** Says why nothing could be checked, points at --help, and gives exit code 2. */
  unusable(problem: Message): number;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  const parsed = parseCliArgs(argv);
  const locale = parsed.locale ?? toLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  const shell: Shell = {
    io,
    env,
    locale,
    say: (problem) => void io.stderr.write(`simco-int: ${localize(problem, locale)}\n`),
    unusable: (problem) => {
      shell.say(problem);
      io.stderr.write(`${localize(message(CLI_TEMPLATES.hint), locale)}\n`);
      return UNUSABLE;
    },
  };

  if (!parsed.ok) return shell.unusable(parsed.problem);
  const { command } = parsed;
  if (command.kind === 'help') {
    io.stdout.write(helpText(locale));
    return OK;
  }
  if (command.kind === 'version') {
    io.stdout.write(`${version}\n`);
    return OK;
  }
  try {
    return await check(command, shell);
  } catch (error) {
    // A bug must not look like "problems found" (1) to a CI pipeline.
    shell.say(message(CLI_TEMPLATES.crash, error instanceof Error ? (error.stack ?? error.message) : String(error)));
    return UNUSABLE;
  }
}

async function check(command: CheckCommand, { io, env, locale, say, unusable }: Shell): Promise<number> {
  const root = resolve(io.cwd, command.folder);
  const folderProblem = whyNotAFolder(root, command.folder);
  if (folderProblem) return unusable(folderProblem);

  const explicit = command.config ? { absolute: resolve(io.cwd, command.config), shownAs: command.config } : undefined;
  const loaded = loadConfig(root, explicit);
  if (!loaded.ok) return unusable(message(CLI_TEMPLATES.unreadableConfig, loaded.file, loaded.reason));
  if (loaded.findings.length > 0) {
    // --config is shown as typed; the folder's own file from where the user is, like a compiler would.
    const configPath = explicit ? explicit.shownAs : displayPath(io.cwd, root, loaded.file ?? '');
    for (const finding of loaded.findings) {
      const { line, character } = finding.range.start;
      io.stderr.write(`${configPath}:${line + 1}:${character + 1}  ${localize(finding.message, locale)}  ${finding.ruleId}\n`);
    }
    return unusable(message(CLI_TEMPLATES.invalidConfig, configPath));
  }

  // Workers run this same file, which only the bundle is: under a TypeScript loader everything stays on one thread.
  const workerScript = __filename.endsWith('.js') ? __filename : undefined;
  const cacheFile = resolve(io.cwd, command.cacheLocation ?? join(root, CACHE_FILE));
  const cache = command.cache ? CheckCache.open(cacheFile, toolBuild(), loaded.config) : undefined;
  const result = await runCheck({ root, config: loaded.config, fix: command.fix, workerScript, cache });
  try {
    cache?.save();
  } catch (error) {
    say(message(CLI_TEMPLATES.unwritableCache, command.cacheLocation ?? CACHE_FILE, codeOf(error)));
  }
  for (const skipped of result.skipped) say(message(CLI_TEMPLATES.skipped, skipped.path, localize(skipped.message, locale)));

  const shown = command.quiet ? result.findings.filter((finding) => finding.severity === 'error') : result.findings;
  const color = command.output === undefined && io.stdout.isTTY === true && !env.NO_COLOR;
  const report = FORMATTERS[command.format]({
    result: { ...result, findings: shown },
    quiet: command.quiet,
    root,
    cwd: io.cwd,
    locale,
    color,
    version,
  });
  if (command.output === undefined) {
    io.stdout.write(report);
  } else {
    const target = resolve(io.cwd, command.output);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, report);
    } catch (error) {
      return unusable(message(CLI_TEMPLATES.unwritableOutput, command.output, codeOf(error)));
    }
  }

  // --quiet hides warnings but, as in ESLint, they still count against --max-warnings.
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  if (command.maxWarnings !== undefined && warnings > command.maxWarnings) {
    say(message(CLI_TEMPLATES.tooManyWarnings, command.maxWarnings, warnings));
    return PROBLEMS;
  }
  return errors > 0 ? PROBLEMS : OK;
}

/** What makes cached findings stale besides the files: the version, and the build (a rebuilt bundle may check differently). */
function toolBuild(): string {
  const { size, mtimeMs } = statSync(__filename);
  return `${version}:${size}:${mtimeMs}`;
}

function whyNotAFolder(root: string, shownAs: string): Message | undefined {
  try {
    if (!statSync(root).isDirectory()) return message(CLI_TEMPLATES.notAFolder, shownAs);
    opendirSync(root).closeSync();
    return undefined;
  } catch (error) {
    const code = codeOf(error);
    return code === 'ENOENT' ? message(CLI_TEMPLATES.missingFolder, shownAs) : message(CLI_TEMPLATES.unreadableFolder, shownAs, code);
  }
}

function displayPath(cwd: string, root: string, file: string): string {
  return relative(cwd, join(root, file)).split(sep).join('/');
}

if (isCheckWorker()) {
  runCheckWorker();
} else if (require.main === module) {
  // A closed pipe (`simco-int check | head`) is the reader's choice, not a failure to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then((code) => {
    process.exitCode = code;
  });
}
