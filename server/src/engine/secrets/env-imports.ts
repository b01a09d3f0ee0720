import { LineIndex } from '../text';
import type { TextEdit } from '../types';
import type { Dialect } from './source-literals';

// What an env read needs around it to compile: Python's `os.environ` and
// Go's `os.Getenv` need `os` imported; a Go or Kotlin constant cannot hold a
// value read at run time, so `const` becomes `var`/`val`. Each returns the
// edits, none when nothing is needed, or undefined when the file is laid out
// in a way this module does not edit (then the action is not offered).

/** A module-level `import` statement's line. */
const PYTHON_IMPORT_LINE = /^import[ \t][^\r\n]*/gm;
/** An imported name that binds `os`: `os`, `os.path`; not `os as o`. */
const BINDS_OS = /^os(?:\.\w+)*$/;
const PYTHON_IMPORT = /^(?:import|from)[ \t]/;
const PYTHON_FUTURE = /^from[ \t]+__future__[ \t]/;
const DOCSTRING_OPEN = /^[rRuU]?("""|''')/;

const GO_IMPORTS_OS = /^[ \t]*(?:import[ \t]+)?(?:os[ \t]+)?"os"[ \t]*(?:\/\/.*)?\r?$/m;
const GO_PACKAGE = /^package[ \t]+\w+/m;
const GO_IMPORT_BLOCK = /^import[ \t]*\(/m;
const GO_SINGLE_IMPORT = /^import[ \t]+(?:\w+[ \t]+)?"[^"]*"/gm;

/** The edits that make `os` usable at `useOffset` (the literal being replaced). */
export function importEdits(dialect: Dialect, text: string, useOffset: number): TextEdit[] | undefined {
  if (dialect === 'python') return importsOs(text) ? [] : pythonImport(text, useOffset);
  if (dialect === 'go') return GO_IMPORTS_OS.test(text) ? [] : goImport(text);
  return [];
}

/** `import os`, `import sys, os`, `import os.path` (which binds `os` too). */
function importsOs(text: string): boolean {
  for (const [line] of text.matchAll(PYTHON_IMPORT_LINE)) {
    const names = line.slice('import'.length).split('#')[0].split(',');
    if (names.some((name) => BINDS_OS.test(name.trim()))) return true;
  }
  return false;
}

function insertion(line: number, newText: string): TextEdit {
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText };
}

/**
 * `import os` with the module's imports: before its first import when that
 * comes before the use, else after the header (shebang, encoding and other
 * comments, the module docstring, `from __future__` imports), which must
 * stay first.
 */
function pythonImport(text: string, useOffset: number): TextEdit[] | undefined {
  const lines = new LineIndex(text);
  const eol = lines.eol;
  const useLine = lines.positionAt(useOffset).line;
  let line = 0;
  while (line < lines.lineCount && /^\s*(?:#.*)?$/.test(lines.lineText(line))) line++;
  const docstring = line < lines.lineCount ? DOCSTRING_OPEN.exec(lines.lineText(line)) : null;
  if (docstring) {
    const quote = docstring[1];
    const rest = lines.lineText(line).slice(docstring[0].length);
    let close = line;
    if (!rest.includes(quote)) {
      close++;
      while (close < lines.lineCount && !lines.lineText(close).includes(quote)) close++;
    }
    // The secret is in the docstring itself, or the docstring never closes: nothing sensible to do.
    if (close >= lines.lineCount || close >= useLine) return undefined;
    line = close + 1;
  }
  for (let next = line; next < lines.lineCount; next++) {
    const content = lines.lineText(next);
    if (PYTHON_FUTURE.test(content)) line = next + 1;
    else if (!/^\s*(?:#.*)?$/.test(content)) break;
  }
  if (line > useLine) return undefined;
  for (let next = line; next < useLine; next++) {
    if (PYTHON_IMPORT.test(lines.lineText(next)) && !PYTHON_FUTURE.test(lines.lineText(next))) return [insertion(next, `import os${eol}`)];
  }
  // Code right after the header: a blank line keeps the import apart, as PEP 8 lays it out.
  const separate = lines.lineText(line).trim() !== '' ? eol : '';
  return [insertion(line, `import os${eol}${separate}`)];
}

/** `"os"` in the first import block, in order among its first group; else an `import "os"` line after the last single import or the package clause. */
function goImport(text: string): TextEdit[] | undefined {
  const lines = new LineIndex(text);
  const eol = lines.eol;
  const block = GO_IMPORT_BLOCK.exec(text);
  if (block) {
    let line = lines.positionAt(block.index).line + 1;
    let indent = '\t';
    for (; line < lines.lineCount; line++) {
      const content = lines.lineText(line);
      const path = /^([ \t]*)(?:[\w.]+[ \t]+)?"([^"]*)"/.exec(content);
      // The first group ends at a blank line or the block's end: "os" goes in order among the standard imports that lead it.
      if (!path) break;
      indent = path[1] || indent;
      if (path[2] > 'os') break;
    }
    if (line >= lines.lineCount) return undefined;
    return [insertion(line, `${indent}"os"${eol}`)];
  }
  let last: RegExpExecArray | undefined;
  for (let match = GO_SINGLE_IMPORT.exec(text); match; match = GO_SINGLE_IMPORT.exec(text)) last = match;
  const after = last ?? GO_PACKAGE.exec(text) ?? undefined;
  if (!after) return undefined;
  const at = lines.positionAt(lines.lineEnd(lines.positionAt(after.index).line));
  return [{ range: { start: at, end: at }, newText: last ? `${eol}import "os"` : `${eol}${eol}import "os"` }];
}

const GO_CONST_LINE = /^([ \t]*)const([ \t]+)/;
const GO_CONST_BLOCK = /^[ \t]*const[ \t]*\(/;
const GO_BLOCK_END = /^[ \t]*\)/;
const GO_TOP_LEVEL = /^(?:func|var|type|import|package)\b|^\}/;
const KOTLIN_CONST = /\bconst[ \t]+(?=val\b)/;
/** How far up a Go const block's opening is looked for. */
const MAX_BLOCK_LINES = 500;

/**
 * A constant cannot be initialised from the environment: `const key = "..."`
 * becomes `var key = ...` (Go) and `const val` becomes `val` (Kotlin). A Go
 * `const ( ... )` block is left alone: undefined.
 */
export function constantEdits(dialect: Dialect, text: string, useOffset: number): TextEdit[] | undefined {
  if (dialect !== 'go' && dialect !== 'kotlin') return [];
  const lines = new LineIndex(text);
  const useLine = lines.positionAt(useOffset).line;
  const content = lines.lineText(useLine);
  if (dialect === 'kotlin') {
    const match = KOTLIN_CONST.exec(content);
    if (!match) return [];
    return [{ range: { start: { line: useLine, character: match.index }, end: { line: useLine, character: match.index + match[0].length } }, newText: '' }];
  }
  const single = GO_CONST_LINE.exec(content);
  if (single) {
    const start = { line: useLine, character: single[1].length };
    return [{ range: { start, end: { line: useLine, character: start.character + 'const'.length } }, newText: 'var' }];
  }
  for (let line = useLine - 1; line >= 0 && useLine - line <= MAX_BLOCK_LINES; line--) {
    const above = lines.lineText(line);
    if (GO_CONST_BLOCK.test(above)) return undefined;
    if (GO_BLOCK_END.test(above) || GO_TOP_LEVEL.test(above)) return [];
  }
  return [];
}
