import { envTemplates } from '../../env/templates';
import type { Rule } from '../rule';

// `.env.example` is how a new developer learns which variables to set
// (directive 8.1): a credential the doc requires but the example leaves out
// is found only when the integration fails at runtime.

const rule: Rule = {
  meta: {
    id: 'env/missing-in-example',
    description: 'Every variable of an INT doc\'s Credenciales Requeridas is declared in .env.example.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      missing: 'Expected {0} in .env.example (directive 8.1); it is not declared there.',
      noExample: 'Expected {0} in .env.example (directive 8.1); the workspace has no .env.example.',
    },
  },
  checkWorkspace({ index, report }) {
    const templates = envTemplates(index);
    const declared = new Set(templates.flatMap(([, facts]) => facts.keys.map((key) => key.name)));
    for (const [path, doc] of index.ofKind('int-doc')) {
      for (const row of doc.rows) {
        if (declared.has(row.name)) continue;
        report(path, { messageId: templates.length > 0 ? 'missing' : 'noExample', args: [row.name], range: row.range, data: { variable: row.name } });
      }
    }
  },
};

export default rule;
