import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';

// The template needs GFM tables, which CommonMark (remark-parse alone) lacks.
// Only the table extension is added: remark-gfm's others (autolink literals,
// footnotes, strikethrough, task lists) are not used by any rule, and the
// autolink transform alone walks every text node of every doc.
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

// One processor for the process: building it is the expensive part, parsing reuses it.
const processor = unified().use(remarkParse).use(remarkGfmTable);

/*
 * Parsing is nearly all of a check's cost (micromark reads ~1 MB/s), and an
 * edit touches one section. A level-1 or level-2 ATX heading at the start of
 * a line always starts a new top-level block, so the text is cut there, each
 * piece parsed on its own, and pieces seen before (the section being edited
 * is new; the others are as they were, and template sections repeat across
 * docs) come from a cache with their positions moved to where they stand.
 * Text where a piece could depend on another is parsed whole: link reference
 * definitions (document-wide in CommonMark) and HTML blocks or comments
 * opened on one line and closed on another (they may hide a heading).
 */
const CUT = /^ {0,3}#{1,2}(?:[ \t]|\r?\n|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/m;
const OPEN_HTML = /<!--|<(?:script|pre|style|textarea)\b/i;
const CLOSE_HTML = /-->|<\/(?:script|pre|style|textarea)>/i;
const CACHE_LIMIT = 512;
const cache = new Map<string, Root>();

interface Piece {
  text: string;
  offset: number;
  /** 0-based line where the piece starts. */
  line: number;
}

/** Parses Markdown into mdast with offsets. micromark accepts any string, so this never throws on content. */
export function parseMarkdown(text: string): Root {
  const pieces = cutAtSections(text);
  if (!pieces || pieces.length === 1) return parseMarkdownWhole(text);
  const children: RootContent[] = [];
  for (const piece of pieces) {
    const tree = parsedPiece(piece.text);
    for (const child of tree.children) children.push(moved(child, piece));
  }
  const end = { line: pieces[pieces.length - 1].line + lineCount(pieces[pieces.length - 1].text), column: 1, offset: text.length };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/** The whole text in one parse, no cache: what parseMarkdown must always agree with. */
export function parseMarkdownWhole(text: string): Root {
  return processor.parse(text);
}

function parsedPiece(text: string): Root {
  let tree = cache.get(text);
  if (tree) {
    // Most recently used last, so the oldest entry is the one dropped.
    cache.delete(text);
  } else {
    tree = parseMarkdownWhole(text);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  }
  cache.set(text, tree);
  return tree;
}

/** The text cut before each level-1/2 heading outside code fences, or undefined when it must be parsed whole. */
function cutAtSections(text: string): Piece[] | undefined {
  // micromark drops a BOM and counts offsets after it; callers strip it first (lint.ts), so it is rare here.
  if (DEFINITION.test(text) || text.charCodeAt(0) === 0xfeff) return undefined;
  const pieces: Piece[] = [];
  let pieceStart = 0;
  let pieceLine = 0;
  let fence: string | undefined;
  let line = 0;
  for (let start = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    const content = text.slice(start, end);
    const marker = FENCE.exec(content)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && content.trim() === marker) fence = undefined;
    } else if (marker) {
      fence = marker;
    } else if (OPEN_HTML.test(content) && !CLOSE_HTML.test(content.slice(content.search(OPEN_HTML)))) {
      return undefined;
    } else if (CUT.test(content) && start > pieceStart) {
      pieces.push({ text: text.slice(pieceStart, start), offset: pieceStart, line: pieceLine });
      pieceStart = start;
      pieceLine = line;
    }
    start = end;
  }
  pieces.push({ text: text.slice(pieceStart), offset: pieceStart, line: pieceLine });
  return pieces;
}

/** A copy of a cached node with every position moved by the piece's offset and line (columns do not change). */
function moved<T extends Nodes>(node: T, by: Piece): T {
  const copy = { ...node } as T & { children?: Nodes[] };
  if (node.position) copy.position = movedPosition(node.position, by);
  if ('children' in node) copy.children = (node.children as Nodes[]).map((child) => moved(child, by));
  return copy;
}

function movedPosition(position: Position, by: Piece): Position {
  const point = (p: Point): Point => ({ line: p.line + by.line, column: p.column, offset: (p.offset ?? 0) + by.offset });
  return { start: point(position.start), end: point(position.end) };
}

function lineCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
