import { fold } from '../text';
import type { Cell, IntDoc } from './model';
import type { MetadataField } from './template';

// Lookups several rules share. Names compare case- and accent-insensitively:
// whether the spelling is exactly the template's is for the rules to say.
// Sections are found through section-match.ts, which also knows near misses.

/** The value cell of a metadata row, when the row is there exactly once or first. */
export function metadataValue(doc: IntDoc, field: MetadataField): Cell | undefined {
  return doc.metadata?.rows.find((row) => fold(row.field.text) === fold(field))?.value;
}

/** Index of a column in a table's header, by folded name. */
export function columnIndex(header: readonly Cell[], name: string): number {
  return header.findIndex((cell) => fold(cell.text) === fold(name));
}
