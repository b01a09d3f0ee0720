import {
  CodeActionKind,
  CreateFile,
  LSPErrorCodes,
  Range,
  ResponseError,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
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
import { localize, message } from '../engine/messages';
import type { Finding, Fix } from '../engine/types';
import { isIgnoredByGitignore } from '../workspace/git';
import { toDiagnostic } from './diagnostics';
import type { Session } from './session';

// Engine fixes as LSP code actions. The engine already says which fixes are
// safe; here they only become quick fixes (one per fix of each finding under
// the cursor) and the `source.fixAll.simco-int` action. Every edit goes as
// document changes at the version it was computed for: once the document has
// changed, an editor refuses the edit instead of applying it to other text.
// VS Code does not: vscode-languageclient drops the versions of a code
// action's edit. So a client that resolves edits lazily (codeAction/resolve,
// as VS Code does) gets actions without edits, and the edit is computed when
// the user picks one, refused if the document changed since it was offered.

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.simco-int`;

/**
 * What an action offered without its edit carries for codeAction/resolve:
 * the document, the version it was offered for, and which action it is
 * (fix-all, or the index-th action of a finding known by its rule and range).
 */
export interface ActionData {
  uri: string;
  version: number;
  key: 'fix-all' | { rule: string; range: Range; index: number };
}

/** The actions for `params`; with `lazy`, each carries data to resolve its edit from instead of the edit. */
export function codeActions(session: Session, document: TextDocument, params: CodeActionParams, lazy: boolean): CodeAction[] {
  const offer = (action: CodeAction, key: ActionData['key']): CodeAction => {
    if (!lazy) return action;
    const offered: CodeAction = { ...action, data: { uri: document.uri, version: document.version, key } satisfies ActionData };
    delete offered.edit;
    return offered;
  };
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of session.lint(document) ?? []) {
      if (!intersects(finding.range, params.range)) continue;
      quickFixes(session, document, finding).forEach((action, index) => actions.push(offer(action, { rule: finding.ruleId, range: finding.range, index })));
    }
  }
  // Fix-all is a source action: offered when asked for (on save, the Source Action menu), not in every lightbulb.
  if (only && wants(FIX_ALL_KIND)) {
    const action = fixAllAction(session, document);
    if (action) actions.push(offer(action, 'fix-all'));
  }
  return actions;
}

export const RESOLVE_TEMPLATES = {
  changed: 'The document changed after this action was offered: nothing was applied. Ask for the action again.',
  gone: 'This action no longer applies (a file it depends on changed): nothing was applied. Ask for the action again.',
} as const;

/**
 * codeAction/resolve: the edit of an action offered lazily, computed again
 * for the document's current text. When that text is not the version the
 * action was offered for (or the document was closed), the user picked an
 * action for text that is gone: refused with ContentModified rather than an
 * edit the user never saw offered. An action that carries no data of ours
 * came with its edit and is returned as it is.
 */
export function resolveCodeAction(session: Session, action: CodeAction, documentOf: (uri: string) => TextDocument | undefined): CodeAction {
  const data = actionData(action.data);
  if (!data) return action;
  const refuse = (template: string) => new ResponseError(LSPErrorCodes.ContentModified, localize(message(template), session.locale));
  const document = documentOf(data.uri);
  if (document?.version !== data.version) throw refuse(RESOLVE_TEMPLATES.changed);
  const { key } = data;
  // At the same version the findings are the same, unless another file they depend on changed: then the action may be gone.
  const again =
    key === 'fix-all'
      ? fixAllAction(session, document)
      : (session.lint(document) ?? [])
          .filter((finding) => finding.ruleId === key.rule && sameRange(finding.range, key.range))
          .map((finding) => quickFixes(session, document, finding)[key.index])
          .find((candidate) => candidate?.title === action.title);
  if (!again?.edit || again.title !== action.title) throw refuse(RESOLVE_TEMPLATES.gone);
  return { ...action, edit: again.edit };
}

/** A code action's data as this server wrote it, or undefined (it comes back from the client: checked, not trusted). */
function actionData(data: unknown): ActionData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { uri, version, key } = data as Record<string, unknown>;
  if (typeof uri !== 'string' || !Number.isInteger(version)) return undefined;
  if (key === 'fix-all') return { uri, version: version as number, key };
  if (typeof key !== 'object' || key === null) return undefined;
  const { rule, range, index } = key as Record<string, unknown>;
  if (typeof rule !== 'string' || !Range.is(range) || !Number.isInteger(index) || (index as number) < 0) return undefined;
  return { uri, version: version as number, key: { rule, range, index: index as number } };
}

export const FIX_ALL_TITLE = 'Fix all safe simco-int problems';

function fixAllAction(session: Session, document: TextDocument): CodeAction | undefined {
  const edit = fixAllEdit(session, document);
  if (!edit) return undefined;
  return { title: localize({ template: FIX_ALL_TITLE, args: [] }, session.locale), kind: FIX_ALL_KIND, edit: versionedEdits(session, document, [[document.uri, [edit]]]) };
}

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
      edit: versionedEdits(session, document, [[document.uri, [suppressionEdit(path, document.getText(), finding)]]]),
    });
  }
  return actions;
}

/**
 * A fix as one WorkspaceEdit. One that also edits other files (registering a
 * doc in the inventory, a variable in .env.example) or creates one: a created
 * file never overwrites one that appeared since the fix was computed.
 */
function fixEdit(session: Session, document: TextDocument, fix: Fix): WorkspaceEdit {
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  if (fix.edits.length > 0 || !fix.changes) documentChanges.push(...versionedEdits(session, document, [[document.uri, fix.edits]]).documentChanges);
  for (const change of fix.changes ?? []) {
    const uri = session.uriOf(change.file);
    if (change.create) documentChanges.push(CreateFile.create(uri, { overwrite: false, ignoreIfExists: false }));
    documentChanges.push(TextDocumentEdit.create({ uri, version: change.create ? null : (session.openVersion(uri) ?? null) }, change.edits));
  }
  return { documentChanges };
}

/**
 * Text edits as document changes, each file's at the version the edits were
 * computed for: `document`'s own, another open document's current one (the
 * server has seen every change the client sent before this request), null for
 * a file that is not open. Plain `changes` carry no version, and an editor
 * would apply them to whatever the text has become since.
 */
function versionedEdits(session: Session, document: TextDocument, byUri: ReadonlyArray<[string, TextEdit[]]>): { documentChanges: TextDocumentEdit[] } {
  const versionOf = (uri: string): number | null => (uri === document.uri ? document.version : (session.openVersion(uri) ?? null));
  return { documentChanges: byUri.map(([uri, edits]) => TextDocumentEdit.create({ uri, version: versionOf(uri) }, edits)) };
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
  const byUri = Object.entries(edits).map(([path, fileEdits]): [string, TextEdit[]] => [session.uriOf(path), fileEdits]);
  if (byUri.length === 0) return undefined;
  return {
    title: localize({ template: RENAME_EVERYWHERE_TITLE, args: [name, expected] }, session.locale),
    kind: CodeActionKind.QuickFix,
    isPreferred: true,
    edit: versionedEdits(session, document, byUri),
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

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
