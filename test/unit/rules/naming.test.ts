import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/env/naming';
import { LineIndex } from '../../../server/src/engine/text';
import type { Finding } from '../../../server/src/engine/types';
import { covered, fixAll, lintCase, replaceOnce, show, type LintCase } from '../../helpers';

const STRIPE = 'docs/02-integraciones/INT-001-stripe.md';
const TWILIO_CRLF = 'docs/02-integraciones/INT-003-twilio-whatsapp.md';

const lint = (c: Omit<LintCase, 'rules'>) => lintCase({ ...c, rules: [rule] });
const lintText = (path: string, text: string, config?: LintCase['config']) => lint({ path, edit: () => text, config });

/** Applies a finding's suggestion the way an editor does when the user picks it. */
function applySuggestion(text: string, finding: Finding): string {
  const [fix] = finding.fixes;
  assert.ok(fix, 'the finding offers a suggestion');
  assert.equal(fix.safe, false, 'renaming one place is never a safe fix');
  const lines = new LineIndex(text);
  const edits = fix.edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  return edits.reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

/** "line:col message | covered text | expected" for compact assertions. */
function describeFindings(text: string, findings: Finding[]): string[] {
  return findings.map((f) => `${show(f)} | ${covered(text, f)} | ${f.data?.expected ?? '-'}`);
}

/** A minimal INT doc: just what the rule reads. */
function intDoc(proveedor: string, variables: string[], eol = '\n'): string {
  return [
    '# INT-001: Demo',
    '',
    '## Metadata',
    '',
    '| Campo | Valor |',
    '|-------|-------|',
    `| Proveedor | ${proveedor} |`,
    '',
    '## Credenciales Requeridas',
    '',
    '| Variable de Entorno | Descripcion | Obligatorio |',
    '|---------------------|-------------|-------------|',
    ...variables.map((v) => `| ${v} | Credencial | SI |`),
    '',
  ].join(eol);
}

describe('env/naming', () => {
  describe('clean workspace', () => {
    it('finds nothing in the clean INT docs (CRLF and BOM included), .env.example and source', () => {
      for (const path of [
        STRIPE,
        'docs/02-integraciones/INT-002-twilio-sms.md',
        TWILIO_CRLF,
        '.env.example',
        'src/payments/stripe.client.ts',
        'src/notifications/twilio_client.py',
      ]) {
        assert.deepEqual(lint({ path }).findings, [], path);
      }
    });
  });

  describe('INT docs', () => {
    it('flags a variable whose provider is not first, on the name, and suggests the conforming one', () => {
      const { text, findings } = lint({ path: STRIPE, edit: (t) => replaceOnce(t, '| STRIPE_API_KEY |', '| API_KEY_STRIPE |') });
      assert.deepEqual(describeFindings(text, findings), [
        '26:3 env/naming Expected {PROVIDER}_{TIPO} starting with STRIPE (Proveedor: Stripe); found "API_KEY_STRIPE". Rename it to "STRIPE_API_KEY". | API_KEY_STRIPE | STRIPE_API_KEY',
      ]);
      assert.equal(findings[0].fixes[0].title.args[0], 'STRIPE_API_KEY');
      const fixed = applySuggestion(text, findings[0]);
      assert.ok(fixed.includes('| STRIPE_API_KEY | API Key secreta'));
      assert.deepEqual(lint({ path: STRIPE, edit: () => fixed }).findings, []);
    });

    it('adds the provider to a variable without it', () => {
      const { text, findings } = lint({ path: STRIPE, edit: (t) => replaceOnce(t, '| STRIPE_WEBHOOK_SECRET |', '| WEBHOOK_SECRET |') });
      assert.deepEqual(describeFindings(text, findings), [
        '27:3 env/naming Expected {PROVIDER}_{TIPO} starting with STRIPE (Proveedor: Stripe); found "WEBHOOK_SECRET". Rename it to "STRIPE_WEBHOOK_SECRET". | WEBHOOK_SECRET | STRIPE_WEBHOOK_SECRET',
      ]);
    });

    it('flags camelCase inside backticks, pointing inside them and keeping them when fixed', () => {
      const { text, findings } = lint({ path: STRIPE, edit: (t) => replaceOnce(t, '| STRIPE_PUBLISHABLE_KEY |', '| `stripePublishableKey` |') });
      assert.deepEqual(describeFindings(text, findings), [
        '28:4 env/naming Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "stripePublishableKey". Rename it to "STRIPE_PUBLISHABLE_KEY". | stripePublishableKey | STRIPE_PUBLISHABLE_KEY',
      ]);
      assert.ok(applySuggestion(text, findings[0]).includes('| `STRIPE_PUBLISHABLE_KEY` | Clave publica'));
    });

    it('never applies the rename on --fix: it is a suggestion', () => {
      const edit = (t: string) => replaceOnce(t, '| STRIPE_API_KEY |', '| API_KEY_STRIPE |');
      const { text } = lint({ path: STRIPE, edit });
      assert.equal(fixAll({ path: STRIPE, edit, rules: [rule] }), text);
    });

    it('fixes a CRLF doc without touching its line endings', () => {
      const { text, findings } = lint({ path: TWILIO_CRLF, edit: (t) => replaceOnce(t, '| TWILIO_AUTH_TOKEN |', '| AUTH_TOKEN_TWILIO |') });
      assert.deepEqual(describeFindings(text, findings), [
        '26:3 env/naming Expected {PROVIDER}_{TIPO} starting with TWILIO (Proveedor: Twilio); found "AUTH_TOKEN_TWILIO". Rename it to "TWILIO_AUTH_TOKEN". | AUTH_TOKEN_TWILIO | TWILIO_AUTH_TOKEN',
      ]);
      const fixed = applySuggestion(text, findings[0]);
      assert.equal(fixed, replaceOnce(text, '| AUTH_TOKEN_TWILIO |', '| TWILIO_AUTH_TOKEN |'));
      assert.equal(fixed.split('\r\n').length, text.split('\r\n').length);
    });

    it('accepts the provider\'s aliases and framework prefixes', () => {
      const aws = intDoc('AWS (S3)', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_S3_BUCKET', 'S3_BUCKET', 'AWS_REGION']);
      assert.deepEqual(lintText('docs/02-integraciones/INT-001-s3.md', aws).findings, []);
      const amazon = intDoc('Amazon S3', ['S3_BUCKET', 'AWS_REGION']);
      assert.deepEqual(lintText('docs/02-integraciones/INT-001-s3.md', amazon).findings, []);
      const stripe = intDoc('Stripe Inc', ['STRIPE_SECRET_KEY', 'NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', 'DATABASE_URL']);
      assert.deepEqual(lintText('docs/02-integraciones/INT-001-stripe.md', stripe).findings, []);
      const meta = intDoc('Meta', ['WHATSAPP_ACCESS_TOKEN', 'FACEBOOK_APP_SECRET']);
      assert.deepEqual(lintText('docs/02-integraciones/INT-001-meta.md', meta).findings, []);
    });

    it('derives the prefix of a provider the catalog does not know', () => {
      const path = 'docs/02-integraciones/INT-001-acme.md';
      const { text, findings } = lintText(path, intDoc('Acme Pay', ['ACME_PAY_API_KEY', 'ACME_SECRET', 'ACMEPAY_TOKEN', 'PAY_TOKEN']));
      assert.deepEqual(describeFindings(text, findings), [
        '16:3 env/naming Expected {PROVIDER}_{TIPO} starting with ACME_PAY/ACME (Proveedor: Acme Pay); found "PAY_TOKEN". Rename it to "ACME_PAY_PAY_TOKEN". | PAY_TOKEN | ACME_PAY_PAY_TOKEN',
      ]);
    });

    it('uses configured provider aliases', () => {
      const path = 'docs/02-integraciones/INT-001-mercadopago.md';
      const text = intDoc('Mercado Pago', ['MERCADOPAGO_ACCESS_TOKEN', 'MP_PUBLIC_KEY', 'MPAGO_WEBHOOK_SECRET']);
      assert.deepEqual(lintText(path, text).findings.map((f) => f.data?.expected), ['MERCADOPAGO_MPAGO_WEBHOOK_SECRET']);
      assert.deepEqual(lintText(path, text, { providerAliases: { mercadopago: ['MPAGO'] } }).findings, []);
    });

    it('leaves placeholders, prose and non-integration vars alone', () => {
      const path = 'docs/02-integraciones/INT-001-stripe.md';
      const text = intDoc('Stripe', ['`{PROVIDER}_API_KEY`', '{PROVIDER}_SECRET', 'Ninguna', 'N/A', '-', 'NODE_ENV', '']);
      assert.deepEqual(lintText(path, text).findings, []);
    });

    it('without a usable Proveedor, checks only the shape', () => {
      const path = 'docs/02-integraciones/INT-001-x.md';
      for (const proveedor of ['{Nombre proveedor}', '']) {
        const { text, findings } = lintText(path, intDoc(proveedor, ['ANY_PROVIDER_KEY', 'TOKEN', 'apiKey']));
        assert.deepEqual(describeFindings(text, findings), [
          '14:3 env/naming Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "TOKEN". | TOKEN | -',
          '15:3 env/naming Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "apiKey". Rename it to "API_KEY". | apiKey | API_KEY',
        ], proveedor);
      }
    });

    it('reports a variable named after another provider without suggesting a rename', () => {
      const { text, findings } = lintText('docs/02-integraciones/INT-001-stripe.md', intDoc('Stripe', ['STRIPE_API_KEY', 'TWILIO_AUTH_TOKEN']));
      assert.deepEqual(describeFindings(text, findings), [
        '14:3 env/naming Expected {PROVIDER}_{TIPO} starting with STRIPE (Proveedor: Stripe); found "TWILIO_AUTH_TOKEN", which has the prefix of another provider (TWILIO). | TWILIO_AUTH_TOKEN | -',
      ]);
      assert.deepEqual(findings[0].fixes, []);
    });

    it('reports a variable that is only the provider, without a guess', () => {
      const { findings } = lintText('docs/02-integraciones/INT-001-stripe.md', intDoc('Stripe', ['STRIPE']));
      assert.deepEqual(findings.map((f) => show(f)), [
        '13:3 env/naming Expected {PROVIDER}_{TIPO} starting with STRIPE (Proveedor: Stripe) and a type after it; found "STRIPE".',
      ]);
      assert.deepEqual(findings[0].fixes, []);
    });
  });

  describe('.env files', () => {
    it('flags wrong keys on the key, with the conforming name', () => {
      const text = [
        'stripeApiKey=sk_test_1',
        'API_KEY_STRIPE=sk_test_2',
        'TOKEN=abc',
        'STRIPEKEY=sk_test_3',
        'export stripe-webhook-secret=whsec_1',
        'stripe_api_key=sk_test_4',
        'VITE_SECRET_KEY_STRIPE=pk_1',
        'GHTOKEN=ghp_1',
      ].join('\n');
      const { findings } = lintText('.env', text);
      assert.deepEqual(describeFindings(text, findings), [
        '1:1 env/naming Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "stripeApiKey". Rename it to "STRIPE_API_KEY". | stripeApiKey | STRIPE_API_KEY',
        '2:1 env/naming Expected the provider STRIPE first ({PROVIDER}_{TIPO}); found "API_KEY_STRIPE". Rename it to "STRIPE_API_KEY". | API_KEY_STRIPE | STRIPE_API_KEY',
        '3:1 env/naming Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "TOKEN". | TOKEN | -',
        '4:1 env/naming Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "STRIPEKEY". Rename it to "STRIPE_KEY". | STRIPEKEY | STRIPE_KEY',
        '5:8 env/naming Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "stripe-webhook-secret". Rename it to "STRIPE_WEBHOOK_SECRET". | stripe-webhook-secret | STRIPE_WEBHOOK_SECRET',
        '6:1 env/naming Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "stripe_api_key". Rename it to "STRIPE_API_KEY". | stripe_api_key | STRIPE_API_KEY',
        '7:1 env/naming Expected the provider STRIPE first ({PROVIDER}_{TIPO}); found "VITE_SECRET_KEY_STRIPE". Rename it to "VITE_STRIPE_SECRET_KEY". | VITE_SECRET_KEY_STRIPE | VITE_STRIPE_SECRET_KEY',
        '8:1 env/naming Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "GHTOKEN". Rename it to "GH_TOKEN". | GHTOKEN | GH_TOKEN',
      ]);
      assert.equal(applySuggestion(text, findings[4]).split('\n')[4], 'export STRIPE_WEBHOOK_SECRET=whsec_1');
    });

    it('leaves alone runtime vars, conforming names and names that are not clearly integrations', () => {
      const text = [
        'NODE_ENV=development', 'PORT=3000', 'DATABASE_URL=postgres://x', 'HOME=/root', 'CI=true', 'node_env=test',
        'DEBUG=1', 'LOCALE=es', 'METADATA=x', 'http_proxy=http://proxy', 'npm_package_version=1',
        'STRIPE_API_KEY=sk', 'AWS_S3_BUCKET=b', 'S3_BUCKET=b', 'GH_TOKEN=x', 'NEXT_PUBLIC_STRIPE_KEY=pk', 'PUBLIC_KEY=x',
        'SECRET_KEY=x', 'JWT_SECRET=x', 'API_KEY=x', 'USE_STRIPE=true', 'MAX_S3_RETRIES=3', 'SITE_META_DESCRIPTION=x',
        '# API_KEY_STRIPE=commented out', 'CERT="multi', 'tokenLine=inside the value"',
      ].join('\n');
      assert.deepEqual(lintText('.env', text).findings.map((f) => show(f)), []);
    });

    it('checks .env.example, .env.local and CRLF files alike', () => {
      const text = 'NODE_ENV=dev\r\n# Stripe (Pagos)\r\nAPI_KEY_STRIPE=sk\r\n';
      for (const path of ['.env.example', '.env.local', 'apps/api/.env.production']) {
        const { findings } = lintText(path, text);
        assert.deepEqual(describeFindings(text, findings).map((line) => line.split(' | ').slice(1).join(' | ')), ['API_KEY_STRIPE | STRIPE_API_KEY'], path);
        assert.deepEqual(findings[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 14 } });
        assert.equal(applySuggestion(text, findings[0]), 'NODE_ENV=dev\r\n# Stripe (Pagos)\r\nSTRIPE_API_KEY=sk\r\n');
      }
    });

    it('follows nonIntegrationVars and providerAliases from the configuration', () => {
      const text = 'SECRET=x\nKEY_ACME=y\n';
      assert.equal(lintText('.env', text).findings.length, 1);
      const config = { nonIntegrationVars: ['SECRET'], providerAliases: { acme: ['ACME'] } };
      assert.deepEqual(lintText('.env', text, config).findings.map((f) => f.data?.expected), ['ACME_KEY']);
    });
  });

  describe('source', () => {
    it('flags reads with wrong names, on the name', () => {
      const text = [
        'const a = process.env.stripeApiKey;',
        "const b = process.env['API_KEY_STRIPE'];",
        'const c = import.meta.env.TOKEN;',
        '// const old = process.env.apiKey;',
      ].join('\n');
      const { findings } = lintText('src/payments/stripe.ts', text);
      assert.deepEqual(describeFindings(text, findings), [
        '1:23 env/naming Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "stripeApiKey". Rename it to "STRIPE_API_KEY". | stripeApiKey | STRIPE_API_KEY',
        '2:24 env/naming Expected the provider STRIPE first ({PROVIDER}_{TIPO}); found "API_KEY_STRIPE". Rename it to "STRIPE_API_KEY". | API_KEY_STRIPE | STRIPE_API_KEY',
        '3:27 env/naming Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "TOKEN". | TOKEN | -',
      ]);
      assert.equal(applySuggestion(text, findings[1]).split('\n')[1], "const b = process.env['STRIPE_API_KEY'];");
    });

    it('flags Python, Go and Java reads the same way', () => {
      assert.deepEqual(lintText('app/pay.py', "key = os.getenv('stripe_key')").findings.map((f) => f.data?.expected), ['STRIPE_KEY']);
      assert.deepEqual(lintText('cmd/pay.go', 'key := os.Getenv("SECRET_STRIPE")').findings.map((f) => f.data?.expected), ['STRIPE_SECRET']);
      assert.deepEqual(lintText('src/Pay.java', 'String k = System.getenv("twilioAuthToken");').findings.map((f) => f.data?.expected), ['TWILIO_AUTH_TOKEN']);
    });

    it('never flags reads of runtime and tooling vars', () => {
      const text = [
        'process.env.NODE_ENV; process.env.PORT; process.env.CI; process.env.HOME; process.env.DATABASE_URL;',
        'process.env.npm_package_version; process.env.http_proxy; process.env.__NEXT_ROUTER_BASEPATH; process.env.FORCE_COLOR;',
        'process.env.STRIPE_API_KEY; import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY; process.env.DEBUG;',
      ].join('\n');
      assert.deepEqual(lintText('src/config.ts', text).findings, []);
    });
  });
});
