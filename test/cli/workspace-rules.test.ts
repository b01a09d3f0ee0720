import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, type Config } from '../../server/src/engine/config/config';
import duplicateCode from '../../server/src/engine/rules/int-doc/duplicate-code';
import metadataMismatch from '../../server/src/engine/rules/inventory/metadata-mismatch';
import missingDoc from '../../server/src/engine/rules/inventory/missing-doc';
import unregisteredDoc from '../../server/src/engine/rules/inventory/unregistered-doc';
import envCommitted from '../../server/src/engine/rules/env/committed';
import missingInExample from '../../server/src/engine/rules/env/missing-in-example';
import undocumented from '../../server/src/engine/rules/env/undocumented';
import type { Rule } from '../../server/src/engine/rules/rule';
import type { Finding } from '../../server/src/engine/types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCheck } from '../../server/src/workspace/run';
import { localize } from '../../server/src/engine/messages';
import { replaceOnce, show } from '../helpers';
import { copyWorkspace, removeTempDirs } from './workspace';

// The workspace rules run over a real folder, the way `simco-int check`
// runs them: each finding is on the file a user must open to see it.

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const SMS = `${DOCS}/INT-002-twilio-sms.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

/** The clean workspace's three docs, registered as their metadata says. */
const INVENTORY = `# Registro de integraciones (directiva, seccion 10)
integraciones:
  - nombre: "Stripe"
    proveedor: "Stripe Inc"
    tipo: "pagos"
    estado: "activo"
    multi_tenant: true
    documentacion: "${STRIPE}"
  - nombre: "Twilio SMS"
    proveedor: "Twilio"
    tipo: "notificaciones"
    estado: "documentado"
    multi_tenant: false
    documentacion: "${SMS}"
  - nombre: "Twilio WhatsApp"
    proveedor: "Twilio"
    tipo: "notificaciones"
    estado: "documentado"
    multi_tenant: false
    documentacion: "${WHATSAPP}"
`;

function workspace(inventory = INVENTORY): string {
  const root = copyWorkspace('clean');
  writeFileSync(join(root, 'MASTER_INVENTORY.yml'), inventory);
  return root;
}

function edit(root: string, path: string, from: string, to: string): void {
  writeFileSync(join(root, path), replaceOnce(readFileSync(join(root, path), 'utf8'), from, to));
}

async function findingsOf(root: string, rules: readonly Rule[], config: Partial<Config> = {}): Promise<Finding[]> {
  return (await runCheck({ root, config: { ...defaultConfig(), ...config }, rules })).findings;
}

async function check(root: string, rules: readonly Rule[], config: Partial<Config> = {}): Promise<string[]> {
  return (await findingsOf(root, rules, config)).map((finding) => `${finding.file}:${show(finding)}`);
}

/** Applies a suggestion's edits to the finding's file and its changes to the others, as the editor's WorkspaceEdit would. */
function applyFix(root: string, finding: Finding, fixIndex = 0): void {
  const fix = finding.fixes[fixIndex];
  assert.ok(fix, `${finding.ruleId} offers no fix`);
  assert.equal(fix.safe, false, 'a fix that edits other files is a suggestion');
  const files = [{ file: finding.file, edits: fix.edits, create: false }, ...(fix.changes ?? [])];
  for (const { file, edits, create } of files) {
    if (edits.length === 0) continue;
    const absolute = join(root, file);
    assert.equal(existsSync(absolute), !create, `${file}: create must match whether it exists`);
    const before = create ? '' : readFileSync(absolute, 'utf8');
    writeFileSync(absolute, TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 1, before), edits));
  }
}

describe('workspace rules', () => {
  after(removeTempDirs);

  it('find nothing when the docs, the inventory and the env files agree', async () => {
    assert.deepEqual(await check(workspace(), [duplicateCode, missingDoc, unregisteredDoc, metadataMismatch, missingInExample, undocumented, envCommitted]), []);
  });

  it('say nothing about the docs while the inventory does not parse: its syntax errors are the findings', async () => {
    const root = workspace(INVENTORY.replace('  - nombre: "Twilio SMS"', '\t- nombre: "Twilio SMS"'));
    const result = await runCheck({ root, config: defaultConfig() });
    assert.deepEqual([...new Set(result.findings.map((f) => `${f.file} ${f.ruleId}`))], ['MASTER_INVENTORY.yml inventory/syntax']);
  });

  it('register nothing from an empty inventory file, and check a 500-entry inventory without a finding', async () => {
    const empty = workspace('');
    assert.equal((await check(empty, [unregisteredDoc])).length, 3);
    const root = workspace();
    const many = Array.from({ length: 497 }, (_, k) => {
      const code = `INT-${String(k + 4).padStart(3, '0')}`;
      writeFileSync(join(root, DOCS, `${code}-stripe.md`), readFileSync(join(root, STRIPE), 'utf8').replace(/INT-001/g, code));
      return `  - nombre: "Stripe ${code}"\n    proveedor: "Stripe"\n    tipo: "pagos"\n    estado: "activo"\n    multi_tenant: true\n    documentacion: "${DOCS}/${code}-stripe.md"\n`;
    });
    writeFileSync(join(root, 'MASTER_INVENTORY.yml'), INVENTORY + many.join(''));
    assert.deepEqual(await check(root, [duplicateCode, missingDoc, unregisteredDoc, metadataMismatch, missingInExample]), []);
  });

  describe('int-doc/duplicate-code', () => {
    it('reports every doc that shares a code, at its Codigo cell, naming the others', async () => {
      const root = workspace();
      renameSync(join(root, WHATSAPP), join(root, DOCS, 'INT-002-twilio-whatsapp.md'));
      edit(root, `${DOCS}/INT-002-twilio-whatsapp.md`, '| Codigo | INT-003 |', '| Codigo | INT-002 |');
      assert.deepEqual(await check(root, [duplicateCode]), [
        `${SMS}:7:12 int-doc/duplicate-code Expected a code no other INT doc uses; INT-002 is also the code of ${DOCS}/INT-002-twilio-whatsapp.md.`,
        `${DOCS}/INT-002-twilio-whatsapp.md:7:12 int-doc/duplicate-code Expected a code no other INT doc uses; INT-002 is also the code of ${SMS}.`,
      ]);
    });

    it('leaves alone codes still holding the template placeholder', async () => {
      const root = workspace();
      edit(root, SMS, '| Codigo | INT-002 |', '| Codigo | INT-{NNN} |');
      edit(root, WHATSAPP, '| Codigo | INT-003 |', '| Codigo | INT-{NNN} |');
      assert.deepEqual(await check(root, [duplicateCode]), []);
    });
  });

  describe('inventory/missing-doc', () => {
    it('reports a documentacion naming no file, and one naming a file that is not an INT doc', async () => {
      const root = workspace(
        replaceOnce(replaceOnce(INVENTORY, `"${SMS}"`, '"docs/02-integraciones/INT-002-twilo-sms.md"'), `"${WHATSAPP}"`, '"README.md"'),
      );
      assert.deepEqual(await check(root, [missingDoc]), [
        'MASTER_INVENTORY.yml:14:20 inventory/missing-doc Expected an INT doc at "docs/02-integraciones/INT-002-twilo-sms.md"; no such file in the workspace.',
        'MASTER_INVENTORY.yml:20:20 inventory/missing-doc Expected the path of an INT doc (docs/02-integraciones/INT-{NNN}-{nombre}.md); found "README.md".',
      ]);
    });

    it('reads paths from the root or, for an inventory in a subfolder, from its own folder', async () => {
      const root = copyWorkspace('clean');
      const nested = replaceOnce(replaceOnce(INVENTORY, `"${SMS}"`, `"../${SMS}"`), `"${WHATSAPP}"`, `"./../${WHATSAPP}"`);
      mkdirSync(join(root, 'orchestration'));
      writeFileSync(join(root, 'orchestration', 'MASTER_INVENTORY.yml'), `${nested}  - nombre: "Nada"\n    documentacion: "../${DOCS}/INT-009-nada.md"\n`);
      assert.deepEqual(await check(root, [missingDoc], { inventory: 'orchestration/MASTER_INVENTORY.yml' }), [
        'orchestration/MASTER_INVENTORY.yml:22:20 inventory/missing-doc Expected an INT doc at "../docs/02-integraciones/INT-009-nada.md"; no such file in the workspace.',
      ]);
    });
  });

  describe('inventory/unregistered-doc', () => {
    it('reports, on its title, a doc no entry points to', async () => {
      const root = workspace(INVENTORY.slice(0, INVENTORY.indexOf('  - nombre: "Twilio WhatsApp"')));
      assert.deepEqual(await check(root, [unregisteredDoc]), [
        `${WHATSAPP}:1:3 inventory/unregistered-doc Expected an entry for this doc in MASTER_INVENTORY.yml (directive section 10); no entry's documentacion points here.`,
      ]);
    });

    it('registers the doc with a suggestion that appends the entry, keeping the file\'s comments and entries', async () => {
      const partial = INVENTORY.slice(0, INVENTORY.indexOf('  - nombre: "Twilio WhatsApp"'));
      const root = workspace(partial);
      const [finding] = await findingsOf(root, [unregisteredDoc]);
      assert.equal(localize(finding.fixes[0].title), 'Register this doc in MASTER_INVENTORY.yml');
      applyFix(root, finding);
      assert.equal(readFileSync(join(root, 'MASTER_INVENTORY.yml'), 'utf8'), INVENTORY);
      assert.deepEqual(await check(root, [unregisteredDoc, metadataMismatch, missingDoc]), []);
    });

    it('creates the inventory when there is none', async () => {
      const root = copyWorkspace('clean');
      rmSync(join(root, 'MASTER_INVENTORY.yml'));
      for (const finding of await findingsOf(root, [unregisteredDoc])) {
        if (existsSync(join(root, 'MASTER_INVENTORY.yml'))) break;
        applyFix(root, finding);
      }
      assert.deepEqual(await check(root, [metadataMismatch, missingDoc]), []);
      assert.equal((await check(root, [unregisteredDoc])).length, 2);
    });

    it('says when there is no inventory at all, and leaves alone a doc still named INT-{NNN}', async () => {
      const root = copyWorkspace('clean');
      rmSync(join(root, 'MASTER_INVENTORY.yml'), { force: true });
      edit(root, SMS, '| Codigo | INT-002 |', '| Codigo | INT-{NNN} |');
      assert.deepEqual(await check(root, [unregisteredDoc], { inventory: 'inventarios/MASTER_INVENTORY.yml' }), [
        `${STRIPE}:1:3 inventory/unregistered-doc Expected an entry for this doc in inventarios/MASTER_INVENTORY.yml (directive section 10); the workspace has no inventory.`,
        `${WHATSAPP}:1:3 inventory/unregistered-doc Expected an entry for this doc in inventarios/MASTER_INVENTORY.yml (directive section 10); the workspace has no inventory.`,
      ]);
    });
  });

  describe('inventory/metadata-mismatch', () => {
    it('reports each disagreement on both sides: the inventory value and the doc cell', async () => {
      const root = workspace(replaceOnce(replaceOnce(INVENTORY, 'estado: "activo"', 'estado: "pendiente"'), 'multi_tenant: true', 'multi_tenant: false'));
      assert.deepEqual(await check(root, [metadataMismatch]), [
        `${STRIPE}:10:12 inventory/metadata-mismatch Expected Estado to agree with MASTER_INVENTORY.yml line 6 (estado: "pendiente"); found "Implementado".`,
        `${STRIPE}:11:18 inventory/metadata-mismatch Expected Multi-tenant to agree with MASTER_INVENTORY.yml line 7 (multi_tenant: false); found "Si".`,
        'MASTER_INVENTORY.yml:6:13 inventory/metadata-mismatch Expected estado: "activo" as docs/02-integraciones/INT-001-stripe.md says (Estado: Implementado); found "pendiente".',
        'MASTER_INVENTORY.yml:7:19 inventory/metadata-mismatch Expected multi_tenant: true as docs/02-integraciones/INT-001-stripe.md says (Multi-tenant: Si); found false.',
      ]);
    });

    it('sets the inventory value the doc calls for with a suggestion on the inventory side', async () => {
      const root = workspace(replaceOnce(INVENTORY, 'estado: "activo"', 'estado: "pendiente"'));
      const finding = (await findingsOf(root, [metadataMismatch])).find((f) => f.file === 'MASTER_INVENTORY.yml')!;
      assert.equal(localize(finding.fixes[0].title), 'Set estado to "activo" in the inventory');
      applyFix(root, finding);
      assert.equal(readFileSync(join(root, 'MASTER_INVENTORY.yml'), 'utf8'), INVENTORY);
    });

    it('takes a provider the catalog knows by another name as the same, and compares tipo without case', async () => {
      const root = workspace(replaceOnce(INVENTORY, 'proveedor: "Stripe Inc"', 'proveedor: "Mercado Pago"'));
      assert.deepEqual(await check(root, [metadataMismatch]), [
        `${STRIPE}:8:15 inventory/metadata-mismatch Expected Proveedor to agree with MASTER_INVENTORY.yml line 4 (proveedor: "Mercado Pago"); found "Stripe".`,
        'MASTER_INVENTORY.yml:4:16 inventory/metadata-mismatch Expected proveedor: "Stripe" as docs/02-integraciones/INT-001-stripe.md says (Proveedor: Stripe); found "Mercado Pago".',
      ]);
    });

    it('maps Estado through the configured mapping', async () => {
      const root = workspace(replaceOnce(INVENTORY, 'estado: "activo"', 'estado: "produccion"'));
      assert.deepEqual(await check(root, [metadataMismatch], { estadoMapping: { Implementado: 'produccion', Documentado: 'documentado' } }), []);
    });

    it('honours a suppression comment on either side, and reports one that silences nothing', async () => {
      const root = workspace(
        replaceOnce(INVENTORY, '    estado: "activo"', '    # simco-int-disable-next-line inventory/metadata-mismatch -- migrating\n    estado: "pendiente"'),
      );
      edit(root, STRIPE, '| Estado | Implementado |', '| Estado | Implementado | <!-- simco-int-disable-line inventory/metadata-mismatch -->');
      edit(root, SMS, '| Estado | Documentado |', '| Estado | Documentado | <!-- simco-int-disable-line inventory/metadata-mismatch -->');
      const result = await runCheck({ root, config: defaultConfig() });
      assert.deepEqual(
        result.findings.filter((f) => f.ruleId.startsWith('inventory/') || f.ruleId.startsWith('suppression/')).map((f) => `${f.file}:${show(f)}`),
        [`${SMS}:10:54 suppression/unused Unused suppression: inventory/metadata-mismatch reports nothing on the line this comment covers.`],
      );
    });
  });

  describe('env/missing-in-example', () => {
    it('reports a documented variable that .env.example does not declare, at its cell in the doc', async () => {
      const root = workspace();
      edit(root, '.env.example', 'TWILIO_AUTH_TOKEN=xxxxx\n', '');
      assert.deepEqual(await check(root, [missingInExample]), [
        `${SMS}:26:3 env/missing-in-example Expected TWILIO_AUTH_TOKEN in .env.example (directive 8.1); it is not declared there.`,
        `${WHATSAPP}:26:3 env/missing-in-example Expected TWILIO_AUTH_TOKEN in .env.example (directive 8.1); it is not declared there.`,
      ]);
    });

    it('adds the variable under its provider\'s block with a suggestion', async () => {
      const root = workspace();
      edit(root, '.env.example', 'TWILIO_AUTH_TOKEN=xxxxx\n', '');
      const [finding] = await findingsOf(root, [missingInExample]);
      assert.equal(localize(finding.fixes[0].title), 'Add TWILIO_AUTH_TOKEN to .env.example under the Twilio block');
      applyFix(root, finding);
      assert.match(readFileSync(join(root, '.env.example'), 'utf8'), /# Twilio \(SMS\)\nTWILIO_ACCOUNT_SID=ACxxxxx\nTWILIO_PHONE_NUMBER=\+1234567890\nTWILIO_AUTH_TOKEN=xxxxx\n/);
      assert.deepEqual(await check(root, [missingInExample]), []);
    });

    it('says so when the workspace has no env template at all, and counts any template (.env.sample) in any folder', async () => {
      const root = workspace();
      const example = readFileSync(join(root, '.env.example'), 'utf8');
      renameSync(join(root, '.env.example'), join(root, 'notes.txt'));
      const findings = await check(root, [missingInExample]);
      assert.equal(findings.length, 9); // three Stripe variables, three for each Twilio doc
      assert.equal(findings[0], `${STRIPE}:26:3 env/missing-in-example Expected STRIPE_API_KEY in .env.example (directive 8.1); the workspace has no .env.example.`);
      mkdirSync(join(root, 'apps', 'api'), { recursive: true });
      writeFileSync(join(root, 'apps', 'api', '.env.sample'), example);
      assert.deepEqual(await check(root, [missingInExample]), []);
    });
  });

  describe('env/undocumented', () => {
    it('reports .env.example variables no INT doc documents, except the app\'s own (nonIntegrationVars)', async () => {
      const root = workspace();
      edit(root, '.env.example', 'NODE_ENV=development\n', 'NODE_ENV=development\nSENTRY_DSN=https://xxxxx@sentry.io/1\n');
      assert.deepEqual(await check(root, [undocumented]), [
        '.env.example:16:1 env/undocumented Expected SENTRY_DSN in the Credenciales Requeridas of an INT doc; no doc documents it. If it is not a third-party credential, add it to nonIntegrationVars.',
      ]);
      assert.deepEqual(await check(root, [undocumented], { nonIntegrationVars: [...defaultConfig().nonIntegrationVars, 'SENTRY_DSN'] }), []);
    });

    it('reports source reads with a provider\'s prefix that no doc documents, and leaves other reads alone', async () => {
      const root = workspace();
      writeFileSync(join(root, 'src', 'refunds.ts'), 'export const key = process.env.STRIPE_RESTRICTED_KEY;\nexport const region = process.env.AWS_REGION;\nexport const port = process.env.APP_PORT;\n');
      assert.deepEqual(await check(root, [undocumented]), [
        'src/refunds.ts:1:32 env/undocumented Expected STRIPE_RESTRICTED_KEY (a STRIPE variable) in the Credenciales Requeridas of an INT doc; no doc documents it.',
        'src/refunds.ts:2:35 env/undocumented Expected AWS_REGION (a AWS variable) in the Credenciales Requeridas of an INT doc; no doc documents it.',
      ]);
    });
  });

  describe('env/committed', () => {
    it('reports a .env that no .gitignore rule covers, and not one that is ignored, nor a template', async () => {
      const root = workspace();
      writeFileSync(join(root, '.env'), 'STRIPE_API_KEY=sk_test_xxxxx\n');
      writeFileSync(join(root, '.env.sample'), 'STRIPE_API_KEY=sk_test_xxxxx\n');
      assert.deepEqual(await check(root, [envCommitted]), [
        '.env:1:1 env/committed Expected .env to be ignored by .gitignore ("NUNCA commitear"); no rule ignores it.',
      ]);
      const [finding] = await findingsOf(root, [envCommitted]);
      assert.equal(localize(finding.fixes[0].title), 'Add .env to .gitignore');
      applyFix(root, finding);
      assert.equal(readFileSync(join(root, '.gitignore'), 'utf8'), '/.env\n');
      assert.deepEqual(await check(root, [envCommitted]), []);
    });

    it('reports a .env that git tracks even when .gitignore now ignores it', async () => {
      const root = workspace();
      writeFileSync(join(root, '.env.local'), 'STRIPE_API_KEY=sk_test_xxxxx\n');
      const git = (...args: string[]): void => {
        execFileSync('git', ['-C', root, ...args], { stdio: 'ignore' });
      };
      git('init', '-q');
      git('add', '.env.local');
      writeFileSync(join(root, '.gitignore'), '.env.local\n');
      assert.deepEqual(await check(root, [envCommitted]), [
        '.env.local:1:1 env/committed Expected .env.local to stay out of git ("NUNCA commitear"); git tracks it. Run git rm --cached .env.local, add it to .gitignore and rotate its secrets.',
      ]);
    });
  });
});
