import type { FileEdit } from '../types';

// One line added to the root .gitignore, the way a person would add it: at
// the end, keeping the file's line breaks, creating the file when missing.

export const GITIGNORE = '.gitignore';

/** Appends `/path` (anchored: this file, not every file of that name) to the root .gitignore, creating it when missing. */
export function gitignoreEdit(gitignore: string | undefined, path: string): FileEdit {
  const line = `/${path}`;
  if (gitignore === undefined) return { file: GITIGNORE, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${line}\n` }] };
  const lines = gitignore.split(/\r\n|\r|\n/);
  const eol = gitignore.includes('\r\n') ? '\r\n' : '\n';
  const last = lines.length - 1;
  const end = { line: last, character: lines[last].length };
  // A file without a final line break gets one before the new line.
  return { file: GITIGNORE, edits: [{ range: { start: end, end }, newText: lines[last] === '' ? `${line}${eol}` : `${eol}${line}${eol}` }] };
}
