import { mkdirSync, opendirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { version } from '../../package.json';
import { crashReport } from './engine/crash';
import { localize, message, toLocale, type Locale } from './engine/messages';
import type { Config } from './engine/config/config';
import type { Message } from './engine/types';
import { parseCliArgs, type BaselineCommand, type CheckCommand, type FormatName } from './cli/args';
import { helpText } from './cli/help';
import { isNewCommand, runNew } from './cli/new';
import { pingCommand } from './cli/ping';
import type { BaselineReport, Formatter } from './formatters/format';
import { json } from './formatters/json';
import { sarif } from './formatters/sarif';
import { stylish } from './formatters/stylish';
import { baselineOf, formatBaseline, matchBaseline, readBaseline, withoutEntries, type Baseline } from './workspace/baseline';
import { CACHE_FILE, CheckCache } from './workspace/cache';
import type { CheckResult } from './workspace/check';
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
  unreadableBaseline: 'Cannot read the baseline "{0}" ({1}); create it with "simco-int baseline".',
  notJsonBaseline: 'The baseline "{0}" is not valid JSON; create it again with "simco-int baseline".',
  malformedBaseline: 'Expected the baseline "{0}" to hold {"version": 1, "entries": [{"ruleId", "file", "fingerprint"}, ...]}; found something else at "{1}". Create it again with "simco-int baseline".',
  unwritableBaseline: 'Cannot write the baseline to "{0}" ({1}).',
  wroteBaseline: 'Baseline written to "{0}"; findings recorded: {1}.',
  staleBaseline: 'Entries of the baseline "{0}" that match no finding any more (fixed or changed): {1}. Run with --prune-baseline to remove them.',
  prunedBaseline: 'Removed from the baseline "{0}" the entries that matched no finding: {1}.',
  crash: 'Unexpected failure: {0}. Please report it.',
} as const;

const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, sarif };

/** The default baseline file, in the checked folder: commit it. */
const BASELINE_FILE = '.simco-int-baseline.json';

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
  /** The script a check's worker threads run (the bundled `simco-int`); without it a check stays on this thread. */
  workerScript?: string;
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
  // `new` has options of its own: it parses them itself (cli/new.ts).
  if (isNewCommand(argv)) return runNew(argv, io);
  // `ping` too (cli/ping.ts): it sends a request, it checks no files.
  if (argv[0] === 'ping') return pingCommand(argv.slice(1), io);
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
    return command.kind === 'baseline' ? await recordBaseline(command, shell) : await check(command, shell);
  } catch (error) {
    // A bug must not look like "problems found" (1) to a CI pipeline.
    // The class and the stack, not the message: it can quote the file being read (engine/crash.ts).
    shell.say(message(CLI_TEMPLATES.crash, crashReport(error)));
    return UNUSABLE;
  }
}

/** The checked folder and its configuration, or the exit code when either is unusable. */
function loadFolder(command: CheckCommand | BaselineCommand, { io, locale, unusable }: Shell): { root: string; config: Config } | number {
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
  return { root, config: loaded.config };
}

/** Checks the folder (through the cache with --cache) and names on stderr what was skipped. `ownFiles` are never checked. */
async function checkFolder(
  command: CheckCommand | BaselineCommand,
  { io, locale, say }: Shell,
  { root, config }: { root: string; config: Config },
  ownFiles: string[],
): Promise<CheckResult> {
  const cacheFile = resolve(io.cwd, command.cacheLocation ?? join(root, CACHE_FILE));
  const cache = command.cache ? CheckCache.open(cacheFile, toolBuild(), config) : undefined;
  const fix = command.kind === 'check' && command.fix;
  const result = await runCheck({ root, config, fix, workerScript: io.workerScript, cache, ownFiles });
  try {
    cache?.save();
  } catch (error) {
    say(message(CLI_TEMPLATES.unwritableCache, command.cacheLocation ?? CACHE_FILE, codeOf(error)));
  }
  for (const skipped of result.skipped) say(message(CLI_TEMPLATES.skipped, skipped.path, localize(skipped.message, locale)));
  return result;
}

async function check(command: CheckCommand, shell: Shell): Promise<number> {
  const { io, env, locale, say, unusable } = shell;
  const folder = loadFolder(command, shell);
  if (typeof folder === 'number') return folder;
  const { root } = folder;

  // Read before checking: with a baseline that cannot be used, nothing could be reported as new.
  let baseline: { absolute: string; shownAs: string; read: Baseline } | undefined;
  if (command.baseline !== undefined) {
    const absolute = resolve(io.cwd, command.baseline);
    const read = readBaseline(absolute);
    if ('unreadable' in read) return unusable(message(CLI_TEMPLATES.unreadableBaseline, command.baseline, read.unreadable));
    if ('notJson' in read) return unusable(message(CLI_TEMPLATES.notJsonBaseline, command.baseline));
    if ('pointer' in read) return unusable(message(CLI_TEMPLATES.malformedBaseline, command.baseline, read.pointer));
    baseline = { absolute, shownAs: command.baseline, read: read.baseline };
  }

  const result = await checkFolder(command, shell, folder, baseline ? [baseline.absolute] : []);
  // Only what the baseline does not hold is reported and counts for the exit code.
  // Stale entries are judged against every finding, whatever --quiet hides.
  const match = baseline && matchBaseline(result.findings, baseline.read);
  const findings = match ? match.fresh : result.findings;
  const baselineReport: BaselineReport | undefined =
    baseline && match ? { file: baseline.shownAs, baselined: match.baselined, stale: match.stale, pruned: command.pruneBaseline } : undefined;

  const shown = command.quiet ? findings.filter((finding) => finding.severity === 'error') : findings;
  const color = command.output === undefined && io.stdout.isTTY === true && !env.NO_COLOR;
  const report = FORMATTERS[command.format]({
    result: { ...result, findings: shown },
    quiet: command.quiet,
    root,
    cwd: io.cwd,
    locale,
    color,
    version,
    ...(baselineReport ? { baseline: baselineReport } : {}),
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

  if (baseline && match && match.stale.length > 0) {
    if (!command.pruneBaseline) {
      say(message(CLI_TEMPLATES.staleBaseline, baseline.shownAs, match.stale.length));
    } else {
      try {
        writeFileSync(baseline.absolute, formatBaseline(withoutEntries(baseline.read, match.stale)));
      } catch (error) {
        return unusable(message(CLI_TEMPLATES.unwritableBaseline, baseline.shownAs, codeOf(error)));
      }
      say(message(CLI_TEMPLATES.prunedBaseline, baseline.shownAs, match.stale.length));
    }
  }

  // --quiet hides warnings but, as in ESLint, they still count against --max-warnings.
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (command.maxWarnings !== undefined && warnings > command.maxWarnings) {
    say(message(CLI_TEMPLATES.tooManyWarnings, command.maxWarnings, warnings));
    return PROBLEMS;
  }
  return errors > 0 ? PROBLEMS : OK;
}

/** `simco-int baseline`: every current finding's fingerprint, written to the baseline file. */
async function recordBaseline(command: BaselineCommand, shell: Shell): Promise<number> {
  const { io, locale, unusable } = shell;
  const folder = loadFolder(command, shell);
  if (typeof folder === 'number') return folder;
  const target = resolve(io.cwd, command.output ?? join(folder.root, BASELINE_FILE));
  const shownAs = command.output ?? displayPath(io.cwd, folder.root, BASELINE_FILE);
  const result = await checkFolder(command, shell, folder, [target]);
  const baseline = baselineOf(result.findings);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, formatBaseline(baseline));
  } catch (error) {
    return unusable(message(CLI_TEMPLATES.unwritableBaseline, shownAs, codeOf(error)));
  }
  io.stdout.write(`${localize(message(CLI_TEMPLATES.wroteBaseline, shownAs, baseline.entries.length), locale)}\n`);
  return OK;
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

/**
 * Runs the command line of this process, or the task of a check's worker
 * thread. `entryScript` is the script that loaded the bundle (cli-entry.ts):
 * the one a check's worker threads run. Without it a check stays on one thread.
 */
export function start(entryScript?: string): void {
  if (isCheckWorker()) {
    runCheckWorker();
    return;
  }
  // A closed pipe (`simco-int check | head`) is the reader's choice, not a failure to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), workerScript: entryScript }).then((code) => {
    process.exitCode = code;
  });
}

// Run directly (through a TypeScript loader, as some tests do), this file is the command; the bundle is started by cli-entry.ts.
if (require.main === module) start();
