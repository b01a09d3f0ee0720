import { addEntryEdit } from '../../inventory/edit';
import { entryFromDoc } from '../../inventory/entry-from-doc';
import { chosenInventory, inventoryPath, resolveDocumentacion } from '../../inventory/locate';
import type { FileEdit } from '../../types';
import { docCode } from '../../workspace/facts';
import type { FixSpec, Rule } from '../rule';

// Directive section 10: every integration is registered in
// MASTER_INVENTORY.yml. A doc the inventory does not list is an integration
// the team's overview does not know about.

const rule: Rule = {
  meta: {
    id: 'inventory/unregistered-doc',
    description: 'Every INT doc is registered in MASTER_INVENTORY.yml.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messages: {
      register: 'Register this doc in {0}',
      unregistered: 'Expected an entry for this doc in {0} (directive section 10); no entry\'s documentacion points here.',
      noInventory: 'Expected an entry for this doc in {0} (directive section 10); the workspace has no inventory.',
    },
  },
  checkWorkspace({ index, config, readText, report }) {
    const docs = index.ofKind('int-doc');
    if (docs.length === 0) return;
    const inventory = chosenInventory(index, config);
    // What yaml recovers from a broken file is a guess: inventory/syntax speaks, the docs wait for a readable list.
    if (inventory?.facts.broken) return;
    const registered = new Set<string>();
    const isDoc = (path: string): boolean => index.factsOf(path)?.kind === 'int-doc';
    for (const entry of inventory?.facts.entries ?? []) {
      const value = entry.fields.documentacion?.value;
      if (typeof value === 'string') registered.add(resolveDocumentacion(value, inventory!.path, isDoc));
    }
    const target = inventory?.path ?? inventoryPath(config);
    // Read once, and only when some doc needs the fix.
    let inventoryText: { text: string | undefined } | undefined;
    const currentInventory = (): string | undefined => (inventoryText ??= { text: readText(target) }).text;
    for (const [path, facts] of docs) {
      // A doc still named with the template's placeholders is not an integration yet.
      if (registered.has(path) || docCode(facts)?.includes('{')) continue;
      const zero = { line: 0, character: 0 };
      // Each fix is computed against the inventory as it is now: applying one makes the others stale, and the editor asks again.
      const added = addEntryEdit(currentInventory(), entryFromDoc(path, facts, config));
      const change: FileEdit | undefined = added && ('create' in added
        ? { file: target, create: true, edits: [{ range: { start: zero, end: zero }, newText: added.create }] }
        : { file: target, edits: added.edits });
      const fix: FixSpec | undefined = change && { messageId: 'register', args: [target], edits: [], changes: [change], safe: false };
      report(path, {
        messageId: inventory ? 'unregistered' : 'noInventory',
        args: [target],
        range: facts.title?.range ?? { start: zero, end: zero },
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};

export default rule;
