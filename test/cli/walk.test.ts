import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, type Config } from '../../server/src/engine/config/config';
import { localize } from '../../server/src/engine/messages';
import { walkWorkspace, type WalkResult } from '../../server/src/workspace/walk';
import { CLEAN } from '../helpers';
import { copyWorkspace, removeTempDirs, tempDir } from './workspace';

const DOC = '# INT-007: Pagos\n';
const config = (overrides: Partial<Config> = {}): Config => ({ ...defaultConfig(), ...overrides });
/** The INT docs among the walked files: what the .gitignore, glob and link cases are about. */
const intDocs = (walk: WalkResult): string[] => walk.files.filter((file) => /(?:^|\/)INT-[^/]*\.md$/.test(file));
const skippedLines = (walk: WalkResult): string[] => walk.skipped.map((s) => `${s.path}: ${localize(s.message)}`);

function write(root: string, path: string, text = DOC): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('workspace walk', () => {
  after(removeTempDirs);

  it('returns the files of the clean workspace, relative and sorted, and skips nothing', () => {
    const walk = walkWorkspace(CLEAN, config());
    assert.deepEqual(walk.files, [
      '.env.example',
      'MASTER_INVENTORY.yml',
      'docs/02-integraciones/INT-001-stripe.md',
      'docs/02-integraciones/INT-002-twilio-sms.md',
      'docs/02-integraciones/INT-003-twilio-whatsapp.md',
      'src/notifications/twilio_client.py',
      'src/payments/stripe.client.ts',
    ]);
    assert.deepEqual(walk.skipped, []);
  });

  it('returns every file, not only INT docs, env files and source: the secret scanner reads them all', () => {
    const root = tempDir();
    write(root, 'notes.txt');
    write(root, 'docs/02-integraciones/INT-001-stripe.md');
    write(root, 'deploy/Dockerfile');
    assert.deepEqual(walkWorkspace(root, config()).files, ['deploy/Dockerfile', 'docs/02-integraciones/INT-001-stripe.md', 'notes.txt']);
  });

  it('respects .gitignore at every level, a deeper "!" re-including, and the config ignore globs', () => {
    const root = copyWorkspace('cli-defects');
    assert.deepEqual(intDocs(walkWorkspace(root, config({ ignore: ['legacy/**'] }))), [
      'docs/02-integraciones/INT-7-Pagos.md',
      'docs/02-integraciones/INT-9-conservar.local.md',
    ]);
    assert.deepEqual(intDocs(walkWorkspace(root, config())), [
      'docs/02-integraciones/INT-7-Pagos.md',
      'docs/02-integraciones/INT-9-conservar.local.md',
      'legacy/INT-2-legacy.md',
    ]);
  });

  it('applies config globs to folders and files alike', () => {
    const root = copyWorkspace('cli-defects');
    const walk = walkWorkspace(root, config({ ignore: ['**/INT-7-*.md', 'legacy'] }));
    assert.deepEqual(intDocs(walk), ['docs/02-integraciones/INT-9-conservar.local.md']);
  });

  it('always skips .git and node_modules, and honours .git/info/exclude', () => {
    const root = copyWorkspace('cli-defects');
    write(root, 'node_modules/pagos/docs/02-integraciones/INT-001-stripe.md');
    write(root, 'packages/api/node_modules/x/INT-002-x.md');
    write(root, '.git/INT-003-git.md');
    write(root, '.git/info/exclude', 'local/\n');
    write(root, 'local/INT-004-local.md');
    const walk = walkWorkspace(root, config({ ignore: ['legacy/**'] }));
    assert.deepEqual(intDocs(walk), ['docs/02-integraciones/INT-7-Pagos.md', 'docs/02-integraciones/INT-9-conservar.local.md']);
    assert.deepEqual(walk.skipped, []);
  });

  it('skips a temporary file that an interrupted --fix left behind, and nothing that only looks like one', () => {
    const root = copyWorkspace('cli-defects');
    write(root, 'docs/02-integraciones/.INT-7-Pagos.md.simco-int-0a1b2c3d4e5f.tmp', 'sk_live_leftover');
    write(root, 'notes/.draft.simco-int-notes.tmp', 'kept');
    const walk = walkWorkspace(root, config({}));
    assert.ok(!walk.files.some((file) => file.includes('0a1b2c3d4e5f')));
    assert.ok(walk.files.includes('notes/.draft.simco-int-notes.tmp'));
  });

  it('terminates on symbolic link loops and reports each link it did not follow', () => {
    const root = copyWorkspace('cli-defects');
    symlinkSync('..', join(root, 'docs', 'up'), 'dir');
    symlinkSync('.', join(root, 'docs', '02-integraciones', 'self'), 'dir');
    const walk = walkWorkspace(root, config({ ignore: ['legacy/**'] }));
    assert.deepEqual(intDocs(walk), ['docs/02-integraciones/INT-7-Pagos.md', 'docs/02-integraciones/INT-9-conservar.local.md']);
    assert.deepEqual(skippedLines(walk), [
      'docs/02-integraciones/self: A symbolic link back to "docs/02-integraciones" (a loop); not followed.',
      'docs/up: A symbolic link back to "." (a loop); not followed.',
    ]);
  });

  it('follows a link to a folder once, and reports a second way to the same folder', () => {
    const root = tempDir();
    const outside = tempDir();
    write(outside, 'INT-005-externo.md');
    write(root, 'a/INT-001-a.md');
    symlinkSync(join(root, 'a'), join(root, 'b'), 'dir');
    symlinkSync(outside, join(root, 'shared'), 'dir');
    const walk = walkWorkspace(root, config());
    assert.deepEqual(walk.files, ['a/INT-001-a.md', 'shared/INT-005-externo.md']);
    assert.deepEqual(skippedLines(walk), ['b: A symbolic link to "a", which is already checked; not checked twice.']);
  });

  it('reports a broken link only where an INT doc, env file or source file was expected', () => {
    const root = tempDir();
    write(root, 'docs/02-integraciones/INT-001-stripe.md');
    symlinkSync('missing.md', join(root, 'docs', '02-integraciones', 'INT-002-roto.md'));
    symlinkSync('missing.txt', join(root, 'notes.txt'));
    const walk = walkWorkspace(root, config());
    assert.deepEqual(walk.files, ['docs/02-integraciones/INT-001-stripe.md']);
    assert.deepEqual(skippedLines(walk), ['docs/02-integraciones/INT-002-roto.md: A broken symbolic link (ENOENT); not checked.']);
  });

  it('follows a link to a file under the link\'s own name', () => {
    const root = tempDir();
    write(root, 'shared/stripe.md');
    symlinkSync(join(root, 'shared', 'stripe.md'), join(root, 'INT-001-stripe.md'));
    assert.deepEqual(walkWorkspace(root, config()).files, ['INT-001-stripe.md', 'shared/stripe.md']);
  });

});
