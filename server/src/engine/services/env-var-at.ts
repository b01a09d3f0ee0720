import { parseEnvFile } from '../env/parse';
import { findEnvReads } from '../env/source-reads';
import { credentialRows } from '../intdoc/credentials';
import { parseIntDoc } from '../intdoc/model';
import { LineIndex, stripBom } from '../text';
import type { Position, Range } from '../types';
import type { WorkspaceIndex } from '../workspace/index';

// The env var under the cursor, found in the editor's text (which may be ahead
// of the index): a read in source, a key in a .env* file, or the variable cell
// of an INT doc's Credenciales Requeridas table. Hover and definition start here.

export interface EnvVarAt {
  name: string;
  /** The name's characters. */
  range: Range;
}

export function envVarAt(index: WorkspaceIndex, path: string, rawText: string, position: Position): EnvVarAt | undefined {
  const text = stripBom(rawText);
  switch (index.kindOf(path)) {
    case 'source':
      return findEnvReads(path, text, new LineIndex(text)).find((read) => contains(read.range, position));
    case 'env': {
      const entry = parseEnvFile(path, text).entries.find((e) => contains(e.keyRange, position));
      return entry && { name: entry.key, range: entry.keyRange };
    }
    case 'int-doc': {
      const row = credentialRows(parseIntDoc(path, text)).find((r) => contains(r.nameRange, position));
      return row && { name: row.name, range: row.nameRange };
    }
    default:
      return undefined;
  }
}

/** Whether the position is in the range, its end included: a cursor right after a name is on it. */
export function contains(range: Range, position: Position): boolean {
  return !before(position, range.start) && !before(range.end, position);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
