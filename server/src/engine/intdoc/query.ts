import { fold } from '../text';
import type { Cell, IntDoc, Section } from './model';
import type { MetadataField } from './template';

// Lookups several rules share. Names compare case- and accent-insensitively:
// whether the spelling is exactly the template's is int-doc/section-name's job.

export function findSection(doc: IntDoc, name: string, accepted: readonly string[] = []): Section | undefined {
  const wanted = [name, ...accepted].map(fold);
  return doc.sections.find((section) => wanted.includes(fold(section.heading.text)));
}

/** The value cell of a metadata row, when the row is there exactly once or first. */
export function metadataValue(doc: IntDoc, field: MetadataField): Cell | undefined {
  return doc.metadata?.rows.find((row) => fold(row.field.text) === fold(field))?.value;
}

/** Index of a column in a table's header, by folded name. */
export function columnIndex(header: readonly Cell[], name: string): number {
  return header.findIndex((cell) => fold(cell.text) === fold(name));
}
