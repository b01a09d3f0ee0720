import { nameKey, templateSections } from '../../intdoc/section-match';
import { hasColumns } from '../../intdoc/tables';
import { firstStickyMatch } from '../../linear-search';
import { fold } from '../../text';
import type { Rule } from '../rule';

// The template's tables (directive 3.2) are what other rules and readers
// parse: a credentials table without its `Obligatorio` column, or a row with a
// cell missing, silently drops facts. Case and accents in a header do not
// matter (`Descripción` is `Descripcion`); names and order do.

/**
 * The template's choice placeholders (`{Si|No}`) split a row on their pipes;
 * int-doc/placeholder already reports the leftover, and filling it in mends the row.
 */
const CHOICE_PLACEHOLDER = /\{[^{}|\n]*\|[^{}\n]*\}/y;

/** An optional section may say it does not apply instead of having a table. */
const DOES_NOT_APPLY = /\bno aplica\b|\bn\/a\b/;

const rule: Rule = {
  meta: {
    id: 'int-doc/table-columns',
    description: "Each template section's table has the template's columns, in order, and every row has one cell per column.",
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      noTable: 'Expected a table with the columns {0} in "## {1}"; found none.',
      header: 'Expected the columns {0}; found {1}.',
      cells: 'Expected {0} cells in this row, one per column; found {1}.',
    },
  },
  checkIntDoc({ doc, report }) {
    for (const { section, entry } of templateSections(doc)) {
      const columns = entry.columns;
      if (!columns) continue;
      const table = section.tables[0];
      if (!table) {
        if (entry.optional && DOES_NOT_APPLY.test(fold(`${section.heading.text}\n${section.text}`))) continue;
        report({ messageId: 'noTable', args: [asRow(columns), entry.name], range: section.heading.textRange, data: { section: entry.name } });
        continue;
      }
      if (!hasColumns(table.header, columns)) {
        // Point at the first header cell that differs; past the last cell, at the header line.
        const differs = columns.findIndex((column, i) => !table.header[i] || nameKey(column) !== nameKey(table.header[i].text));
        const at = differs >= 0 ? differs : columns.length;
        report({
          messageId: 'header',
          args: [asRow(columns), asRow(table.header.map((cell) => cell.text))],
          range: table.header[at]?.range ?? doc.lines.lineRange(table.range.start.line),
          data: { section: entry.name, expected: columns.join(' | ') },
        });
      }
      for (const row of table.rows) {
        if (row.length === 0 || row.length === table.header.length) continue;
        const line = doc.lines.lineRange(row[0].range.start.line);
        if (firstStickyMatch(doc.lines.lineText(line.start.line), '{', CHOICE_PLACEHOLDER)) continue;
        // The whole line: a missing cell has no characters of its own to point at.
        report({ messageId: 'cells', args: [table.header.length, row.length], range: line });
      }
    }
  },
};

/** `| Codigo | Descripcion | Accion |`, the way the doc writes it. */
function asRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export default rule;
