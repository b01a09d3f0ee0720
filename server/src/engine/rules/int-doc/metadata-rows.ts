import { intFileCode } from '../../intdoc/file-code';
import { METADATA_PLACEHOLDERS, metadataFieldOf } from '../../intdoc/metadata-fields';
import type { IntDoc, MetadataRow, Table } from '../../intdoc/model';
import { sectionFor } from '../../intdoc/section-match';
import { METADATA_FIELDS, type MetadataField } from '../../intdoc/template';
import type { TextEdit } from '../../types';
import type { Report, Rule } from '../rule';

// The Metadata table is what the inventory, dashboards and the other rules read
// about an integration. Each of the template's six rows must be there once and
// filled in: a missing Estado or a second, contradicting Codigo row both leave
// readers guessing.

const rule: Rule = {
  meta: {
    id: 'int-doc/metadata-rows',
    description: 'The Metadata table has each of the template\'s rows (Codigo, Proveedor, Tipo, Estado, Multi-tenant, Fecha integracion) exactly once, each with a value.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      missingTable: 'Expected a Metadata table (| Campo | Valor |) with the rows {0}; found none.',
      missingRow: 'Expected a "{0}" row in the Metadata table; found none.',
      misspelledField: 'Expected the field name "{0}"; found "{1}".',
      duplicateRow: 'Expected one "{0}" row; found another one here (the first is on line {1}).',
      emptyValue: 'Expected a value for "{0}"; found an empty cell.',
      addRow: 'Add the row "| {0} | {1} |"',
      renameField: 'Rename the field to "{0}"',
      removeRow: 'Remove this duplicate row',
    },
  },
  checkIntDoc({ doc, report }) {
    if (!doc.metadata) {
      const heading = sectionFor(doc, 'Metadata')?.heading ?? doc.title;
      const range = heading ? heading.textRange : doc.lines.lineRange(0);
      report({ messageId: 'missingTable', args: [METADATA_FIELDS.join(', ')], range });
      return;
    }
    const { table, rows } = doc.metadata;
    const firstRowOf = new Map<MetadataField, MetadataRow>();
    for (const row of rows) {
      const match = metadataFieldOf(row.field.text);
      if (!match) continue;
      const first = firstRowOf.get(match.field);
      if (first) {
        report({
          messageId: 'duplicateRow',
          args: [match.field, first.field.range.start.line + 1],
          range: row.field.range,
          fixes: [{ messageId: 'removeRow', edits: [removeLine(doc, row.field.range.start.line)], safe: false }],
        });
        continue;
      }
      firstRowOf.set(match.field, row);
      if (match.misspelled) {
        report({
          messageId: 'misspelledField',
          args: [match.field, row.field.text],
          range: row.field.range,
          fixes: [{ messageId: 'renameField', args: [match.field], edits: [{ range: row.field.range, newText: match.field }], safe: true }],
          data: { expected: match.field },
        });
      }
      // An empty cell has an empty range; the field's name is what the reader can see and click.
      if (!row.value.text) report({ messageId: 'emptyValue', args: [match.field], range: row.field.range });
    }
    METADATA_FIELDS.forEach((field, order) => {
      if (!firstRowOf.has(field)) reportMissingRow(doc, table, firstRowOf, field, order, report);
    });
  },
};

/** Suggests the template's row at the template's place: after the nearest earlier field present, else first. */
function reportMissingRow(
  doc: IntDoc,
  table: Table,
  present: ReadonlyMap<MetadataField, MetadataRow>,
  field: MetadataField,
  order: number,
  report: Report,
): void {
  const headerLine = table.range.start.line;
  let afterLine = headerLine + 1; // the |---|---| delimiter row
  for (let earlier = order - 1; earlier >= 0; earlier--) {
    const row = present.get(METADATA_FIELDS[earlier]);
    if (row) {
      afterLine = row.field.range.start.line;
      break;
    }
  }
  // The file's own code is known from its name; every other value starts as the template's placeholder.
  const value = field === 'Codigo' ? (intFileCode(doc.path)?.code ?? METADATA_PLACEHOLDERS.Codigo) : METADATA_PLACEHOLDERS[field];
  const at = doc.lines.positionAt(doc.lines.lineEnd(afterLine));
  report({
    messageId: 'missingRow',
    args: [field],
    range: doc.lines.lineRange(headerLine),
    fixes: [{ messageId: 'addRow', args: [field, value], edits: [{ range: { start: at, end: at }, newText: `${doc.lines.eol}| ${field} | ${value} |` }], safe: false }],
    data: { expected: field },
  });
}

/** Deletes a whole line with its line break (the one before it, when it is the file's last line). */
function removeLine(doc: IntDoc, line: number): TextEdit {
  if (line + 1 < doc.lines.lineCount) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  const start = line > 0 ? doc.lines.positionAt(doc.lines.lineEnd(line - 1)) : { line, character: 0 };
  return { range: { start, end: doc.lines.positionAt(doc.lines.lineEnd(line)) }, newText: '' };
}

export default rule;
