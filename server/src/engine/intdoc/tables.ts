import type { TextEdit } from '../types';
import type { Cell, IntDoc, Table } from './model';
import { nameKey } from './section-match';

// Small table facts the section rules share: whether a header is the
// template's, and the edit that adds rows under a table.

/** Whether the header has exactly `columns`, in order, comparing case, accents and spacing loosely. */
export function hasColumns(header: readonly Cell[], columns: readonly string[]): boolean {
  return header.length === columns.length && header.every((cell, i) => nameKey(cell.text) === nameKey(columns[i]));
}

/** Adds rows after a table's last line, in the file's line ending, with no blank line so they stay in the table. */
export function appendRows(doc: IntDoc, table: Table, rows: readonly string[]): TextEdit {
  const { eol } = doc.lines;
  return { range: { start: table.range.end, end: table.range.end }, newText: rows.map((row) => eol + row).join('') };
}
