import { metadataValue } from '../../intdoc/query';
import { ESTADO_VALUES } from '../../intdoc/template';
import { checkVocabularyValue } from '../../intdoc/vocabulary';
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
    checkVocabularyValue(metadataValue(doc, 'Estado'), ESTADO_VALUES, report);
  },
};

export default rule;
