import type { InventoryEntry } from '../../inventory/parse';
import { fold } from '../../text';
import type { Rule } from '../rule';

// An integration is registered once: two entries named alike, or pointing to
// one INT doc, leave readers guessing which one is true, and the cross-file
// checks comparing entries with docs would pick one at random.

/** The fields that identify an entry, and how two values are judged the same. */
const IDENTITIES: ReadonlyArray<{ key: string; messageId: 'nombre' | 'documentacion'; form: (value: string) => string }> = [
  // `Stripe` and `stripe ` name one integration.
  { key: 'nombre', messageId: 'nombre', form: (value) => fold(value) },
  // `./docs/x.md` and `docs\x.md` name one file.
  { key: 'documentacion', messageId: 'documentacion', form: (value) => value.trim().replace(/\\/g, '/').replace(/^(?:\.\/)+/, '') },
];

const rule: Rule = {
  meta: {
    id: 'inventory/duplicate-entry',
    description: 'No two MASTER_INVENTORY.yml entries share a nombre or a documentacion.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      nombre: 'Expected each entry to have its own nombre; "{0}" is already the nombre of the entry on line {1}.',
      documentacion: 'Expected each entry to point to its own INT doc; "{0}" is already registered by the entry on line {1}.',
    },
  },
  checkInventory({ inventory, report }) {
    for (const { key, messageId, form } of IDENTITIES) {
      const first = new Map<string, InventoryEntry>();
      for (const entry of inventory.entries) {
        const field = entry.fields.get(key);
        if (typeof field?.value !== 'string' || field.value.trim() === '') continue;
        const identity = form(field.value);
        const earlier = first.get(identity);
        if (!earlier) {
          first.set(identity, entry);
          continue;
        }
        const line = (earlier.fields.get(key)?.keyRange ?? earlier.range).start.line + 1;
        report({ messageId, args: [field.value, line], range: field.valueRange, data: { firstLine: String(line) } });
      }
    }
  },
};

export default rule;
