import { metadataValue } from '../../intdoc/query';
import { TIPO_VALUES } from '../../intdoc/template';
import { checkVocabularyValue } from '../../intdoc/vocabulary';
import type { Rule } from '../rule';

// Tipo groups integrations (all payment providers, all notification channels).
// The directive lists Pagos|Auth|Notificaciones|Storage|Analytics and ends with
// "etc", so another value is allowed: it is a warning to look at, and a team
// that means it adds it to `tipos` in the config.

const rule: Rule = {
  meta: {
    id: 'int-doc/metadata-tipo',
    description: 'The Metadata table\'s Tipo is one of the directive\'s types (Pagos, Auth, Notificaciones, Storage, Analytics) or a configured extra.',
    defaultSeverity: 'warning',
    fixable: true,
    hasSuggestions: false,
    messages: {
      unknown: 'Expected a Tipo from {0}; found "{1}". Add it to "tipos" in simco-int.config.json if it is intended.',
      spelling: 'Expected Tipo "{0}"; found "{1}".',
      fixSpelling: 'Write "{0}"',
    },
  },
  checkIntDoc({ doc, config, report }) {
    checkVocabularyValue(metadataValue(doc, 'Tipo'), [...TIPO_VALUES, ...config.tipos], report);
  },
};

export default rule;
