import { readDate } from '../../intdoc/dates';
import type { IntDoc } from '../../intdoc/model';
import { endsInOpenBlock } from '../../intdoc/open-block';
import { metadataValue } from '../../intdoc/query';
import type { TextEdit } from '../../types';
import type { Rule } from '../rule';

// The template closes with `**Ultima actualizacion:** {YYYY-MM-DD}`: how stale
// the doc may be. A doc cannot have been last updated before the integration
// it documents was made, so such a footer is a date nobody updated.

const FOOTER_LABEL = '**Ultima actualizacion:**';
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

const rule: Rule = {
  meta: {
    id: 'int-doc/footer',
    description: 'The doc ends with "**Ultima actualizacion:** YYYY-MM-DD", not earlier than Fecha integracion.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messages: {
      missing: 'Expected the footer "**Ultima actualizacion:** YYYY-MM-DD" at the end of the document; found none.',
      noDate: 'Expected a date after "Ultima actualizacion:"; found none.',
      beforeIntegration: 'Expected a date on or after {0}; found {1}.',
      addFooter: 'Add the footer "**Ultima actualizacion:** {YYYY-MM-DD}"',
    },
  },
  checkIntDoc({ doc, report }) {
    const footer = doc.footer;
    if (!footer) {
      const { at, edit } = appendFooter(doc);
      // Appended inside a code block or HTML comment left open, the footer would not be one.
      const fixes = endsInOpenBlock(doc) ? [] : [{ messageId: 'addFooter', edits: [edit], safe: false }];
      report({ messageId: 'missing', range: { start: at, end: at }, fixes });
      return;
    }
    if (!footer.date) {
      report({ messageId: 'noDate', range: footer.range });
      return;
    }
    // Only two well-formed dates compare; int-doc/date-format reports the others.
    const updated = readDate(footer.date.text);
    const fecha = metadataValue(doc, 'Fecha integracion');
    const integrated = fecha ? readDate(fecha.text) : undefined;
    if (updated.kind === 'iso' && integrated?.kind === 'iso' && updated.iso < integrated.iso) {
      report({ messageId: 'beforeIntegration', args: [integrated.iso, updated.iso], range: footer.date.range, data: { expected: integrated.iso } });
    }
  },
};

/**
 * The template's closing lines after the last content. The date stays the
 * template's placeholder: the engine does not read the clock, and the author
 * knows when the doc was last updated. A blank line before `---` keeps it a
 * rule instead of turning the previous paragraph into a heading.
 */
function appendFooter(doc: IntDoc): { at: TextEdit['range']['start']; edit: TextEdit } {
  const { text, lines } = doc;
  const eol = lines.eol;
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const at = lines.positionAt(end);
  const footer = `${FOOTER_LABEL} {YYYY-MM-DD}${eol}`;
  const endsWithBreak = end > 0 && THEMATIC_BREAK.test(lines.lineText(at.line));
  const newText = end === 0 ? footer : endsWithBreak ? `${eol}${eol}${footer}` : `${eol}${eol}---${eol}${eol}${footer}`;
  return { at, edit: { range: { start: at, end: lines.positionAt(text.length) }, newText } };
}

export default rule;
