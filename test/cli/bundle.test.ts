import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN, replaceOnce } from '../helpers';
import { removeTempDirs, run, tempDir } from './workspace';

// The bundled CLI (dist/cli.js, built by `npm test` before mocha) is what
// users and CI run: remark is ESM-only and bundled into CommonJS there, and
// only the bundle starts worker threads. These tests hold it to the same
// answers as the in-process CLI.

const BUNDLE = join(__dirname, '..', '..', 'dist', 'cli.js');

function runBundle(argv: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BUNDLE, ...argv], { cwd, env: { PATH: process.env.PATH }, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A workspace big enough for the bundle to split it across threads, with a defect every 50 docs. */
function largeWorkspace(docs: number): string {
  const root = tempDir();
  const folder = join(root, 'docs', '02-integraciones');
  mkdirSync(folder, { recursive: true });
  const stripe = readFileSync(join(CLEAN, 'docs', '02-integraciones', 'INT-001-stripe.md'), 'utf8');
  for (let i = 1; i <= docs; i++) {
    const code = `INT-${String(i).padStart(3, '0')}`;
    let text = stripe.replace(/INT-001/g, code).replace(/\]\(\.\.\/\.\.\/[^)]*\)/g, '](https://example.com)');
    if (i % 50 === 0) text = replaceOnce(text, '| Estado | Implementado |', '| Estado | implementado |');
    writeFileSync(join(folder, `${code}-stripe.md`), text);
  }
  // Every doc registered, as a real workspace would have them: a 400-entry inventory.
  const entries = Array.from({ length: docs }, (_, k) => {
    const code = `INT-${String(k + 1).padStart(3, '0')}`;
    return `  - nombre: "Stripe ${code}"\n    proveedor: "Stripe"\n    tipo: "pagos"\n    estado: "activo"\n    multi_tenant: true\n    documentacion: "docs/02-integraciones/${code}-stripe.md"\n`;
  });
  writeFileSync(join(root, 'MASTER_INVENTORY.yml'), `integraciones:\n${entries.join('')}`);
  writeFileSync(join(root, '.env.example'), '# Stripe (Pagos)\nSTRIPE_API_KEY=sk_test_xxxxx\nSTRIPE_WEBHOOK_SECRET=whsec_xxxxx\nSTRIPE_PUBLISHABLE_KEY=pk_test_xxxxx\n');
  return root;
}

describe('the bundled CLI', () => {
  after(removeTempDirs);

  it('checks the clean workspace (CRLF and BOM included) with no findings and exit code 0', () => {
    const result = runBundle(['check', '.', '--format', 'json'], CLEAN);
    assert.deepEqual({ code: result.code, findings: JSON.parse(result.stdout), stderr: result.stderr }, { code: 0, findings: [], stderr: '' });
  });

  it('gives the same findings across worker threads as in one thread', async () => {
    const root = largeWorkspace(400);
    const bundled = runBundle(['check', '.', '--format', 'json'], root);
    const inProcess = await run(['check', '.', '--format', 'json'], { cwd: root });
    assert.equal(bundled.code, 1);
    assert.equal(bundled.stdout, inProcess.stdout);
    const findings = JSON.parse(bundled.stdout) as Array<{ file: string; ruleId: string; line: number }>;
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`),
      [50, 100, 150, 200, 250, 300, 350, 400].map((i) => `docs/02-integraciones/INT-${String(i).padStart(3, '0')}-stripe.md:10 int-doc/metadata-estado`),
    );
  });

  it('reuses cached findings across threads: a second --cache run reports the same', () => {
    const root = largeWorkspace(300);
    const first = runBundle(['check', '.', '--cache', '--format', 'json'], root);
    const second = runBundle(['check', '.', '--cache', '--format', 'json'], root);
    assert.equal(first.code, 1);
    assert.deepEqual(second, first);
    const cached = JSON.parse(readFileSync(join(root, '.simco-int-cache'), 'utf8')) as { entries: Record<string, unknown> };
    assert.equal(Object.keys(cached.entries).length, 302); // and .env.example, MASTER_INVENTORY.yml
  });

  it('records a baseline across threads that matches the in-process one, and checks against it with --cache', async () => {
    const root = largeWorkspace(400);
    assert.equal(runBundle(['baseline', '--output', 'bundled.json'], root).code, 0);
    assert.equal((await run(['baseline', '--output', 'in-process.json'], { cwd: root })).code, 0);
    const bundled = readFileSync(join(root, 'bundled.json'), 'utf8');
    assert.equal(bundled, readFileSync(join(root, 'in-process.json'), 'utf8'));
    assert.equal((JSON.parse(bundled) as { entries: unknown[] }).entries.length, 8);
    for (let run = 0; run < 2; run++) {
      const checked = runBundle(['check', '--baseline', 'bundled.json', '--cache', '--format', 'json'], root);
      assert.deepEqual({ code: checked.code, stderr: checked.stderr }, { code: 0, stderr: '' });
      assert.deepEqual(JSON.parse(checked.stdout), { findings: [], baseline: { file: 'bundled.json', baselined: 8, stale: [], pruned: false } });
    }
  });

  it('applies --fix in every thread', () => {
    const root = largeWorkspace(300);
    assert.equal(runBundle(['check', '.', '--fix'], root).code, 0);
    assert.match(readFileSync(join(root, 'docs', '02-integraciones', 'INT-250-stripe.md'), 'utf8'), /\| Estado \| Implementado \|/);
  });
});
