import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { copyWorkspace, removeTempDirs, tempDir } from './workspace';

// The `simco-int` command loads its bundle through V8's compile cache
// (server/src/compile-cache.ts): Node.js's own on 22.1+, one file per user in
// the temporary folder on Node.js 20. The cache is code, so these tests hold
// it to the same answers with and without it, and to never being read from a
// folder someone else could have written.

const COMMAND = join(__dirname, '..', '..', 'dist', 'cli.js');
const BUILT_IN = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const uid = process.getuid?.();
const FOLDER = `simco-int-compile-cache${uid === undefined ? '' : `-${uid}`}`;

/** Runs the built command on a workspace with defects with its own temporary folder. */
function check(tmp: string, env: Record<string, string> = {}) {
  const workspace = copyWorkspace('cli-defects');
  const result = spawnSync(process.execPath, [COMMAND, 'check', '.', '--format', 'json'], {
    cwd: workspace,
    env: { PATH: process.env.PATH, TMPDIR: tmp, ...env },
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { code: result.status, findings: JSON.parse(result.stdout) as Array<{ file: string; line: number; ruleId: string }>, stderr: result.stderr };
}

const shown = (run: ReturnType<typeof check>) => ({ code: run.code, findings: run.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`), stderr: run.stderr });

function cacheFiles(tmp: string): string[] {
  const folder = join(tmp, FOLDER);
  return existsSync(folder) ? readdirSync(folder).map((name) => join(folder, name)) : [];
}

describe('the compile cache of the simco-int command', () => {
  after(removeTempDirs);

  it('answers from the cache as it did without it, from a folder only its user can write', () => {
    const tmp = tempDir();
    const first = check(tmp);
    assert.equal(first.code, 1);
    assert.ok(first.findings.length > 0);
    const second = check(tmp);
    assert.deepEqual(shown(second), shown(first));
    assert.deepEqual(shown(check(tmp, { NODE_DISABLE_COMPILE_CACHE: '1' })), shown(first));
    if (BUILT_IN) {
      assert.ok(readdirSync(join(tmp, 'node-compile-cache')).length > 0, "Node.js's own cache is written");
      return;
    }
    const [file, ...others] = cacheFiles(tmp);
    assert.deepEqual(others, []);
    assert.match(file, /[0-9a-f]{32}\.v8cache$/);
    assert.equal(statSync(join(tmp, FOLDER)).mode & 0o777, 0o700);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.ok(statSync(file).size > 100_000, 'the cache holds the bundle compiled');
  });

  it('writes the cache once and reads it after that', function () {
    if (BUILT_IN) this.skip(); // Node.js's own cache: its behaviour is Node's
    const tmp = tempDir();
    check(tmp);
    const [file] = cacheFiles(tmp);
    const written = readFileSync(file);
    const { mtimeMs } = statSync(file);
    check(tmp);
    assert.deepEqual(cacheFiles(tmp), [file]);
    assert.equal(statSync(file).mtimeMs, mtimeMs);
    assert.deepEqual(readFileSync(file), written);
  });

  it('replaces a cache V8 rejects (damaged, or from other flags) and answers the same', function () {
    if (BUILT_IN) this.skip();
    const tmp = tempDir();
    const clean = check(tmp);
    const [file] = cacheFiles(tmp);
    writeFileSync(file, Buffer.alloc(4096, 0x5a));
    assert.deepEqual(shown(check(tmp)), shown(clean));
    assert.ok(statSync(file).size > 100_000, 'rewritten from this run');
  });

  it('never uses a cache folder that others can write, that is a link, or that is a file', function () {
    if (BUILT_IN) this.skip();
    const clean = check(tempDir());

    const open = tempDir();
    mkdirSync(join(open, FOLDER));
    chmodSync(join(open, FOLDER), 0o777);
    assert.deepEqual(shown(check(open)), shown(clean));
    assert.deepEqual(cacheFiles(open), []);

    const linked = tempDir();
    mkdirSync(join(linked, 'elsewhere'));
    symlinkSync(join(linked, 'elsewhere'), join(linked, FOLDER));
    assert.deepEqual(shown(check(linked)), shown(clean));
    assert.deepEqual(readdirSync(join(linked, 'elsewhere')), []);

    const blocked = tempDir();
    writeFileSync(join(blocked, FOLDER), 'not a folder');
    assert.deepEqual(shown(check(blocked)), shown(clean));
  });

  it('writes nothing with NODE_DISABLE_COMPILE_CACHE=1', () => {
    const tmp = tempDir();
    check(tmp, { NODE_DISABLE_COMPILE_CACHE: '1' });
    assert.deepEqual(readdirSync(tmp).filter((name) => name.includes('compile-cache')), []);
  });
});
