import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { byPosition } from '../engine/lint';
import { decodeBytes } from '../engine/text';
import type { Finding } from '../engine/types';
import { WorkspaceIndex } from '../engine/workspace/index';
import { settleWorkspaceFindings, workspaceFindings } from '../engine/workspace/lint-workspace';
import type { CacheEntry, CheckCache } from './cache';
import { checkFiles, diskFacts, readCheckedFile, type CheckOptions, type CheckResult, type SliceCheck } from './check';
import { trackedSecretEnvFiles } from './git';
import { walkWorkspace } from './walk';

// A whole `check` over a folder: walk, reuse cached findings for unchanged
// files, and check the rest. Parsing Markdown (remark/micromark) is nearly
// all of the time and files are independent, so a large set is split across
// worker threads: the main thread takes one slice, each worker another.
// Each file's facts come back with its findings; the workspace rules then
// run once over all of them here.

/** Below this, starting a worker (loading the bundle) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 200;

export interface RunOptions extends CheckOptions {
  /** The script a worker runs: the bundled CLI itself. Without it everything runs on this thread. */
  workerScript?: string;
  cache?: CheckCache;
}

interface WorkerTask {
  simcoIntCheck: true;
  options: Omit<CheckOptions, 'rules'>;
  files: string[];
  record: boolean;
}

interface SliceResult {
  result: SliceCheck;
  entries: Array<[string, CacheEntry]>;
}

export async function runCheck(options: RunOptions): Promise<CheckResult> {
  const { workerScript, cache, ...check } = options;
  const threads = availableParallelism();
  const walked = walkWorkspace(check.root, check.config);
  // The cache file is the tool's own output (it may sit in the checked folder, like .eslintcache).
  const walk = cache ? { ...walked, files: walked.files.filter((file) => resolve(check.root, file) !== resolve(cache.location)) } : walked;
  const { reused, todo } = cache ? reuseCached(cache, walk.files, check) : { reused: emptyResult(), todo: walk.files };

  const parallel = workerScript !== undefined && threads > 1 && !check.rules && todo.length >= MIN_FILES_FOR_WORKERS;
  const slices = parallel ? Array.from({ length: threads }, (_, k) => todo.filter((_, i) => i % threads === k)) : [todo];
  const record = cache !== undefined;
  const [first, ...rest] = slices;
  const pending = rest.map((files) => runWorker(workerScript!, { simcoIntCheck: true, options: check, files, record }));
  const results = [checkSlice(first, check, record), ...(await Promise.all(pending))];

  if (cache) {
    for (const { entries } of results) for (const [file, entry] of entries) cache.remember(file, entry);
    cache.retainOnly(new Set(walk.files));
  }
  const all = [reused, ...results.map((r) => r.result)];
  return {
    findings: [...all.flatMap((r) => r.findings), ...checkWorkspace(all, check)].sort(byPosition),
    files: all.flatMap((r) => r.files).sort(),
    skipped: [...walk.skipped, ...all.flatMap((r) => r.skipped)],
    fixed: all.flatMap((r) => r.fixed),
  };
}

/** The workspace rules over every file's facts, each file's findings settled against its suppression comments. */
function checkWorkspace(slices: readonly SliceCheck[], options: CheckOptions): Finding[] {
  const index = new WorkspaceIndex(options.config);
  for (const slice of slices) for (const [file, facts] of slice.facts) index.set(file, facts);
  const readText = (path: string): string | undefined => {
    const read = readCheckedFile(join(options.root, path));
    return 'bytes' in read ? decodeBytes(read.bytes).text : undefined;
  };
  const byFile = workspaceFindings(index, {
    config: options.config,
    // Every indexed file came from the walk, which leaves out what .gitignore ignores.
    repository: { trackedSecretEnvFiles: trackedSecretEnvFiles(options.root) ?? [], isGitIgnored: () => false },
    readText,
    ...(options.rules ? { rules: options.rules } : {}),
  });
  const suppressing = new Set(slices.flatMap((slice) => slice.suppressing));
  const findings: Finding[] = [];
  for (const file of new Set([...byFile.keys(), ...suppressing])) {
    findings.push(...settleWorkspaceFindings(file, byFile.get(file) ?? [], suppressing.has(file) ? readText(file) : undefined, options.config));
  }
  return findings;
}

/**
 * Splits the files into those the cache still vouches for (their findings
 * reused) and those to check. With `fix`, a file whose cached findings have
 * a safe fix is checked again: it needs fixing.
 */
function reuseCached(cache: CheckCache, files: readonly string[], options: CheckOptions): { reused: SliceCheck; todo: string[] } {
  const workspace = diskFacts(options.root);
  const reused = emptyResult();
  const todo: string[] = [];
  for (const file of files) {
    const read = readCheckedFile(join(options.root, file));
    if ('skipped' in read) {
      reused.skipped.push({ path: file, message: read.skipped });
      continue;
    }
    const entry = cache.lookup(file, read.bytes, workspace);
    if (!entry || (options.fix && entry.findings.some((f) => f.fixes.some((fix) => fix.safe)))) {
      todo.push(file);
      continue;
    }
    reused.files.push(file);
    reused.findings.push(...entry.findings);
    if (entry.index) reused.facts.push([file, entry.index]);
    if (entry.suppressing) reused.suppressing.push(file);
  }
  return { reused, todo };
}

function checkSlice(files: string[], options: CheckOptions, record: boolean): SliceResult {
  const entries: Array<[string, CacheEntry]> = [];
  const result = checkFiles(files, options, record ? (file, entry) => entries.push([file, entry]) : undefined);
  return { result, entries };
}

function emptyResult(): SliceCheck {
  return { findings: [], files: [], skipped: [], fixed: [], facts: [], suppressing: [] };
}

function runWorker(script: string, task: WorkerTask): Promise<SliceResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: task });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`check worker exited with code ${code} before answering`)));
  });
}

/** True inside a worker started by runCheck. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerTask> | undefined)?.simcoIntCheck === true;
}

export function runCheckWorker(): void {
  const task = workerData as WorkerTask;
  parentPort?.postMessage(checkSlice(task.files, task.options, task.record));
}
