import type { Range } from '../types';
import type { Cell, IntDoc, Table } from './model';
import { columnIndex } from './query';
import { sectionFor } from './section-match';

// The Credenciales Requeridas table, read the same way by env/naming and the
// editor services (index, hover, outline, completion): which cell names a
// variable and exactly where the name sits in it.

export const VARIABLE_COLUMN = 'Variable de Entorno';
/** What an env var name can look like in a doc cell; prose ("Ver .env") and placeholders (`{PROVIDER}_X`) are not names. */
export const ENV_NAME_LIKE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** The name inside its cell (between backticks, say); the whole cell when markup changed its spelling (`STRIPE\_KEY`). */
export function variableNameRange(doc: IntDoc, cell: Cell, name: string): Range {
  const start = doc.lines.offsetAt(cell.range.start);
  const end = doc.lines.offsetAt(cell.range.end);
  const at = doc.text.slice(start, end).indexOf(name);
  return at < 0 ? cell.range : doc.lines.rangeOf(start + at, start + at + name.length);
}

export interface CredentialsTable {
  table: Table;
  /** Column indexes; -1 when the header lacks the column. `variable` is always present. */
  variable: number;
  descripcion: number;
  obligatorio: number;
}

/** The first table of the Credenciales Requeridas section (however the heading is spelled) with a variable column. */
export function credentialsTable(doc: IntDoc): CredentialsTable | undefined {
  for (const table of sectionFor(doc, 'Credenciales Requeridas')?.tables ?? []) {
    const variable = columnIndex(table.header, VARIABLE_COLUMN);
    if (variable < 0) continue;
    return { table, variable, descripcion: columnIndex(table.header, 'Descripcion'), obligatorio: columnIndex(table.header, 'Obligatorio') };
  }
  return undefined;
}

export interface CredentialRow {
  name: string;
  /** Just the name's characters in the variable cell. */
  nameRange: Range;
  /** The row's line without surrounding blanks, pipes included. */
  rowRange: Range;
  descripcion?: Cell;
  obligatorio?: Cell;
}

/** The rows of the credentials table whose variable cell holds a name, in document order. */
export function credentialRows(doc: IntDoc): CredentialRow[] {
  const found = credentialsTable(doc);
  if (!found) return [];
  const rows: CredentialRow[] = [];
  for (const row of found.table.rows) {
    const cell = row[found.variable];
    const name = cell?.text.trim() ?? '';
    if (!ENV_NAME_LIKE.test(name)) continue;
    rows.push({
      name,
      nameRange: variableNameRange(doc, cell, name),
      rowRange: trimmedLine(doc, cell.range.start.line),
      descripcion: row[found.descripcion],
      obligatorio: row[found.obligatorio],
    });
  }
  return rows;
}

function trimmedLine(doc: IntDoc, line: number): Range {
  const text = doc.lines.lineText(line);
  const start = text.length - text.trimStart().length;
  return { start: { line, character: start }, end: { line, character: Math.max(start, text.trimEnd().length) } };
}
