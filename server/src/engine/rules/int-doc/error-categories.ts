import { columnIndex } from '../../intdoc/query';
import { sectionFor } from '../../intdoc/section-match';
import { TEMPLATE_ERROR_ROWS } from '../../intdoc/skeleton';
import { appendRows, hasColumns } from '../../intdoc/tables';
import { TEMPLATE_SECTIONS } from '../../intdoc/template';
import type { Rule } from '../rule';

// The directive (6.1) handles each error category differently: a client
// error is not retried, 401 refreshes credentials, 429 backs off, 5xx retries
// a few times. A `Manejo de Errores` table that skips a category leaves that
// case undecided.

const SECTION = 'Manejo de Errores';
const COLUMNS = TEMPLATE_SECTIONS.find((entry) => entry.name === SECTION)?.columns ?? [];

/** HTTP status codes (`404`) and classes (`4xx`) as people write them in the Codigo column. */
const STATUS = /\b([1-5]\d\d|[45]xx)\b/gi;

interface Category {
  label: string;
  covers(code: string): boolean;
  row: string;
}

/** In the directive's order; a `4xx` row covers client errors, but 401 and 429 each need their own. */
const CATEGORIES: readonly Category[] = [
  { label: '4xx', covers: (c) => c === '4xx' || (/^4\d\d$/.test(c) && c !== '401' && c !== '429'), row: TEMPLATE_ERROR_ROWS.client },
  { label: '401', covers: (c) => c === '401', row: TEMPLATE_ERROR_ROWS.unauthorized },
  { label: '429', covers: (c) => c === '429', row: TEMPLATE_ERROR_ROWS.rateLimited },
  { label: '5xx', covers: (c) => c === '5xx' || /^5\d\d$/.test(c), row: TEMPLATE_ERROR_ROWS.server },
];

const rule: Rule = {
  meta: {
    id: 'int-doc/error-categories',
    description: "The Manejo de Errores table covers the directive's error categories: a 4xx client error, 401, 429 and 5xx.",
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messages: {
      missing: 'Expected rows for the error categories 4xx (a client error other than 401/429), 401, 429 and 5xx; missing {0}.',
      addRows: "Add the template's rows for {0}.",
    },
  },
  checkIntDoc({ doc, report }) {
    const section = sectionFor(doc, SECTION);
    if (!section) return;
    const table = section.tables[0];
    const codes: string[] = [];
    if (table) {
      // Without a Codigo header (int-doc/table-columns reports that), the template's first column.
      const column = Math.max(0, columnIndex(table.header, 'Codigo'));
      for (const row of table.rows) {
        for (const match of row[column]?.text.matchAll(STATUS) ?? []) codes.push(match[1].toLowerCase());
      }
    }
    const missing = CATEGORIES.filter((category) => !codes.some((code) => category.covers(code)));
    if (missing.length === 0) return;
    const labels = missing.map((category) => category.label).join(', ');
    // Template rows fit only a table with the template's three columns.
    const canAppend = table !== undefined && hasColumns(table.header, COLUMNS);
    report({
      messageId: 'missing',
      args: [labels],
      range: table ? doc.lines.lineRange(table.range.start.line) : section.heading.textRange,
      fixes: canAppend
        ? [{ messageId: 'addRows', args: [labels], edits: [appendRows(doc, table, missing.map((category) => category.row))], safe: false }]
        : [],
      data: { missing: labels },
    });
  },
};

export default rule;
