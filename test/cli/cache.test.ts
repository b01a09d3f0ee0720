import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonFinding } from '../../server/src/formatters/json';
import { CLEAN, replaceOnce } from '../helpers';
import { removeTempDirs, run, tempDir, writeConfig } from './workspace';

const STRIPE = 'docs/02-integraciones/INT-001-stripe.md';
const CACHE = '.simco-int-cache';

function cleanCopy(): string {
  const root = join(tempDir(), 'clean');
  cpSync(CLEAN, root, { recursive: true });
  return root;
}

async function findings(root: string, ...extra: string[]): Promise<string[]> {
  const result = await run(['check', '--cache', '--format', 'json', ...extra], { cwd: root });
  assert.ok(result.code === 0 || result.code === 1, result.stderr);
  return (JSON.parse(result.stdout) as JsonFinding[]).map((f) => `${f.file}:${f.line} ${f.ruleId}`);
}

function edit(root: string, path: string, from: string, to: string): void {
  const file = join(root, path);
  writeFileSync(file, replaceOnce(readFileSync(file, 'utf8'), from, to));
}

describe('simco-int check --cache', () => {
  after(removeTempDirs);

  it('stores the findings and reuses them for files that did not change', async () => {
    const root = cleanCopy();
    edit(root, STRIPE, '| Estado | Implementado |', '| Estado | Terminado |');
    assert.deepEqual(await findings(root), [`${STRIPE}:10 int-doc/metadata-estado`]);
    assert.ok(existsSync(join(root, CACHE)));

    // Proof of reuse without timing: a finding planted in the cache comes back while the file is unchanged.
    const cache = JSON.parse(readFileSync(join(root, CACHE), 'utf8'));
    cache.entries[STRIPE].findings[0].range.start.line = 41;
    writeFileSync(join(root, CACHE), JSON.stringify(cache));
    assert.deepEqual(await findings(root), [`${STRIPE}:42 int-doc/metadata-estado`]);

    edit(root, STRIPE, '| Estado | Terminado |', '| Estado | Implementado |');
    assert.deepEqual(await findings(root), []);
  });

  it('checks a file again when another file it depends on appears or disappears', async () => {
    const root = cleanCopy();
    assert.deepEqual(await findings(root), []);
    rmSync(join(root, 'src', 'payments'), { recursive: true });
    assert.deepEqual(await findings(root), [`${STRIPE}:101 int-doc/broken-link`]);
    mkdirSync(join(root, 'src', 'payments'));
    assert.deepEqual(await findings(root), []);
  });

  it('starts afresh when the configuration changes', async () => {
    const root = cleanCopy();
    edit(root, STRIPE, '| Tipo | Pagos |', '| Tipo | Cobros |');
    edit(root, 'MASTER_INVENTORY.yml', 'tipo: "pagos"', 'tipo: "cobros"');
    assert.deepEqual(await findings(root), [`${STRIPE}:9 int-doc/metadata-tipo`]);
    writeConfig(root, JSON.stringify({ tipos: ['Cobros'] }));
    assert.deepEqual(await findings(root), []);
  });

  it('still fixes, with --fix, a file whose cached findings have a safe fix', async () => {
    const root = cleanCopy();
    edit(root, STRIPE, '| Estado | Implementado |', '| Estado | implementado |');
    assert.deepEqual(await findings(root), [`${STRIPE}:10 int-doc/metadata-estado`]);
    assert.deepEqual(await findings(root, '--fix'), []);
    assert.match(readFileSync(join(root, STRIPE), 'utf8'), /\| Estado \| Implementado \|/);
    assert.deepEqual(await findings(root), []);
  });

  it('ignores a corrupt cache file and replaces it', async () => {
    const root = cleanCopy();
    writeFileSync(join(root, CACHE), '{ not json');
    assert.deepEqual(await findings(root), []);
    assert.doesNotThrow(() => JSON.parse(readFileSync(join(root, CACHE), 'utf8')));
  });

  it('writes the cache where --cache-location says', async () => {
    const root = cleanCopy();
    assert.deepEqual(await findings(root, '--cache-location', 'build/simco.cache'), []);
    assert.ok(existsSync(join(root, 'build', 'simco.cache')));
    assert.ok(!existsSync(join(root, CACHE)));
  });

});
