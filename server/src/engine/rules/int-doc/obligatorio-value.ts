import type { Cell, IntDoc } from '../../intdoc/model';
import { columnIndex } from '../../intdoc/query';
import { sectionFor } from '../../intdoc/section-match';
import { OBLIGATORIO_VALUES } from '../../intdoc/template';
import { fold } from '../../text';
import type { FixSpec, Rule } from '../rule';

// The template writes the `Obligatorio` column as SI/NO (directive 3.2), and
// tools that check a deploy has every required variable read exactly that.
// `Si` or `sí` is the same answer in another case, so it is fixed safely;
// `Opcional` or `Yes` is a different word whose meaning the user confirms.

const [YES, NO] = OBLIGATORIO_VALUES;

/** Words whose meaning is clear enough to offer the SI/NO they stand for. */
const MEANS: Readonly<Record<string, string>> = {
  opcional: NO, optional: NO, 'no obligatorio': NO, 'no requerido': NO, false: NO,
  yes: YES, obligatorio: YES, requerido: YES, required: YES, true: YES,
};

const rule: Rule = {
  meta: {
    id: 'int-doc/obligatorio-value',
    description: 'The Obligatorio column of Credenciales Requeridas says SI or NO.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      value: 'Expected SI or NO in the Obligatorio column; found "{0}".',
      empty: 'Expected SI or NO in the Obligatorio column; found an empty cell.',
      change: 'Change "{0}" to "{1}".',
    },
  },
  checkIntDoc({ doc, report }) {
    const table = sectionFor(doc, 'Credenciales Requeridas')?.tables[0];
    if (!table) return;
    const column = columnIndex(table.header, 'Obligatorio');
    if (column < 0) return;
    for (const row of table.rows) {
      const cell = row[column];
      // A row without the cell is int-doc/table-columns' finding.
      if (!cell || (OBLIGATORIO_VALUES as readonly string[]).includes(cell.text)) continue;
      if (cell.text === '') {
        report({ messageId: 'empty', range: cell.range });
        continue;
      }
      const folded = fold(cell.text);
      const sameWord = folded === 'si' || folded === 'no';
      const meant = sameWord ? folded.toUpperCase() : MEANS[folded];
      const fixes: FixSpec[] = meant ? [{ messageId: 'change', args: [cell.text, meant], edits: [replaceText(doc, cell, meant)], safe: sameWord }] : [];
      report({ messageId: 'value', args: [cell.text], range: cell.range, fixes, ...(meant ? { data: { expected: meant } } : {}) });
    }
  },
};

/** Replaces the cell's words only, keeping markup around them (`**Si**` -> `**SI**`). */
function replaceText(doc: IntDoc, cell: Cell, newText: string) {
  const start = doc.lines.offsetAt(cell.range.start);
  const raw = doc.text.slice(start, doc.lines.offsetAt(cell.range.end));
  const at = raw.indexOf(cell.text);
  if (at < 0) return { range: cell.range, newText };
  return { range: doc.lines.rangeOf(start + at, start + at + cell.text.length), newText };
}

export default rule;
