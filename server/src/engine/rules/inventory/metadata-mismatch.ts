import { findProvider } from '../../catalog/providers';
import type { Config } from '../../config/config';
import { holdsPlaceholder } from '../../intdoc/metadata-fields';
import type { MetadataField } from '../../intdoc/template';
import { mappedEstado, multiTenantValue } from '../../inventory/entry-from-doc';
import { updateFieldEdit } from '../../inventory/edit';
import { chosenInventory, resolveDocumentacion } from '../../inventory/locate';
import { parseInventory } from '../../inventory/parse';
import { fold, stripBom } from '../../text';
import type { TextEdit } from '../../types';
import type { CellFact, InventoryFieldFact } from '../../workspace/facts';
import type { Rule } from '../rule';

// The inventory is read by people and tools that never open the docs: when
// an entry says `estado: activo` and its doc says Pendiente, one of them is
// wrong. Each disagreement is reported on both sides, so whoever edits either
// file sees it; the doc is the source of truth, so the inventory gets the fix.

/** An inventory key, the doc's metadata field it mirrors, and how a value of each side is compared. */
interface Pairing {
  key: string;
  field: MetadataField;
  /** The inventory value the doc's text calls for, or undefined when the doc's text is not one the pairing knows. */
  expected(docText: string, config: Config): string | boolean | undefined;
  agrees(inventoryValue: string | number | boolean | null, docText: string, config: Config): boolean;
}

const PAIRINGS: readonly Pairing[] = [
  {
    key: 'proveedor',
    field: 'Proveedor',
    expected: (docText) => docText,
    // `Stripe Inc` and `Stripe` name one provider: the catalog knows both spellings.
    agrees: (value, docText) => {
      const text = String(value ?? '');
      if (fold(text) === fold(docText)) return true;
      const a = findProvider(text);
      return a !== undefined && a === findProvider(docText);
    },
  },
  {
    key: 'tipo',
    field: 'Tipo',
    expected: (docText) => docText.toLowerCase(),
    agrees: (value, docText) => fold(String(value ?? '')) === fold(docText),
  },
  {
    key: 'estado',
    field: 'Estado',
    expected: (docText, config) => mappedEstado(docText, config),
    agrees: (value, docText, config) => {
      const expected = mappedEstado(docText, config);
      return expected === undefined || fold(String(value ?? '')) === fold(expected);
    },
  },
  {
    key: 'multi_tenant',
    field: 'Multi-tenant',
    expected: (docText) => multiTenantValue(docText),
    agrees: (value, docText) => {
      const expected = multiTenantValue(docText);
      return expected === undefined || value === expected;
    },
  },
];

const rule: Rule = {
  meta: {
    id: 'inventory/metadata-mismatch',
    description: 'An inventory entry agrees with its INT doc\'s Metadata: proveedor, tipo, estado and multi_tenant.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messages: {
      onInventory: 'Expected {0}: {1} as {2} says ({3}: {4}); found {5}.',
      onDoc: 'Expected {0} to agree with {1} line {2} ({3}: {4}); found "{5}".',
      fixInventory: 'Set {0} to {1} in the inventory',
    },
  },
  checkWorkspace({ index, config, readText, report }) {
    const inventory = chosenInventory(index, config);
    if (!inventory) return;
    const isDoc = (path: string): boolean => index.factsOf(path)?.kind === 'int-doc';
    // The inventory is parsed again only when a fix is needed, and once.
    let parsed: ReturnType<typeof parseInventory> | null | undefined;
    const fieldEdit = (entryIndex: number, key: string, value: string | boolean): TextEdit | undefined => {
      if (parsed === undefined) {
        const text = readText(inventory.path);
        parsed = text === undefined ? null : parseInventory(inventory.path, stripBom(text));
      }
      return parsed ? updateFieldEdit(parsed, entryIndex, key, value) : undefined;
    };
    for (const entry of inventory.facts.entries) {
      const documentacion = entry.fields.documentacion?.value;
      if (typeof documentacion !== 'string') continue;
      const docPath = resolveDocumentacion(documentacion, inventory.path, isDoc);
      const doc = index.factsOf(docPath);
      if (doc?.kind !== 'int-doc') continue;
      for (const pairing of PAIRINGS) {
        const field = entry.fields[pairing.key];
        const cell = doc.metadata[pairing.field];
        if (!field || !cell || !comparable(field, cell)) continue;
        if (pairing.agrees(field.value, cell.text, config)) continue;
        const expected = pairing.expected(cell.text, config);
        const shown = yamlText(field.value);
        const edit = expected === undefined ? undefined : fieldEdit(entry.index, pairing.key, expected);
        report(inventory.path, {
          messageId: 'onInventory',
          args: [pairing.key, expected === undefined ? cell.text : yamlText(expected), docPath, pairing.field, cell.text, shown],
          range: field.valueRange,
          ...(edit ? { fixes: [{ messageId: 'fixInventory', args: [pairing.key, yamlText(expected!)], edits: [edit], safe: false }] } : {}),
          ...(expected === undefined ? {} : { data: { key: pairing.key, expected: String(expected) } }),
        });
        report(docPath, {
          messageId: 'onDoc',
          args: [pairing.field, inventory.path, field.valueRange.start.line + 1, pairing.key, shown, cell.text],
          range: cell.range,
        });
      }
    }
  },
};

/** Empty cells, placeholders and non-scalar values are other rules' findings, not disagreements. */
function comparable(field: InventoryFieldFact, cell: CellFact): boolean {
  return field.value !== null && cell.text !== '' && !holdsPlaceholder(cell.text);
}

function yamlText(value: string | number | boolean | null): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

export default rule;
