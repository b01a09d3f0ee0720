import { holdsPlaceholder } from '../../intdoc/metadata-fields';
import { metadataValue } from '../../intdoc/query';
import { MULTI_TENANT_VALUES } from '../../intdoc/template';
import { matchVocabulary } from '../../intdoc/vocabulary';
import { fold } from '../../text';
import type { Rule } from '../rule';

// Multi-tenant is the template's Si|No switch: `Si` obliges the Multi-tenant
// section to state the credential model, so the value must be one a rule can read.

/** Yes/no words whose meaning is plain; rewriting them is still the author's call, so only a suggestion. */
const OBVIOUS_ANSWERS: ReadonlyMap<string, string> = new Map([
  ['yes', 'Si'],
  ['true', 'Si'],
  ['verdadero', 'Si'],
  ['false', 'No'],
  ['falso', 'No'],
]);

const rule: Rule = {
  meta: {
    id: 'int-doc/metadata-multi-tenant',
    description: 'The Metadata table\'s Multi-tenant is Si or No.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      unknown: 'Expected Multi-tenant to be Si or No; found "{0}".',
      spelling: 'Expected Multi-tenant "{0}"; found "{1}".',
      fixValue: 'Write "{0}"',
    },
  },
  checkIntDoc({ doc, report }) {
    const value = metadataValue(doc, 'Multi-tenant');
    if (!value || !value.text || holdsPlaceholder(value.text)) return;
    const match = matchVocabulary(value.text, MULTI_TENANT_VALUES);
    if (match.kind === 'exact') return;
    const replace = (newText: string, safe: boolean) => ({ messageId: 'fixValue', args: [newText], edits: [{ range: value.range, newText }], safe });
    if (match.kind === 'variant') {
      report({
        messageId: 'spelling',
        args: [match.canonical, value.text],
        range: value.range,
        fixes: [replace(match.canonical, true)],
        data: { expected: match.canonical },
      });
      return;
    }
    const mapped = OBVIOUS_ANSWERS.get(fold(value.text));
    report({
      messageId: 'unknown',
      args: [value.text],
      range: value.range,
      fixes: mapped ? [replace(mapped, false)] : [],
      ...(mapped ? { data: { expected: mapped } } : {}),
    });
  },
};

export default rule;
