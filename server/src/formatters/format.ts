import type { Locale } from '../engine/messages';
import type { CheckResult } from '../workspace/check';

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
}

/** Returns the whole report; the caller writes it to stdout or --output. */
export type Formatter = (input: FormatInput) => string;
