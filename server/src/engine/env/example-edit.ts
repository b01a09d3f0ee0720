import { findProvider } from '../catalog/providers';
import { withoutParentheticals } from '../linear-search';
import { fold, stripBom } from '../text';
import type { TextEdit } from '../types';
import { parseEnvFile, type EnvFile } from './parse';

// Adds variables to `.env.example` the way the directive lays it out (8.1):
// a `# INTEGRACIONES EXTERNAS` banner, then one block per provider, a
// `# Stripe (Pagos)` comment over its variables, blocks apart by a blank line.
// Only insertions: nothing the file holds is rewritten, a variable already
// declared anywhere is never added twice, the file keeps its line breaks
// (CRLF stays CRLF) and whether it ends with one.

export interface EnvVarBlock {
  /** How the block's comment names the provider: `Stripe` -> `# Stripe (Pagos)`. */
  providerName: string;
  /** In parentheses after the name (`Pagos`, `SMS`); empty or absent: `# WhatsApp Business`. */
  tipoLabel?: string;
  variables: ReadonlyArray<{ name: string; placeholder: string }>;
}

/** Edits to `.env.example`, ready to go in a FileEdit (`{ file, ...result }`). */
export interface EnvExampleEdit {
  /** Empty when every variable is already declared. */
  edits: TextEdit[];
  /** The file does not exist: `edits` is one insertion at 0:0 holding all of it. */
  create?: true;
}

const RULE = '# ========================================';
const BANNER_TITLE = 'INTEGRACIONES EXTERNAS';
/** A banner's rule line: `# =====`, `# -----`, `# #####`. */
const RULE_LINE = /^[=\-#*~_]{3,}$/;
const START = { line: 0, character: 0 };

type LineKind = 'blank' | 'comment' | 'content';

interface Layout {
  env: EnvFile;
  kinds: LineKind[];
  eol: string;
}

/**
 * The edits that add `block.variables` to the example file (`undefined`: it
 * does not exist yet). Into the provider's existing block when there is one
 * (its comment names the provider, compared without case or accents), else
 * as a new block after the last block under the `INTEGRACIONES EXTERNAS`
 * banner, else under a new banner at the end of the file.
 */
export function appendEnvVarsEdit(exampleText: string | undefined, block: EnvVarBlock): EnvExampleEdit {
  // Positions are the engine's: a BOM is not part of the text (see lint.ts).
  const text = stripBom(exampleText ?? '');
  const env = parsedOnce(text);
  const declared = new Set(env.entries.map((entry) => entry.key));
  const lines: string[] = [];
  for (const variable of block.variables) {
    if (declared.has(variable.name)) continue;
    declared.add(variable.name);
    lines.push(`${variable.name}=${variable.placeholder}`);
  }
  if (lines.length === 0) return { edits: [] };

  // The Tipo is the header's parenthetical, so a name's own comes unwrapped: "AWS (S3)" heads its block as the directive's "# AWS S3 (Storage)".
  const name = block.providerName.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  const tipo = block.tipoLabel?.replace(/\s+/g, ' ').trim();
  const header = tipo ? `# ${name} (${tipo})` : `# ${name}`;
  const newFile = (eol: string): string => [RULE, `# ${BANNER_TITLE}`, RULE, '', header, ...lines, ''].join(eol);
  if (exampleText === undefined) return { create: true, edits: [{ range: { start: START, end: START }, newText: newFile('\n') }] };

  const layout: Layout = { env, kinds: lineKinds(env), eol: env.lines.eol };
  const existing = providerBlock(layout, block.providerName);
  if (existing !== undefined) return { edits: [insertAfter(layout, blockEnd(layout, existing), lines, false)] };

  const banner = env.comments.find((comment) => fold(comment.text) === fold(BANNER_TITLE));
  if (banner) return { edits: [insertAfter(layout, lastBlockEnd(layout, banner.line), [header, ...lines], true)] };

  let last = layout.kinds.length - 1;
  while (last >= 0 && layout.kinds[last] === 'blank') last--;
  // Nothing but blanks: the whole file is the new content (no text is lost).
  if (last < 0) return { edits: [{ range: { start: START, end: env.lines.positionAt(text.length) }, newText: newFile(layout.eol) }] };
  return { edits: [insertAfter(layout, last, [RULE, `# ${BANNER_TITLE}`, RULE, '', header, ...lines], true)] };
}

/** Every line's kind; the lines of a multi-line quoted value are content even where they are blank. */
function lineKinds(env: EnvFile): LineKind[] {
  const kinds: LineKind[] = [];
  for (let line = 0; line < env.lines.lineCount; line++) kinds.push(env.lines.lineText(line).trim() === '' ? 'blank' : 'content');
  for (const comment of env.comments) kinds[comment.line] = 'comment';
  for (const entry of env.entries) {
    for (let line = entry.keyRange.start.line; line <= entry.valueRange.end.line; line++) kinds[line] = 'content';
  }
  return kinds;
}

/**
 * One edit after line `after`, at the end of its content: the line break
 * goes before the new lines, so a file without a final one still has none.
 * `separate`: a blank line before the new lines and between them and what follows.
 */
function insertAfter(layout: Layout, after: number, newLines: readonly string[], separate: boolean): TextEdit {
  const { env, kinds, eol } = layout;
  const at = env.lines.positionAt(env.lines.lineEnd(after));
  const before = separate && kinds[after] !== 'blank' ? eol + eol : eol;
  const next = kinds[after + 1];
  const following = separate && next !== undefined && next !== 'blank' ? eol : '';
  return { range: { start: at, end: at }, newText: before + newLines.join(eol) + following };
}

/** The line of the first comment that names the provider, banners aside. */
function providerBlock(layout: Layout, providerName: string): number | undefined {
  const spellings = new Set([providerName, ...catalogSpellings(providerName)].map(wordsOf).filter(Boolean));
  const comment = layout.env.comments.find((c) => {
    if (RULE_LINE.test(c.text)) return false;
    return spellings.has(wordsOf(withoutParentheticals(c.text))) || spellings.has(wordsOf(c.text));
  });
  return comment?.line;
}

/** "AWS S3" is how the block may name the provider a doc calls "Amazon S3": the catalog's spellings are the same provider. */
function catalogSpellings(providerName: string): string[] {
  const provider = findProvider(providerName);
  return provider ? [provider.id, provider.name, ...provider.names] : [];
}

function wordsOf(text: string): string {
  return fold(text).split(/[^a-z0-9]+/).filter(Boolean).join(' ');
}

/**
 * The last line of the block whose comment is on `header`: up to a blank
 * line, or a comment after its variables (the next block's, when blocks are
 * not apart), or the end of the file.
 */
function blockEnd(layout: Layout, header: number): number {
  const { kinds } = layout;
  let end = header;
  let hasVariables = false;
  for (let line = header + 1; line < kinds.length; line++) {
    const kind = kinds[line];
    if (kind === 'blank' || (kind === 'comment' && hasVariables)) break;
    if (kind === 'content') hasVariables = true;
    end = line;
  }
  return end;
}

/**
 * Where a new block goes under the banner whose title is on `title`: after
 * the last block (a paragraph that starts with a comment) before the next
 * banner, or right after the banner when it has none.
 */
function lastBlockEnd(layout: Layout, title: number): number {
  const { env, kinds } = layout;
  const isRule = (line: number): boolean => kinds[line] === 'comment' && RULE_LINE.test(commentText(env, line));
  const bannerEnd = isRule(title + 1) ? title + 1 : title;
  let end = bannerEnd;
  for (let line = end + 1; line < kinds.length && !isRule(line); line++) {
    if (kinds[line] === 'comment' && (kinds[line - 1] === 'blank' || line - 1 === bannerEnd)) {
      end = blockEnd(layout, line);
      line = end;
    }
  }
  return end;
}

function commentText(env: EnvFile, line: number): string {
  return env.lines.lineText(line).trim().replace(/^#/, '').trim();
}

/** The last text parsed, kept: env/missing-in-example asks once per missing variable against the same file, on every edit. */
let lastParsed: { text: string; env: EnvFile } | undefined;

function parsedOnce(text: string): EnvFile {
  if (lastParsed?.text !== text) lastParsed = { text, env: parseEnvFile('.env.example', text) };
  return lastParsed.env;
}
