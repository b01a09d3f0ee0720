import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../engine/config/config';
import { applyEdits, planIntDoc, type IntDocAnswers, type IntDocPlan, type PlanResult } from '../engine/generate/plan';
import { classify } from '../engine/lint';
import { decodeBytes } from '../engine/text';
import type { FileEdit } from '../engine/types';
import { WorkspaceIndex } from '../engine/workspace/index';
import { diskFacts, readCheckedFile } from './check';
import { walkWorkspace } from './walk';

// `simco-int new` on a folder: the index the plan needs (only the INT docs,
// inventories and .env templates: the files a new doc's code, entry and
// variables depend on), then the plan written to disk. The server does the
// same through the editor instead (lsp/generate.ts).

/** The cross-file facts a plan reads, from the files on disk. */
function indexForPlan(root: string, config: Config): WorkspaceIndex {
  const index = new WorkspaceIndex(config);
  for (const path of walkWorkspace(root, config).files) {
    const kind = classify(path, config);
    if (kind !== 'int-doc' && kind !== 'inventory' && kind !== 'env') continue;
    const text = readText(root, path);
    if (text !== undefined) index.update(path, text);
  }
  return index;
}

function readText(root: string, path: string): string | undefined {
  const read = readCheckedFile(join(root, path));
  return 'bytes' in read ? decodeBytes(read.bytes).text : undefined;
}

/** The local calendar date, YYYY-MM-DD: what "today" means to the person generating a doc. */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function planOnDisk(root: string, config: Config, answers: IntDocAnswers): PlanResult {
  const exists = diskFacts(root).exists;
  return planIntDoc(answers, { index: indexForPlan(root, config), config, exists, readText: (path) => readText(root, path) });
}

/** Which file could not be written, and why (errno code). */
export interface WriteFailure {
  path: string;
  code: string;
}

/**
 * Writes a plan: the doc and any new file only if nothing is there yet
 * (`wx`), edits applied to the file's current text keeping its BOM. The new
 * doc goes first, so a file that appeared since the plan stops everything.
 */
export function writePlan(root: string, plan: IntDocPlan): WriteFailure | undefined {
  const steps: Array<[string, () => void]> = [[plan.doc.path, () => create(root, plan.doc.path, plan.doc.text)]];
  for (const edit of [plan.inventory, plan.envExample]) {
    if (edit && edit.edits.length > 0) steps.push([edit.file, () => change(root, edit)]);
  }
  for (const [path, step] of steps) {
    try {
      step();
    } catch (error) {
      return { path, code: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
  }
  return undefined;
}

function create(root: string, path: string, text: string): void {
  const absolute = join(root, path);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, text, { flag: 'wx' });
}

function change(root: string, { file, edits, create: isNew }: FileEdit): void {
  if (isNew) return create(root, file, applyEdits('', edits));
  const absolute = join(root, file);
  const read = readCheckedFile(absolute);
  if (!('bytes' in read)) throw Object.assign(new Error(read.skipped.template), { code: read.skipped.args[0] ?? 'EIO' });
  const decoded = decodeBytes(read.bytes);
  writeFileSync(absolute, (decoded.hadBom ? '\uFEFF' : '') + applyEdits(decoded.text, edits));
}
