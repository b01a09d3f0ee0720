import type { EnvFile } from '../env/parse';
import type { EnvRead } from '../env/source-reads';
import type { IntDoc } from '../intdoc/model';
import type { InventoryFile } from '../inventory/parse';
import type { LineIndex } from '../text';
import type { Config } from '../config/config';
import type { FileEdit, Range, Severity, TextEdit } from '../types';
import type { WorkspaceIndex } from '../workspace/index';

/** What a rule declares about itself: the registry, docs, SARIF and the server read this. */
export interface RuleMeta {
  /** Stable, namespaced: `int-doc/missing-section`. Its docs page is `docs/rules/<id>.md`. */
  id: string;
  /** One English sentence: SARIF shortDescription and the docs page's summary. */
  description: string;
  defaultSeverity: Severity;
  /** Offers safe, local, idempotent fixes that `--fix` and fix-all apply. */
  fixable: boolean;
  /** Offers fixes that need the user's choice (they touch meaning or other files). */
  hasSuggestions: boolean;
  /** messageId -> English template with `{0}` slots ("Expected {0}; found {1}"). */
  messages: Readonly<Record<string, string>>;
}

export interface FixSpec {
  messageId: string;
  args?: Array<string | number>;
  edits: TextEdit[];
  /** Edits to other files (or files to create): such a fix is always a suggestion. */
  changes?: FileEdit[];
  safe: boolean;
}

export interface ReportSpec {
  messageId: string;
  args?: Array<string | number>;
  range: Range;
  fixes?: FixSpec[];
  data?: Record<string, string>;
}

export type Report = (spec: ReportSpec) => void;

/** What the engine may ask of the world around a file, answered by the shell. */
export interface WorkspaceFacts {
  /** Whether a workspace-relative path (file or folder) exists. */
  exists(path: string): boolean;
}

interface BaseContext {
  /** Workspace-relative path, forward slashes. */
  path: string;
  config: Config;
  report: Report;
}

export interface IntDocContext extends BaseContext {
  doc: IntDoc;
  workspace: WorkspaceFacts;
}

export interface EnvFileContext extends BaseContext {
  env: EnvFile;
}

export interface SourceContext extends BaseContext {
  lines: LineIndex;
  reads: EnvRead[];
}

export interface InventoryContext extends BaseContext {
  inventory: InventoryFile;
}

/** Any text file but a `.env` file (a real one holds secrets by design; a template's values are for env/example-value): source, docs, config. */
export interface TextContext extends BaseContext {
  text: string;
  /** Built on first use: most files have nothing to report and never need positions. */
  readonly lines: LineIndex;
}

/** What the shell knows of the repository around the files (git), for workspace rules. */
export interface RepositoryFacts {
  /** `.env` files holding secrets that git tracks (`git ls-files`); empty when unknown. */
  trackedSecretEnvFiles: readonly string[];
  /** Whether .gitignore rules (any level, and .git/info/exclude) ignore a workspace path. */
  isGitIgnored(path: string): boolean;
}

/** A check over the whole workspace: the index of every file's facts. Reports name their file. */
export interface WorkspaceContext {
  config: Config;
  index: WorkspaceIndex;
  repository: RepositoryFacts;
  /** A file's current text (open buffer or disk), for fixes that edit it; undefined when it cannot be read. */
  readText(path: string): string | undefined;
  report(path: string, spec: ReportSpec): void;
}

/** One rule, one file. A rule implements the checks for the kinds of file it is about. */
export interface Rule {
  meta: RuleMeta;
  checkIntDoc?(context: IntDocContext): void;
  checkEnvFile?(context: EnvFileContext): void;
  checkSource?(context: SourceContext): void;
  checkInventory?(context: InventoryContext): void;
  checkText?(context: TextContext): void;
  checkWorkspace?(context: WorkspaceContext): void;
}
