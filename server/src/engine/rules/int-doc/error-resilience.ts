import { sectionFor } from '../../intdoc/section-match';
import { RESILIENCE_ERROR_ROWS } from '../../intdoc/skeleton';
import { appendRows, hasColumns } from '../../intdoc/tables';
import { TEMPLATE_SECTIONS } from '../../intdoc/template';
import { fold } from '../../text';
import type { Rule } from '../rule';

// The template's error table lists HTTP codes only, but the directive (6.1)
// also decides timeouts (retry once) and network errors (retry with a
// delay): the failures an integration meets most. A table that names
// neither is worth a second look; it is a hint, not a violation.

const SECTION = 'Manejo de Errores';
const COLUMNS = TEMPLATE_SECTIONS.find((entry) => entry.name === SECTION)?.columns ?? [];

/** Timeout and network failures as people name them, in Spanish, English and Node's error codes (folded text). */
const RESILIENCE = /\b(?:time ?outs?|timed out|tiempo de espera|sin respuesta|network|red|conexion|connection|etimedout|econnreset|econnrefused|enotfound|socket)\b/;

const rule: Rule = {
  meta: {
    id: 'int-doc/error-resilience',
    description: 'The Manejo de Errores table says what happens on a timeout or a network error (directive 6.1).',
    defaultSeverity: 'info',
    fixable: false,
    hasSuggestions: true,
    messages: {
      missing: 'Expected a row for timeouts or network errors (directive 6.1: Timeout -> retry 1 vez, Network -> retry con delay); found none.',
      addRows: 'Add rows for Timeout and Network.',
    },
  },
  checkIntDoc({ doc, report }) {
    // Without the section or its table, int-doc/missing-section and int-doc/table-columns speak.
    const table = sectionFor(doc, SECTION)?.tables[0];
    if (!table) return;
    if (table.rows.some((row) => row.some((cell) => RESILIENCE.test(fold(cell.text))))) return;
    report({
      messageId: 'missing',
      range: doc.lines.lineRange(table.range.start.line),
      // Template-shaped rows fit only a table with the template's three columns.
      fixes: hasColumns(table.header, COLUMNS)
        ? [{ messageId: 'addRows', edits: [appendRows(doc, table, RESILIENCE_ERROR_ROWS)], safe: false }]
        : [],
    });
  },
};

export default rule;
