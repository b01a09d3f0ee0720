import { strict as assert } from 'node:assert';
import { defaultSecretsConfig } from '../../../server/src/engine/secrets/settings';
import rule from '../../../server/src/engine/rules/env/example-value';
import { localize } from '../../../server/src/engine/messages';
import type { Finding } from '../../../server/src/engine/types';
import { covered, fixAll, lintCase, replaceOnce, show, type LintCase, DIRECTIVE_ENV_EXAMPLE } from '../../helpers';
import { applySuggestion } from './suggestion';

// Secrets here are generated from a seed when the test runs: the file holds
// none, and a value is the same on every run.

const EXAMPLE = '.env.example';
const lint = (c: Omit<LintCase, 'rules'>) => lintCase({ ...c, rules: [rule] });
const lintText = (text: string, path = EXAMPLE, config?: LintCase['config']) => lint({ path, edit: () => text, config });

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

/** Deterministic random-looking text (a linear congruential generator): what a generated key looks like. */
function randomText(seed: number, length: number, alphabet = BASE62): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[Math.floor((state / 2147483648) * alphabet.length)];
  }
  return out;
}

const STRIPE_LIVE = `sk_${'live'}_${randomText(1, 99)}`;
const AWS_SECRET = randomText(2, 40, `${BASE62}/+`);
const TWILIO_TOKEN = randomText(3, 32, HEX);
const GITHUB_PAT = `ghp_${randomText(4, 36)}`;


/** Every text the user can see of a finding: where a secret must never appear. */
function visible(finding: Finding): string {
  return [show(finding), localize(finding.message, 'es'), ...finding.fixes.map((fix) => localize(fix.title)), JSON.stringify(finding.data)].join('\n');
}

describe('env/example-value', () => {
  it('finds nothing in the clean .env.example nor in the directive\'s own 8.1 example', () => {
    assert.deepEqual(lint({ path: EXAMPLE }).findings.map((f) => show(f)), []);
    assert.deepEqual(lintText(DIRECTIVE_ENV_EXAMPLE).findings.map((f) => show(f)), []);
    assert.deepEqual(lintText(DIRECTIVE_ENV_EXAMPLE.replace(/\n/g, '\r\n')).findings.map((f) => show(f)), []);
  });

  it('leaves placeholders, samples, settings and references alone', () => {
    const text = [
      'STRIPE_API_KEY=',
      'STRIPE_WEBHOOK_SECRET=whsec_...',
      'GOOGLE_CLIENT_SECRET=<your-client-secret>',
      'PAYPAL_CLIENT_SECRET=${PAYPAL_CLIENT_SECRET}',
      'MERCADOPAGO_ACCESS_TOKEN=APP_USR-your-access-token-here',
      'SLACK_BOT_TOKEN="xoxb-your-bot-token"',
      'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'JWT_SECRET=changeme',
      'SESSION_SECRET=********',
      'ACME_API_KEY=0123456789abcdef0123456789abcdef',
      `AWS_ACCESS_KEY_ID=${'AKIA'}IOSFODNN7EXAMPLE`,
      `AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCY${'EXAMPLEKEY'}`,
      `STRIPE_RESTRICTED_KEY=sk_${'test'}_4eC39HqLyjWDarjtT1zdp7dc`,
      'SENDGRID_FROM_EMAIL=billing@example.org',
      'AWS_REGION=eu-west-3',
      'GCP_STORAGE_BUCKET=acme-uploads-staging',
      'GOOGLE_CLOUD_PROJECT=acme-prod-417203',
      'GOOGLE_APPLICATION_CREDENTIALS=./secrets/service-account.json',
      'GOOGLE_REDIRECT_URI=https://app.acme.io/auth/google/callback',
      'DATABASE_URL=postgres://postgres:Sup3rS3cretPw@localhost:5432/app',
      'REDIS_URL=redis://:Xk29fj2kLm9Qz81@redis:6379/0',
      'AMQP_URL=amqp://app:Xk29fj2kLm9Qz81@rabbit.example.com',
      'WEBHOOK_TARGET=http://10.0.3.7:8080/hooks',
      'APPLE_PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----"',
      'REQUEST_ID=3f2b8c1e-6a4d-4e2f-9b7a-1c5d8e0f2a3b',
      'LOG_FORMAT=json',
      'PORT=3000',
      '',
    ].join('\n');
    assert.deepEqual(lintText(text).findings.map((f) => show(f)), []);
  });

  it('leaves identifiers and public keys alone: they identify, they do not authenticate', () => {
    const text = [
      `STRIPE_PUBLISHABLE_KEY=pk_${'live'}_${randomText(5, 99)}`,
      `TWILIO_ACCOUNT_SID=AC${randomText(6, 32, HEX)}`,
      `GOOGLE_CLIENT_ID=${randomText(7, 12, '0123456789')}-${randomText(8, 32, 'abcdefghijklmnopqrstuvwxyz0123456789')}.apps.googleusercontent.com`,
      `MERCADOPAGO_PUBLIC_KEY=APP_USR-${randomText(9, 8, HEX)}-${randomText(10, 4, HEX)}-${randomText(11, 4, HEX)}-${randomText(12, 4, HEX)}-${randomText(13, 12, HEX)}`,
      '',
    ].join('\n');
    assert.deepEqual(lintText(text).findings.map((f) => show(f)), []);
    // An id that is half of a credential is recognised by its format, whatever its name says.
    const keyId = `${'AKIA'}${randomText(15, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
    assert.deepEqual(lintText(`AWS_ACCESS_KEY_ID=${keyId}\n`).findings.map((f) => f.message.args[2]), [`AKIA…${keyId.slice(-4)}`]);
  });

  it('flags a provider key, a random secret, a hex token and a password in a URL, showing only a redacted form', () => {
    const text = [
      '# Stripe (Pagos)',
      `STRIPE_API_KEY=${STRIPE_LIVE}`,
      `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`,
      `TWILIO_AUTH_TOKEN="${TWILIO_TOKEN}" # from the console`,
      `GITHUB_TOKEN=${GITHUB_PAT}`,
      'ANALYTICS_DB_URL=postgres://reporting:Xk29fj2kLm9Qz81@db.acme-prod.io:5432/analytics',
      '',
    ].join('\n');
    const { findings } = lintText(text);
    assert.deepEqual(findings.map((f) => `${show(f)} | ${covered(text, f)}`), [
      `2:16 env/example-value Expected a placeholder for STRIPE_API_KEY in .env.example (directive 8.1); found a value that looks like a real credential (sk_live_…${STRIPE_LIVE.slice(-4)}). Rotate it if this file was ever committed. | ${STRIPE_LIVE}`,
      `3:23 env/example-value Expected a placeholder for AWS_SECRET_ACCESS_KEY in .env.example (directive 8.1); found a value that looks like a real credential (…${AWS_SECRET.slice(-4)}). Rotate it if this file was ever committed. | ${AWS_SECRET}`,
      `4:19 env/example-value Expected a placeholder for TWILIO_AUTH_TOKEN in .env.example (directive 8.1); found a value that looks like a real credential (…${TWILIO_TOKEN.slice(-4)}). Rotate it if this file was ever committed. | "${TWILIO_TOKEN}"`,
      `5:14 env/example-value Expected a placeholder for GITHUB_TOKEN in .env.example (directive 8.1); found a value that looks like a real credential (ghp_…${GITHUB_PAT.slice(-4)}). Rotate it if this file was ever committed. | ${GITHUB_PAT}`,
      '6:18 env/example-value Expected a placeholder for ANALYTICS_DB_URL in .env.example (directive 8.1); found a value that looks like a real credential (postgres://reporting:…@db.acme-prod.io). Rotate it if this file was ever committed. | postgres://reporting:Xk29fj2kLm9Qz81@db.acme-prod.io:5432/analytics',
    ]);
    for (const finding of findings) {
      for (const secret of [STRIPE_LIVE, AWS_SECRET, TWILIO_TOKEN, GITHUB_PAT, 'Xk29fj2kLm9Qz81']) assert.ok(!visible(finding).includes(secret), `${finding.message.args[0]} shows a secret`);
      assert.equal(finding.severity, 'error');
    }
    assert.equal(findings[0].data?.format, 'stripe-secret-key-live');
  });

  it('flags a private key block written on one line with \\n escapes', () => {
    const body = randomText(14, 120, `${BASE62}+/`);
    const text = `APPLE_PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\\n${body.slice(0, 64)}\\n${body.slice(64)}\\n-----END PRIVATE KEY-----"\n`;
    const [finding] = lintText(text).findings;
    assert.ok(finding);
    assert.equal(finding.message.args[2], `-----BEGIN PRIVATE KEY-----…${body.slice(-4)}`);
    assert.equal(covered(text, finding), text.slice('APPLE_PRIVATE_KEY='.length, -1));
  });

  it('offers to replace the value with the placeholder as a suggestion, never as a --fix', () => {
    const text = readyExample();
    const { findings } = lintText(text);
    assert.equal(findings.length, 1);
    const [fix] = findings[0].fixes;
    assert.equal(localize(fix.title), 'Replace the value with a placeholder (sk_test_xxxxx)');
    assert.equal(fix.safe, false);
    assert.equal(fixAll({ path: EXAMPLE, edit: () => text, rules: [rule] }), text, '--fix must not drop the value');
    const fixed = applySuggestion(text, findings[0]);
    assert.equal(fixed, replaceOnce(text, STRIPE_LIVE, 'sk_test_xxxxx'));
    assert.deepEqual(lintText(fixed).findings, []);
  });

  it('replaces a quoted value with its quotes, in a CRLF file, keeping CRLF', () => {
    const text = replaceOnce(readyExample(), `STRIPE_API_KEY=${STRIPE_LIVE}`, `STRIPE_API_KEY='${STRIPE_LIVE}'`).replace(/\n/g, '\r\n');
    const [finding] = lintText(text).findings;
    assert.equal(covered(text, finding), `'${STRIPE_LIVE}'`);
    const fixed = applySuggestion(text, finding);
    assert.equal(fixed, replaceOnce(text, `'${STRIPE_LIVE}'`, 'sk_test_xxxxx'));
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false);
  });

  it('checks .env.sample, .env.template and .env.dist in any folder, but never a file that holds the real values', () => {
    const text = `STRIPE_API_KEY=${STRIPE_LIVE}\n`;
    for (const path of ['.env.sample', 'apps/api/.env.template', 'config/.env.dist', 'apps/web/.env.example']) assert.equal(lintText(text, path).findings.length, 1, path);
    for (const path of ['.env', '.env.local', '.env.production', '.env.defaults']) assert.deepEqual(lintText(text, path).findings, [], path);
  });

  it('leaves values that secrets.allowPatterns declares not secret', () => {
    const text = `STRIPE_API_KEY=${STRIPE_LIVE}\n`;
    const secrets = { ...defaultSecretsConfig(), allowPatterns: [`^sk_live_${STRIPE_LIVE.slice(8, 20)}`] };
    assert.deepEqual(lintText(text, EXAMPLE, { secrets }).findings, []);
  });
});

/** The clean fixture with a live Stripe key pasted over its placeholder. */
function readyExample(): string {
  const { text } = lint({ path: EXAMPLE });
  return replaceOnce(text, 'STRIPE_API_KEY=sk_test_xxxxx', `STRIPE_API_KEY=${STRIPE_LIVE}`);
}
