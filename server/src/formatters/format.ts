import type { Locale } from '../engine/messages';
import type { BaselineEntry } from '../workspace/baseline';
import type { CheckResult } from '../workspace/check';

/** What `check --baseline` did: the findings it held back, and its entries nothing matched. */
export interface BaselineReport {
  /** The baseline file, as given to --baseline. */
  file: string;
  /** Findings the baseline holds: not in the report, not counted for the exit code. */
  baselined: number;
  /** Entries that match no current finding. */
  stale: BaselineEntry[];
  /** --prune-baseline: the stale entries were removed from the file. */
  pruned: boolean;
}

/** What every formatter gets: the check's result (already filtered by --quiet) and how to show it. */
export interface FormatInput {
  result: CheckResult;
  /** --quiet: the findings are errors only, so "no problems" would overstate. */
  quiet: boolean;
  /** Absolute path of the checked folder: findings are relative to it. */
  root: string;
  /** Where the user is: stylish prints paths relative to it so terminals can link them. */
  cwd: string;
  locale: Locale;
  /** ANSI colors: only for a terminal, never for a file or a pipe. */
  color: boolean;
  /** simco-int's own version, for SARIF's tool.driver. */
  version: string;
  /** Set with --baseline: the result's findings are those the baseline does not hold. */
  baseline?: BaselineReport;
}

/** Returns the whole report; the caller writes it to stdout or --output. */
export type Formatter = (input: FormatInput) => string;
