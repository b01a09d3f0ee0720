import { readFileSync } from 'node:fs';
import { stripBom } from '../engine/text';
import type { Finding } from '../engine/types';
import { codeOf } from './errno';

// A baseline lets a team adopt the tool on an old repository: `simco-int
// baseline` records today's findings, `check --baseline` reports only new
// ones. Entries are keyed by content (the finding's fingerprint: rule, file,
// a hash of the covered text), never by line number, and hold no message:
// a baseline of secret findings holds no secret.

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  file: string;
  fingerprint: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

export type BaselineRead =
  | { ok: true; baseline: Baseline }
  /** The file cannot be read: `code` is the errno code (ENOENT...). */
  | { ok: false; unreadable: string }
  /** Not JSON. (The parser's message is not kept: it quotes the text, and a wrong --baseline may name a .env.) */
  | { ok: false; notJson: true }
  /** JSON, but not a baseline: `pointer` (JSON Pointer) names the first part that is wrong. */
  | { ok: false; pointer: string };

export function readBaseline(absolute: string): BaselineRead {
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    return { ok: false, unreadable: codeOf(error) };
  }
  return parseBaseline(text);
}

export function parseBaseline(text: string): BaselineRead {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch {
    return { ok: false, notJson: true };
  }
  if (!isObject(data)) return { ok: false, pointer: '/' };
  if (data.version !== BASELINE_VERSION) return { ok: false, pointer: '/version' };
  if (!Array.isArray(data.entries)) return { ok: false, pointer: '/entries' };
  const entries: BaselineEntry[] = [];
  for (const [index, entry] of data.entries.entries()) {
    if (!isObject(entry)) return { ok: false, pointer: `/entries/${index}` };
    for (const key of ['ruleId', 'file', 'fingerprint'] as const) {
      if (typeof entry[key] !== 'string' || entry[key] === '') return { ok: false, pointer: `/entries/${index}/${key}` };
    }
    entries.push({ ruleId: entry.ruleId as string, file: entry.file as string, fingerprint: entry.fingerprint as string });
  }
  return { ok: true, baseline: { version: BASELINE_VERSION, entries } };
}

/** The baseline of these findings (those without a fingerprint cannot be recorded). */
export function baselineOf(findings: readonly Finding[]): Baseline {
  const entries = findings.flatMap(({ ruleId, file, fingerprint }) => (fingerprint === undefined ? [] : [{ ruleId, file, fingerprint }]));
  return { version: BASELINE_VERSION, entries };
}

/**
 * The file's text: sorted, without duplicates, one entry per line, so the
 * same findings always give the same bytes and a change reviews as a
 * short diff.
 */
export function formatBaseline(baseline: Baseline): string {
  const unique = new Map(baseline.entries.map((entry) => [keyOf(entry), entry]));
  const lines = [...unique.values()]
    .sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint))
    .map(({ ruleId, file, fingerprint }) => `    ${JSON.stringify({ ruleId, file, fingerprint })}`);
  return `{\n  "version": ${BASELINE_VERSION},\n  "entries": [${lines.length > 0 ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

export interface BaselineMatch {
  /** The findings the baseline does not hold: the ones to report. */
  fresh: Finding[];
  /** How many findings the baseline holds (not reported). */
  baselined: number;
  /** Entries that match no current finding: fixed, moved to another file, or changed. */
  stale: BaselineEntry[];
}

/** Splits findings into new and baselined, and finds the entries nothing matches any more. */
export function matchBaseline(findings: readonly Finding[], baseline: Baseline): BaselineMatch {
  const recorded = new Set(baseline.entries.map(keyOf));
  const matched = new Set<string>();
  const fresh: Finding[] = [];
  for (const finding of findings) {
    const key = finding.fingerprint === undefined ? undefined : keyOf(finding as BaselineEntry);
    if (key !== undefined && recorded.has(key)) matched.add(key);
    else fresh.push(finding);
  }
  const stale = baseline.entries.filter((entry) => !matched.has(keyOf(entry)));
  return { fresh, baselined: findings.length - fresh.length, stale };
}

/** The baseline without the given entries (`--prune-baseline`). */
export function withoutEntries(baseline: Baseline, remove: readonly BaselineEntry[]): Baseline {
  const removed = new Set(remove.map(keyOf));
  return { version: BASELINE_VERSION, entries: baseline.entries.filter((entry) => !removed.has(keyOf(entry))) };
}

function keyOf({ ruleId, file, fingerprint }: BaselineEntry): string {
  return `${ruleId}\0${file}\0${fingerprint}`;
}

/** Code-unit order, the same on every machine (localeCompare is not). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
