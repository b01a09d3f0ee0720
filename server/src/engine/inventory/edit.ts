import { isMap, isScalar, isSeq, stringify, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { stripBom } from '../text';
import type { TextEdit } from '../types';
import { ENTRY_KEYS, type NewEntry } from './entry-keys';
import { offsetsOf, pairOf, type MapPair } from './nodes';
import { parseInventory, type InventoryFile } from './parse';

// Edits to MASTER_INVENTORY.yml for quick-fixes. They are computed as text
// insertions at positions taken from yaml's node ranges, never by
// re-serialising the document: that would drop the team's comments, blank
// lines, quoting and indentation. Everything the edit does not add stays
// byte for byte.

type QuoteStyle = 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'PLAIN';

/** A new inventory's whole text, or the edits to an existing one. */
export type AddEntryResult = { create: string } | { edits: TextEdit[] };

/** How the list is laid out: the first line's prefix (`  - `), the next lines' indent and the line break. */
interface Layout {
  dash: string;
  indent: string;
  eol: string;
  quote: QuoteStyle;
}

const DIRECTIVE_LAYOUT: Layout = { dash: '  - ', indent: '    ', eol: '\n', quote: 'QUOTE_DOUBLE' };
const LIST_KEY = 'integraciones';
/** Characters that make a value unsafe in single quotes or plain style: they would need escapes. */
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/**
 * Appends an entry to the `integraciones` list, in the file's own style
 * (indentation, dash position, quoting, line breaks). Undefined when the file
 * cannot take it without losing something: YAML syntax errors, or an
 * `integraciones` that holds something other than a list.
 */
export function addEntryEdit(inventoryText: string | undefined, entry: NewEntry): AddEntryResult | undefined {
  if (inventoryText === undefined) return { create: `${LIST_KEY}:\n${entryLines(entry, DIRECTIVE_LAYOUT)}\n` };
  const inventory = parsedOnce(stripBom(inventoryText));
  if (inventory.problems.length > 0) return undefined;
  const { lines, document } = inventory;
  const { text } = lines;
  const eol = lines.eol;
  const root = document.contents as Node | null;
  const listPair = isMap(root) ? pairOf(root.items as MapPair[], LIST_KEY) : undefined;
  const at = (offset: number, newText: string): AddEntryResult => ({ edits: [{ range: lines.rangeOf(offset, offset), newText }] });

  if (!listPair) {
    if (root !== null && !isMap(root)) return undefined;
    // A file without the list (empty, comments only, or other sections): the list goes at the end.
    const layout = { ...DIRECTIVE_LAYOUT, eol, ...indentUnit(text) };
    const separator = text === '' || /[\r\n]$/.test(text) ? '' : eol;
    return at(text.length, `${separator}${LIST_KEY}:${eol}${entryLines(entry, layout)}${eol}`);
  }

  const list = listPair.value as Node | null;
  const keyEnd = offsetsOf(listPair.key)?.[1] ?? 0;
  const keyColumn = lines.positionAt(offsetsOf(listPair.key)?.[0] ?? 0).character;
  if (isSeq(list) && list.items.length > 0) {
    if (list.flow) return appendToFlowList(inventory, list, entry);
    const last = list.items[list.items.length - 1] as Node;
    const layout = itemLayout(inventory, last, quoteStyleOf(list));
    return at(lineEndAfter(inventory, offsetsOf(last)?.[1] ?? keyEnd), `${eol}${entryLines(entry, layout)}`);
  }
  const layout = { ...DIRECTIVE_LAYOUT, eol, ...indentUnit(text, keyColumn) };
  const items = `${eol}${entryLines(entry, layout)}`;
  const [start, end] = offsetsOf(list) ?? [keyEnd, keyEnd];
  // `integraciones:` takes the items after its line (and its comment, if any).
  if (isScalar(list) && list.value === null && start === end) return at(lineEndAfter(inventory, keyEnd), items);
  // `integraciones: []` or `integraciones: ~` give way to the block list; nothing is lost, a comment after them stays.
  if (isSeq(list) || (isScalar(list) && list.value === null)) {
    const lineEnd = lines.lineEnd(lines.positionAt(end).line);
    return { edits: [{ range: lines.rangeOf(start - precedingBlanks(text, start), lineEnd), newText: `${text.slice(end, lineEnd)}${items}` }] };
  }
  return undefined;
}

/**
 * Sets one field of an entry, keeping the quoting the value has (or, for a
 * value that was not text, the inventory's usual quoting). A missing field is
 * added after the entry's last line. Undefined when the entry is not a map or
 * the field holds a list or a map, which a scalar would overwrite.
 */
export function updateFieldEdit(inventory: InventoryFile, entryIndex: number, key: string, value: string | boolean): TextEdit | undefined {
  const list = listOf(inventory);
  const entry = list?.items[entryIndex] as Node | undefined;
  if (!list || !isMap(entry)) return undefined;
  const { lines } = inventory;
  const pair = pairOf(entry.items as MapPair[], key);
  const fileQuote = quoteStyleOf(list);
  if (!pair) {
    const layout = itemLayout(inventory, entry, fileQuote);
    const at = lineEndAfter(inventory, offsetsOf(entry)?.[1] ?? 0);
    return { range: lines.rangeOf(at, at), newText: `${lines.eol}${layout.indent}${key}: ${scalarText(value, fileQuote)}` };
  }
  const node = pair.value as Node | null;
  if (node !== null && !isScalar(node)) return undefined;
  const style = isScalar(node) && typeof node.value === 'string' ? stringStyle(node) : fileQuote;
  const newText = scalarText(value, style);
  const offsets = offsetsOf(node);
  if (offsets && offsets[1] > offsets[0]) return { range: lines.rangeOf(offsets[0], offsets[1]), newText };
  // `estado:` with no value: it goes after the colon.
  const keyEnd = offsetsOf(pair.key)?.[1] ?? 0;
  const colon = lines.text.indexOf(':', keyEnd);
  return { range: lines.rangeOf(colon + 1, colon + 1), newText: ` ${newText}` };
}

function listOf(inventory: InventoryFile): YAMLSeq | undefined {
  const root = inventory.document.contents as Node | null;
  const list = isMap(root) ? pairOf(root.items as MapPair[], LIST_KEY)?.value : undefined;
  return isSeq(list) ? list : undefined;
}

/** The new entry's lines in the directive's key order, without a final line break. */
function entryLines(entry: NewEntry, layout: Layout): string {
  return ENTRY_KEYS.map((key, i) => {
    const value = entry[key as keyof NewEntry];
    return `${i === 0 ? layout.dash : layout.indent}${key}: ${scalarText(value, layout.quote)}`;
  }).join(layout.eol);
}

function scalarText(value: string | boolean, style: QuoteStyle): string {
  if (typeof value === 'boolean') return String(value);
  // JSON's escapes are all valid in YAML double quotes.
  if (style === 'QUOTE_DOUBLE' || CONTROL.test(value)) return JSON.stringify(value);
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  // yaml quotes a value only when plain style would misread it (`true`, `a: b`, `# x`).
  return stringify(value, { lineWidth: 0 }).replace(/\r?\n$/, '');
}

function stringStyle(scalar: Scalar): QuoteStyle {
  return scalar.type === 'QUOTE_SINGLE' || scalar.type === 'PLAIN' ? scalar.type : 'QUOTE_DOUBLE';
}

/** The quoting most of the entries' text values use; the directive's double quotes when there are none. */
function quoteStyleOf(list: YAMLSeq): QuoteStyle {
  const counts: Record<QuoteStyle, number> = { QUOTE_DOUBLE: 0, QUOTE_SINGLE: 0, PLAIN: 0 };
  for (const item of list.items) {
    if (!isMap(item)) continue;
    for (const pair of (item as YAMLMap).items) {
      if (isScalar(pair.value) && typeof pair.value.value === 'string') counts[stringStyle(pair.value)]++;
    }
  }
  const best = (Object.keys(counts) as QuoteStyle[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), 'QUOTE_DOUBLE');
  return counts[best] > 0 ? best : 'QUOTE_DOUBLE';
}

/** The layout of an existing item: `    -   nombre:` gives the prefix `    -   ` and an indent as wide. */
function itemLayout(inventory: InventoryFile, item: Node, quote: QuoteStyle): Layout {
  const { lines } = inventory;
  const start = offsetsOf(item)?.[0] ?? 0;
  const position = lines.positionAt(start);
  const prefix = lines.lineText(position.line).slice(0, position.character);
  const dash = /^ *- +$/.test(prefix) ? prefix : DIRECTIVE_LAYOUT.dash;
  return { dash, indent: ' '.repeat(dash.length), eol: lines.eol, quote };
}

/**
 * The file's indentation step (the first indented line's, 2 by default)
 * applied under a key at `keyColumn`: `- ` one step in, the keys after it.
 */
function indentUnit(text: string, keyColumn = 0): Pick<Layout, 'dash' | 'indent'> {
  const indented = /^( +)[^\s#]/m.exec(text);
  const step = indented ? indented[1].length : 2;
  const dash = `${' '.repeat(keyColumn + step)}- `;
  return { dash, indent: ' '.repeat(dash.length) };
}

/** The end of the line holding the last character before `offset` (past a trailing comment): where new lines go. */
function lineEndAfter(inventory: InventoryFile, offset: number): number {
  const { lines } = inventory;
  const { text } = lines;
  let last = Math.min(offset, text.length);
  while (last > 0 && /\s/.test(text[last - 1])) last--;
  return lines.lineEnd(lines.positionAt(Math.max(0, last - 1)).line);
}

function precedingBlanks(text: string, offset: number): number {
  let count = 0;
  while (offset - count > 0 && (text[offset - count - 1] === ' ' || text[offset - count - 1] === '\t')) count++;
  return count;
}

/** `integraciones: [{...}]`: one more flow map before the closing bracket, on the same line. */
function appendToFlowList(inventory: InventoryFile, list: YAMLSeq, entry: NewEntry): AddEntryResult | undefined {
  const [, end] = offsetsOf(list) ?? [0, 0];
  const { text } = inventory.lines;
  const close = text.lastIndexOf(']', end);
  if (close < 0) return undefined;
  const fields = ENTRY_KEYS.map((key) => `${key}: ${scalarText(entry[key as keyof NewEntry], 'QUOTE_DOUBLE')}`).join(', ');
  let before = close;
  while (before > 0 && /\s/.test(text[before - 1])) before--;
  const at = inventory.lines.rangeOf(before, before);
  return { edits: [{ range: at, newText: `, { ${fields} }` }] };
}

/**
 * The last text parsed, kept: inventory/unregistered-doc asks for one entry
 * per unregistered doc against the same inventory, and the server asks again
 * on every edit; parsing the YAML once per doc would make that quadratic.
 */
let lastParsed: { text: string; inventory: InventoryFile } | undefined;

function parsedOnce(text: string): InventoryFile {
  if (lastParsed?.text !== text) lastParsed = { text, inventory: parseInventory('', text) };
  return lastParsed.inventory;
}
