import { chosenInventory, resolveDocumentacion } from '../../inventory/locate';
import type { Rule } from '../rule';

// An entry is only as good as the doc it points to: a `documentacion` that
// names no INT doc leaves the integration undocumented however complete the
// entry looks (directive section 10).

const rule: Rule = {
  meta: {
    id: 'inventory/missing-doc',
    description: 'Each inventory entry\'s documentacion points to an existing INT doc.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      missing: 'Expected an INT doc at "{0}"; no such file in the workspace.',
      notIntDoc: 'Expected the path of an INT doc (docs/02-integraciones/INT-{NNN}-{nombre}.md); found "{0}".',
    },
  },
  checkWorkspace({ index, config, report }) {
    const inventory = chosenInventory(index, config);
    if (!inventory) return;
    const isDoc = (path: string): boolean => index.factsOf(path)?.kind === 'int-doc';
    for (const entry of inventory.facts.entries) {
      const field = entry.fields.documentacion;
      // A missing or non-string value is inventory/schema's to report.
      if (typeof field?.value !== 'string' || !field.value.trim()) continue;
      const path = resolveDocumentacion(field.value, inventory.path, isDoc);
      if (isDoc(path)) continue;
      report(inventory.path, {
        // A path that would be an INT doc is missing; any other path is the wrong kind of file.
        messageId: index.kindOf(path) === 'int-doc' ? 'missing' : 'notIntDoc',
        args: [field.value],
        range: field.valueRange,
      });
    }
  },
};

export default rule;
