import type { ErrorObject } from 'ajv';
import { isAlias, isCollection, isMap, isScalar, visit, type Node } from 'yaml';
import schema from '../../../../../schemas/master-inventory.schema.json';
import { ENTRY_KEYS, misspeltKey } from '../../inventory/entry-keys';
import { lazyValidator } from '../../json-schema';
import { firstLineRange, nodeAtPath, offsetsOf, pairOf, type FoundNode, type MapPair } from '../../inventory/nodes';
import type { InventoryFile } from '../../inventory/parse';
import type { Range } from '../../types';
import type { FixSpec, ReportSpec, Rule } from '../rule';

// The inventory is read by people and by scripts: a missing key, a quoted
// `"true"` or a misspelt `multitenant` breaks whoever reads it next. The same
// JSON Schema drives Red Hat's YAML extension; here each ajv error becomes a
// sentence at the key or value to change. A file with syntax problems is
// left to inventory/syntax: what yaml recovers from it would only echo them.

const validator = lazyValidator(schema);
const DOC_PATH = new RegExp(schema.definitions.integracion.properties.documentacion.pattern, 'u');
const KEY_LIST = ENTRY_KEYS.join(', ');
const LIST_KEY = 'integraciones';
/** Spellings a Spanish-speaking author may give a boolean; the doc's Multi-tenant says Si/No. */
const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { true: true, false: false, si: true, 'sí': true, no: false, yes: true };
/** Long values are cut in messages: the range shows the whole. */
const SHOWN_CHARS = 60;

const messages = {
  empty: 'Expected an "integraciones:" list (directive section 10.1); the file is empty.',
  noList: 'Expected a top-level "integraciones:" list; found none.',
  listKeyMisspelt: 'Expected the top-level key "integraciones"; found "{0}".',
  notMap: 'Expected a map with an "integraciones:" list at the top level; found a list or a single value.',
  listEmpty: 'Expected a list under "integraciones"; found an empty value. Write "integraciones: []" while there is no integration.',
  listNotList: 'Expected a list of entries ("- nombre: ...") under "integraciones"; found a map or a single value.',
  entryNotMap: 'Expected each item of "integraciones" to be an entry with the keys {0}; this one is not.',
  missingKeys: 'Expected every entry to have {0}; this one lacks {1}.',
  unknownKey: 'Expected only the keys {0} in an entry; found "{1}".',
  unknownKeyMisspelt: 'Expected only the keys {0} in an entry; found "{1}". Did you mean "{2}"?',
  notBoolean: 'Expected {0} to be true or false, without quotes; found {1}.',
  notText: 'Expected {0} to be a text value; found {1}.',
  notScalar: 'Expected {0} to be a single value; found a list or a map.',
  emptyValue: 'Expected {0} to have a value; found none.',
  tooLong: 'Expected {0} to be at most {1} characters long; found {2}.',
  docPath: 'Expected documentacion to be the INT doc\'s path from the workspace root, with forward slashes, ending in .md (e.g. docs/02-integraciones/INT-001-stripe.md); found {0}.',
  aliases: 'Expected every alias (*name) to repeat an anchor (&name) set before it, without expanding too far; this one cannot be resolved.',
  invalid: 'Expected {0} to match the inventory schema; it breaks its "{1}" rule.',
  fixRename: 'Rename "{0}" to "{1}"',
  fixValue: 'Write {0}',
  fixEmptyList: 'Write an empty list ([])',
} as const;

type MessageId = keyof typeof messages;

const rule: Rule = {
  meta: {
    id: 'inventory/schema',
    description: 'MASTER_INVENTORY.yml matches its schema: an "integraciones" list of entries with nombre, proveedor, tipo, estado, multi_tenant (true/false) and documentacion, and no other keys.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages,
  },
  checkInventory({ inventory, report }) {
    if (inventory.problems.length > 0) return;
    const { document, lines } = inventory;
    if (document.contents === null) {
      report({ messageId: 'empty', range: lines.rangeOf(0, 0) });
      return;
    }
    let data: unknown;
    try {
      data = document.toJS();
    } catch {
      // yaml throws on an alias to no anchor and on alias bombs, and says so in no error.
      report({ messageId: 'aliases', range: aliasRange(inventory) });
      return;
    }
    const validate = validator();
    if (validate(data)) return;
    const errors = validate.errors ?? [];
    const reportedValues = new Set<string>();
    for (const error of errors) {
      if (error.keyword === 'required' || error.keyword === 'additionalProperties') continue;
      // One finding per value: "" breaks both minLength and the documentacion pattern.
      if (reportedValues.has(error.instancePath)) continue;
      reportedValues.add(error.instancePath);
      report(describeValueError(inventory, error));
    }
    const unknownKeys = findUnknownKeys(inventory, errors.filter((e) => e.keyword === 'additionalProperties'));
    for (const spec of describeRequired(inventory, errors.filter((e) => e.keyword === 'required'), unknownKeys)) report(spec);
    for (const unknown of unknownKeys) report(describeUnknownKey(inventory, unknown));
  },
};

function segmentsOf(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function spec(messageId: MessageId, range: Range, args: string[] = [], fixes?: FixSpec[], data?: Record<string, string>): ReportSpec {
  return { messageId, range, args, ...(fixes ? { fixes } : {}), ...(data ? { data } : {}) };
}

/** The first line of a node, or of the key holding it when the value is empty or absent. */
function nodeRange(inventory: InventoryFile, found: FoundNode | undefined): Range {
  const value = offsetsOf(found?.node);
  const key = offsetsOf(found?.pair?.key);
  const chosen = value && (value[1] > value[0] || !key) ? value : key ?? value ?? [0, 0];
  return firstLineRange(inventory.lines, chosen[0], chosen[1]);
}

/** What a scalar looks like in the file (`"true"`, `123`), cut to its first line. */
function shown(inventory: InventoryFile, node: Node | null): string {
  const offsets = offsetsOf(node);
  if (!offsets) return '';
  const range = firstLineRange(inventory.lines, offsets[0], offsets[1]);
  const source = inventory.lines.text.slice(inventory.lines.offsetAt(range.start), inventory.lines.offsetAt(range.end));
  return source.length > SHOWN_CHARS ? `${source.slice(0, SHOWN_CHARS)}…` : source;
}

function describeValueError(inventory: InventoryFile, error: ErrorObject): ReportSpec {
  const segments = segmentsOf(error.instancePath);
  const found = nodeAtPath(inventory.document, segments);
  const range = nodeRange(inventory, found);
  const node = found?.node ?? null;
  const isEmpty = node === null || (isScalar(node) && node.value === null);
  const params = error.params as Record<string, unknown>;

  if (segments.length === 0) return spec('notMap', range);
  if (segments.length === 1) {
    const keyRange = nodeRange(inventory, { node: null, pair: found?.pair });
    if (!isEmpty) return spec('listNotList', keyRange);
    // An empty `integraciones:` about to receive its first item must not turn into `[]` on save: a suggestion.
    const end = (offsetsOf(found?.pair?.key) ?? [0, 0])[1];
    const colon = inventory.lines.text.indexOf(':', end);
    const fix = colon >= 0 && isScalar(node) && node.source === '' ? [emptyListFix(inventory, colon)] : undefined;
    return spec('listEmpty', keyRange, [], fix);
  }
  if (segments.length === 2) return spec('entryNotMap', range, [KEY_LIST]);

  const key = segments[segments.length - 1];
  switch (error.keyword) {
    case 'type':
      if (isEmpty) return spec('emptyValue', range, [key]);
      if (isCollection(node)) return spec('notScalar', range, [key]);
      if (params.type === 'boolean') return notBoolean(inventory, key, node, range);
      return spec('notText', range, [key, shown(inventory, node)]);
    case 'minLength':
      return spec('emptyValue', range, [key]);
    case 'maxLength':
      return spec('tooLong', range, [key, String(params.limit), String(String((node as { value?: unknown }).value ?? '').length)]);
    case 'pattern':
      return docPath(inventory, node, range);
    default:
      return spec('invalid', range, [key, error.keyword]);
  }
}

/** Whether `range` (a first line) holds the whole scalar: a fix must not rewrite half of a multi-line value. */
function coversValue(inventory: InventoryFile, node: Node, range: Range): boolean {
  return inventory.lines.offsetAt(range.end) === offsetsOf(node)?.[1];
}

function emptyListFix(inventory: InventoryFile, colon: number): FixSpec {
  const at = inventory.lines.rangeOf(colon + 1, colon + 1);
  return { messageId: 'fixEmptyList', edits: [{ range: at, newText: ' []' }], safe: false };
}

/** `"true"`, `si`, `"No"`: the boolean is plain, and writing it so loses nothing. */
function notBoolean(inventory: InventoryFile, key: string, node: Node | null, range: Range): ReportSpec {
  const value = isScalar(node) && typeof node.value === 'string' && coversValue(inventory, node, range) ? BOOLEAN_WORDS[node.value.trim().toLowerCase()] : undefined;
  const fixes =
    value === undefined ? undefined : [{ messageId: 'fixValue', args: [String(value)], edits: [{ range, newText: String(value) }], safe: true }];
  return spec('notBoolean', range, [key, shown(inventory, node)], fixes, value === undefined ? undefined : { expected: String(value) });
}

/** A Windows path (`docs\02-integraciones\INT-001.md`) only needs its slashes turned. */
function docPath(inventory: InventoryFile, node: Node | null, range: Range): ReportSpec {
  const value = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  const turned = value?.replace(/\\/g, '/');
  if (!value || !turned || turned === value || !isScalar(node) || !coversValue(inventory, node, range) || !DOC_PATH.test(turned)) {
    return spec('docPath', range, [shown(inventory, node)]);
  }
  // Backslashes are escapes in double quotes: the whole scalar is written again, in its own quoting.
  const newText = node.type === 'QUOTE_DOUBLE' ? JSON.stringify(turned) : node.type === 'QUOTE_SINGLE' ? `'${turned.replace(/'/g, "''")}'` : turned;
  return spec('docPath', range, [shown(inventory, node)], [{ messageId: 'fixValue', args: [newText], edits: [{ range, newText }], safe: true }], {
    expected: turned ?? '',
  });
}

/**
 * Missing keys: one finding per entry (or for the file), on the entry's first
 * line. A key whose misspelling the entry holds is left to that finding.
 */
function describeRequired(inventory: InventoryFile, errors: readonly ErrorObject[], unknownKeys: readonly UnknownKey[]): ReportSpec[] {
  const renamed = new Set(unknownKeys.flatMap(({ path, target }) => (target ? [`${path}\n${target}`] : [])));
  const missingByPath = new Map<string, string[]>();
  for (const error of errors) {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    if (renamed.has(`${error.instancePath}\n${missing}`)) continue;
    missingByPath.set(error.instancePath, [...(missingByPath.get(error.instancePath) ?? []), missing]);
  }
  const specs: ReportSpec[] = [];
  for (const [path, missing] of missingByPath) {
    const found = nodeAtPath(inventory.document, segmentsOf(path));
    if (path === '') {
      specs.push(noList(inventory, found?.node ?? null));
      continue;
    }
    const offsets = offsetsOf(found?.node) ?? [0, 0];
    specs.push(spec('missingKeys', firstLineRange(inventory.lines, offsets[0], offsets[1]), [KEY_LIST, missing.join(', ')], undefined, { missing: missing.join(',') }));
  }
  return specs;
}

/** No `integraciones` key: name the top-level key that looks like it, or point at the first one. */
function noList(inventory: InventoryFile, root: Node | null): ReportSpec {
  const pairs = isMap(root) ? (root.items as MapPair[]) : [];
  const keys = pairs.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : []));
  const near = keys.find((key) => misspeltKey(key, [LIST_KEY]) === LIST_KEY);
  const pair = near === undefined ? pairs[0] : pairOf(pairs, near);
  const range = nodeRange(inventory, pair ? { node: null, pair } : { node: root });
  if (near === undefined) return spec('noList', range);
  return spec('listKeyMisspelt', range, [near], [renameFix(range, near, LIST_KEY)]);
}

function renameFix(range: Range, from: string, to: string): FixSpec {
  return { messageId: 'fixRename', args: [from, to], edits: [{ range, newText: to }], safe: true };
}

interface UnknownKey {
  /** The entry's ajv instance path. */
  path: string;
  key: string;
  pair: MapPair | undefined;
  /** The entry key it misspells, when that is the one reading. */
  target: string | undefined;
}

/**
 * Unknown keys and what they misspell: a key the entry lacks. Two
 * misspellings of one key are left to the author, since renaming both would
 * make a duplicate.
 */
function findUnknownKeys(inventory: InventoryFile, errors: readonly ErrorObject[]): UnknownKey[] {
  const unknown = errors.map((error): UnknownKey => {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    const entry = nodeAtPath(inventory.document, segmentsOf(error.instancePath))?.node;
    const items = isMap(entry) ? (entry.items as MapPair[]) : [];
    const present = new Set(items.flatMap((item) => (isScalar(item.key) ? [String(item.key.value)] : [])));
    const target = misspeltKey(key, ENTRY_KEYS.filter((known) => !present.has(known)));
    return { path: error.instancePath, key, pair: pairOf(items, key), target };
  });
  const claims = new Map<string, number>();
  for (const { path, target } of unknown) if (target) claims.set(`${path}\n${target}`, (claims.get(`${path}\n${target}`) ?? 0) + 1);
  return unknown.map((u) => (u.target && claims.get(`${u.path}\n${u.target}`) === 1 ? u : { ...u, target: undefined }));
}

/** At the key; a misspelling is renamed (safe: an unknown key means nothing else). */
function describeUnknownKey(inventory: InventoryFile, { key, pair, target }: UnknownKey): ReportSpec {
  const range = nodeRange(inventory, { node: null, pair });
  if (!target) return spec('unknownKey', range, [KEY_LIST, key]);
  return spec('unknownKeyMisspelt', range, [KEY_LIST, key, target], [renameFix(range, key, target)], { expected: target });
}

/** The first alias in the file: where an unresolvable one most likely is. */
function aliasRange(inventory: InventoryFile): Range {
  let first: [number, number] | undefined;
  visit(inventory.document, {
    Alias(_, node) {
      if (isAlias(node) && node.range) first = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  return first ? inventory.lines.rangeOf(first[0], first[1]) : inventory.lines.rangeOf(0, 0);
}

export default rule;
