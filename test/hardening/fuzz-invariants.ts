import spanish from '../../l10n/bundle.l10n.es.json';
import { CRASH_TEMPLATE } from '../../server/src/engine/messages';
import { RULE_IDS } from '../../server/src/engine/rules';
import { LineIndex, stripBom } from '../../server/src/engine/text';
import type { Finding, Message, Range } from '../../server/src/engine/types';
import type { FileFacts } from '../../server/src/engine/workspace/facts';

// What must hold of anything the engine says about a file, whatever the file
// holds: ranges inside it (a line it has, a character its line has, start
// before end), messages with every slot filled, no rule crashed. Each check
// returns what is wrong, so a failing property shows the finding and fast-check
// shrinks the file to the smallest that breaks it.

let last: { rawText: string; lines: LineIndex } | undefined;

/** The file as positions count it: lintFile strips a leading BOM and counts from there. Kept for the next call: a pathological file is checked as many kinds. */
export function linesOf(rawText: string): LineIndex {
  if (last?.rawText !== rawText) last = { rawText, lines: new LineIndex(stripBom(rawText)) };
  return last.lines;
}

export function rangeProblem(range: Range, lines: LineIndex): string | undefined {
  const { start, end } = range;
  for (const [name, p] of [['start', start], ['end', end]] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `${name} ${JSON.stringify(p)} is not a position`;
    if (p.line >= lines.lineCount) return `${name} line ${p.line} is past the last line (${lines.lineCount - 1})`;
    const length = lines.lineEnd(p.line) - lines.offsetAt({ line: p.line, character: 0 });
    if (p.character > length) return `${name} ${p.line}:${p.character} is past the line's end (${length})`;
  }
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `start ${JSON.stringify(start)} is after end ${JSON.stringify(end)}`;
  return undefined;
}

const bundle: Record<string, string> = spanish;

/** Slots of a template with no argument for them, in English and (when translated) in Spanish. */
export function messageProblem(msg: Message): string | undefined {
  for (const template of [msg.template, bundle[msg.template]]) {
    if (template === undefined) continue;
    for (const slot of template.matchAll(/\{(\d+)\}/g)) {
      if (Number(slot[1]) >= msg.args.length) return `"${template}" has slot ${slot[0]} but only ${msg.args.length} argument(s)`;
    }
  }
  const bad = msg.args.find((arg) => typeof arg !== 'string' || arg === 'undefined' || arg === 'NaN' || arg.includes('[object Object]'));
  return bad === undefined ? undefined : `argument ${JSON.stringify(bad)} of "${msg.template}"`;
}

/**
 * Everything wrong with the findings of one file. `texts` holds the other
 * files a fix may edit (its `changes`), to check those edits against them.
 * `lines` is the text positions count in: after a BOM, as lintFile reads it.
 */
export function findingProblems(path: string, rawText: string, findings: readonly Finding[], texts: ReadonlyMap<string, string> = new Map(), lines = linesOf(rawText)): string[] {
  const problems: string[] = [];
  for (const finding of findings) {
    const where = `${finding.ruleId} at ${JSON.stringify(finding.range)}`;
    const add = (problem: string | undefined): void => {
      if (problem) problems.push(`${where}: ${problem}`);
    };
    if (finding.message.template === CRASH_TEMPLATE) add(`rule crashed: ${finding.message.args.join(': ')}`);
    if (!RULE_IDS.has(finding.ruleId)) add('unknown rule id');
    if (finding.file !== path) add(`reported on ${finding.file}, not ${path}`);
    add(rangeProblem(finding.range, lines));
    add(messageProblem(finding.message));
    for (const fix of finding.fixes) {
      add(messageProblem(fix.title));
      for (const edit of fix.edits) add(rangeProblem(edit.range, lines) && `fix "${fix.title.template}": ${rangeProblem(edit.range, lines)}`);
      for (const change of fix.changes ?? []) {
        const other = texts.get(change.file);
        for (const edit of change.edits) {
          if (change.create) {
            const { start, end } = edit.range;
            if (start.line !== 0 || start.character !== 0 || end.line !== 0 || end.character !== 0) add(`fix creates ${change.file} with an edit at ${JSON.stringify(edit.range)}, not 0:0`);
          } else if (other === undefined) {
            add(`fix edits ${change.file}, which does not exist`);
          } else {
            const problem = rangeProblem(edit.range, linesOf(other));
            if (problem) add(`fix edits ${change.file}: ${problem}`);
          }
        }
      }
    }
  }
  return problems;
}

/** Ranges in the facts a file gives the workspace rules: they become findings on that file. */
export function factsProblems(rawText: string, facts: FileFacts | undefined): string[] {
  if (!facts) return [];
  const lines = linesOf(rawText);
  const ranges: Array<[string, Range]> = [];
  switch (facts.kind) {
    case 'int-doc':
      if (facts.title) ranges.push(['title', facts.title.range]);
      for (const [field, cell] of Object.entries(facts.metadata)) ranges.push([`metadata ${field}`, cell.range]);
      for (const row of facts.rows) ranges.push(['row name', row.range], ['row', row.rowRange]);
      break;
    case 'inventory':
      for (const entry of facts.entries) {
        ranges.push(['entry', entry.range]);
        for (const [key, field] of Object.entries(entry.fields)) ranges.push([`key ${key}`, field.keyRange], [`value ${key}`, field.valueRange]);
      }
      break;
    case 'env':
      for (const key of facts.keys) ranges.push([`key ${key.name}`, key.range]);
      break;
    case 'source':
      for (const read of facts.reads) ranges.push([`read ${read.name}`, read.range]);
      break;
  }
  return ranges.flatMap(([what, range]) => {
    const problem = rangeProblem(range, lines);
    return problem ? [`${facts.kind} fact ${what}: ${problem}`] : [];
  });
}

/** The text a range covers (for properties that a range covers exactly what it names). */
export function textAt(lines: LineIndex, range: Range): string {
  return lines.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/**
 * Runs `fn` and returns what it wrote to the console or as a process warning:
 * the engine is pure, and anything it prints lands in the CLI's stderr or the
 * server's log, outside any finding (and maybe with a file's text in it).
 */
export function printedBy<T>(fn: () => T): { value: T; printed: string[] } {
  const printed: string[] = [];
  const saved = { emitWarning: process.emitWarning, log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
  const record = (...args: unknown[]): void => {
    printed.push(args.map(String).join(' '));
  };
  process.emitWarning = record as typeof process.emitWarning;
  Object.assign(console, { log: record, warn: record, error: record, info: record, debug: record });
  try {
    return { value: fn(), printed };
  } finally {
    process.emitWarning = saved.emitWarning;
    Object.assign(console, { log: saved.log, warn: saved.warn, error: saved.error, info: saved.info, debug: saved.debug });
  }
}
