import type { Heading as MdHeading, Nodes, Root, RootContent, Table as MdTable, TableCell } from 'mdast';
import { markdownExcess, type MarkdownExcess } from '../markdown/limits';
import { parseMarkdown } from '../markdown/parse';
import { fold, LineIndex } from '../text';
import type { Range } from '../types';

// The INT doc as the rules see it: the template's parts with the ranges a
// finding or a fix needs. Built once per file from remark's mdast.

export interface Cell {
  /** Plain text, markup removed (`**Si**` -> `Si`). */
  text: string;
  /** The cell's content between the pipes, trimmed; empty cells get an empty range after the pipe. */
  range: Range;
}

export interface Table {
  header: Cell[];
  rows: Cell[][];
  range: Range;
}

export interface Heading {
  text: string;
  depth: number;
  /** The whole heading line. */
  range: Range;
  /** Just the heading's text, after the `#`s: what a rename replaces. */
  textRange: Range;
}

export interface CodeBlock {
  lang: string | null;
  value: string;
  range: Range;
  /** Offset of the first character of `value` in the document. */
  valueOffset: number;
}

export interface Link {
  url: string;
  range: Range;
}

export interface Section {
  heading: Heading;
  /** From the heading to the line before the next heading of the same or a higher level. */
  range: Range;
  tables: Table[];
  codeBlocks: CodeBlock[];
  /** Plain text of everything under the heading, subsections included. */
  text: string;
  subsections: Section[];
}

export interface MetadataRow {
  field: Cell;
  value: Cell;
}

export interface Footer {
  range: Range;
  /** The text right after `**Ultima actualizacion:**`, when there is any. */
  date?: Cell;
}

export interface IntDoc {
  /** Workspace-relative path, forward slashes. */
  path: string;
  text: string;
  lines: LineIndex;
  /** The first level-1 heading. */
  title?: Heading;
  /** Level-2 sections in document order. */
  sections: Section[];
  metadata?: { table: Table; rows: MetadataRow[] };
  links: Link[];
  codeBlocks: CodeBlock[];
  /** [start, end) offsets of inline code spans (`like this`). */
  inlineCode: Array<[number, number]>;
  footer?: Footer;
  /** Set when the text is past what the Markdown parser handles in bounded time: it was not parsed, and the doc is empty. */
  excess?: MarkdownExcess;
}

export function parseIntDoc(path: string, text: string): IntDoc {
  const lines = new LineIndex(text);
  const excess = markdownExcess(text);
  const root: Root = excess ? { type: 'root', children: [] } : parseMarkdown(text);
  const build = new Builder(text, lines);
  const headings = root.children.filter((node): node is MdHeading => node.type === 'heading');
  const title = headings.find((h) => h.depth === 1);
  const sections = build.sections(root, 2);
  const tables = allOf<MdTable>(root, 'table').map((t) => build.table(t));
  return {
    path,
    text,
    lines,
    title: title && build.heading(title),
    sections,
    metadata: findMetadata(sections, tables),
    links: allOf<Nodes & { type: 'link'; url: string }>(root, 'link').map((link) => ({
      url: link.url,
      range: build.range(link),
    })),
    codeBlocks: build.codeBlocks(root.children),
    inlineCode: allOf(root, 'inlineCode').map((node) => [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0]),
    footer: build.footer(root),
    ...(excess ? { excess } : {}),
  };
}

function findMetadata(sections: Section[], tables: Table[]): IntDoc['metadata'] {
  const inSection = sections.find((s) => fold(s.heading.text) === 'metadata')?.tables[0];
  const table = inSection ?? tables.find((t) => t.header[0] && fold(t.header[0].text) === 'campo');
  if (!table) return undefined;
  const rows = table.rows
    .filter((row) => row.length > 0)
    .map((row) => ({ field: row[0], value: row[1] ?? { text: '', range: { start: row[0].range.end, end: row[0].range.end } } }));
  return { table, rows };
}

// The two walks below use a stack of their own, not recursion: a hostile doc
// (`>` or `*` 10,000 times) nests deeper than the call stack, and the
// RangeError escaped lintFile.

/** Every node of `type` at or under `node`, in document order. */
function allOf<T extends Nodes>(node: Nodes, type: string): T[] {
  const found: T[] = [];
  const stack: Nodes[] = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.type === type) found.push(next as T);
    if ('children' in next) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as Nodes);
  }
  return found;
}

/** A node's plain text, as mdast-util-to-string gives it: values, image alts, children's text joined. */
function toString(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if ('value' in next) parts.push(next.value);
    else if ('alt' in next && next.alt) parts.push(next.alt);
    else if ('children' in next) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as Nodes);
  }
  return parts.join('');
}

class Builder {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  range(node: Nodes): Range {
    return this.lines.rangeOf(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  }

  heading(node: MdHeading): Heading {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    // The text sits between the opening #s and an optional closing run of #s.
    const raw = this.text.slice(start, end);
    const open = /^ {0,3}#{1,6}[ \t]*/.exec(raw)?.[0].length ?? 0;
    const close = closingLength(raw.slice(open));
    return {
      text: toString(node).trim(),
      depth: node.depth,
      range: this.lines.rangeOf(start, end),
      textRange: this.lines.rangeOf(start + open, Math.max(start + open, end - close)),
    };
  }

  sections(root: Root, depth: number): Section[] {
    return this.sectionsOf(root.children, depth, root.position?.end.offset ?? this.text.length);
  }

  private sectionsOf(nodes: RootContent[], depth: number, endOffset: number): Section[] {
    const sections: Section[] = [];
    const starts = nodes
      .map((node, index) => ({ node, index }))
      .filter(({ node }) => node.type === 'heading' && (node as MdHeading).depth <= depth);
    for (let k = 0; k < starts.length; k++) {
      const { node, index } = starts[k];
      const heading = node as MdHeading;
      if (heading.depth !== depth) continue;
      const next = starts[k + 1];
      const body = nodes.slice(index + 1, next ? next.index : nodes.length);
      const start = heading.position?.start.offset ?? 0;
      const end = next ? (next.node.position?.start.offset ?? endOffset) : endOffset;
      sections.push({
        heading: this.heading(heading),
        range: this.lines.rangeOf(start, trimEnd(this.text, start, end)),
        tables: body.flatMap((n) => allOf<MdTable>(n, 'table')).map((t) => this.table(t)),
        codeBlocks: this.codeBlocks(body),
        text: body.map((n) => toString(n)).join('\n'),
        subsections: this.sectionsOf(body, depth + 1, end),
      });
    }
    return sections;
  }

  table(node: MdTable): Table {
    const [head, ...rows] = node.children;
    return {
      header: head ? head.children.map((cell) => this.cell(cell)) : [],
      rows: rows.map((row) => row.children.map((cell) => this.cell(cell))),
      range: this.range(node),
    };
  }

  private cell(node: TableCell): Cell {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    // mdast's cell spans its leading pipe and padding; keep only the content.
    let from = start;
    let to = end;
    while (from < to && /\s/.test(this.text[from])) from++;
    // Within the cell: a cell of blanks micromark does not trim (U+2028 before a row's first pipe) ends before it.
    if (from < to && this.text[from] === '|') from++;
    while (to > from && /\s/.test(this.text[to - 1])) to--;
    if (to > from && this.text[to - 1] === '|' && this.text[to - 2] !== '\\') to--;
    while (from < to && /[ \t]/.test(this.text[from])) from++;
    while (to > from && /[ \t]/.test(this.text[to - 1])) to--;
    return { text: toString(node).trim(), range: this.lines.rangeOf(from, to) };
  }

  codeBlocks(nodes: RootContent[]): CodeBlock[] {
    return nodes
      .flatMap((n) => allOf<Nodes & { type: 'code'; lang?: string | null; value: string }>(n, 'code'))
      .map((code) => {
        const start = code.position?.start.offset ?? 0;
        const end = code.position?.end.offset ?? start;
        const index = code.value ? this.text.indexOf(code.value, start) : -1;
        return {
          lang: code.lang ?? null,
          value: code.value,
          range: this.lines.rangeOf(start, end),
          valueOffset: index >= 0 && index < end ? index : start,
        };
      });
  }

  footer(root: Root): Footer | undefined {
    for (let i = root.children.length - 1; i >= 0; i--) {
      const node = root.children[i];
      if (node.type !== 'paragraph') continue;
      const label = node.children.find((c) => c.type === 'strong' && /^ultima actualizacion\b/.test(fold(toString(c))));
      if (!label) continue;
      const after = label.position?.end.offset ?? 0;
      const paragraphEnd = node.position?.end.offset ?? after;
      const match = /^[\s:*_]*([^\s*_]+)/.exec(this.text.slice(after, paragraphEnd));
      const footer: Footer = { range: this.range(node) };
      if (match) {
        const from = after + match[0].length - match[1].length;
        footer.date = { text: match[1], range: this.lines.rangeOf(from, from + match[1].length) };
      }
      return footer;
    }
    return undefined;
  }
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/**
 * The length of a heading's closing sequence, what `/[ \t]*(?:[ \t]#+)?[ \t]*$/`
 * matches: trailing blanks, and a run of `#`s before them when a blank precedes
 * it. Walked back from the end: the regex was searched from every blank of the
 * heading (ReDoS on a long line of them).
 */
function closingLength(text: string): number {
  const isBlank = (at: number): boolean => text[at] === ' ' || text[at] === '\t';
  let start = text.length;
  while (start > 0 && isBlank(start - 1)) start--;
  let hashes = start;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes < start && hashes > 0 && isBlank(hashes - 1)) {
    start = hashes - 1;
    while (start > 0 && isBlank(start - 1)) start--;
  }
  return text.length - start;
}
