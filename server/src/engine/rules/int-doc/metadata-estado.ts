import { holdsPlaceholder } from '../../intdoc/metadata-fields';
import { metadataValue } from '../../intdoc/query';
import { ESTADO_VALUES } from '../../intdoc/template';
import { matchVocabulary } from '../../intdoc/vocabulary';
import type { Rule } from '../rule';

// Estado says whether the integration runs (Implementado), is only designed
// (Documentado) or is still to do (Pendiente). The list is closed: reports and
// dashboards count docs by these three words.

const rule: Rule = {
  meta: {
    id: 'int-doc/metadata-estado',
    description: 'The Metadata table\'s Estado is Implementado, Documentado or Pendiente.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: false,
    messages: {
      unknown: 'Expected Estado to be one of {0}; found "{1}".',
      spelling: 'Expected Estado "{0}"; found "{1}".',
      fixSpelling: 'Write "{0}"',
    },
  },
  checkIntDoc({ doc, report }) {
    const value = metadataValue(doc, 'Estado');
    if (!value || !value.text || holdsPlaceholder(value.text)) return;
    const match = matchVocabulary(value.text, ESTADO_VALUES);
    if (match.kind === 'variant') {
      report({
        messageId: 'spelling',
        args: [match.canonical, value.text],
        range: value.range,
        fixes: [{ messageId: 'fixSpelling', args: [match.canonical], edits: [{ range: value.range, newText: match.canonical }], safe: true }],
        data: { expected: match.canonical },
      });
    } else if (match.kind === 'unknown') {
      report({ messageId: 'unknown', args: [ESTADO_VALUES.join(', '), value.text], range: value.range });
    }
  },
};

export default rule;
