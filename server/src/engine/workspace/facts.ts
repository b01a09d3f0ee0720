import type { EnvFile } from '../env/parse';
import type { EnvRead } from '../env/source-reads';
import { credentialRows } from '../intdoc/credentials';
import { intFileCode } from '../intdoc/file-code';
import type { IntDoc } from '../intdoc/model';
import { metadataValue } from '../intdoc/query';
import { METADATA_FIELDS, type MetadataField } from '../intdoc/template';
import type { InventoryFile } from '../inventory/parse';
import type { Range } from '../types';

// What one file contributes to cross-file checks, cut from the parse the
// per-file lint already did: names, short cells and ranges, never a file's
// text, its mdast or a .env value, so a 5,000-file workspace stays small, no
// secret is held, and a CLI worker can send the facts to the main thread.

export interface NameAt {
  name: string;
  range: Range;
}

/** A metadata value cell of an INT doc. */
export interface CellFact {
  text: string;
  range: Range;
}

export interface DocRow extends NameAt {
  rowRange: Range;
  descripcion?: string;
  obligatorio?: string;
}

export interface IntDocFacts {
  kind: 'int-doc';
  /** The title heading's text (`INT-001: Stripe`) and where it is. */
  title?: CellFact;
  /** The code in the file name (`INT-001`), when it has one. */
  fileCode?: string;
  /** The metadata table's value cells, by template field. */
  metadata: Partial<Record<MetadataField, CellFact>>;
  rows: DocRow[];
}

export interface InventoryFieldFact {
  /** The scalar's value as YAML typed it, or null for a map, a list or nothing. */
  value: string | number | boolean | null;
  keyRange: Range;
  valueRange: Range;
}

export interface InventoryEntryFact {
  index: number;
  range: Range;
  fields: Record<string, InventoryFieldFact>;
}

export interface InventoryFacts {
  kind: 'inventory';
  /** Whether YAML syntax errors made the entries a partial reading. */
  broken: boolean;
  entries: InventoryEntryFact[];
}

export interface EnvFacts {
  kind: 'env';
  keys: NameAt[];
}

export interface SourceFacts {
  kind: 'source';
  reads: NameAt[];
}

export type FileFacts = IntDocFacts | InventoryFacts | EnvFacts | SourceFacts;

export function intDocFacts(path: string, doc: IntDoc): IntDocFacts {
  const metadata: IntDocFacts['metadata'] = {};
  for (const field of METADATA_FIELDS) {
    const cell = metadataValue(doc, field);
    if (cell) metadata[field] = { text: detach(cell.text), range: cell.range };
  }
  const fileCode = intFileCode(path)?.code;
  return {
    kind: 'int-doc',
    ...(doc.title ? { title: { text: detach(doc.title.text), range: doc.title.textRange } } : {}),
    ...(fileCode ? { fileCode } : {}),
    metadata,
    rows: credentialRows(doc).map((row) => ({
      name: detach(row.name),
      range: row.nameRange,
      rowRange: row.rowRange,
      ...optional('descripcion', row.descripcion && detach(row.descripcion.text)),
      ...optional('obligatorio', row.obligatorio && detach(row.obligatorio.text)),
    })),
  };
}

export function inventoryFacts(inventory: InventoryFile): InventoryFacts {
  return {
    kind: 'inventory',
    broken: inventory.problems.length > 0,
    entries: inventory.entries.map((entry) => ({
      index: entry.index,
      range: entry.range,
      fields: Object.fromEntries(
        [...entry.fields].map(([key, field]) => [detach(key), { value: scalar(field.value), keyRange: field.keyRange, valueRange: field.valueRange }]),
      ),
    })),
  };
}

/** The values are dropped here: the index never holds a secret. */
export function envFacts(env: EnvFile): EnvFacts {
  return { kind: 'env', keys: env.entries.map((entry) => ({ name: detach(entry.key), range: entry.keyRange })) };
}

export function sourceFacts(reads: readonly EnvRead[]): SourceFacts {
  return { kind: 'source', reads: reads.map((read) => ({ name: detach(read.name), range: read.range })) };
}

export function namesOf(facts: FileFacts): readonly NameAt[] {
  switch (facts.kind) {
    case 'int-doc':
      return facts.rows;
    case 'env':
      return facts.keys;
    case 'source':
      return facts.reads;
    default:
      return [];
  }
}

/** The code an INT doc goes by: its Codigo row, else the code in its file name. */
export function docCode(facts: IntDocFacts): string | undefined {
  return facts.metadata.Codigo?.text || facts.fileCode;
}

function scalar(value: unknown): string | number | boolean | null {
  if (typeof value === 'string') return detach(value);
  return typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/**
 * A copy of a string that does not point into the file it was cut from. V8
 * keeps a substring as a view of its parent, so one name kept from a regex
 * match would keep the whole file's text alive.
 */
export function detach(value: string): string {
  return JSON.parse(JSON.stringify(value)) as string;
}

/** `{ key: value }` when there is a value, `{}` otherwise: absent facts stay absent. */
export function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value ? ({ [key]: value } as { [P in K]: string }) : {};
}
