import { stickyMatches } from '../linear-search';
import type { LineIndex } from '../text';
import type { Range } from '../types';

// Env var reads in source code, with the exact range of the name, so the
// naming rule (and later the secrets rules) can point at it.
//
// One global regex per language walks the file once: comments and string
// literals are alternatives that match first and are skipped, so a read inside
// `// process.env.OLD_KEY` does not count and a URL's `//` inside a string does
// not hide the rest of the line. Every alternative starts with a different
// character, no quantifier is nested and none can fail after scanning far (an
// unclosed comment or string runs to its end), so the scan is linear. Reads
// inside interpolations (`${process.env.X}`, Python's f"{os.getenv('X')}") are
// found by scanning the holes of the string literals again.

export interface EnvRead {
  name: string;
  /** The name itself, inside the quotes or after the dot. */
  range: Range;
}

/** Env var names the way people write them; `process.env['my-var']` is left alone. */
const NAME = '[A-Za-z_][A-Za-z0-9_]*';

const LINE_COMMENT = String.raw`\/\/[^\r\n]*`;
const BLOCK_COMMENT = String.raw`\/\*[\s\S]*?(?:\*\/|$)`;
// A string that never closes runs to the end of its line rather than failing:
// retrying from every later quote would make a long minified line quadratic.
const SINGLE_QUOTED = String.raw`'(?:[^'\\\r\n]|\\.)*(?:'|(?=[\r\n])|$)`;
const DOUBLE_QUOTED = String.raw`"(?:[^"\\\r\n]|\\.)*(?:"|(?=[\r\n])|$)`;

interface Dialect {
  /**
   * A short literal every read contains, searched before the hint: V8 finds
   * a short literal with a vectorised scan for its first character, about
   * three times as fast as the hint's alternation on files without it.
   */
  quick: string;
  /** Cheap test: most source files read no env var at all. */
  hint: RegExp;
  /** Comments and strings (no named group) or a read (the `name` or `quoted` group). */
  scanner: RegExp;
  /** The read alternative alone, for interpolation holes. */
  reads: RegExp;
  /** Holes of a string literal that hold code, for the literals that have them: `hole` is sticky, tried at each `first`. */
  holes?: { opener: RegExp; first: string; hole: RegExp };
}

function dialect(skip: string[], read: string, quick: string, hint: RegExp, holes?: Dialect['holes']): Dialect {
  return {
    quick,
    hint,
    // Without the `d` flag: indices for every comment and string matched would double the scan's time.
    scanner: new RegExp([...skip, read].join('|'), 'g'),
    reads: new RegExp(read, 'g'),
    holes,
  };
}

const JAVASCRIPT = dialect(
  [
    LINE_COMMENT,
    BLOCK_COMMENT,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    // A template literal's opening backtick: templateEnd() reads the rest by hand.
    '`',
  ],
  String.raw`(?<![\w$])(?:process\.env|import\.meta\.env)(?:\??\.(?<name>${NAME})(?![\w$])|\[\s*(?<q>['"\`])(?<quoted>${NAME})\k<q>\s*\])`,
  '.env',
  /process\.env|import\.meta\.env/,
  { opener: /^`/, first: '${', hole: /\$\{[^}]*\}?/y },
);

const PYTHON = dialect(
  [
    '#[^\\r\\n]*',
    `"""[\\s\\S]*?(?:"""|$)`,
    `'''[\\s\\S]*?(?:'''|$)`,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
  ],
  // `environ`/`getenv` alone too: `from os import environ, getenv` is common.
  String.raw`(?<![\w.])(?:os\.)?(?:environ\s*(?:\.\s*get\s*\(|\[)|getenv\s*\()\s*(?<q>['"])(?<name>${NAME})\k<q>`,
  'env',
  /environ|getenv/,
  { opener: /^['"]/, first: '{', hole: /\{[^{}]*\}/y },
);

const GO = dialect(
  [LINE_COMMENT, BLOCK_COMMENT, DOUBLE_QUOTED, '`[^`]*(?:`|$)', SINGLE_QUOTED],
  String.raw`(?<![\w.])os\.(?:Getenv|LookupEnv)\s*\(\s*(?:"(?<name>${NAME})"|\`(?<quoted>${NAME})\`)`,
  'os.',
  /os\.(?:Getenv|LookupEnv)/,
);

const JVM = dialect(
  [LINE_COMMENT, BLOCK_COMMENT, `"""[\\s\\S]*?(?:"""|$)`, DOUBLE_QUOTED, SINGLE_QUOTED],
  String.raw`(?<![\w$])System\s*\.\s*getenv\s*\(\s*"(?<name>${NAME})"`,
  'getenv',
  /getenv/,
);

function dialectOf(path: string): Dialect | undefined {
  const dot = path.lastIndexOf('.');
  const extension = dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
  switch (extension) {
    case 'js': case 'jsx': case 'mjs': case 'cjs': case 'ts': case 'tsx': case 'mts': case 'cts':
      return JAVASCRIPT;
    case 'py':
      return PYTHON;
    case 'go':
      return GO;
    case 'java': case 'kt': case 'kts':
      return JVM;
    default:
      return undefined;
  }
}

/**
 * False when the file cannot hold an env read (no dialect, or not even the
 * hint's words): lets a caller skip building the file's LineIndex, which
 * costs more than the hint on the many files that read no env var.
 */
export function mayReadEnv(path: string, text: string): boolean {
  const language = dialectOf(path);
  return language !== undefined && mayHoldRead(language, text);
}

function mayHoldRead(language: Dialect, text: string): boolean {
  return text.includes(language.quick) && language.hint.test(text);
}

export function findEnvReads(path: string, text: string, lines: LineIndex): EnvRead[] {
  const language = dialectOf(path);
  if (!language || !mayHoldRead(language, text)) return [];
  const reads: EnvRead[] = [];
  const { scanner, holes } = language;
  scanner.lastIndex = 0;
  for (let match = scanner.exec(text); match; match = scanner.exec(text)) {
    if (readFrom(match, 0, lines, reads)) continue;
    let literal = match[0];
    if (language === JAVASCRIPT && literal === '`') {
      scanner.lastIndex = templateEnd(text, scanner.lastIndex);
      literal = text.slice(match.index, scanner.lastIndex);
    }
    if (holes && holes.opener.test(literal)) readHoles(language, literal, match.index, lines, reads);
  }
  return reads;
}

function readHoles(language: Dialect, literal: string, offset: number, lines: LineIndex, reads: EnvRead[]): void {
  const { first, hole } = language.holes!;
  for (const found of stickyMatches(literal, first, hole)) {
    const code = found[0];
    if (!language.hint.test(code)) continue;
    const { reads: pattern } = language;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(code); match; match = pattern.exec(code)) readFrom(match, offset + found.index, lines, reads);
  }
}

/**
 * Where a JavaScript template literal whose body starts at `from` ends: after
 * its closing backtick, or at the text's end. A `${...}` hole runs to its first
 * `}` (no nested braces) and may hold backticks. By hand: as an alternative of
 * the scanner, a lone `$` and a hole's `${` could read the same text two ways,
 * which the ReDoS check rejects.
 */
function templateEnd(text: string, from: number): number {
  // Character codes, not one-character strings: V8's optimized code for text[i] serves one string representation
  // and is dropped at the first file of the other (Latin-1 and two-byte texts alternate in a tree).
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 96 /* ` */) return i + 1;
    if (c === 92 /* \ */) {
      i++;
    } else if (c === 36 /* $ */ && i + 1 < text.length && text.charCodeAt(i + 1) === 123 /* { */) {
      const close = text.indexOf('}', i + 2);
      if (close < 0) return text.length;
      i = close;
    }
  }
  return text.length;
}

/** Every regex the dialects build from their parts, for the ReDoS check (test/hardening/redos.test.ts). */
export const DIALECT_REGEXES: readonly RegExp[] = [JAVASCRIPT, PYTHON, GO, JVM].flatMap((language) => [language.scanner, language.reads]);

/** Adds the read a match found, if it is one; false for a comment or a string. */
function readFrom(match: RegExpExecArray, offset: number, lines: LineIndex, reads: EnvRead[]): boolean {
  const groups = match.groups;
  const name = groups?.name ?? groups?.quoted;
  if (name === undefined) return false;
  // In every dialect only quotes, blanks and a bracket follow the name inside a read.
  const start = offset + match.index + match[0].lastIndexOf(name);
  reads.push({ name, range: lines.rangeOf(start, start + name.length) });
  return true;
}
