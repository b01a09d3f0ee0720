import { firstStickyMatch } from '../linear-search';
import { fold } from '../text';
import { METADATA_FIELDS, type MetadataField } from './template';

// The Metadata table's rows as the template (section 3.2) writes them, and how
// a row's field name is recognised. query.ts's metadataValue compares folded
// names; a row whose name differs in more than case and accents (`Multitenant`)
// is not found there, so metadata-rows reports it as that field misspelled.

/** The template's value for each row: what a fix that adds a missing row writes. */
export const METADATA_PLACEHOLDERS: Readonly<Record<MetadataField, string>> = {
  Codigo: 'INT-{NNN}',
  Proveedor: '{Nombre proveedor}',
  Tipo: '{Pagos|Auth|Notificaciones|Storage|Analytics|etc}',
  Estado: '{Implementado|Documentado|Pendiente}',
  'Multi-tenant': '{Si|No}',
  'Fecha integracion': '{YYYY-MM-DD}',
};

/**
 * A value still holding a template placeholder (`{YYYY-MM-DD}`, `INT-{NNN}`)
 * is int-doc/placeholder's to report. A lone opening brace counts too: the
 * template's `{Pagos|Auth|...}` is split by the table's pipes, leaving `{Pagos`.
 */
export function holdsPlaceholder(value: string): boolean {
  return value.startsWith('{') || firstStickyMatch(value, '{', PLACEHOLDER) !== null;
}

/** `{...}`, tried at each `{` (see linear-search.ts). */
const PLACEHOLDER = /\{[^{}]*\}/y;

export interface FieldMatch {
  field: MetadataField;
  /** Position of the field in the template's table. */
  order: number;
  /** The same name up to case and accents; otherwise only the letters and digits agree, or a known alias. */
  misspelled: boolean;
}

const compact = (name: string): string => fold(name).replace(/[^a-z0-9]/g, '');

const FOLDED = new Map<string, number>(METADATA_FIELDS.map((field, order) => [fold(field), order]));
const LOOSE = new Map<string, number>([
  ...METADATA_FIELDS.map((field, order): [string, number] => [compact(field), order]),
  [compact('Fecha de integracion'), METADATA_FIELDS.indexOf('Fecha integracion')],
]);

/** Which template field a row's first cell names, if any. */
export function metadataFieldOf(name: string): FieldMatch | undefined {
  const exact = FOLDED.get(fold(name));
  if (exact !== undefined) return { field: METADATA_FIELDS[exact], order: exact, misspelled: false };
  const loose = LOOSE.get(compact(name));
  return loose === undefined ? undefined : { field: METADATA_FIELDS[loose], order: loose, misspelled: true };
}
