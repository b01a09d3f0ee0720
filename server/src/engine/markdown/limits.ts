// micromark, the Markdown parser under remark-parse, is superlinear on many
// shapes of input, and an INT doc is parsed on every keystroke. Measured with
// `node bench/fuzz.mjs --why` (micromark alone, one run): a list nested 4,000
// levels on one line (8 KB) 5 s, images nested 2,000 deep (12 KB) 3.5 s,
// 10,000 `*` on each side of a word (20 KB) 7 s, a list item and 20,000 lazy
// lines (39 KB) 13 s, 10,000 list items with a nested item each (98 KB) 34 s,
// 10,000 setext headings (39 KB) 19 s, a 4,000-row table of 50 columns
// (1.5 MB) 10 s; each doubling of them takes three to five times as long. An
// INT doc of the template's shape is far from all of it (a few hundred lines,
// three levels of nesting), so a text past these limits is not parsed: the INT
// doc checks say so instead, and the secret scan, which reads any text, still
// runs. One linear pass decides; inside the limits the slowest shape found
// takes about a second (the fuzz test's pathological cases, timed by the bench).

export const MARKDOWN_LIMITS = {
  /** Three times the largest doc the benchmarks use (169 KB: a 1,900-operation table). */
  characters: 512 * 1024,
  /** Container exits, setext headings and lazy lines each cost a pass over what came before. */
  lines: 3_000,
  /** List, quote or bracket levels on one line (markdown-it stops at 100 for the same reason; the template needs 3). */
  nesting: 32,
  /** The containers each line is in, summed over the doc: every line checks each one it is in, and each exit costs a pass. */
  containers: 3_000,
  /** `*`/`_` that may open or close emphasis, in one paragraph or table row: each closer looks back at every opener. */
  emphasis: 500,
  /** Table cells, emphasis markers and brackets in all: each costs the parser 15 to 60 µs. */
  markup: 20_000,
  /**
   * For each paragraph, its inline markup characters (\ ` < & ! [ ] * _) times
   * its length, summed: an unclosed `<!--` or `[a](`, or a run of backticks,
   * makes the parser read on to the paragraph's end, up to 20 ns each. A
   * paragraph of nothing but markup may be 7,000 characters long; prose, with
   * a few in a hundred, fifty thousand.
   */
  paragraphs: 50_000_000,
} as const;

/** Why a text is not parsed as Markdown: its size, markup past a limit by a line, or paragraphs too long together. */
export type MarkdownExcess =
  | { kind: 'size'; lines: number; characters: number }
  | { kind: 'markup'; line: number; markup: string; count: number; limit: number }
  | { kind: 'paragraphs'; line: number; length: number };

/**
 * At column 0 only: there a fence is top-level, and ends only at its closing
 * line. Indented, it may be a list item's, which ends earlier; what follows
 * would go uncounted while the parser reads it as Markdown. So an indented
 * fence's code is counted, and so is a ``` line whose info has a backtick
 * (inline code, not a fence).
 */
const FENCE = /^(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;
const HEADING = /^[ \t]*#{1,6}(?:[ \t]|$)/;
/** Near enough a table's delimiter row (`|---|:-:|`, with a pipe and a dash): from there on, each row is parsed on its own. */
const DELIMITER_ROW = /^[ \t|:-]+$/;
const LINE = /([^\r\n]*)(?:\r\n|\r|\n|$)/y;

export function markdownExcess(text: string): MarkdownExcess | undefined {
  if (text.length > MARKDOWN_LIMITS.characters) return { kind: 'size', lines: countLines(text), characters: text.length };
  const lineCount = countLines(text);
  if (lineCount > MARKDOWN_LIMITS.lines) return { kind: 'size', lines: lineCount, characters: text.length };
  let fence: string | undefined;
  let table = false;
  let brackets = 0;
  let emphasis = 0;
  let markup = 0;
  let containerLines = 0;
  /** Characters and inline markup characters of the paragraph (or list item, or table row) the line is in. */
  let run = 0;
  let runMarkup = 0;
  let paragraphs = 0;
  /** Levels the last line with a list or quote marker opened: lines without one are in as many at most. */
  let open = 0;
  LINE.lastIndex = 0;
  for (let line = 0; LINE.lastIndex < text.length; line++) {
    const content = LINE.exec(text)![1];
    const marker = FENCE.exec(content)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && content.trim() === marker) fence = undefined;
      continue;
    }
    if (marker && !(marker[0] === '`' && content.includes('`', marker.length))) {
      fence = marker;
      continue;
    }
    const excess = (what: string, count: number, limit: number): MarkdownExcess | undefined => (count > limit ? { kind: 'markup', line, markup: what, count, limit } : undefined);
    const nested = containers(content);
    const inside = content.slice(nested.end);
    // Inline markup is parsed a paragraph at a time: one ends at a blank line, and a heading, a list item and each
    // row of a table are their own (lines starting with a pipe are one paragraph until a delimiter row makes them a table).
    const blank = BLANK.test(inside);
    const delimiterRow = DELIMITER_ROW.test(content) && content.includes('-') && content.includes('|');
    if (blank) table = false;
    else if (delimiterRow) table = true;
    if (blank || delimiterRow || nested.list || HEADING.test(inside) || (table && inside.trimStart().startsWith('|'))) brackets = emphasis = run = runMarkup = 0;
    const inlineMarkup = countInlineMarkup(inside);
    paragraphs += (runMarkup + inlineMarkup) * (run + inside.length) - runMarkup * run;
    run += inside.length;
    runMarkup += inlineMarkup;
    if (paragraphs > MARKDOWN_LIMITS.paragraphs) return { kind: 'paragraphs', line, length: run };
    if (nested.markers > 0) open = nested.depth;
    const depth = Math.min(nested.depth, open);
    containerLines += depth;
    let found = excess(nested.marker, depth, MARKDOWN_LIMITS.nesting) ?? excess(nested.marker, containerLines, MARKDOWN_LIMITS.containers);
    for (let i = nested.end; i < content.length && !found; i++) {
      const c = content[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '[') found = excess('[', ++brackets, MARKDOWN_LIMITS.nesting);
      else if (c === ']') brackets = Math.max(0, brackets - 1);
      else if (c === '*' || (c === '_' && !(isWord(content[i - 1]) && isWord(content[i + 1])))) found = excess(c, ++emphasis, MARKDOWN_LIMITS.emphasis);
      else if (c !== '|') continue;
      found ??= excess(c, ++markup, MARKDOWN_LIMITS.markup);
    }
    if (found) return found;
  }
  return undefined;
}

const INLINE_MARKUP = /[\\`<&![\]*_]/g;

function countInlineMarkup(text: string): number {
  return text.match(INLINE_MARKUP)?.length ?? 0;
}

function countLines(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

const OPENER = /[ \t]*(>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

/**
 * The containers a line opens or continues: its list and quote markers, and
 * its indentation (two columns a level, how a nested list is written), and
 * where its content starts. A line of blanks is in none.
 */
function containers(line: string): { depth: number; markers: number; marker: string; list: boolean; end: number } {
  const indent = /^[ \t]*/.exec(line)![0];
  if (indent.length === line.length) return { depth: 0, markers: 0, marker: '', list: false, end: line.length };
  let markers = 0;
  let list = false;
  let marker = indent[0] ?? '';
  let end = indent.length;
  OPENER.lastIndex = 0;
  for (let match = OPENER.exec(line); match; match = OPENER.exec(line)) {
    markers++;
    marker = match[1];
    list ||= marker !== '>';
    end = OPENER.lastIndex;
  }
  return { depth: markers + Math.floor(indent.replace(/\t/g, '    ').length / 2), markers, marker, list, end };
}

function isWord(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}
