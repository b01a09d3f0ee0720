import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { Script } from 'node:vm';

// Loads the CLI bundle through V8's code cache. Without one, every process
// and every check thread parses and compiles the 1.5 MB bundle again: about
// 30 ms of the CLI's 100 ms start. Node.js 22.1+ keeps that cache itself
// (module.enableCompileCache); on Node.js 20 this module does the same with
// vm.Script, in one file per user: the bytecode V8 compiled during the first
// run, handed back to it by the next ones. NODE_DISABLE_COMPILE_CACHE=1 turns
// either off, as it does Node's own.
//
// The cache is code: only its owner may write it. Its folder is made private
// and is not used when it is a link, someone else's, or writable by others.
// Its name is a hash of the bundle and the Node.js version: before running
// cached bytecode V8 checks the source's length and its own flags, not the
// source itself.

/** Requires `file` (CommonJS) with its compiled code cached across runs. */
export function requireWithCompileCache(file: string): unknown {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return require(file);
  const builtIn = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (builtIn) {
    builtIn();
    return require(file);
  }
  return requireThroughVm(file);
}

function requireThroughVm(file: string): unknown {
  const source = readFileSync(file, 'utf8');
  const folder = privateFolder();
  const key = createHash('sha256').update(source).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 32);
  const cacheFile = folder && join(folder, `${key}.v8cache`);
  const cachedData = cacheFile ? readOrUndefined(cacheFile) : undefined;
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  // Written once, at the end of the first run, so it holds what that run compiled; the check's worker threads only read it.
  if (cacheFile && isMainThread && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(cacheFile, script));

  const loaded = new Module(file);
  loaded.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(loaded.exports, loaded.exports, createRequire(file), loaded, file, dirname(file));
  loaded.loaded = true;
  return loaded.exports;
}

/** The user's own cache folder in the temporary folder, or undefined when it is not safe to run code from. */
function privateFolder(): string | undefined {
  const uid = process.getuid?.();
  const folder = join(tmpdir(), `simco-int-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch {
    // Already there (checked below), or the temporary folder is read-only (then the check below fails too).
  }
  try {
    const stat = lstatSync(folder);
    if (!stat.isDirectory()) return undefined;
    // Where there are no user ids (Windows) the temporary folder is the user's own, and the mode bits are made up.
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Replaces the folder's cache with this run's, atomically; a cache that cannot be written is only a slower next start. */
function writeCache(cacheFile: string, script: Script): void {
  const folder = dirname(cacheFile);
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, cacheFile);
    // One bundle, one cache: the files of earlier versions would only pile up.
    for (const name of readdirSync(folder)) if (join(folder, name) !== cacheFile && name.endsWith('.v8cache')) rmSync(join(folder, name), { force: true });
  } catch {
    rmSync(temporary, { force: true });
  }
}
