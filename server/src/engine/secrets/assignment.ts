import { isNameChar, isTypeChar } from './chars';

// Finds `name = "value"` around a secret-ish word, in any of the languages a
// workspace holds: `apiKey = "..."` (JS, Python, Go `:=`, Terraform),
// `apiKey: "..."` (objects, YAML, JSON keys in quotes), `'password' => '...'`
// (PHP, Ruby), `api_key: str = "..."` (type annotations), `setPassword("...")`,
// and, where the file format has them, unquoted values (YAML, .env.example,
// shell, Dockerfile, INI) and space-separated ones (SQL `PASSWORD '...'`).
// Hand-written scans with fixed bounds: no regex runs over the line, so a
// minified file costs the same per character as any other.

export interface Assignment {
  name: string;
  nameStart: number;
  nameEnd: number;
  value: string;
  valueStart: number;
  valueEnd: number;
}

/** What the file's format allows around a value. */
export interface AssignmentStyle {
  /** `key: value` / `KEY=value` without quotes is a literal (YAML, env templates, shell, INI). */
  unquoted: boolean;
  /** `PASSWORD 'value'`: a blank may separate name and quoted value (SQL, Dockerfile, shell flags). */
  spaceSeparated: boolean;
}

const MAX_NAME = 80;
const MAX_VALUE = 1024;
const MAX_BLANKS = 16;

/**
 * The character code at `i`, or -1 outside the text. A read past either end
 * would give NaN, and V8 drops the optimized code of the function the first
 * time one happens: each such read cost the scan a deoptimization per thread.
 */
function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isQuote(c: number): boolean {
  return c === 34 /* " */ || c === 39 /* ' */ || c === 96; /* ` */
}

/** f, r, b, u (Python, either case) and @ (C#) before a quote. */
function isStringPrefix(c: number): boolean {
  const lower = c | 0x20;
  return lower === 102 || lower === 114 || lower === 98 || lower === 117 || c === 64;
}

/** Characters that end an unquoted value. */
function endsUnquoted(c: number): boolean {
  return c <= 32 || isQuote(c) || c === 44 /* , */ || c === 59 /* ; */ || c === 41 /* ) */ || c === 125 /* } */ || c === 93; /* ] */
}

/** Skips blanks; -1 when there are too many to be a separator. */
function skipBlanks(text: string, at: number): number {
  const limit = at + MAX_BLANKS;
  while (at < text.length && isBlank(text.charCodeAt(at))) if (++at > limit) return -1;
  return at;
}

/**
 * The assignment whose name contains the word at `at`, or undefined when the
 * word is not part of a name assigned a literal (`Object.keys(x)`,
 * `if (token)`, `token == "..."`, `password = getPassword()`).
 */
export function findAssignment(text: string, at: number, wordLength: number, style: AssignmentStyle): Assignment | undefined {
  let nameStart = at;
  while (nameStart > 0 && isNameChar(text.charCodeAt(nameStart - 1))) if (at - --nameStart > MAX_NAME) return undefined;
  let nameEnd = at + wordLength;
  while (nameEnd < text.length && isNameChar(text.charCodeAt(nameEnd))) if (++nameEnd - at > MAX_NAME) return undefined;
  // The name is cut only where a value follows: most words met (`Object.keys(`, `getToken()`) are not assigned.

  let p = nameEnd;
  // A quoted key ("api_key": ..., 'password' => ...) closes with the quote it opened with.
  const before = codeAt(text, nameStart - 1);
  if (isQuote(before) && codeAt(text, p) === before) p++;

  const afterName = p;
  p = skipBlanks(text, p);
  if (p < 0) return undefined;
  const c = codeAt(text, p);
  const next = codeAt(text, p + 1);
  let quotedOnly = false;
  if (c === 61 /* = */) {
    if (next === 61 /* == */) return undefined;
    p += next === 62 /* => */ ? 2 : 1;
  } else if (c === 58 /* : */) {
    if (next === 61 /* := */) p += 2;
    else {
      p = skipTypeAnnotation(text, p + 1);
    }
  } else if (c === 40 /* ( */) {
    // A call passes a value only to a setter or builder: setPassword("..."), withApiKey("...").
    if (!/^(?:set|with)[A-Z_]/.test(text.slice(nameStart, nameEnd).replace(/^[._-]+/, ''))) return undefined;
    p++;
    quotedOnly = true;
  } else if (p > afterName && style.spaceSeparated && isQuote(c)) {
    quotedOnly = true;
  } else {
    return undefined;
  }
  p = skipBlanks(text, p);
  if (p < 0) return undefined;

  // Python's f/r/b/u strings and C#'s @"...": one letter before the quote.
  let q = codeAt(text, p);
  if (!isQuote(q) && isQuote(codeAt(text, p + 1)) && isStringPrefix(q)) q = codeAt(text, ++p);
  if (isQuote(q)) return quotedValue(text, p, q, nameStart, nameEnd);
  if (quotedOnly || !style.unquoted) return undefined;
  return unquotedValue(text, p, nameStart, nameEnd);
}

/** After `name:`: a type annotation (`: str =`, `: string =`) leads to `=`; anything else is the value. */
function skipTypeAnnotation(text: string, p: number): number {
  const start = skipBlanks(text, p);
  if (start < 0) return p;
  let end = start;
  while (end < text.length && end - start < 40 && isTypeChar(text.charCodeAt(end))) end++;
  if (end === start) return p;
  const eq = skipBlanks(text, end);
  if (eq >= 0 && codeAt(text, eq) === 61 && codeAt(text, eq + 1) !== 61) return eq + 1;
  return p;
}

function quotedValue(text: string, open: number, quote: number, nameStart: number, nameEnd: number): Assignment | undefined {
  const valueStart = open + 1;
  const limit = Math.min(text.length, valueStart + MAX_VALUE);
  for (let i = valueStart; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return { name: text.slice(nameStart, nameEnd), nameStart, nameEnd, value: text.slice(valueStart, i), valueStart, valueEnd: i };
    if (c === 10 || c === 13) return undefined;
    if (c === 92 /* \ */) i++;
  }
  return undefined;
}

function unquotedValue(text: string, valueStart: number, nameStart: number, nameEnd: number): Assignment | undefined {
  const first = text[valueStart];
  // References, YAML tags, anchors, block scalars, flow collections: not a literal value.
  if (first === undefined || '$!&*|>[{(%@#'.includes(first)) return undefined;
  let i = valueStart;
  const limit = Math.min(text.length, valueStart + MAX_VALUE);
  while (i < limit && !endsUnquoted(text.charCodeAt(i))) i++;
  if (i === limit && limit < text.length) return undefined;
  if (i === valueStart) return undefined;
  return { name: text.slice(nameStart, nameEnd), nameStart, nameEnd, value: text.slice(valueStart, i), valueStart, valueEnd: i };
}
