import {
  CodeActionKind,
  CreateFile,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { GITIGNORE } from '../engine/env/gitignore-edit';
import { ENV_EXAMPLE } from '../engine/env/templates';
import { fixAll } from '../engine/fixes';
import { type EnvGitState, moveToEnvFix } from '../engine/secrets/move-to-env';
import { renameEnvVarEdits } from '../engine/services/rename-env-var';
import { suppressionEdit } from '../engine/suppressions';
import { localize } from '../engine/messages';
import type { Finding, Fix } from '../engine/types';
import { isIgnoredByGitignore } from '../workspace/git';
import { toDiagnostic } from './diagnostics';
import type { Session } from './session';

// Engine fixes as LSP code actions. The engine already says which fixes are
// safe; here they only become quick fixes (one per fix of each finding under
// the cursor) and the `source.fixAll.simco-int` action.

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.simco-int`;

export function codeActions(session: Session, document: TextDocument, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of session.lint(document) ?? []) {
      if (intersects(finding.range, params.range)) actions.push(...quickFixes(session, document, finding));
    }
  }
  // Fix-all is a source action: offered when asked for (on save, the Source Action menu), not in every lightbulb.
  if (only && wants(FIX_ALL_KIND)) {
    const edit = fixAllEdit(session, document);
    if (edit) actions.push({ title: localize({ template: FIX_ALL_TITLE, args: [] }, session.locale), kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [edit] } } });
  }
  return actions;
}

export const FIX_ALL_TITLE = 'Fix all safe simco-int problems';

function quickFixes(session: Session, document: TextDocument, finding: Finding): CodeAction[] {
  const safe = finding.fixes.filter((fix) => fix.safe);
  const diagnostics = [toDiagnostic(finding, session.locale)];
  const actions: CodeAction[] = finding.fixes.map((fix) => ({
    title: localize(fix.title, session.locale),
    kind: CodeActionKind.QuickFix,
    diagnostics,
    // The one safe fix of a finding is what the user almost surely wants; a suggestion never is by default.
    isPreferred: fix.safe && safe.length === 1,
    edit: fixEdit(session, document, fix),
  }));
  const rename = renameEverywhere(session, document, finding);
  if (rename) actions.unshift({ ...rename, diagnostics });
  const move = moveToEnv(session, document, finding);
  if (move) actions.push({ ...move, diagnostics });
  const path = session.pathOf(document.uri);
  if (path !== undefined) {
    actions.push({
      title: localize({ template: SUPPRESS_TITLE, args: [finding.ruleId] }, session.locale),
      kind: CodeActionKind.QuickFix,
      diagnostics,
      edit: { changes: { [document.uri]: [suppressionEdit(path, document.getText(), finding)] } },
    });
  }
  return actions;
}

/**
 * A fix as one WorkspaceEdit. One that also edits other files (registering a
 * doc in the inventory, a variable in .env.example) or creates one goes as
 * document changes: a created file never overwrites one that appeared since
 * the fix was computed, and open documents are edited at the version the fix saw.
 */
function fixEdit(session: Session, document: TextDocument, fix: Fix): WorkspaceEdit {
  if (!fix.changes) return { changes: { [document.uri]: fix.edits } };
  const versionOf = (uri: string): number | null => session.openVersion(uri) ?? null;
  const documentChanges: WorkspaceEdit['documentChanges'] = [];
  if (fix.edits.length > 0) documentChanges.push(TextDocumentEdit.create({ uri: document.uri, version: document.version }, fix.edits));
  for (const change of fix.changes) {
    const uri = session.uriOf(change.file);
    if (change.create) documentChanges.push(CreateFile.create(uri, { overwrite: false, ignoreIfExists: false }));
    documentChanges.push(TextDocumentEdit.create({ uri, version: change.create ? null : versionOf(uri) }, change.edits));
  }
  return { documentChanges };
}

export const SUPPRESS_TITLE = 'Suppress {0} here with a comment';

export const RENAME_EVERYWHERE_TITLE = 'Rename {0} to {1} in every file (INT docs, .env files, source)';

/**
 * A misnamed env var lives in several files (the INT doc, .env.example, the
 * code that reads it): renaming it in one breaks the others, so the rename
 * that matters is one WorkspaceEdit over all of them.
 */
function renameEverywhere(session: Session, document: TextDocument, finding: Finding): CodeAction | undefined {
  const expected = finding.data?.expected;
  if (finding.ruleId !== 'env/naming' || !expected) return undefined;
  const name = document.getText(finding.range);
  const edits = renameEnvVarEdits(session.syncedIndex(), name, expected);
  const changes = Object.fromEntries(Object.entries(edits).map(([path, fileEdits]) => [session.uriOf(path), fileEdits]));
  if (Object.keys(changes).length === 0) return undefined;
  return {
    title: localize({ template: RENAME_EVERYWHERE_TITLE, args: [name, expected] }, session.locale),
    kind: CodeActionKind.QuickFix,
    isPreferred: true,
    edit: { changes },
  };
}

/** The real `.env` a secret moves to: the workspace root's, beside the root `.env.example`. */
const ENV_FILE = '.env';

/**
 * "Move to .env" for a secret finding: a suggestion built here, not a fix the
 * rule carries, because it needs the current `.env`, `.env.example` and what
 * git does with `.env`, and because fix-all and --fix must never apply it.
 */
function moveToEnv(session: Session, document: TextDocument, finding: Finding): CodeAction | undefined {
  const path = session.pathOf(document.uri);
  if (!finding.ruleId.startsWith('secret/') || path === undefined || session.root === undefined) return undefined;
  const git: EnvGitState = session.trackedSecretEnvFiles.includes(ENV_FILE) ? 'tracked' : isIgnoredByGitignore(session.root, ENV_FILE) ? 'ignored' : 'not-ignored';
  const fix = moveToEnvFix({
    path,
    text: document.getText(),
    finding,
    env: { path: ENV_FILE, text: session.readText(ENV_FILE), git },
    example: { path: ENV_EXAMPLE, text: session.readText(ENV_EXAMPLE) },
    ...(git === 'not-ignored' ? { gitignore: session.readText(GITIGNORE) } : {}),
  });
  if (!fix) return undefined;
  return { title: localize(fix.title, session.locale), kind: CodeActionKind.QuickFix, isPreferred: false, edit: fixEdit(session, document, fix) };
}

/**
 * Every safe fix of the document, repeated until stable like `--fix`, as one
 * edit over the span that changed (the editor keeps the cursor and folding
 * outside it). Undefined when there is nothing to fix.
 */
export function fixAllEdit(session: Session, document: TextDocument): TextEdit | undefined {
  const path = session.pathOf(document.uri);
  if (path === undefined) return undefined;
  const before = document.getText();
  const after = fixAll(path, before, { config: session.config, workspace: session.facts }).text;
  if (after === before) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
