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
/** At column 0 only: indented, a heading may belong to the list item above (`- a` then `  # b`). */
const CUT = /^#{1,2}(?:[ \t]|\r?\n|$)/;
const FENCE = /^( {0,3})(`{3,}|~{3,})/;
/** CommonMark's HTML blocks 6 and 7 (`<div>`, any tag alone on its line): they run to a blank line, over any heading. */
const HTML_BLOCK = /^ {0,3}<\/?[A-Za-z]/;
const BLANK = /^[ \t]*\r?\n?$/;
/**
 * A link reference definition, also inside a quote or a list item: it applies to the whole document all the same.
 * Its label is at most 999 characters (CommonMark's limit), so a line starting with an unclosed `[` is not read to the end.
 */
const DEFINITION = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*\[[^\]]{1,999}\]:/m;
/** The HTML that may run over lines holding a heading: CommonMark's HTML blocks 1 to 5 (`<?`, `<!DOCTYPE` and CDATA were missed). */
const OPEN_HTML = /<!--|<\?|<!\[CDATA\[|<![A-Za-z]|<(script|pre|style|textarea)\b/i;
const LONE_CR = /\r(?!\n)/;
const CACHE_LIMIT = 512;
/**
 * Characters the cached pieces may hold in all. A tree takes about 20 bytes
 * per character parsed, and a big section edited key by key is a new piece
 * at each key: 512 of them held gigabytes (a 2,000-row table typed into 500
 * times grew the language server past 3 GB). About 80 MB of trees at most.
 */
const CACHE_CHARS = 4_000_000;
const cache = new Map<string, Root>();
let cachedChars = 0;

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
  // micromark drops a U+FEFF that starts its input (a BOM), and every offset after it came out one short: fixes
  // then cut text from the line above. The file's own BOM is gone by now (lintText strips it), so one here is a
  // character of the text (a doubled BOM); read as a blank, it keeps every offset where it is.
  return processor.parse(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
}

function parsedPiece(text: string): Root {
  let tree = cache.get(text);
  if (tree) {
    // Most recently used last, so the oldest entry is the one dropped.
    cache.delete(text);
  } else {
    tree = parseMarkdownWhole(text);
    // A piece over the whole budget is not kept: it would push every other piece out and hold its tree alone.
    if (text.length > CACHE_CHARS) return tree;
    cachedChars += text.length;
    while (cache.size > 0 && (cache.size >= CACHE_LIMIT || cachedChars > CACHE_CHARS)) {
      const oldest = cache.keys().next().value as string;
      cache.delete(oldest);
      cachedChars -= oldest.length;
    }
  }
  cache.set(text, tree);
  return tree;
}

/** The text cut before each level-1/2 heading outside code fences, or undefined when it must be parsed whole. */
function cutAtSections(text: string): Piece[] | undefined {
  // micromark drops a BOM and counts offsets after it; callers strip it first (lint.ts), so it is rare here.
  if (DEFINITION.test(text) || text.charCodeAt(0) === 0xfeff) return undefined;
  // A lone \r ends a line for micromark but not for the scan below, which would miss a fence it opens and count
  // lines short: such text (old Mac line breaks, or a stray \r) is parsed whole.
  if (LONE_CR.test(text)) return undefined;
  const pieces: Piece[] = [];
  let pieceStart = 0;
  let pieceLine = 0;
  let fence: { marker: string; indent: string } | undefined;
  let html = false;
  let line = 0;
  for (let start = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    const content = text.slice(start, end);
    const [, indent, marker] = FENCE.exec(content) ?? [];
    if (fence) {
      // Closed only by the opening's own indentation: a fence in a list item (`  ```) is not closed by a
      // top-level ``` (that one opens a fence of its own), and not closing is the safe mistake.
      const closes = marker && marker[0] === fence.marker[0] && marker.length >= fence.marker.length && indent === fence.indent;
      if (closes && content.trim() === marker) fence = undefined;
    } else if (marker) {
      fence = { marker, indent };
    } else if (opensHtml(content)) {
      return undefined;
    } else if (html || HTML_BLOCK.test(content)) {
      html = !BLANK.test(content);
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

/** Whether a line opens HTML it does not close on the line: each kind by its own end (`<?` by `?>`, not by `-->`). */
function opensHtml(line: string): boolean {
  const open = OPEN_HTML.exec(line);
  if (!open) return false;
  const kind = open[0].toLowerCase();
  const close = open[1] ? `</${open[1].toLowerCase()}>` : kind === '<!--' ? '-->' : kind === '<?' ? '?>' : kind === '<![cdata[' ? ']]>' : '>';
  return !line.slice(open.index + open[0].length).toLowerCase().includes(close);
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
