import { intFileCode } from '../../intdoc/file-code';
import { holdsPlaceholder } from '../../intdoc/metadata-fields';
import { metadataValue } from '../../intdoc/query';
import type { Rule } from '../rule';

// The Codigo row is how the inventory and other docs name the integration; it
// must be the code the file name carries, or two docs end up claiming one code.

const rule: Rule = {
  meta: {
    id: 'int-doc/metadata-codigo',
    description: 'The Metadata table\'s Codigo is the INT-{NNN} code of the file name.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: false,
    messages: {
      wrongCode: 'Expected Codigo {0} (from the file name); found "{1}".',
      fixCode: 'Change Codigo to {0}',
    },
  },
  checkIntDoc({ doc, report }) {
    const file = intFileCode(doc.path);
    const value = metadataValue(doc, 'Codigo');
    // No row, an empty cell or the template's `INT-{NNN}`: metadata-rows and placeholder report those.
    if (!file || !value || !value.text || holdsPlaceholder(value.text) || value.text === file.code) return;
    report({
      messageId: 'wrongCode',
      args: [file.code, value.text],
      range: value.range,
      fixes: [{ messageId: 'fixCode', args: [file.code], edits: [{ range: value.range, newText: file.code }], safe: true }],
      data: { expected: file.code },
    });
  },
};

export default rule;
