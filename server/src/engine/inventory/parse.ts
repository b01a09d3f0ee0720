import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { LineIndex } from '../text';
import type { Range } from '../types';

// MASTER_INVENTORY.yml (directive section 10.1), parsed with `yaml` keeping
// every node's offsets so findings point at the key or value to change. A
// file with syntax errors still yields what `yaml` could recover: the rest
// of the workspace is checked against it.

/** The inventory's file name; `inventory` in the config may point elsewhere. */
export const INVENTORY_FILE = 'MASTER_INVENTORY.yml';
export const INVENTORY_NAME = /^MASTER_INVENTORY\.ya?ml$/;

/** A key of an entry and its value, as written. */
export interface InventoryField {
  key: string;
  keyRange: Range;
  /** The scalar's value (`true`, `"Stripe"`), or undefined for a map, a list or an empty value. */
  value: unknown;
  valueRange: Range;
}

/** One item of the `integraciones` list. */
export interface InventoryEntry {
  /** 0-based position in the list. */
  index: number;
  /** The whole item, from its first key to its last value. */
  range: Range;
  /** Keys in file order; a duplicated key keeps its first occurrence (the duplicate is a syntax finding). */
  fields: Map<string, InventoryField>;
  /** Whether the item is a map at all (`- "Stripe"` is not). */
  isMap: boolean;
}

/** A YAML syntax problem: `code` is yaml's error code (BAD_INDENT, TAB_AS_INDENT, DUPLICATE_KEY, ...). */
export interface YamlProblem {
  code: string;
  range: Range;
}

export interface InventoryFile {
  path: string;
  lines: LineIndex;
  document: Document.Parsed;
  problems: YamlProblem[];
  /** The `integraciones` key, when present. */
  listKeyRange?: Range;
  entries: InventoryEntry[];
}

export function parseInventory(path: string, text: string): InventoryFile {
  const lines = new LineIndex(text);
  // logLevel 'error': yaml's warnings (a map used as a key, when inventory/schema
  // reads the file as data) went to the process's stderr, outside any finding.
  const document = parseDocument(text, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const rangeOfNode = (node: Node | null | undefined): Range => {
    const [start, end] = node?.range ?? [0, 0];
    return lines.rangeOf(start, end);
  };
  const problems = document.errors.map((error) => ({ code: error.code, range: lines.rangeOf(error.pos[0], Math.max(error.pos[0], error.pos[1])) }));
  const inventory: InventoryFile = { path, lines, document, problems, entries: [] };

  const root = document.contents;
  if (!isMap(root)) return inventory;
  const listPair = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'integraciones');
  if (!listPair) return inventory;
  inventory.listKeyRange = rangeOfNode(listPair.key as Node);
  if (!isSeq(listPair.value)) return inventory;

  listPair.value.items.forEach((item, index) => {
    const node = item as Node | null;
    const fields = new Map<string, InventoryField>();
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (fields.has(key)) continue;
        const value = pair.value as Node | null;
        fields.set(key, {
          key,
          keyRange: rangeOfNode(pair.key),
          value: isScalar(value) ? value.value : undefined,
          // An empty value (`nombre:`) is reported at its key.
          valueRange: value?.range ? rangeOfNode(value) : rangeOfNode(pair.key),
        });
      }
    }
    const [start] = node?.range ?? [0];
    const end = node?.range?.[1] ?? start;
    inventory.entries.push({ index, range: lines.rangeOf(start, end), fields, isMap: isMap(node) });
  });
  return inventory;
}

/** A field's value as text, for comparisons with a doc's metadata ('' when absent or not a scalar). */
export function fieldText(entry: InventoryEntry, key: string): string {
  const value = entry.fields.get(key)?.value;
  return value === undefined || value === null ? '' : String(value).trim();
}
