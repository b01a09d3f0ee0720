import { readDate } from '../../intdoc/dates';
import { holdsPlaceholder } from '../../intdoc/metadata-fields';
import type { Cell } from '../../intdoc/model';
import { metadataValue } from '../../intdoc/query';
import type { Report, Rule } from '../rule';

// The template writes dates as {YYYY-MM-DD}: one format sorts, compares and
// reads the same in every country. 15/01/2026 or a timestamp converts without
// guessing; 05/01/2026 (May 1st or January 5th?) only the author can settle.

const rule: Rule = {
  meta: {
    id: 'int-doc/date-format',
    description: 'Fecha integracion and the Ultima actualizacion footer are real calendar dates written YYYY-MM-DD.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: false,
    messages: {
      unreadable: 'Expected a date written YYYY-MM-DD; found "{0}".',
      nonexistent: 'Expected a real calendar date; found "{0}", a day that does not exist.',
      convertible: 'Expected a date written YYYY-MM-DD; found "{0}" (that is {1}).',
      ambiguous: 'Expected a date written YYYY-MM-DD; found "{0}", which is ambiguous (day/month or month/day): write it as YYYY-MM-DD.',
      fixDate: 'Write the date as {0}',
    },
  },
  checkIntDoc({ doc, report }) {
    const fecha = metadataValue(doc, 'Fecha integracion');
    // An empty cell is metadata-rows' to report; a placeholder is int-doc/placeholder's.
    if (fecha?.text) checkDate(fecha, report);
    if (doc.footer?.date) checkDate(doc.footer.date, report);
  },
};

function checkDate(cell: Cell, report: Report): void {
  if (holdsPlaceholder(cell.text)) return;
  const reading = readDate(cell.text);
  const range = cell.range;
  switch (reading.kind) {
    case 'iso':
      return;
    case 'convertible':
      report({
        messageId: 'convertible',
        args: [cell.text, reading.iso],
        range,
        fixes: [{ messageId: 'fixDate', args: [reading.iso], edits: [{ range, newText: reading.iso }], safe: true }],
        data: { expected: reading.iso },
      });
      return;
    default:
      report({ messageId: reading.kind, args: [cell.text], range });
  }
}

export default rule;
