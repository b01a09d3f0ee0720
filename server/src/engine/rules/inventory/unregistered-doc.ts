import { chosenInventory, inventoryPath, resolveDocumentacion } from '../../inventory/locate';
import { docCode } from '../../workspace/facts';
import type { Rule } from '../rule';

// Directive section 10: every integration is registered in
// MASTER_INVENTORY.yml. A doc the inventory does not list is an integration
// the team's overview does not know about.

const rule: Rule = {
  meta: {
    id: 'inventory/unregistered-doc',
    description: 'Every INT doc is registered in MASTER_INVENTORY.yml.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      unregistered: 'Expected an entry for this doc in {0} (directive section 10); no entry\'s documentacion points here.',
      noInventory: 'Expected an entry for this doc in {0} (directive section 10); the workspace has no inventory.',
    },
  },
  checkWorkspace({ index, config, report }) {
    const docs = index.ofKind('int-doc');
    if (docs.length === 0) return;
    const inventory = chosenInventory(index, config);
    const registered = new Set<string>();
    const isDoc = (path: string): boolean => index.factsOf(path)?.kind === 'int-doc';
    for (const entry of inventory?.facts.entries ?? []) {
      const value = entry.fields.documentacion?.value;
      if (typeof value === 'string') registered.add(resolveDocumentacion(value, inventory!.path, isDoc));
    }
    for (const [path, facts] of docs) {
      // A doc still named with the template's placeholders is not an integration yet.
      if (registered.has(path) || docCode(facts)?.includes('{')) continue;
      const zero = { line: 0, character: 0 };
      report(path, {
        messageId: inventory ? 'unregistered' : 'noInventory',
        args: [inventory?.path ?? inventoryPath(config)],
        range: facts.title?.range ?? { start: zero, end: zero },
      });
    }
  },
};

export default rule;
