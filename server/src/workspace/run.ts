import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { withFingerprints } from '../engine/fingerprint';
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
// files, and check the rest. Parsing Markdown (remark/micromark) and
// scanning source for secrets are nearly all of the time and files are
// independent, so a large set is shared with worker threads: every thread,
// this one included, claims the next few files from a shared counter until
// none are left, so a worker that starts late (it loads the bundle first) or
// meets slow files simply checks fewer. The slices are merged in file order,
// so the result does not depend on which thread checked what. Each file's
// facts come back with its findings; the workspace rules then run once over
// all of them here.

/** Below this, starting a worker (loading the bundle) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 200;
/** Files a thread claims at a time: small enough that the threads finish together. */
const CLAIM = 16;

export interface RunOptions extends CheckOptions {
  /** The script a worker runs: the bundled CLI itself. Without it everything runs on this thread. */
  workerScript?: string;
  cache?: CheckCache;
  /** Absolute paths of the tool's own files in the folder (a baseline): never checked, like the cache. */
  ownFiles?: readonly string[];
}

interface WorkerTask {
  options: Omit<CheckOptions, 'rules'>;
  /** Every file to check; a thread checks those it claims through `next`. */
  files: string[];
  /** Index of the next unclaimed file, on a SharedArrayBuffer all threads see. */
  next: Int32Array;
  record: boolean;
}

interface SliceResult {
  result: SliceCheck;
  entries: Array<[string, CacheEntry]>;
}

export async function runCheck(options: RunOptions): Promise<CheckResult> {
  const { workerScript, cache, ownFiles = [], ...check } = options;
  const threads = availableParallelism();
  // A worker spends its first ~100 ms loading the bundle: started as soon as the walk shows a large tree, it loads while the walk goes on.
  const workers = workerScript !== undefined && threads > 1 && !check.rules ? new CheckWorkers(workerScript, threads - 1) : undefined;
  const walked = walkWorkspace(check.root, check.config, (count) => {
    if (count === MIN_FILES_FOR_WORKERS) workers?.start();
  });
  // The cache and the baseline are the tool's own output (they may sit in the checked folder, like .eslintcache).
  const own = new Set([...ownFiles, ...(cache ? [cache.location] : [])].map((path) => resolve(path)));
  const walk = own.size > 0 ? { ...walked, files: walked.files.filter((file) => !own.has(resolve(check.root, file))) } : walked;
  const { reused, todo } = cache ? reuseCached(cache, walk.files, check) : { reused: emptyResult(), todo: walk.files };

  const record = cache !== undefined;
  const next = new Int32Array(new SharedArrayBuffer(4));
  // The cache may have left too few files to share: then the started workers stop unused.
  const shared = todo.length >= MIN_FILES_FOR_WORKERS ? (workers?.assign({ options: check, files: todo, next, record }) ?? []) : [];
  if (shared.length === 0) workers?.stop();
  const results = [checkSlice(claim(todo, next), check, record), ...(await Promise.all(shared))];

  if (cache) {
    for (const [file, entry] of results.flatMap((r) => r.entries).sort(([a], [b]) => inFileOrder(a, b))) cache.remember(file, entry);
    cache.retainOnly(new Set(walk.files));
  }
  const all = [reused, mergeSlices(results.map((r) => r.result))];
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
  const perFile = fingerprintsByFile(slices);
  const findings: Finding[] = [];
  for (const file of new Set([...byFile.keys(), ...suppressing])) {
    const text = readText(file);
    const settled = settleWorkspaceFindings(file, byFile.get(file) ?? [], suppressing.has(file) ? text : undefined, options.config);
    // Fingerprinted here, where the text is read again; the per-file lint's fingerprints stay taken.
    findings.push(...withFingerprints(settled, text ?? '', perFile.get(file)));
  }
  return findings;
}

/** The per-file findings' fingerprints, by file. */
function fingerprintsByFile(slices: readonly SliceCheck[]): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const slice of slices) {
    for (const { file, fingerprint } of slice.findings) {
      if (fingerprint === undefined) continue;
      const list = byFile.get(file);
      if (list) list.push(fingerprint);
      else byFile.set(file, [fingerprint]);
    }
  }
  return byFile;
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

/** The files this thread claims, CLAIM at a time, until every file is claimed. */
function* claim(files: readonly string[], next: Int32Array): Generator<string> {
  for (;;) {
    const start = Atomics.add(next, 0, CLAIM);
    if (start >= files.length) return;
    yield* files.slice(start, start + CLAIM);
  }
}

/** The walk's order (plain code-unit order, as walk.ts sorts). */
function inFileOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One slice of every thread's results, each list in file order whichever thread checked which file. */
function mergeSlices(slices: readonly SliceCheck[]): SliceCheck {
  const byFile = <T>(list: T[], file: (item: T) => string): T[] => list.sort((a, b) => inFileOrder(file(a), file(b)));
  return {
    findings: slices.flatMap((s) => s.findings),
    files: byFile(slices.flatMap((s) => s.files), (file) => file),
    skipped: byFile(slices.flatMap((s) => s.skipped), (skip) => skip.path),
    fixed: byFile(slices.flatMap((s) => s.fixed), (fix) => fix.file),
    facts: byFile(slices.flatMap((s) => s.facts), ([file]) => file),
    suppressing: byFile(slices.flatMap((s) => s.suppressing), (file) => file),
  };
}

function checkSlice(files: Iterable<string>, options: CheckOptions, record: boolean): SliceResult {
  const entries: Array<[string, CacheEntry]> = [];
  const result = checkFiles(files, options, record ? (file, entry) => entries.push([file, entry]) : undefined);
  return { result, entries };
}

function emptyResult(): SliceCheck {
  return { findings: [], files: [], skipped: [], fixed: [], facts: [], suppressing: [] };
}

/** The threads that share a check, started before they have a task so they load the bundle early. */
class CheckWorkers {
  private started: Array<{ worker: Worker; answer: Promise<SliceResult> }> = [];

  constructor(
    private readonly script: string,
    private readonly count: number,
  ) {}

  start(): void {
    if (this.started.length > 0) return;
    this.started = Array.from({ length: this.count }, () => {
      const worker = new Worker(this.script, { workerData: { simcoIntCheck: true } });
      // Listening from the start: a worker that fails while loading rejects its answer instead of throwing here.
      const answer = new Promise<SliceResult>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`check worker exited with code ${code} before answering`)));
      });
      return { worker, answer };
    });
  }

  /** Gives every started worker the task; empty when none was started. */
  assign(task: WorkerTask): Array<Promise<SliceResult>> {
    for (const { worker } of this.started) worker.postMessage(task);
    return this.started.map(({ answer }) => answer);
  }

  stop(): void {
    for (const { worker, answer } of this.started) {
      answer.catch(() => undefined); // never assigned: how it ends says nothing about the check
      void worker.terminate();
    }
  }
}

/** True inside a worker started by runCheck. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as { simcoIntCheck?: boolean } | undefined)?.simcoIntCheck === true;
}

/** A worker's side: waits for its task, checks the files it claims, answers once. */
export function runCheckWorker(): void {
  parentPort?.once('message', (task: WorkerTask) => parentPort?.postMessage(checkSlice(claim(task.files, task.next), task.options, task.record)));
}
