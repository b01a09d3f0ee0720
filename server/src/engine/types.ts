// Plain data shared by the engine and its shells. Positions are 0-based
// line/character in UTF-16 code units, exactly like LSP, so the server can
// pass them through and the CLI adds 1 for humans and SARIF.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A user-facing text: an English template with `{0}`-style slots, translated at the edge. */
export interface Message {
  template: string;
  args: readonly string[];
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Edits to a file other than the finding's; `create` when the file does not exist yet (one insertion at 0:0). */
export interface FileEdit {
  file: string;
  edits: TextEdit[];
  create?: boolean;
}

/**
 * A change that resolves a finding. `safe` fixes are local to the file and
 * idempotent: `--fix` and fix-all apply them. Anything else is a suggestion
 * the user must choose (it may change behaviour or need other files edited).
 */
export interface Fix {
  title: Message;
  edits: TextEdit[];
  /** Edits to other files: only ever part of a suggestion (`safe` is false). */
  changes?: FileEdit[];
  safe: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Workspace-relative path with forward slashes. */
  file: string;
  range: Range;
  message: Message;
  fixes: Fix[];
  /** Machine-readable facts for shells and other editors (e.g. the conforming env var name). */
  data?: Record<string, string>;
  /** Identity across edits (rule, file, a hash of the covered text, occurrence; see fingerprint.ts), set by the CLI for baselines and SARIF. */
  fingerprint?: string;
}
