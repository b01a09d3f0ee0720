import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localToday } from '../../server/src/workspace/generate';
import { copyWorkspace, removeTempDirs, run, runProcess, tempDir } from './workspace';

// `simco-int new <provider>`: the palette command's terminal twin. It prints
// what it created, or with --dry-run what it would, and exits with 2 having
// written nothing when it cannot.

const DOCS = 'docs/02-integraciones';
const HINT = 'Run "simco-int new --help" for usage.';

/** Every file under a folder with its text: what a command that must write nothing is compared against. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(folder, entry.name), `${path}/`);
      else files[path] = readFileSync(join(folder, entry.name), 'utf8');
    }
  };
  walk(root, '');
  return files;
}

describe('simco-int new', () => {
  after(removeTempDirs);

  it('creates the doc, the inventory and .env.example in an empty folder, and says so', async () => {
    const root = tempDir();
    const result = await run(['new', 'stripe', '--multi-tenant', 'si', '--credential-model', 'por-tenant'], { cwd: root });
    assert.deepEqual(result, {
      code: 0,
      stdout: [
        `Created ${DOCS}/INT-001-stripe.md (INT-001).`,
        'Created MASTER_INVENTORY.yml with the entry "Stripe".',
        'Created .env.example with STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_PUBLISHABLE_KEY.',
        `Next: replace the {placeholders} left in ${DOCS}/INT-001-stripe.md; "simco-int check" points at each.`,
        '',
      ].join('\n'),
      stderr: '',
    });
    const doc = readFileSync(join(root, DOCS, 'INT-001-stripe.md'), 'utf8');
    assert.ok(doc.includes(`| Fecha integracion | ${localToday()} |`));
    assert.ok(doc.includes('| Multi-tenant | Si |'));
    assert.ok(doc.includes('**Por Tenant**'));
    assert.ok(doc.endsWith(`**Ultima actualizacion:** ${localToday()}\n`));
    assert.ok(readFileSync(join(root, 'MASTER_INVENTORY.yml'), 'utf8').includes('    multi_tenant: true\n'));
    assert.ok(readFileSync(join(root, '.env.example'), 'utf8').includes('# Stripe (Pagos)\nSTRIPE_API_KEY=sk_test_xxxxx\n'));
  });

  it('appends to an existing workspace with the options given, from --root', async () => {
    const root = copyWorkspace('clean');
    const result = await run(['new', 'Mercado Pago', '--name', 'Cobros Mercado Pago', '--estado', 'documentado', '--tipo', 'pagos', '--root', root], { cwd: tempDir() });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdout.split('\n').slice(0, 3), [
      `Created ${DOCS}/INT-004-cobros-mercado-pago.md (INT-004).`,
      'Registered "Cobros Mercado Pago" in MASTER_INVENTORY.yml.',
      'Added MERCADOPAGO_ACCESS_TOKEN, MERCADOPAGO_PUBLIC_KEY, MERCADOPAGO_WEBHOOK_SECRET to .env.example.',
    ]);
    const doc = readFileSync(join(root, DOCS, 'INT-004-cobros-mercado-pago.md'), 'utf8');
    assert.ok(doc.includes('| Proveedor | MercadoPago |\n| Tipo | Pagos |\n| Estado | Documentado |\n| Multi-tenant | No |'));
    assert.ok(readFileSync(join(root, 'MASTER_INVENTORY.yml'), 'utf8').includes('    estado: "documentado"\n'));
  });

  it('says when .env.example declares every variable already, and documents another provider given a name', async () => {
    const root = copyWorkspace('clean');
    const stripe = await run(['new', 'stripe', '--name', 'Stripe Billing'], { cwd: root });
    assert.equal(stripe.stdout.split('\n')[2], '.env.example already declares every variable of Stripe.');
    const acme = await run(['new', 'Acme Pay', '--name', 'Acme'], { cwd: root });
    assert.equal(acme.code, 0);
    assert.deepEqual(acme.stdout.split('\n').slice(0, 3), [
      `Created ${DOCS}/INT-005-acme.md (INT-005).`,
      'Registered "Acme" in MASTER_INVENTORY.yml.',
      'Nothing added to .env.example: the catalog does not know the variables of Acme Pay; add them once Credenciales Requeridas lists them.',
    ]);
  });

  it('--dry-run says what it would create and writes nothing', async () => {
    const root = copyWorkspace('clean');
    const before = snapshot(root);
    const result = await run(['new', 'twilio', '--name', 'Twilio Voz', '--dry-run'], { cwd: root });
    assert.deepEqual(result, {
      code: 0,
      stdout: [
        `Would create ${DOCS}/INT-004-twilio-voz.md (INT-004).`,
        'Would register "Twilio Voz" in MASTER_INVENTORY.yml.',
        '.env.example already declares every variable of Twilio.',
        '',
      ].join('\n'),
      stderr: '',
    });
    const empty = tempDir();
    assert.equal((await run(['new', 'slack', '--dry-run'], { cwd: empty })).stdout.split('\n')[2], 'Would create .env.example with SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_WEBHOOK_URL.');
    assert.deepEqual(snapshot(root), before);
    assert.deepEqual(readdirSync(empty), []);
  });

  describe('exit code 2, nothing written', () => {
    async function refused(argv: string[], stderr: string, root = copyWorkspace('clean')): Promise<void> {
      const before = snapshot(root);
      assert.deepEqual(await run(argv, { cwd: root }), { code: 2, stdout: '', stderr });
      assert.deepEqual(snapshot(root), before);
    }

    it('for an unknown provider without --name', async () => {
      await refused(
        ['new', 'acme'],
        'simco-int: Expected a provider of the catalog (stripe, twilio, sendgrid, aws, gcp, google, facebook, apple, paypal, mercadopago, whatsapp, slack, github); found "acme". To document another provider, also give the integration\'s name.\n',
      );
    });

    it('when the target exists', async () => {
      // A draft .gitignore hides: the check never indexes it, so its code looks free, but the file is there.
      const root = copyWorkspace('clean');
      writeFileSync(join(root, '.gitignore'), `${DOCS}/INT-004-github.md\n`);
      writeFileSync(join(root, DOCS, 'INT-004-github.md'), 'borrador\n');
      await refused(['new', 'github'], `simco-int: "${DOCS}/INT-004-github.md" already exists; nothing was created (an existing file is never overwritten).\n`, root);
    });

    it('for a name the inventory already registers', async () => {
      await refused(['new', 'stripe'], 'simco-int: "MASTER_INVENTORY.yml" already registers an integration named "Stripe"; choose another name.\n');
    });

    it('for a missing provider, extra arguments and bad option values', async () => {
      await refused(['new'], `simco-int: Expected a provider (stripe, twilio, sendgrid, aws, gcp, google, facebook, apple, paypal, mercadopago, whatsapp, slack, github, or another provider's name with --name); found none.\n${HINT}\n`);
      await refused(['new', 'Acme', 'Pay'], `simco-int: Expected one provider; found 2: "Acme", "Pay". Quote a name that has spaces.\n${HINT}\n`);
      await refused(['new', 'stripe', '--multi-tenant', 'quizas'], `simco-int: Expected --multi-tenant to be si or no; found "quizas".\n${HINT}\n`);
      await refused(['new', 'stripe', '--estado', 'Terminado', '--name', 'Otro'], 'simco-int: Expected Estado to be one of Implementado, Documentado, Pendiente; found "Terminado".\n');
      await refused(['new', 'stripe', '--bogus'], `simco-int: Unknown option "--bogus".\n${HINT}\n`);
      await refused(['new', 'stripe', '--name'], `simco-int: Option "--name" needs a value.\n${HINT}\n`);
      await refused(['new', 'stripe', '--root', 'nowhere'], `simco-int: Expected --root to be a folder; found "nowhere".\n${HINT}\n`);
    });
  });

  it('prints its own help', async () => {
    const help = await run(['new', '--help'], { cwd: tempDir() });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: simco-int new <provider> \[options\]\n/);
    for (const option of ['--name', '--tipo', '--estado', '--multi-tenant', '--credential-model', '--root', '--dry-run', '--locale']) assert.ok(help.stdout.includes(option), option);
    assert.ok((await run(['--help'], { cwd: tempDir() })).stdout.includes('Usage: simco-int new <provider> [options]'));
  });

  it('runs as a process, with its exit codes', () => {
    const root = tempDir();
    assert.equal(runProcess(['new', 'aws', '--dry-run'], { cwd: root }).code, 0);
    const unknown = runProcess(['new', 'acme'], { cwd: root });
    assert.equal(unknown.code, 2);
    assert.deepEqual(readdirSync(root), []);
  });
});
