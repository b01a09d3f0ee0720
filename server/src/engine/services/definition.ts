import type { Position, Range } from '../types';
import type { WorkspaceIndex } from '../workspace/index';
import { envVarAt } from './env-var-at';

// Go to definition: an env var's definition, for the directive, is its row in
// the INT doc that documents it (Credenciales Requeridas).

export interface DefinitionTarget {
  /** Workspace-relative path of the INT doc. */
  path: string;
  /** The documenting row's line: a Location's range. */
  range: Range;
  /** The variable's name in that row: a LocationLink's targetSelectionRange. */
  selectionRange: Range;
}

export function definition(index: WorkspaceIndex, path: string, text: string, position: Position): DefinitionTarget[] {
  const at = envVarAt(index, path, text, position);
  if (!at) return [];
  return index.documentation(at.name).map((doc) => ({ path: doc.path, range: doc.rowRange, selectionRange: doc.variableRange }));
}
