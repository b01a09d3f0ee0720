import { PROVIDERS } from '../catalog/providers';
import type { Config } from '../config/config';
import { credentialsTable } from '../intdoc/credentials';
import { metadataFieldOf } from '../intdoc/metadata-fields';
import { parseIntDoc, type IntDoc, type Table } from '../intdoc/model';
import { ESTADO_VALUES, MULTI_TENANT_VALUES, OBLIGATORIO_VALUES, TIPO_VALUES, type MetadataField } from '../intdoc/template';
import { classify } from '../lint';
import { localize, message, type Locale } from '../messages';
import { LineIndex, stripBom } from '../text';
import type { Position, Range } from '../types';
import type { WorkspaceIndex } from '../workspace/index';
import { docLabel } from './doc-label';

// Completion where the directive fixes the vocabulary: the Metadata values
// (Tipo, Estado, Multi-tenant), the Obligatorio column, and env var names
// wherever a name is being written (a credentials cell, a .env key, an env
// read in source). Where the cursor is comes from the parsed doc and the
// text before the cursor: no grammar is needed to know `process.env.` precedes it.

export const COMPLETION_TEMPLATES = {
  documented: 'Documented in {0}',
  catalog: '{0} credential (provider catalog)',
  undocumented: 'Not documented in any INT doc',
} as const;

export interface CompletionItem {
  label: string;
  kind: 'value' | 'variable';
  detail?: string;
  /** The text the item replaces; it contains the cursor. */
  range: Range;
}

/**
 * The text before the cursor of an env read whose name is being typed, per
 * language (see env/source-reads.ts): `opener` runs sticky from the last of
 * the read's `keywords` (after `qualifier`, when the text has it there).
 * Searched through the line, its `\s*` and `\w*$` were retried from every
 * keyword of a long line on each keystroke (ReDoS).
 */
interface ReadOpener {
  file: RegExp;
  keywords: readonly string[];
  qualifier?: string;
  opener: RegExp;
}
const READ_OPENERS: readonly ReadOpener[] = [
  { file: /\.(?:[cm]?[jt]sx?)$/i, keywords: ['process.env', 'import.meta.env'], opener: /(?<![\w$])(?:process\.env|import\.meta\.env)(?:\??\.|\[\s*['"`])\w*$/y },
  { file: /\.py$/i, keywords: ['environ', 'getenv'], qualifier: 'os.', opener: /(?<![\w.])(?:os\.)?(?:environ\s*(?:\.\s*get\s*\(|\[)|getenv\s*\()\s*['"]\w*$/y },
  { file: /\.go$/i, keywords: ['os.Getenv', 'os.LookupEnv'], opener: /(?<![\w.])os\.(?:Getenv|LookupEnv)\s*\(\s*["`]\w*$/y },
  { file: /\.(?:java|kts?)$/i, keywords: ['System'], opener: /(?<![\w$])System\s*\.\s*getenv\s*\(\s*"\w*$/y },
];
/** A .env line whose key is being typed: nothing but the key (after an optional `export`) before the cursor. */
const ENV_KEY_OPENER = /^[^\S\r\n]*(?:export[^\S\r\n]+)?[\w.-]*$/;
const NAME_CHAR = /\w/;
const ENV_KEY_CHAR = /[\w.-]/;

export function completion(
  index: WorkspaceIndex,
  path: string,
  rawText: string,
  position: Position,
  config: Config,
  locale: Locale = 'en',
): CompletionItem[] {
  const text = stripBom(rawText);
  const kind = classify(path, config);
  if (kind === 'int-doc') return inIntDoc(index, parseIntDoc(path, text), position, config, locale);
  if (kind !== 'env' && kind !== 'source') return [];
  const lines = new LineIndex(text);
  if (position.line >= lines.lineCount) return [];
  const line = lines.lineText(position.line);
  const before = line.slice(0, position.character);
  if (kind === 'env') {
    return ENV_KEY_OPENER.test(before) ? envVarItems(index, path, position, line, ENV_KEY_CHAR, locale) : [];
  }
  const opener = READ_OPENERS.find(({ file }) => file.test(path));
  return opener && opensRead(before, opener) ? envVarItems(index, path, position, line, NAME_CHAR, locale) : [];
}

/** Whether `before` ends inside an env read's name. The name typed so far is cut first: it may spell a keyword. */
function opensRead(before: string, { keywords, qualifier, opener }: ReadOpener): boolean {
  let head = before.length;
  while (head > 0 && NAME_CHAR.test(before[head - 1])) head--;
  let at = Math.max(...keywords.map((keyword) => before.lastIndexOf(keyword, head - keyword.length)));
  if (at < 0) return false;
  if (qualifier && before.startsWith(qualifier, at - qualifier.length)) at -= qualifier.length;
  opener.lastIndex = at;
  return opener.test(before);
}

function inIntDoc(index: WorkspaceIndex, doc: IntDoc, position: Position, config: Config, locale: Locale): CompletionItem[] {
  if (position.line >= doc.lines.lineCount) return [];
  const line = doc.lines.lineText(position.line);
  const cell = cellAt(line, position);
  if (!cell) return [];

  const metadata = doc.metadata;
  if (metadata && cell.column === 1 && inBody(metadata.table, position.line)) {
    const row = metadata.rows.find((r) => r.field.range.start.line === position.line);
    const field = row && metadataFieldOf(row.field.text)?.field;
    const values = field && metadataValues(field, config);
    if (values) return values.map((label) => ({ label, kind: 'value', range: cell.range }));
  }

  const credentials = credentialsTable(doc);
  if (credentials && inBody(credentials.table, position.line)) {
    if (cell.column === credentials.obligatorio) return OBLIGATORIO_VALUES.map((label) => ({ label, kind: 'value', range: cell.range }));
    if (cell.column === credentials.variable) return envVarItems(index, doc.path, position, line, NAME_CHAR, locale);
  }
  return [];
}

function metadataValues(field: MetadataField, config: Config): readonly string[] | undefined {
  if (field === 'Tipo') return [...new Set([...TIPO_VALUES, ...config.tipos])];
  if (field === 'Estado') return ESTADO_VALUES;
  if (field === 'Multi-tenant') return MULTI_TENANT_VALUES;
  return undefined;
}

/** A body row of the table: below its header and delimiter lines. */
function inBody(table: Table, line: number): boolean {
  return line > table.range.start.line + 1 && line <= table.range.end.line;
}

/**
 * The table cell the cursor is in, read from the line (a half-typed row has no
 * model cell yet): its column, counted from 0 after an optional leading pipe,
 * and its content without blanks, stretched to reach the cursor.
 */
function cellAt(line: string, position: Position): { column: number; range: Range } | undefined {
  const at = position.character;
  const pipes: number[] = [];
  for (let i = 0; i < line.length; i++) if (line[i] === '|' && line[i - 1] !== '\\') pipes.push(i);
  if (pipes.length === 0) return undefined;
  const leading = line.trimStart().startsWith('|') ? 1 : 0;
  const passed = pipes.filter((p) => p < at).length;
  const column = passed - leading;
  if (column < 0) return undefined;
  let start = passed > 0 ? pipes[passed - 1] + 1 : 0;
  let end = pipes[passed] ?? line.length;
  while (start < end && /\s/.test(line[start])) start++;
  while (end > start && /\s/.test(line[end - 1])) end--;
  // An empty cell keeps its padding: the value goes where the cursor is.
  if (start === end) start = end = at;
  const range = { start: { line: position.line, character: Math.min(start, at) }, end: { line: position.line, character: Math.max(end, at) } };
  return { column, range };
}

/** Every env var name the workspace or the catalog knows, each with where it is documented. */
function envVarItems(index: WorkspaceIndex, path: string, position: Position, line: string, nameChar: RegExp, locale: Locale): CompletionItem[] {
  const range = wordAt(line, position, nameChar);
  const typed = line.slice(range.start.character, range.end.character);
  const t = (template: string, ...args: string[]) => localize(message(template, ...args), locale);
  const catalog = new Map<string, string>();
  for (const provider of PROVIDERS) for (const credential of provider.credentials) if (!catalog.has(credential.name)) catalog.set(credential.name, provider.name);

  const items: CompletionItem[] = [];
  for (const name of [...new Set([...index.envVarNames(), ...catalog.keys()])].sort()) {
    const provider = catalog.get(name);
    // The index may already hold the half-typed name from this very buffer: not a name to offer.
    if (name === typed && !provider && isOnlyUseHere(index, name, path, range)) continue;
    const docs = index.documentation(name);
    const detail =
      docs.length > 0
        ? t(COMPLETION_TEMPLATES.documented, [...new Set(docs.map((doc) => doc.code ?? docLabel(doc)))].join(', '))
        : provider
          ? t(COMPLETION_TEMPLATES.catalog, provider)
          : t(COMPLETION_TEMPLATES.undocumented);
    items.push({ label: name, kind: 'variable', detail, range });
  }
  return items;
}

function isOnlyUseHere(index: WorkspaceIndex, name: string, path: string, range: Range): boolean {
  return index
    .uses(name)
    .every((use) => use.path === path && use.range.start.line === range.start.line && use.range.start.character === range.start.character);
}

/** The run of name characters around the cursor (empty at the cursor when there is none). */
function wordAt(line: string, position: Position, nameChar: RegExp): Range {
  let start = Math.min(position.character, line.length);
  let end = start;
  while (start > 0 && nameChar.test(line[start - 1])) start--;
  while (end < line.length && nameChar.test(line[end])) end++;
  return { start: { line: position.line, character: start }, end: { line: position.line, character: end } };
}
