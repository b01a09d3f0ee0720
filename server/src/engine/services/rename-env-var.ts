import type { TextEdit } from '../types';
import type { WorkspaceIndex } from '../workspace/index';

// Renaming an env var must change every place that names it at once (the INT
// doc's credentials cell, the .env* keys, the source reads), or the app reads
// a variable nobody declares. One edit set per file, for one WorkspaceEdit.
// Only exact names are touched: a message string or a comment that mentions
// the name is prose, not a use.

/**
 * The edits that rename `oldName` to `newName` everywhere the index knows it,
 * keyed by workspace-relative path and in document order. Ranges refer to the
 * text last given to index.update(), so the shell keeps open editors' text there.
 */
export function renameEnvVarEdits(index: WorkspaceIndex, oldName: string, newName: string): Record<string, TextEdit[]> {
  const edits: Record<string, TextEdit[]> = {};
  if (oldName === newName) return edits;
  for (const use of index.uses(oldName)) (edits[use.path] ??= []).push({ range: use.range, newText: newName });
  return edits;
}
