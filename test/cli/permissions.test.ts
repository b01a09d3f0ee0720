import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs, tempDir } from './workspace';
import { bundleIn } from '../hardening/odd-workspaces';

// Files and folders the user cannot read or write. Root reads and writes
// anything whatever the mode, and CI runs as root, so there the bundled CLI
// runs as the unprivileged user `nobody` (util-linux's setpriv): these tests
// run everywhere instead of being skipped where CI is.

const DOCS = 'docs/02-integraciones';
const asRoot = process.getuid?.() === 0;

/** A workspace `nobody` can traverse, with its own copy of the built command. */
function workspace(): { root: string; cli: string } {
  const dir = tempDir();
  const cli = bundleIn(dir, 'cli.js');
  const root = join(dir, 'ws');
  mkdirSync(join(root, DOCS), { recursive: true });
  writeFileSync(join(root, 'simco-int.config.json'), JSON.stringify({ rules: { 'int-doc/missing-section': 'off' } }));
  for (const name of ['INT-001-a.md', 'INT-002-b.md']) writeFileSync(join(root, DOCS, name), `# ${name.slice(0, 7)}: X\n`);
  return { root, cli };
}

function runUnprivileged(cli: string, argv: string[], cwd: string) {
  const node = process.execPath;
  const [command, args] = asRoot
    ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--reset-env', node, cli, ...argv]]
    : [node, [cli, ...argv]];
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH } });
  if (result.error) throw result.error;
  return { code: result.status, stderr: result.stderr };
}

describe('unreadable and unwritable paths (bundled CLI, as an unprivileged user)', () => {
  after(removeTempDirs);

  it('skips a file it cannot read, says so, and checks the rest', () => {
    const { root, cli } = workspace();
    chmodSync(join(root, DOCS, 'INT-001-a.md'), 0o000);
    const result = runUnprivileged(cli, ['check', '.', '--format', 'json'], root);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, `simco-int: Skipped "${DOCS}/INT-001-a.md": Cannot read this file (EACCES); it was not checked.\n`);
  });

  it('skips a folder it cannot read and walks the rest', () => {
    const { root, cli } = workspace();
    mkdirSync(join(root, 'private'));
    writeFileSync(join(root, 'private', '.env'), 'stripeKey=x\n');
    chmodSync(join(root, 'private'), 0o000);
    const result = runUnprivileged(cli, ['check', '.', '--format', 'json'], root);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, 'simco-int: Skipped "private": Cannot read this folder (EACCES); its files were not checked.\n');
  });

  it('exits 2 for a folder to check that it cannot read', () => {
    const { root, cli } = workspace();
    chmodSync(root, 0o000);
    const result = runUnprivileged(cli, ['check', 'ws'], join(root, '..'));
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'simco-int: Cannot read folder "ws" (EACCES).\nRun "simco-int --help" for usage.\n');
  });

  it('only warns when it cannot write the cache', () => {
    const { root, cli } = workspace();
    mkdirSync(join(root, 'locked'), { mode: 0o555 });
    chmodSync(join(root, 'locked'), 0o555);
    const result = runUnprivileged(cli, ['check', '.', '--cache', '--cache-location', 'locked/cache', '--format', 'json'], root);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, 'simco-int: Cannot write the cache to "locked/cache" (EACCES); the next run checks every file again.\n');
  });
});
