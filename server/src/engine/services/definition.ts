import { resolveDocumentacion } from '../inventory/locate';
import type { Position, Range } from '../types';
import type { WorkspaceIndex } from '../workspace/index';
import { envVarAt } from './env-var-at';

// Go to definition: an env var's definition, for the directive, is its row in
// the INT doc that documents it (Credenciales Requeridas); an inventory
// entry's `documentacion` leads to its INT doc.

export interface DefinitionTarget {
  /** Workspace-relative path of the INT doc. */
  path: string;
  /** The documenting row's line: a Location's range. */
  range: Range;
  /** The variable's name in that row: a LocationLink's targetSelectionRange. */
  selectionRange: Range;
}

export function definition(index: WorkspaceIndex, path: string, text: string, position: Position): DefinitionTarget[] {
  if (index.kindOf(path) === 'inventory') return documentacionAt(index, path, position);
  const at = envVarAt(index, path, text, position);
  if (!at) return [];
  return index.documentation(at.name).map((doc) => ({ path: doc.path, range: doc.rowRange, selectionRange: doc.variableRange }));
}

/** The INT doc a `documentacion` value under the cursor names, when it is indexed. */
function documentacionAt(index: WorkspaceIndex, path: string, position: Position): DefinitionTarget[] {
  const facts = index.factsOf(path);
  if (facts?.kind !== 'inventory') return [];
  const isDoc = (candidate: string): boolean => index.factsOf(candidate)?.kind === 'int-doc';
  for (const entry of facts.entries) {
    const field = entry.fields.documentacion;
    if (typeof field?.value !== 'string' || !contains(field.valueRange, position)) continue;
    const target = resolveDocumentacion(field.value, path, isDoc);
    const doc = index.factsOf(target);
    if (doc?.kind !== 'int-doc') return [];
    const zero = { line: 0, character: 0 };
    const title = doc.title?.range ?? { start: zero, end: zero };
    return [{ path: target, range: title, selectionRange: title }];
  }
  return [];
}

function contains(range: Range, position: Position): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}
