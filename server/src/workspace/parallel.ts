import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { byPosition } from '../engine/lint';
import { checkFiles, checkFolder, type CheckOptions, type CheckResult } from './check';
import { walkWorkspace } from './walk';

// Parsing Markdown (remark/micromark) is nearly all of a check's time, and
// files are independent, so a large workspace is split across worker
// threads: the main thread takes one slice, each worker another.

/** Below this, starting a worker (loading the bundle) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 200;

interface WorkerTask {
  simcoIntCheck: true;
  options: Omit<CheckOptions, 'rules'>;
  files: string[];
}

export interface ParallelCheckOptions extends CheckOptions {
  /** The script a worker runs: the bundled CLI itself. Without it everything runs on this thread. */
  workerScript?: string;
  /** Threads to use, this one included; defaults to the machine's parallelism. */
  threads?: number;
}

export async function checkFolderInParallel(options: ParallelCheckOptions): Promise<CheckResult> {
  const { workerScript, threads = availableParallelism(), ...check } = options;
  if (!workerScript || threads < 2 || check.rules) return checkFolder(check);
  const walk = walkWorkspace(check.root, check.config);
  if (walk.files.length < MIN_FILES_FOR_WORKERS) {
    const result = checkFiles(walk.files, check);
    return { ...result, skipped: [...walk.skipped, ...result.skipped] };
  }
  // Interleaved slices: neighbouring files (same folder, similar size) spread evenly.
  const slices = Array.from({ length: threads }, (_, k) => walk.files.filter((_, i) => i % threads === k));
  const workers = slices.slice(1).map((files) => runWorker(workerScript, { simcoIntCheck: true, options: check, files }));
  const results = [checkFiles(slices[0], check), ...(await Promise.all(workers))];
  return {
    findings: results.flatMap((r) => r.findings).sort(byPosition),
    files: results.flatMap((r) => r.files),
    skipped: [...walk.skipped, ...results.flatMap((r) => r.skipped)],
    fixed: results.flatMap((r) => r.fixed),
  };
}

function runWorker(script: string, task: WorkerTask): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: task });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`check worker exited with code ${code} before answering`)));
  });
}

/** True inside a worker started by checkFolderInParallel. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerTask> | undefined)?.simcoIntCheck === true;
}

export function runCheckWorker(): void {
  const task = workerData as WorkerTask;
  parentPort?.postMessage(checkFiles(task.files, task.options));
}
