import { LineIndex } from '../text';
import type { Range } from '../types';

// .env files read the way the `dotenv` package reads them (its LINE regex:
// optional `export `, `KEY=value` or `KEY: value`, quoted values that may span
// lines, `#` comments after unquoted values), but as a line scanner that keeps
// positions and never throws. One deliberate difference: dotenv's regex lets
// whitespace around the separator run across line breaks (`KEY\n=value`,
// `KEY:\nvalue`); here an assignment starts and is separated on one line, so a
// stray line can never swallow the next one.

export interface EnvEntry {
  key: string;
  /** Exactly the key's characters (after any `export `). */
  keyRange: Range;
  /** The value as dotenv returns it: quotes removed, `\n`/`\r` expanded in double quotes, line breaks as \n. */
  value: string;
  /**
   * The value as written, quotes included, without the blanks around it or an
   * inline comment. An empty value gets an empty range right after the separator.
   */
  valueRange: Range;
}

/** A `# ...` line, e.g. the `# Stripe (Pagos)` banner a provider's variables sit under. */
export interface EnvComment {
  /** The text after `#`, trimmed. */
  text: string;
  line: number;
}

/** A line that is neither blank, a comment nor an assignment: dotenv skips it silently. */
export interface EnvProblem {
  /** The line's content without surrounding blanks. */
  range: Range;
  text: string;
}

export interface EnvFile {
  path: string;
  lines: LineIndex;
  /** In file order; a key assigned twice appears twice (dotenv keeps the last). */
  entries: EnvEntry[];
  comments: EnvComment[];
  problems: EnvProblem[];
}

// `[^\S\r\n]` is dotenv's `\s` without line breaks (so NBSP and a BOM count as blanks, as there).
// `export KEY=` first, then `KEY=` (`export = 1` assigns a key named export):
// one regex with an optional `export` read the blanks after it two ways (ReDoS).
const EXPORTED = /export[^\S\r\n]+([\w.-]+)[^\S\r\n]*(?:=|:[^\S\r\n])/dy;
const ASSIGNMENT = /([\w.-]+)[^\S\r\n]*(?:=|:[^\S\r\n])/dy;
const BLANKS = /[^\S\r\n]*/y;
/** What may follow a closing quote: blanks, then the line's end or a comment. */
const AFTER_QUOTE = /[^\S\r\n\u2028\u2029]*(?:#|[\r\n\u2028\u2029]|$)/y;
const LINE_BREAK = /[\r\n]/g;
const QUOTES = '\'"`';

export function parseEnvFile(path: string, text: string): EnvFile {
  const lines = new LineIndex(text);
  const file: EnvFile = { path, lines, entries: [], comments: [], problems: [] };
  let pos = 0;
  while (pos < text.length) {
    const lineEnd = endOfLine(text, pos);
    BLANKS.lastIndex = pos;
    BLANKS.exec(text);
    const first = BLANKS.lastIndex;
    if (first >= lineEnd) {
      pos = nextLine(text, lineEnd);
      continue;
    }
    if (text[first] === '#') {
      file.comments.push({ text: text.slice(first + 1, lineEnd).trim(), line: lines.positionAt(first).line });
      pos = nextLine(text, lineEnd);
      continue;
    }
    const head = assignmentAt(text, first);
    if (!head) {
      const content = text.slice(first, lineEnd).trimEnd();
      file.problems.push({ range: lines.rangeOf(first, first + content.length), text: content });
      pos = nextLine(text, lineEnd);
      continue;
    }
    const [keyStart, keyEnd] = head.indices![1];
    const value = readValue(text, head.index + head[0].length, lineEnd);
    file.entries.push({
      key: head[1],
      keyRange: lines.rangeOf(keyStart, keyEnd),
      value: value.value,
      valueRange: lines.rangeOf(value.start, value.end),
    });
    pos = nextLine(text, value.quotedUntil ?? lineEnd);
  }
  return file;
}

/** The `[export] KEY=` that starts at `at`, the key in group 1. */
function assignmentAt(text: string, at: number): RegExpExecArray | null {
  for (const regex of [EXPORTED, ASSIGNMENT]) {
    regex.lastIndex = at;
    const head = regex.exec(text);
    if (head) return head;
  }
  return null;
}

interface Value {
  value: string;
  start: number;
  end: number;
  /** For a quoted value: the end of the line holding the closing quote. */
  quotedUntil?: number;
}

function readValue(text: string, from: number, lineEnd: number): Value {
  BLANKS.lastIndex = from;
  BLANKS.exec(text);
  const open = BLANKS.lastIndex;
  const quote = text[open];
  if (open < lineEnd && QUOTES.includes(quote)) {
    const close = closingQuote(text, open, quote);
    if (close >= 0) {
      const inner = text.slice(open + 1, close).replace(/\r\n?/g, '\n');
      return { value: quote === '"' ? expandEscapes(inner) : inner, start: open, end: close + 1, quotedUntil: endOfLine(text, close) };
    }
  }
  // Unquoted (or a quote that never closes properly): up to a `#` or the line's end.
  const hash = text.indexOf('#', from);
  const stop = hash >= 0 && hash < lineEnd ? hash : lineEnd;
  const raw = text.slice(from, stop);
  const trimmed = raw.trim();
  if (!trimmed) return { value: '', start: from, end: from };
  const start = from + raw.length - raw.trimStart().length;
  const end = start + trimmed.length;
  const first = trimmed[0];
  let value = trimmed;
  if (trimmed.length >= 2 && QUOTES.includes(first) && trimmed.endsWith(first)) value = trimmed.slice(1, -1);
  return { value: first === '"' ? expandEscapes(value) : value, start, end };
}

/**
 * dotenv's `"(?:\\"|[^"])*"` followed by blanks and the line's end or a
 * comment: the first quote not preceded by a backslash closes the value; when
 * what follows it is not allowed, the backslash-quotes before it are tried from
 * the last to the first (the regex's backtracking order). -1 when none fits.
 */
function closingQuote(text: string, open: number, quote: string): number {
  const escaped: number[] = [];
  let unescaped = -1;
  for (let at = text.indexOf(quote, open + 1); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (text.charCodeAt(at - 1) !== 92 /* \ */) {
      unescaped = at;
      break;
    }
    escaped.push(at);
  }
  if (unescaped >= 0 && closesValue(text, unescaped)) return unescaped;
  for (let i = escaped.length - 1; i >= 0; i--) if (closesValue(text, escaped[i])) return escaped[i];
  return -1;
}

function closesValue(text: string, quoteAt: number): boolean {
  AFTER_QUOTE.lastIndex = quoteAt + 1;
  return AFTER_QUOTE.test(text);
}

function expandEscapes(value: string): string {
  return value.includes('\\') ? value.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : value;
}

function endOfLine(text: string, from: number): number {
  LINE_BREAK.lastIndex = from;
  return LINE_BREAK.exec(text)?.index ?? text.length;
}

function nextLine(text: string, lineEnd: number): number {
  if (lineEnd >= text.length) return text.length;
  return text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
}
