import { strict as assert } from 'node:assert';
import dotenv from 'dotenv';
import fc from 'fast-check';
import ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseEnvFile } from '../../server/src/engine/env/parse';
import { applySafeFixes, fixAll } from '../../server/src/engine/fixes';
import { parseIntDoc } from '../../server/src/engine/intdoc/model';
import { classify, lintText } from '../../server/src/engine/lint';
import { parseInventory } from '../../server/src/engine/inventory/parse';
import { RULES } from '../../server/src/engine/rules';
import { LineIndex } from '../../server/src/engine/text';
import type { Finding, Fix, Range, TextEdit } from '../../server/src/engine/types';
import { build, CONFIG, lintWorkspace, SLOTS, variations, type Files, type Variation } from './fixes-workspace';

// Fixes lose nothing (issue 9): on generated variations of the clean
// workspace (fixes-workspace.ts), every fix and suggestion any rule offers,
// applied on its own the way an editor applies it, and `--fix`'s fix-all,
// must keep each file readable by its own parser, change only the text in
// the ranges it claims (so line endings, BOM and the final newline outside
// them stay byte for byte), make its finding go, and never overlap itself.

const BOM = '\uFEFF';
/** Runs per property; FIXES_RUNS=300 for a longer search (about two minutes). */
const RUNS = Number(process.env.FIXES_RUNS ?? 30);

/** Counterexamples the search found once, kept as cases: each was a bug (see the comments where they were fixed). */
const FOUND: Variation[] = [
  // A BOM: every fix-all edit on line 1 landed one character early (fixes.ts).
  { choices: { title: 0 }, crlf: false, bom: true, noFinalNewline: false, noise: '', noiseAt: 'descripcion' as const },
  // A line `<!--` above an unused suppression: removing it left the comment open over the rest of the doc (suppressions.ts).
  { choices: { suppression: 0 }, crlf: false, bom: false, noFinalNewline: false, noise: '<!--', noiseAt: 'descripcion' as const },
  // A comment left open to the end: the missing section and the footer were inserted inside it (intdoc/open-block.ts).
  { choices: { footer: 0, fallbacks: 0 }, crlf: true, bom: false, noFinalNewline: false, noise: '<!--<!--', noiseAt: 'descripcion' as const },
  // A BOM, then a line starting with U+FEFF: micromark dropped that one too and every offset came out one short (markdown/parse.ts).
  { choices: { rateLimits: 0 }, crlf: false, bom: true, noFinalNewline: false, noise: '\uFEFF', noiseAt: 'top' as const },
].map((found) => ({ ...found, choices: Object.fromEntries(Object.keys(SLOTS).map((slot) => [slot, found.choices[slot as keyof typeof found.choices] ?? -1])) }));

const stripBom = (text: string): { bom: string; body: string } =>
  text.startsWith(BOM) ? { bom: BOM, body: text.slice(1) } : { bom: '', body: text };

/** The edits applied as an editor applies them (vscode-languageserver-textdocument), to the text after any BOM. */
function editorApply(raw: string, edits: readonly TextEdit[]): string {
  const { bom, body } = stripBom(raw);
  return bom + TextDocument.applyEdits(TextDocument.create('file:///f', 'plaintext', 1, body), [...edits]);
}

/** What is wrong with an edit's range in the text it applies to: it must name real characters, never be clamped. */
function rangeProblem(text: string, range: Range): string | undefined {
  const lines = new LineIndex(stripBom(text).body);
  for (const end of [range.start, range.end]) {
    if (end.line < 0 || end.line >= lines.lineCount) return `line ${end.line} of ${lines.lineCount}`;
    const length = lines.lineText(end.line).length;
    if (end.character < 0 || end.character > length) return `character ${end.character} of line ${end.line} (length ${length})`;
  }
  if (lines.offsetAt(range.start) > lines.offsetAt(range.end)) return 'starts after it ends';
  return undefined;
}

/** Overlapping edits, or two insertions at one place (their order is the applier's guess). */
function overlapProblem(text: string, edits: readonly TextEdit[]): string | undefined {
  const lines = new LineIndex(stripBom(text).body);
  const spans = edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) {
    const [previous, next] = [spans[i - 1], spans[i]];
    if (next[0] < previous[1] || (next[0] === previous[0] && previous[0] === previous[1] && next[0] === next[1])) return `${JSON.stringify(previous)} and ${JSON.stringify(next)}`;
  }
  return undefined;
}

/** A file's line breaks must stay its own: text a fix writes into a CRLF file uses CRLF, into an LF file LF. */
function eolProblem(text: string, newText: string): string | undefined {
  const crlf = text.includes('\r\n');
  const lf = /(^|[^\r])\n/.test(text);
  if (crlf && !lf && /(^|[^\r])\n/.test(newText)) return `a bare \\n in a CRLF file: ${JSON.stringify(newText)}`;
  if (lf && !crlf && newText.includes('\r')) return `a \\r in an LF file: ${JSON.stringify(newText)}`;
  return undefined;
}

const endsWithBreak = (text: string): boolean => /[\r\n]$/.test(text);

// --- What each file's own parser reads ---

interface DocShape {
  title: boolean;
  footer: boolean;
  /** Heading depths, and the text of each heading no edit touches. */
  headings: Array<{ depth: number; text: string; range: Range }>;
  tables: Array<{ header: string; rows: number }>;
  codeBlocks: number;
}

function docShape(path: string, text: string): DocShape {
  const doc = parseIntDoc(path, stripBom(text).body);
  const headings: DocShape['headings'] = [];
  const tables: DocShape['tables'] = [];
  const visit = (sections: typeof doc.sections): void => {
    for (const section of sections) {
      headings.push({ depth: section.heading.depth, text: section.heading.text, range: section.heading.range });
      for (const table of section.tables) tables.push({ header: table.header.map((c) => c.text).join('|'), rows: table.rows.length });
      visit(section.subsections);
    }
  };
  visit(doc.sections);
  return { title: doc.title !== undefined, footer: doc.footer !== undefined, headings, tables, codeBlocks: doc.codeBlocks.length };
}

const touches = (range: Range, edits: readonly TextEdit[]): boolean =>
  edits.some((e) => !before(range.end, e.range.start) && !before(e.range.end, range.start));
const before = (p: Range['start'], q: Range['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);

/** Nothing the parser read before is lost: title, footer, headings (their text unless edited), tables and their rows. */
function assertDocKept(path: string, was: string, now: string, edits: readonly TextEdit[] | undefined, rowsRemoved: number): void {
  const a = docShape(path, was);
  const b = docShape(path, now);
  if (a.title) assert.ok(b.title, 'the title is still a title');
  if (a.footer) assert.ok(b.footer, 'the footer is still the footer');
  assert.ok(b.codeBlocks >= a.codeBlocks, 'no code block is lost');
  const depths = (shape: DocShape, depth: number): number => shape.headings.filter((h) => h.depth === depth).length;
  for (const depth of [2, 3, 4]) assert.ok(depths(b, depth) >= depths(a, depth), `no level-${depth} heading is lost`);
  if (edits) {
    for (const heading of a.headings) {
      if (touches(heading.range, edits)) continue;
      assert.ok(b.headings.some((h) => h.depth === heading.depth && h.text === heading.text), `heading "${heading.text}" is kept`);
    }
  }
  const byHeader = (shape: DocShape): Map<string, number[]> => {
    const map = new Map<string, number[]>();
    for (const { header, rows } of shape.tables) map.set(header, [...(map.get(header) ?? []), rows].sort((x, y) => y - x));
    return map;
  };
  const after = byHeader(b);
  for (const [header, counts] of byHeader(a)) {
    const now = after.get(header) ?? [];
    assert.ok(now.length >= counts.length, `table "${header}" is still a table`);
    counts.forEach((rows, i) => assert.ok(now[i] >= rows - rowsRemoved, `table "${header}" keeps its rows: ${rows} -> ${now[i]}`));
  }
}

/** Every variable keeps its value for dotenv and for the engine's parser, except those on lines an edit touches. */
function assertEnvKept(was: string, now: string, edits: readonly TextEdit[] | undefined): void {
  const touched = new Set<string>();
  for (const entry of parseEnvFile('.env', stripBom(was).body).entries) {
    const line = { start: { line: entry.keyRange.start.line, character: 0 }, end: entry.valueRange.end };
    if (!edits || touches(line, edits)) touched.add(entry.key);
  }
  const values = (text: string): Array<Record<string, string>> => [
    dotenv.parse(stripBom(text).body),
    Object.fromEntries(parseEnvFile('.env', stripBom(text).body).entries.map((e) => [e.key, e.value])),
  ];
  const [afterDotenv, afterOwn] = values(now);
  const [beforeDotenv, beforeOwn] = values(was);
  for (const [key, value] of Object.entries(beforeDotenv)) if (!touched.has(key)) assert.equal(afterDotenv[key], value, `dotenv reads ${key} as before`);
  for (const [key, value] of Object.entries(beforeOwn)) if (!touched.has(key)) assert.equal(afterOwn[key], value, `${key} parses as before`);
  assert.ok(parseEnvFile('.env', stripBom(now).body).problems.length <= parseEnvFile('.env', stripBom(was).body).problems.length, 'no line becomes unreadable');
}

function assertInventoryKept(path: string, was: string, now: string): void {
  const a = parseInventory(path, stripBom(was).body);
  const b = parseInventory(path, stripBom(now).body);
  assert.ok(b.problems.length <= a.problems.length, `YAML problems: ${a.problems.length} -> ${b.problems.length} (${b.problems.map((p) => p.code).join(', ')})`);
  const entries = (file: typeof a): number => {
    try {
      const data = file.document.toJS() as { integraciones?: unknown } | null;
      return Array.isArray(data?.integraciones) ? data.integraciones.length : 0;
    } catch {
      return 0;
    }
  };
  assert.ok(entries(b) >= entries(a), `inventory entries: ${entries(a)} -> ${entries(b)}`);
}

const syntaxErrors = (path: string, text: string): number =>
  ts.transpileModule(stripBom(text).body, { fileName: path, reportDiagnostics: true }).diagnostics?.length ?? 0;

/** The file still reads as the same kind of file, with nothing outside the edits lost. */
function assertParseable(path: string, was: string | undefined, now: string, edits: readonly TextEdit[] | undefined, rowsRemoved = 0): void {
  if (was === undefined) return;
  const kind = classify(path, CONFIG);
  if (kind === 'int-doc') assertDocKept(path, was, now, edits, rowsRemoved);
  else if (kind === 'inventory') assertInventoryKept(path, was, now);
  else if (kind === 'env') assertEnvKept(was, now, edits);
  else if (path === '.gitignore') for (const line of was.split(/\r?\n/)) assert.ok(now.split(/\r?\n/).includes(line), `.gitignore keeps "${line}"`);
  else if (/\.[jt]s$/.test(path)) assert.ok(syntaxErrors(path, now) <= syntaxErrors(path, was), 'no new syntax error');
}

// --- One fix, applied as the user picks it ---

const ruleOf = (id: string) => RULES.find((rule) => rule.meta.id === id)!;
const messageIdOf = (finding: Finding, fix: Fix): string | undefined =>
  Object.entries(ruleOf(finding.ruleId)?.meta.messages ?? {}).find(([, template]) => template === fix.title.template)?.[0];

const identity = (f: Finding): string => JSON.stringify([f.ruleId, f.file, f.message]);
const countOf = (findings: readonly Finding[], key: string): number => findings.filter((f) => identity(f) === key).length;

/** Applies one fix to the workspace (its own file's edits and its changes to others), checking each edit set first. */
function applyFix(files: Files, finding: Finding, fix: Fix): Files {
  const after = new Map(files);
  const targets: Array<{ file: string; edits: TextEdit[]; create?: boolean }> = [];
  if (fix.edits.length > 0) targets.push({ file: finding.file, edits: fix.edits });
  for (const change of fix.changes ?? []) targets.push(change);
  const names = targets.map((t) => t.file);
  assert.equal(new Set(names).size, names.length, `one edit set per file, so edits to one file cannot overlap across sets: ${names.join(', ')}`);
  for (const { file, edits, create } of targets) {
    const text = files.get(file);
    if (create) assert.equal(text, undefined, `a fix creates ${file} only when it does not exist`);
    else assert.notEqual(text, undefined, `a fix edits ${file} only when it exists`);
    const base = text ?? '';
    for (const edit of edits) {
      const problem = rangeProblem(base, edit.range) ?? eolProblem(stripBom(base).body, edit.newText);
      assert.equal(problem, undefined, `${file}: ${JSON.stringify(edit)}`);
    }
    assert.equal(overlapProblem(base, edits), undefined, `${file}: overlapping edits`);
    after.set(file, editorApply(base, edits));
  }
  return after;
}

function checkFix(files: Files, findings: readonly Finding[], finding: Finding, fix: Fix): void {
  const after = applyFix(files, finding, fix);
  const messageId = messageIdOf(finding, fix);
  for (const [file, now] of after) {
    const was = files.get(file);
    if (was === now) continue;
    const edits = file === finding.file ? fix.edits : fix.changes?.find((c) => c.file === file)?.edits;
    if (was !== undefined) {
      assert.equal(stripBom(now).bom, stripBom(was).bom, `${file} keeps its BOM (or its lack of one)`);
      if (endsWithBreak(was)) assert.ok(endsWithBreak(now), `${file} still ends with a line break`);
    }
    assertParseable(file, was, now, edits, messageId === 'removeRow' ? 1 : 0);
  }
  // The engine's own application (fix-all, the tests' suggestion helper) writes what the editor writes.
  if (!fix.changes) assert.equal(applySafeFixes(files.get(finding.file)!, [{ ...finding, fixes: [{ ...fix, safe: true }] }]).text, after.get(finding.file));
  // Its finding goes: linting again finds one fewer of it.
  const key = identity(finding);
  const again = lintWorkspace(after);
  assert.ok(countOf(again, key) < countOf(findings, key), `"${fix.title.template}" leaves its finding: ${key}`);
}

// --- Fix-all, as --fix and the editor's fix-all run it ---

/** The fixes one pass takes: each finding's first safe fix, unless an edit overlaps or shares a spot with one taken. */
function firstPass(text: string, findings: readonly Finding[]): TextEdit[] {
  const lines = new LineIndex(stripBom(text).body);
  const taken: Array<[number, number]> = [];
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.safe);
    if (!fix) continue;
    const spans = fix.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as [number, number]);
    if (spans.some(([s, e]) => taken.some(([ts, te]) => (s < te && ts < e) || (s === ts && e === te)))) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
  }
  return edits;
}

function checkFixAll(path: string, raw: string): void {
  const options = { config: CONFIG, workspace: { exists: () => true } };
  const findings = lintText(path, raw, options);
  // One pass is exactly the claimed edits, applied where they say.
  assert.equal(applySafeFixes(raw, findings).text, editorApply(raw, firstPass(raw, findings)), `${path}: one fix-all pass`);
  const fixed = fixAll(path, raw, options);
  assert.equal(stripBom(fixed.text).bom, stripBom(raw).bom, `${path}: --fix keeps the BOM (or its lack of one)`);
  assert.equal(endsWithBreak(fixed.text), endsWithBreak(raw), `${path}: --fix keeps the final newline (or its lack of one)`);
  for (const line of fixed.text.split(/(?<=\r\n|\n)/)) assert.equal(eolProblem(raw, line), undefined, `${path}: --fix keeps the line breaks`);
  if (findings.some((f) => f.fixes.some((fix) => fix.safe))) assert.ok(fixed.applied > 0, `${path}: a safe fix was applied`);
  // Idempotent: fixing the fixed text changes nothing, and nothing safe is left to fix.
  const twice = fixAll(path, fixed.text, options);
  assert.equal(twice.text, fixed.text, `${path}: fixing twice is fixing once`);
  assert.deepEqual(lintText(path, fixed.text, options).filter((f) => f.fixes.some((fix) => fix.safe)).map((f) => f.ruleId), [], `${path}: no safe fix is left`);
  assertParseable(path, raw, fixed.text, undefined);
}

describe('fixes lose nothing (property tests on the clean workspace with generated mistakes)', function () {
  this.timeout(300_000);

  it('every rule with a fix or a suggestion is exercised by some mistake of the generator', () => {
    const offered = new Map<string, Set<boolean>>();
    for (const [slot, mistakes] of Object.entries(SLOTS)) {
      mistakes.forEach((_, index) => {
        const choices = Object.fromEntries(Object.keys(SLOTS).map((name) => [name, name === slot ? index : -1]));
        for (const finding of lintWorkspace(build({ choices, crlf: false, bom: false, noFinalNewline: false, noise: '', noiseAt: 'descripcion' as const }))) {
          for (const fix of finding.fixes) offered.set(finding.ruleId, (offered.get(finding.ruleId) ?? new Set()).add(fix.safe));
        }
      });
    }
    const missing = RULES.flatMap(({ meta }) => [
      ...(meta.fixable && !offered.get(meta.id)?.has(true) ? [`${meta.id} (safe fix)`] : []),
      ...(meta.hasSuggestions && !offered.get(meta.id)?.has(false) ? [`${meta.id} (suggestion)`] : []),
    ]);
    assert.deepEqual(missing, [], 'add a mistake to SLOTS in fixes-workspace.ts for each');
  });

  it('each fix and suggestion, applied on its own: valid ranges, no overlap, the file still parses, its finding goes', () => {
    fc.assert(
      fc.property(variations, (variation: Variation) => {
        const files = build(variation);
        const findings = lintWorkspace(files);
        for (const finding of findings) for (const fix of finding.fixes) checkFix(files, findings, finding, fix);
      }),
      { numRuns: RUNS, examples: FOUND.map((found) => [found]) },
    );
  });

  it('--fix (fix-all): changes only what the fixes claim, keeps BOM, line breaks and final newline, and is idempotent', () => {
    fc.assert(
      fc.property(variations, (variation: Variation) => {
        for (const [path, raw] of build(variation)) checkFixAll(path, raw);
      }),
      { numRuns: RUNS * 2, examples: FOUND.map((found) => [found]) },
    );
  });
});
