import { findProvider } from '../../catalog/providers';
import { appendEnvVarsEdit } from '../../env/example-edit';
import { placeholderFor } from '../../env/placeholders';
import { envExampleTarget, envTemplates } from '../../env/templates';
import { holdsPlaceholder } from '../../intdoc/metadata-fields';
import type { FileEdit } from '../../types';
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
    hasSuggestions: true,
    messages: {
      missing: 'Expected {0} in .env.example (directive 8.1); it is not declared there.',
      noExample: 'Expected {0} in .env.example (directive 8.1); the workspace has no .env.example.',
      add: 'Add {0} to {1} under the {2} block',
    },
  },
  checkWorkspace({ index, readText, report }) {
    const templates = envTemplates(index);
    const declared = new Set(templates.flatMap(([, facts]) => facts.keys.map((key) => key.name)));
    const target = envExampleTarget(index);
    let example: { text: string | undefined } | undefined;
    const exampleText = (): string | undefined => (example ??= { text: readText(target) }).text;
    for (const [path, doc] of index.ofKind('int-doc')) {
      const proveedor = doc.metadata.Proveedor?.text ?? '';
      const providerName = proveedor && !holdsPlaceholder(proveedor) ? proveedor : (doc.title?.text ?? path);
      const tipo = doc.metadata.Tipo?.text;
      const provider = findProvider(providerName);
      for (const row of doc.rows) {
        if (declared.has(row.name)) continue;
        const added = appendEnvVarsEdit(exampleText(), {
          providerName,
          ...(tipo && !holdsPlaceholder(tipo) ? { tipoLabel: tipo } : {}),
          variables: [{ name: row.name, placeholder: placeholderFor(row.name, provider) }],
        });
        const change: FileEdit = { file: target, edits: added.edits, ...(added.create ? { create: true } : {}) };
        report(path, {
          messageId: templates.length > 0 ? 'missing' : 'noExample',
          args: [row.name],
          range: row.range,
          fixes: [{ messageId: 'add', args: [row.name, target, providerName], edits: [], changes: [change], safe: false }],
          data: { variable: row.name },
        });
      }
    }
  },
};

export default rule;
