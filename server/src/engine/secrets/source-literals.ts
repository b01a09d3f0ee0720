// Where a secret sits in a file's syntax, for the "Move to .env" action: the
// string literal around it (or the unquoted word, in YAML and shell), and
// the value the program sees once the literal's escapes are read. Only the
// constructs an env read can replace are understood; anything else (a
// comment, an interpolation, an escape this module does not read) gives
// undefined, and the action is not offered rather than risk changing the value.

/** The syntaxes the action writes an env read in. */
export type Dialect = 'js' | 'ts' | 'python' | 'go' | 'java' | 'kotlin' | 'yaml' | 'shell';

export interface Literal {
  /** The first character of the literal, a Python string prefix (`f`, `r`) included. */
  open: number;
  /** The content, between the quotes. An unquoted word has no quotes: `open === start`, `end === close`. */
  start: number;
  end: number;
  /** Just after the closing quote. */
  close: number;
  /** The opening delimiter after any prefix: `"`, `'`, a backtick, `"""`; empty for an unquoted word. */
  quote: string;
  /** Python's string prefix, lowercased (`f`, `rb`); empty elsewhere. */
  prefix: string;
  /** A YAML plain scalar inside a flow collection (`{ key: value }`), where `${...}` would need quotes. */
  flow?: boolean;
}

const JS = /\.[cm]?jsx?$/i;
const TS = /\.[cm]?tsx?$/i;
const SHELL = /\.(?:sh|bash|zsh|ksh)$/i;
const DOCKERFILE = /^(?:docker|container)file(?:\.|$)/i;
const DOCKERFILE_EXTENSION = /\.dockerfile$/i;
/** CI pipelines take secrets from the CI's own store, never from a .env file. */
const CI_PIPELINE = /^\.github\/workflows\/|(?:^|\/)\.gitlab-ci\.ya?ml$/i;

/** The dialect of a workspace-relative path, or undefined when the action has no env read to write there. */
export function dialectOf(path: string): Dialect | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (TS.test(name) && !/\.d\.[cm]?ts$/i.test(name)) return 'ts';
  if (JS.test(name)) return 'js';
  if (/\.py$/i.test(name)) return 'python';
  if (/\.go$/i.test(name)) return 'go';
  if (/\.java$/i.test(name)) return 'java';
  if (/\.kts?$/i.test(name)) return 'kotlin';
  if (/\.ya?ml$/i.test(name)) return CI_PIPELINE.test(path) ? undefined : 'yaml';
  if (SHELL.test(name) || DOCKERFILE.test(name) || DOCKERFILE_EXTENSION.test(name)) return 'shell';
  return undefined;
}

/** How each dialect reads a variable. */
export function envRead(dialect: Dialect, name: string): string {
  switch (dialect) {
    case 'js':
    case 'ts':
      return `process.env.${name}`;
    case 'python':
      return `os.environ["${name}"]`;
    case 'go':
      return `os.Getenv("${name}")`;
    case 'java':
    case 'kotlin':
      return `System.getenv("${name}")`;
    case 'yaml':
    case 'shell':
      return `\${${name}}`;
  }
}

/**
 * The literal whose content holds `[from, to)`, or undefined when the span is
 * not inside one (a comment, code, a construct this module does not read).
 */
export function literalAround(dialect: Dialect, text: string, from: number, to: number): Literal | undefined {
  const literal = dialect === 'yaml' ? yamlLiteral(text, from) : dialect === 'shell' ? shellLiteral(text, from) : codeLiteral(dialect, text, from);
  return literal && literal.start <= from && to <= literal.end ? literal : undefined;
}

// --- Code: scanned from the start of the file, so block comments and multi-line strings are known ---

function codeLiteral(dialect: Dialect, text: string, target: number): Literal | undefined {
  const python = dialect === 'python';
  let i = 0;
  while (i <= target && i < text.length) {
    const c = text[i];
    if (python ? c === '#' : c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      if (end < 0 || end > target) return undefined;
      i = end + 1;
    } else if (!python && c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0 || end + 2 > target) return undefined;
      i = end + 2;
    } else if (c === '"' || c === "'" || (c === '`' && (dialect === 'js' || dialect === 'ts' || dialect === 'go'))) {
      const literal = codeString(dialect, text, i);
      if (literal) {
        if (literal.close > target) return literal;
        i = literal.close;
      } else {
        // A quote that does not close on its line (in a regex literal, a char) starts no string: go on at the next line.
        const end = text.indexOf('\n', i);
        if (end < 0 || end >= target || c === '`' || text.startsWith(c.repeat(3), i)) return undefined;
        i = end + 1;
      }
    } else {
      i++;
    }
  }
  return undefined;
}

/** The string starting at the quote at `at`; undefined when it does not close (a one-line string: on its line). */
function codeString(dialect: Dialect, text: string, at: number): Literal | undefined {
  let prefix = '';
  if (dialect === 'python') {
    let p = at;
    while (p > 0 && at - p < 2 && /[rbufRBUF]/.test(text[p - 1])) p--;
    if (p === 0 || !/[\w]/.test(text[p - 1])) prefix = text.slice(p, at).toLowerCase();
  }
  const open = at - prefix.length;
  const c = text[at];
  const tripled = text.startsWith(c.repeat(3), at) && (dialect === 'python' || ((dialect === 'java' || dialect === 'kotlin') && c === '"'));
  const quote = tripled ? c.repeat(3) : c;
  const start = at + quote.length;
  const raw = prefix.includes('r') || (dialect === 'go' && c === '`') || (dialect === 'kotlin' && tripled);
  const multiLine = tripled || c === '`';
  const template = (dialect === 'js' || dialect === 'ts') && c === '`';
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && !(raw && dialect !== 'python')) {
      // A raw Python string still cannot end at an escaped quote (r"\"" is a string).
      i++;
    } else if (template && ch === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i + 2);
      if (end < 0) return undefined;
      i = end;
    } else if (text.startsWith(quote, i)) {
      return { open, start, end: i, close: i + quote.length, quote, prefix };
    } else if (!multiLine && (ch === '\n' || ch === '\r')) {
      return undefined;
    }
  }
  return undefined;
}

// --- YAML and shell: one line at a time ---

function lineAround(text: string, at: number): { start: number; end: number } {
  const start = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  let end = at;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * A YAML scalar: quoted where a quote opens a value (after `: `, `- `, `[`,
 * `{`, `,` or at the line's start), else the plain scalar after the key, up
 * to a ` #` comment or the line's end (in a flow collection, to `,`, `]`, `}`).
 */
function yamlLiteral(text: string, target: number): Literal | undefined {
  const line = lineAround(text, target);
  let valueStart = line.start;
  /** The last character that is not a blank, '' at the line's start: it says whether a quote opens a value. */
  let previous = '';
  let flow = false;
  for (let i = line.start; i < target; i++) {
    const c = text[i];
    const atValue = previous === '' || ':-[{,?'.includes(previous);
    if (c === '#' && (i === line.start || isBlank(text[i - 1]))) return undefined;
    if ((c === '"' || c === "'") && atValue) {
      const close = yamlQuoteEnd(text, i, line.end);
      if (close < 0) return undefined;
      if (close > target) return { open: i, start: i + 1, end: close - 1, close, quote: c, prefix: '' };
      i = close - 1;
      previous = c;
      valueStart = close;
      continue;
    }
    if ((c === '[' || c === '{') && atValue) flow = true;
    if ((c === '[' || c === '{' || c === ',') && flow) valueStart = i + 1;
    if ((c === ':' || (c === '-' && previous === '')) && isBlank(text[i + 1])) valueStart = i + 1;
    if (!isBlank(c)) previous = c;
  }
  let start = valueStart;
  while (start < target && isBlank(text[start])) start++;
  let end = target;
  while (end < line.end && !(isBlank(text[end]) && text[end + 1] === '#') && !(flow && /[,\]}]/.test(text[end]))) end++;
  while (end > target && isBlank(text[end - 1])) end--;
  return { open: start, start, end, close: end, quote: '', prefix: '', flow };
}

/** Just after the closing quote of a YAML quoted scalar on its line; -1 when it does not close there. */
function yamlQuoteEnd(text: string, open: number, lineEnd: number): number {
  const quote = text[open];
  for (let i = open + 1; i < lineEnd; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (quote === "'" && text[i] === "'" && text[i + 1] === "'") i++;
    else if (text[i] === quote) return i + 1;
  }
  return -1;
}

/** A shell word: a quoted string, or the unquoted run of characters around the target (after an `=`, as in `KEY=value`). */
function shellLiteral(text: string, target: number): Literal | undefined {
  const line = lineAround(text, target);
  let wordStart = line.start;
  for (let i = line.start; i < target; i++) {
    const c = text[i];
    if (c === '#' && (i === line.start || isBlank(text[i - 1]))) return undefined;
    if (c === '\\') {
      i++;
    } else if (c === '"' || c === "'") {
      const close = shellQuoteEnd(text, i, line.end);
      if (close < 0) return undefined;
      if (close > target) return { open: i, start: i + 1, end: close - 1, close, quote: c, prefix: '' };
      i = close - 1;
      wordStart = close;
    } else if (isBlank(c) || '=;(|&'.includes(c)) {
      wordStart = i + 1;
    }
  }
  let end = target;
  while (end < line.end && !/[\s"';|&)]/.test(text[end])) end++;
  return { open: wordStart, start: wordStart, end, close: end, quote: '', prefix: '' };
}

function shellQuoteEnd(text: string, open: number, lineEnd: number): number {
  const quote = text[open];
  for (let i = open + 1; i < lineEnd; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return -1;
}

// --- What the program sees ---

const COMMON_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"', '`': '`', '/': '/', $: '$' };

/**
 * The runtime value of `text[from, to)` inside `literal`, or undefined when it
 * holds something other than characters: an interpolation, an escape this
 * module does not read, or an unquoted shell expansion.
 */
export function literalValue(dialect: Dialect, text: string, literal: Literal, from: number, to: number): string | undefined {
  // Starting inside an escape (`\n` cut in two) is not a span of characters.
  let slashes = 0;
  for (let i = from - 1; i >= literal.start && text[i] === '\\'; i--) slashes++;
  if (slashes % 2 === 1) return undefined;
  const raw = text.slice(from, to);
  const { quote, prefix } = literal;
  switch (dialect) {
    case 'js':
    case 'ts':
      if (quote === '`' && raw.includes('${')) return undefined;
      return unescape(raw);
    case 'python':
      if (prefix.includes('b')) return undefined;
      if (prefix.includes('f')) {
        if (/(?<!\{)\{(?!\{)|(?<!\})\}(?!\})/.test(raw)) return undefined;
      }
      const value = prefix.includes('r') ? raw : unescape(raw);
      return value === undefined || !prefix.includes('f') ? value : value.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    case 'go':
      return quote === '`' ? raw : quote === '"' ? unescape(raw) : undefined;
    case 'java':
      return quote === '"' ? unescape(raw) : undefined;
    case 'kotlin':
      if (quote === "'" || /(?<!\\)\$[A-Za-z_{]/.test(raw)) return undefined;
      return quote === '"""' ? raw : unescape(raw);
    case 'yaml':
      if (quote === "'") return raw.replace(/''/g, "'");
      return quote === '"' ? unescape(raw) : raw;
    case 'shell':
      if (quote === "'") return raw;
      if (/(?<!\\)[$`]/.test(raw)) return undefined;
      return raw.replace(/\\([\s\S])/g, '$1');
  }
}

function unescape(raw: string): string | undefined {
  if (!raw.includes('\\')) return raw;
  let value = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') {
      value += raw[i];
      continue;
    }
    const next = raw[++i];
    const decoded = next === undefined ? undefined : COMMON_ESCAPES[next];
    if (decoded === undefined) return undefined;
    value += decoded;
  }
  return value;
}
