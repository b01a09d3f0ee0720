import { parse as dotenvParse } from 'dotenv';
import { LineIndex, stripBom } from '../text';
import type { TextEdit } from '../types';
import { parseEnvFile } from './parse';

// Writes a value into a real `.env` so that dotenv reads back exactly that
// value: unquoted when it is plain, else in the first quotes that keep every
// character (single quotes expand nothing, so `$` and `#` stay as they are).
// Every line written is read back with the same parser the checks use and
// with dotenv's own parse (what apps run: the two differ where a line runs
// into the next, as `KEY:` at the end of a file takes the line appended after
// it as its value), and the file's other entries must read back unchanged: a
// value that cannot be written faithfully is not written at all.

/** What dotenv reads unquoted and unchanged: no blanks (trimmed), no `#` (a comment), no quotes, no `$` (expanded by dotenv-expand and Compose). */
const PLAIN = /^[^\s#'"`\\$]+$/;

export interface EnvFileEdit {
  edits: TextEdit[];
  /** The file does not exist: `edits` is one insertion at 0:0 holding all of it. */
  create?: true;
}

/** `NAME=value` as dotenv reads it back, or undefined when no quoting keeps the value. */
export function dotenvAssignment(name: string, value: string): string | undefined {
  const written: string[] = [];
  if (PLAIN.test(value)) written.push(value);
  if (!/['\r\n]/.test(value)) written.push(`'${value}'`);
  // Double quotes are the only ones dotenv reads `\n` in, so a multi-line value (a PEM key) goes there.
  if (!value.includes('"') && !/\\[nr]/.test(value)) written.push(`"${value.replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`);
  if (!/[`\r\n]/.test(value)) written.push(`\`${value}\``);
  for (const form of written) {
    const line = `${name}=${form}`;
    const [entry, ...rest] = parseEnvFile('.env', line).entries;
    if (entry && rest.length === 0 && entry.key === name && entry.value === value) return line;
  }
  return undefined;
}

/**
 * The edit that appends `NAME=value` to a `.env` (`undefined`: it does not
 * exist yet), keeping its line breaks; undefined when the value cannot be
 * written faithfully or the file would read back differently.
 */
export function appendEnvVar(envText: string | undefined, name: string, value: string): EnvFileEdit | undefined {
  const line = dotenvAssignment(name, value);
  if (line === undefined) return undefined;
  const start = { line: 0, character: 0 };
  if (envText === undefined) return { create: true, edits: [{ range: { start, end: start }, newText: `${line}\n` }] };
  const text = stripBom(envText);
  const lines = new LineIndex(text);
  const eol = lines.eol;
  const newText = `${text.length > 0 && !/[\r\n]$/.test(text) ? eol : ''}${line}${eol}`;
  // Whatever the file ends with (an unclosed quote, a stray line), its entries must read back as before.
  const before = parseEnvFile('.env', text).entries;
  const after = parseEnvFile('.env', text + newText).entries;
  const added = after[after.length - 1];
  const unchanged = after.length === before.length + 1 && before.every((entry, i) => after[i].key === entry.key && after[i].value === entry.value);
  if (!unchanged || added.key !== name || added.value !== value || !appsReadBack(text, text + newText, name, value)) return undefined;
  const end = lines.positionAt(text.length);
  return { edits: [{ range: { start: end, end }, newText }] };
}

/** dotenv's parse of the new text holds every variable of the old one with its value, and `name` with `value`. */
function appsReadBack(before: string, after: string, name: string, value: string): boolean {
  const was = dotenvParse(before);
  const now = dotenvParse(after);
  const keys = Object.keys(now);
  return now[name] === value && keys.length === Object.keys({ ...was, [name]: value }).length && keys.every((key) => key === name || now[key] === was[key]);
}
