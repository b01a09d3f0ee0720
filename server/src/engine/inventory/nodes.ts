import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { LineIndex } from '../text';
import type { Range } from '../types';

// Finding the YAML node a finding is about, and the characters to underline:
// a value, a key, or the first line of a collection (a whole entry's squiggle
// would cover every line of it).

export type MapPair = Pair<unknown, unknown>;

/** The node a path of keys and indexes names, and the pair holding it when its parent is a map. */
export interface FoundNode {
  node: Node | null;
  pair?: MapPair;
}

export function nodeAtPath(document: Document.Parsed, segments: readonly string[]): FoundNode | undefined {
  let node = document.contents as Node | null;
  let pair: MapPair | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      pair = pairOf(node.items, segment);
      if (!pair) return undefined;
      node = (pair.value ?? null) as Node | null;
    } else if (isSeq(node)) {
      pair = undefined;
      node = (node.items[Number(segment)] ?? null) as Node | null;
    } else {
      return undefined;
    }
  }
  return { node, pair };
}

/** The pair whose scalar key is `key` (the first one: a duplicate is a syntax finding). */
export function pairOf(items: readonly MapPair[], key: string): MapPair | undefined {
  return items.find((item) => isScalar(item.key) && String(item.key.value) === key);
}

/** Offsets of a node's value (without trailing comments and line breaks), or undefined when it has none in the text. */
export function offsetsOf(node: unknown): [number, number] | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/**
 * The part of [start, end) on its first line, without trailing blanks. An
 * empty span (`- ` with nothing after the dash) widens to the character
 * before it, so the squiggle shows.
 */
export function firstLineRange(lines: LineIndex, start: number, end: number): Range {
  const { text } = lines;
  let stop = Math.min(end, lines.lineEnd(lines.positionAt(start).line));
  while (stop > start && (text[stop - 1] === ' ' || text[stop - 1] === '\t')) stop--;
  if (stop > start) return lines.rangeOf(start, stop);
  let before = start;
  while (before > 0 && text[before - 1] === ' ') before--;
  return before > 0 && text[before - 1] !== '\n' && text[before - 1] !== '\r' ? lines.rangeOf(before - 1, before) : lines.rangeOf(start, start);
}
