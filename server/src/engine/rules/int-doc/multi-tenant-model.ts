import { metadataValue } from '../../intdoc/query';
import { sectionFor } from '../../intdoc/section-match';
import { fold } from '../../text';
import type { Rule } from '../rule';

// A multi-tenant integration must say whose credentials it calls with
// (directive 7.1): one global set, each tenant's own, or a global set that
// tenants may override. Getting it wrong leaks one tenant's account into
// another's requests, so the doc has to name the model.

/** CREDENTIAL_MODELS (Global, Por Tenant, Hibrido) as folded whole words, plural and feminine forms included. */
const MODEL = /\b(?:global(?:es)?|por tenants?|hibrid[oa]s?)\b/;

/**
 * The template's own bullets under `## Multi-tenant` mention "por tenant" and
 * "globales" as topics to fill in, not as a choice: a section that only kept
 * them has not stated a model.
 */
const TEMPLATE_TOPICS = /credenciales por tenant vs globales|configuracion por tenant|limites por tenant/g;

const rule: Rule = {
  meta: {
    id: 'int-doc/multi-tenant-model',
    description: 'When Multi-tenant is Si, the Multi-tenant section states the credential model: Global, Por Tenant or Hibrido.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      noModel: 'Multi-tenant is "{0}"; expected the Multi-tenant section to state the credential model (Global, Por Tenant or Hibrido); found none.',
      noSection: 'Multi-tenant is "{0}"; expected a "## Multi-tenant" section stating the credential model (Global, Por Tenant or Hibrido); found none.',
    },
  },
  checkIntDoc({ doc, report }) {
    const value = metadataValue(doc, 'Multi-tenant');
    if (!value || fold(value.text) !== 'si') return;
    const section = sectionFor(doc, 'Multi-tenant');
    if (!section) {
      report({ messageId: 'noSection', args: [value.text], range: value.range });
      return;
    }
    const text = fold(section.text).replace(/\s+/g, ' ').replace(TEMPLATE_TOPICS, ' ');
    if (MODEL.test(text)) return;
    report({ messageId: 'noModel', args: [value.text], range: section.heading.textRange });
  },
};

export default rule;
