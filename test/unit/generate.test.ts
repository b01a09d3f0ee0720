import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDERS } from '../../server/src/engine/catalog/providers';
import { defaultConfig, type Config } from '../../server/src/engine/config/config';
import { nextIntCode } from '../../server/src/engine/generate/int-code';
import { kebabNombre } from '../../server/src/engine/generate/nombre';
import { applyEdits, planIntDoc, type IntDocAnswers, type IntDocPlan, type PlanResult } from '../../server/src/engine/generate/plan';
import { lintText } from '../../server/src/engine/lint';
import { localize } from '../../server/src/engine/messages';
import placeholderRule from '../../server/src/engine/rules/int-doc/placeholder';
import { WorkspaceIndex } from '../../server/src/engine/workspace/index';
import { runCheck } from '../../server/src/workspace/run';
import { planOnDisk, writePlan } from '../../server/src/workspace/generate';
import { CLEAN, covered, diskFacts, readFixture, show } from '../helpers';
import { copyWorkspace, removeTempDirs, tempDir } from '../cli/workspace';

// Generating an INT doc (issue 7): the plan the palette command and
// `simco-int new` apply. A generated doc keeps the template's placeholders
// where nobody knows the content yet; once an author fills them, the doc,
// its inventory entry and its .env.example lines pass every rule.

const TODAY = '2026-05-04';
const DOCS = 'docs/02-integraciones';

/** A workspace held in memory: its files are indexed, exist and can be read. */
function memory(files: Record<string, string>, config: Config = defaultConfig()) {
  const index = new WorkspaceIndex(config);
  for (const [path, text] of Object.entries(files)) index.update(path, text);
  return { index, config, exists: (path: string) => path in files, readText: (path: string) => files[path] };
}

function planned(result: PlanResult): IntDocPlan {
  assert.ok(result.ok, result.ok ? '' : localize(result.problem));
  return result.plan;
}

function refusal(result: PlanResult): string {
  assert.ok(!result.ok, 'expected the plan to be refused');
  return localize(result.problem);
}

const answers = (provider: string, more: Partial<IntDocAnswers> = {}): IntDocAnswers => ({ provider, today: TODAY, ...more });

/** A minimal INT doc that only says its code (enough for the index). */
const docWithCode = (code: string, name: string) => `# ${code}: ${name}\n\n## Metadata\n\n| Campo | Valor |\n|-------|-------|\n| Codigo | ${code} |\n`;

/** What an author writes in place of each placeholder; `{modulo}` names a folder the test creates. */
const MODULE = 'integraciones';
function filler(placeholder: string): string {
  if (placeholder === '{N}') return '100';
  if (placeholder === '{modulo}') return MODULE;
  if (placeholder === '{comando para probar integracion}') return 'npm run test:integration';
  return 'Contenido escrito por el equipo';
}

/** The doc with every placeholder int-doc/placeholder reports replaced, as an author finishing it would. */
function fillPlaceholders(path: string, text: string): string {
  const findings = lintText(path, text, { config: defaultConfig(), workspace: { exists: () => true }, rules: [placeholderRule] });
  const edits = findings.map((finding) => ({ range: finding.range, newText: filler(covered(text, finding)) }));
  return applyEdits(text, edits);
}

/** Writes a plan with its doc filled in, the way a user would after generating it. */
function writeFilled(root: string, plan: IntDocPlan): void {
  mkdirSync(join(root, 'apps', 'backend', 'src', 'modules', MODULE), { recursive: true });
  const failure = writePlan(root, { ...plan, doc: { ...plan.doc, text: fillPlaceholders(plan.doc.path, plan.doc.text) } });
  assert.equal(failure, undefined);
}

async function findingsIn(root: string): Promise<string[]> {
  const result = await runCheck({ root, config: defaultConfig() });
  return result.findings.map((finding) => `${finding.file}:${show(finding)}`);
}

describe('generating an INT doc', () => {
  after(removeTempDirs);

  describe('for every catalog provider', () => {
    const MODELS = ['Global', 'Por Tenant', 'Hibrido'];
    PROVIDERS.forEach((provider, i) => {
      // Half the providers multi-tenant (each credential model in turn), half not.
      const tenancy: Partial<IntDocAnswers> = i % 2 === 0 ? { multiTenant: true, credentialModel: MODELS[(i / 2) % 3] } : { multiTenant: false };

      it(`${provider.id}: leaves only placeholders to fill, and once filled passes every rule in a new workspace`, async () => {
        const root = tempDir();
        const plan = planned(planOnDisk(root, defaultConfig(), answers(provider.id, tenancy)));
        assert.equal(plan.doc.path, `${DOCS}/INT-001-${kebabNombre(provider.name)}.md`);
        assert.equal(plan.inventory.create, true);
        assert.equal(plan.envExample?.create, true);
        assert.deepEqual(plan.envExample?.added, provider.credentials.map((c) => c.name));
        // Unfilled, the author is pointed at each gap and at nothing else.
        const toCreate = new Set([plan.inventory.file, plan.envExample?.file]);
        const workspace = { exists: (path: string) => toCreate.has(path) || diskFacts(root).exists(path) };
        const unfilled = lintText(plan.doc.path, plan.doc.text, { config: defaultConfig(), workspace });
        assert.ok(unfilled.length > 0);
        assert.deepEqual([...new Set(unfilled.map((f) => f.ruleId))], ['int-doc/placeholder']);

        writeFilled(root, plan);
        assert.deepEqual(await findingsIn(root), []);
      });

      it(`${provider.id}: once filled passes every rule added to the clean workspace`, async () => {
        const root = copyWorkspace('clean');
        const plan = planned(planOnDisk(root, defaultConfig(), answers(provider.name, { ...tenancy, name: `${provider.name} Nuevo` })));
        assert.equal(plan.code, 'INT-004');
        assert.equal(plan.inventory.create, undefined);
        writeFilled(root, plan);
        assert.deepEqual(await findingsIn(root), []);
        // Whatever the clean workspace declared already is not declared twice.
        const env = readFileSync(join(root, '.env.example'), 'utf8');
        for (const credential of provider.credentials) assert.equal(env.split(`\n${credential.name}=`).length, 2, credential.name);
      });
    });
  });

  describe('the doc', () => {
    const clean = () => ({
      [`${DOCS}/INT-001-stripe.md`]: readFixture(CLEAN, `${DOCS}/INT-001-stripe.md`),
      'MASTER_INVENTORY.yml': readFixture(CLEAN, 'MASTER_INVENTORY.yml'),
      '.env.example': readFixture(CLEAN, '.env.example'),
    });

    it('is the directive\'s template with the answers, the catalog\'s facts and today\'s date', () => {
      const { doc } = planned(planIntDoc(answers('stripe', { name: 'Stripe Suscripciones', tipo: 'pagos', estado: 'documentado' }), memory(clean())));
      // The clean inventory registers INT-002 and INT-003 too.
      assert.equal(doc.path, `${DOCS}/INT-004-stripe-suscripciones.md`);
      const text = doc.text;
      assert.ok(text.startsWith('# INT-004: Stripe Suscripciones\n\n## Metadata\n'));
      for (const row of ['| Codigo | INT-004 |', '| Proveedor | Stripe |', '| Tipo | Pagos |', '| Estado | Documentado |', '| Multi-tenant | No |', `| Fecha integracion | ${TODAY} |`]) {
        assert.ok(text.includes(`\n${row}\n`), row);
      }
      assert.ok(text.includes('\n| STRIPE_API_KEY | API Key secreta (sk_test_/sk_live_) | SI |\n| STRIPE_WEBHOOK_SECRET |'));
      assert.ok(text.includes('\n| Requests/seg (live) | 100 | Retry con backoff |\n'));
      assert.ok(text.includes('\n| payment_intent.succeeded | /webhooks/stripe | Cobro confirmado |\n'));
      assert.ok(text.includes('\n| 429 | Rate Limited | Backoff exponencial |\n| 500 | Server Error | Retry 3 veces |\n| Timeout | Sin respuesta | Retry 1 vez |\n| Network | Error de red | Retry con delay |\n'));
      assert.ok(text.includes('\n| Latencia | Tiempo de respuesta | >2s |\n| Errores | % de errores | >5% |\n| Rate limit | % usado | >80% |\n'));
      assert.ok(text.includes('\n- [Documentacion oficial](https://docs.stripe.com/keys)\n- [Modulo backend](../../apps/backend/src/modules/{modulo}/)\n- [Variables de entorno](../../.env.example)\n'));
      assert.ok(text.includes('\n## Multi-tenant\n\nNo aplica:'));
      assert.ok(text.endsWith(`\n---\n\n**Ultima actualizacion:** ${TODAY}\n`));
    });

    it('states the credential model when multi-tenant, or leaves the choice to make', () => {
      const hibrido = planned(planIntDoc(answers('slack', { multiTenant: true, credentialModel: 'hibrido' }), memory({}))).doc.text;
      assert.ok(hibrido.includes('| Multi-tenant | Si |'));
      assert.ok(hibrido.includes('\nModelo de credenciales: **Hibrido** ('));
      const open = planned(planIntDoc(answers('slack', { multiTenant: true }), memory({}))).doc.text;
      assert.ok(open.includes('\nModelo de credenciales: **{Global|Por Tenant|Hibrido}**.\n'));
      // A model alone means multi-tenant.
      assert.ok(planned(planIntDoc(answers('slack', { credentialModel: 'por-tenant' }), memory({}))).doc.text.includes('**Por Tenant**'));
    });

    it('leaves out Webhooks for a provider that sends none, and keeps the template where the catalog knows nothing', () => {
      assert.ok(!planned(planIntDoc(answers('aws'), memory({}))).doc.text.includes('## Webhooks'));
      const acme = planned(planIntDoc(answers('Acme Pay', { name: 'Acme' }), memory({})));
      assert.equal(acme.doc.path, `${DOCS}/INT-001-acme.md`);
      const text = acme.doc.text;
      for (const template of [
        '| Proveedor | Acme Pay |',
        '| Tipo | {Pagos|Auth|Notificaciones|Storage|Analytics|etc} |',
        '| {PROVIDER}_API_KEY | API Key principal | SI |',
        '| Crear recurso | POST /v1/resource | {descripcion} |',
        '| {event.type} | /webhooks/{provider} | {que hace} |',
        '{Como probar sin afectar produccion}',
        '- [Documentacion oficial]({url})',
      ]) {
        assert.ok(text.includes(template), template);
      }
      // Its variables are not known: nothing goes to .env.example; the inventory still registers it.
      assert.equal(acme.envExample, undefined);
      assert.deepEqual(acme.entry, { nombre: 'Acme', proveedor: 'Acme Pay', tipo: '', estado: 'pendiente', multi_tenant: false, documentacion: `${DOCS}/INT-001-acme.md` });
    });

    it('links .env.example where it is, and goes in a docs folder given by a pattern', () => {
      const config = { ...defaultConfig(), docsFolder: 'apps/*/docs' };
      const plan = planned(planIntDoc(answers('github'), memory({ 'apps/api/docs/INT-001-stripe.md': docWithCode('INT-001', 'Stripe'), 'apps/api/.env.example': 'X=1\n' }, config)));
      assert.equal(plan.doc.path, 'apps/api/docs/INT-002-github.md');
      assert.equal(plan.envExample?.file, 'apps/api/.env.example');
      assert.ok(plan.doc.text.includes('- [Variables de entorno](../.env.example)\n'));
      assert.match(refusal(planIntDoc(answers('github'), memory({}, config))), /^The docs folder "apps\/\*\/docs" is a pattern/);
    });
  });

  describe('the next code', () => {
    it('is one past the highest, gaps not reused, codes in the inventory included', () => {
      const docs = { [`${DOCS}/INT-001-a.md`]: docWithCode('INT-001', 'A'), [`${DOCS}/INT-004-b.md`]: docWithCode('INT-004', 'B') };
      assert.equal(nextIntCode(memory(docs).index), 'INT-005');
      const inventory = `integraciones:\n  - nombre: "Viejo"\n    proveedor: "X"\n    tipo: "pagos"\n    estado: "activo"\n    multi_tenant: false\n    documentacion: "${DOCS}/INT-007-viejo.md"\n`;
      assert.equal(nextIntCode(memory({ ...docs, 'MASTER_INVENTORY.yml': inventory }).index), 'INT-008');
      assert.equal(nextIntCode(memory({}).index), 'INT-001');
    });

    it('counts a code written only in the Codigo row or the title', () => {
      assert.equal(nextIntCode(memory({ [`${DOCS}/pagos.md`]: docWithCode('INT-012', 'Pagos') }).index), 'INT-013');
    });

    it('runs out after INT-999', () => {
      const result = planIntDoc(answers('stripe'), memory({ [`${DOCS}/INT-999-x.md`]: docWithCode('INT-999', 'X') }));
      assert.equal(refusal(result), 'Expected a free INT code; every code up to INT-999 is taken.');
    });
  });

  describe('the name', () => {
    it('becomes a lowercase kebab {nombre} without accents', () => {
      assert.equal(kebabNombre('Notificación Push (Año 2)'), 'notificacion-push-ano-2');
      assert.equal(kebabNombre('AWS (S3)'), 'aws-s3');
      assert.equal(kebabNombre('  --  '), '');
    });

    it('defaults to the provider\'s, and must have a letter or digit', () => {
      assert.equal(planned(planIntDoc(answers('WhatsApp Cloud API'), memory({}))).doc.path, `${DOCS}/INT-001-whatsapp-business.md`);
      assert.equal(refusal(planIntDoc(answers('stripe', { name: '¿?' }), memory({}))), 'Expected a name with a letter or digit for the file name; found "¿?".');
    });
  });

  describe('refusals', () => {
    it('never overwrites: a file where the doc would go stops the plan', () => {
      const context = { ...memory({}), exists: (path: string) => path === `${DOCS}/INT-001-stripe.md` };
      assert.equal(refusal(planIntDoc(answers('stripe'), context)), `"${DOCS}/INT-001-stripe.md" already exists; nothing was created (an existing file is never overwritten).`);
    });

    it('an unknown provider needs the integration\'s name', () => {
      assert.match(refusal(planIntDoc(answers('Acme Pay'), memory({}))), /^Expected a provider of the catalog \(stripe, twilio, .*\); found "Acme Pay"\. To document another provider, also give the integration's name\.$/);
      // "Google Maps" is not Google OAuth: only exact spellings pick a catalog entry.
      assert.ok(refusal(planIntDoc(answers('Google Maps'), memory({}))).includes('found "Google Maps"'));
    });

    it('an Estado or credential model off the directive\'s lists', () => {
      assert.equal(refusal(planIntDoc(answers('stripe', { estado: 'Terminado' }), memory({}))), 'Expected Estado to be one of Implementado, Documentado, Pendiente; found "Terminado".');
      assert.equal(refusal(planIntDoc(answers('stripe', { credentialModel: 'mixto' }), memory({}))), 'Expected the credential model to be one of Global, Por Tenant, Hibrido; found "mixto".');
      assert.equal(refusal(planIntDoc(answers('stripe', { multiTenant: false, credentialModel: 'Global' }), memory({}))), 'A credential model (Global) applies only when Multi-tenant is Si.');
    });

    it('a name the inventory already registers, or an inventory that cannot take an entry', () => {
      const files = { 'MASTER_INVENTORY.yml': readFixture(CLEAN, 'MASTER_INVENTORY.yml') };
      assert.equal(refusal(planIntDoc(answers('Stripe Inc'), memory(files))), '"MASTER_INVENTORY.yml" already registers an integration named "Stripe"; choose another name.');
      const broken = { 'MASTER_INVENTORY.yml': 'integraciones:\n  - nombre: "A\n' };
      assert.equal(refusal(planIntDoc(answers('stripe'), memory(broken))), 'Cannot add an entry to "MASTER_INVENTORY.yml" without losing something: fix its YAML first; nothing was created.');
    });

    it('a file that exists but cannot be read', () => {
      const context = { ...memory({}), exists: (path: string) => path === '.env.example' };
      assert.equal(refusal(planIntDoc(answers('stripe'), context)), 'Cannot read ".env.example"; nothing was created.');
    });
  });

  describe('writing a plan to disk', () => {
    it('creates the doc and edits the inventory and .env.example keeping their comments, line breaks and BOM', () => {
      const root = copyWorkspace('clean');
      const inventoryBefore = '\uFEFF' + readFileSync(join(root, 'MASTER_INVENTORY.yml'), 'utf8').replace(/\n/g, '\r\n');
      writeFileSync(join(root, 'MASTER_INVENTORY.yml'), inventoryBefore);
      const plan = planned(planOnDisk(root, defaultConfig(), answers('sendgrid')));
      assert.equal(writePlan(root, plan), undefined);
      assert.equal(readFileSync(join(root, plan.doc.path), 'utf8'), plan.doc.text);
      const entry = '\r\n  - nombre: "SendGrid"\r\n    proveedor: "SendGrid"\r\n    tipo: "notificaciones"\r\n    estado: "pendiente"\r\n    multi_tenant: false\r\n    documentacion: "docs/02-integraciones/INT-004-sendgrid.md"';
      assert.equal(readFileSync(join(root, 'MASTER_INVENTORY.yml'), 'utf8'), inventoryBefore.replace(/\r\n$/, '') + entry + '\r\n');
      const env = readFileSync(join(root, '.env.example'), 'utf8');
      assert.ok(env.includes('\n\n# SendGrid (Notificaciones)\nSENDGRID_API_KEY=SG.xxxxx\nSENDGRID_FROM_EMAIL=noreply@example.com\n'));
    });

    it('stops at a doc that appeared since the plan, writing nothing else', () => {
      const root = copyWorkspace('clean');
      const plan = planned(planOnDisk(root, defaultConfig(), answers('sendgrid')));
      writeFileSync(join(root, plan.doc.path), 'mine\n');
      const inventoryBefore = readFileSync(join(root, 'MASTER_INVENTORY.yml'), 'utf8');
      assert.deepEqual(writePlan(root, plan), { path: plan.doc.path, code: 'EEXIST' });
      assert.equal(readFileSync(join(root, plan.doc.path), 'utf8'), 'mine\n');
      assert.equal(readFileSync(join(root, 'MASTER_INVENTORY.yml'), 'utf8'), inventoryBefore);
      assert.ok(!existsSync(join(root, 'apps')));
    });
  });
});
