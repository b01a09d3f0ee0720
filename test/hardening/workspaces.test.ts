import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonFinding } from '../../server/src/formatters/json';
import { removeTempDirs, tempDir } from '../cli/workspace';
import { CLEAN, replaceOnce } from '../helpers';
import {
  asNobody,
  BIG_FINDINGS,
  bundle,
  bundleIn,
  canMountReadOnly,
  makeOddWorkspace,
  ODD_CASES,
  onReadOnlyMount,
  vanishingHook,
  writeBigWorkspace,
  type Argv,
  type Expected,
} from './odd-workspaces';

// Big and odd workspaces through the bundled CLI, as CI runs it: it must
// finish, name on stderr every path it skipped (in its usual format) and
// report the right findings for the rest. server-workspaces.test.ts holds
// the language server to the same table. Times and memory are measured by
// bench/big-workspace.mjs; the bounds here are generous.

const FILES = 50_000;
/** Peak RSS allowed for a check of FILES files: about seven times what bench/big-workspace.mjs measures (~210 MB). */
const MAX_RSS_BYTES = 1.5 * 1024 ** 3;
const MAX_RSS = join(__dirname, '..', '..', 'bench', 'max-rss.cjs');
const DOCS = 'docs/02-integraciones';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory in bytes, when asked for. */
  rss?: number;
}

/** Runs `argv` to its end; a run that hangs past `timeout` (ms) fails the test (spawnSync's ETIMEDOUT). */
function run(argv: Argv, cwd: string, { rssFile, timeout = 60_000 }: { rssFile?: string; timeout?: number } = {}): Run {
  const env = { PATH: process.env.PATH, ...(rssFile ? { BENCH_RSS_FILE: rssFile } : {}) };
  const result = spawnSync(argv[0], argv.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout });
  if (result.error) throw result.error;
  const rss = rssFile ? Number(readFileSync(rssFile, 'utf8')) : undefined;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ...(rss ? { rss } : {}) };
}

/** The bundled CLI, which writes its peak memory to $BENCH_RSS_FILE when it exits (see run). */
function measured(...args: string[]): Argv {
  return [process.execPath, '--require', MAX_RSS, bundle('cli.js'), ...args];
}

const brief = (stdout: string): Expected[] => (JSON.parse(stdout) as JsonFinding[]).map(({ file, ruleId, line }) => ({ file, ruleId, line }));
const errorsIn = (stdout: string): boolean => (JSON.parse(stdout) as JsonFinding[]).some((finding) => finding.severity === 'error');
const stderrOf = (lines: readonly string[]): string => lines.map((line) => `simco-int: ${line}\n`).join('');

describe('big and odd workspaces (bundled CLI)', function () {
  this.timeout(120_000);
  after(function () {
    this.timeout(600_000); // a 50,000-file tree takes a while to delete on a busy machine
    removeTempDirs();
  });

  it(`checks ${FILES} files, cold, from --cache and again without it, finds what is deep in the tree and stays under 1.5 GB`, function () {
    this.timeout(900_000);
    const big = { timeout: 240_000 };
    const dir = tempDir();
    const root = join(dir, 'ws');
    writeBigWorkspace(root, FILES);
    const rss = join(dir, 'rss');

    const cold = run(measured('check', '.', '--format', 'json', '--cache'), root, { ...big, rssFile: rss });
    assert.equal(cold.stderr, '');
    assert.equal(cold.code, 0);
    assert.deepEqual(brief(cold.stdout), BIG_FINDINGS);
    assert.ok(cold.rss! < MAX_RSS_BYTES, `peak RSS ${cold.rss} bytes`);

    const warm = run(measured('check', '.', '--quiet', '--cache'), root, { ...big, rssFile: rss });
    assert.deepEqual([warm.code, warm.stdout, warm.stderr], [0, `\u2714 No errors found in ${FILES} files.\n`, '']);
    assert.ok(warm.rss! < MAX_RSS_BYTES, `peak RSS ${warm.rss} bytes`);

    // The cache it left (over 5 MB here) is the tool's own file: not checked, not "skipped" either.
    const plain = run([process.execPath, bundle('cli.js'), 'check', '.', '--quiet'], root, big);
    assert.deepEqual([plain.code, plain.stdout, plain.stderr], [0, `\u2714 No errors found in ${FILES} files.\n`, '']);
  });

  for (const oddCase of ODD_CASES) {
    it(`names what it skipped and checks the rest: ${oddCase.name}`, () => {
      const dir = tempDir();
      const root = join(dir, 'ws');
      makeOddWorkspace(root, oddCase);
      const cli = bundleIn(dir, 'cli.js');
      const hook = oddCase.vanish ? ['--require', vanishingHook(dir, root, oddCase.vanish)] : [];
      const argv: Argv = [process.execPath, ...hook, cli, 'check', '.', '--format', 'json'];
      const result = run(oddCase.asNobody ? asNobody(argv) : argv, root);
      assert.equal(result.stderr, stderrOf(oddCase.skipped));
      assert.deepEqual(brief(result.stdout), oddCase.findings);
      assert.equal(result.code, errorsIn(result.stdout) ? 1 : 0);
    });
  }

  describe('a workspace it cannot write', () => {
    const INT_003 = `${DOCS}/INT-003-twilio-whatsapp.md`;
    /** The clean fixture with an error that has a safe fix (int-doc/metadata-estado: the case of a known Estado). */
    function fixable(): { dir: string; root: string; before: string } {
      const dir = tempDir();
      const root = join(dir, 'ws');
      cpSync(CLEAN, root, { recursive: true });
      const before = replaceOnce(readFileSync(join(root, INT_003), 'utf8'), '| Estado | Documentado |', '| Estado | documentado |');
      writeFileSync(join(root, INT_003), before);
      return { dir, root, before };
    }

    /** check --cache --fix: warns about the cache and the fix it could not write, and still reports the error on disk. */
    function assertUnwritable(result: Run, root: string, before: string, code: string): void {
      assert.equal(
        result.stderr,
        stderrOf([
          `Cannot write the cache to ".simco-int-cache" (${code}); the next run checks every file again.`,
          `Skipped "${INT_003}": Cannot write the fixes to this file (${code}); it was checked but not fixed.`,
        ]),
      );
      assert.deepEqual(brief(result.stdout), [{ file: INT_003, ruleId: 'int-doc/metadata-estado', line: 10 }]);
      assert.equal(result.code, 1, 'the error is still in the file: the check fails');
      assert.equal(readFileSync(join(root, INT_003), 'utf8'), before);
      assert.deepEqual(readdirSync(root, { recursive: true }).sort(), readdirSync(CLEAN, { recursive: true }).sort(), 'nothing was created');
    }

    it('on a read-only file system (a read-only bind mount)', function () {
      const { dir, root, before } = fixable();
      if (!canMountReadOnly(dir)) this.skip(); // needs root with CAP_SYS_ADMIN; the next test covers the rest
      const result = run(onReadOnlyMount(root, [process.execPath, bundle('cli.js'), 'check', '.', '--cache', '--fix', '--format', 'json']), root);
      assertUnwritable(result, root, before, 'EROFS');
    });

    it('as a user who may read the tree but not write it', () => {
      const { dir, root, before } = fixable();
      const result = run(asNobody([process.execPath, bundleIn(dir, 'cli.js'), 'check', '.', '--cache', '--fix', '--format', 'json']), root);
      assertUnwritable(result, root, before, 'EACCES');
    });
  });
});
