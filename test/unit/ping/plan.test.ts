import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIntDoc } from '../../../server/src/engine/intdoc/model';
import { localize } from '../../../server/src/engine/messages';
import { findPingTarget, planPing, type PingTarget, type PlanInput } from '../../../server/src/engine/ping/plan';
import { CLEAN, replaceOnce } from '../../helpers';
import { fakeCredentials, randomText } from '../../ping/mock-provider';

// Everything that is decided before a request leaves: refusals, missing
// variables, which variable and which base URL.

const credentials = fakeCredentials();
const target = (name: string): PingTarget => findPingTarget(name) as PingTarget;
const env = (values: Record<string, string>): Map<string, string> => new Map(Object.entries(values));

function plan(name: string, values: Record<string, string>, extra: Partial<PlanInput> = {}) {
  return planPing({ target: target(name), env: env(values), envFile: '.env', ...extra });
}

function refusal(name: string, values: Record<string, string>, extra: Partial<PlanInput> = {}): [string | undefined, string] {
  const result = plan(name, values, extra);
  assert.ok(!result.ok, 'expected a refusal');
  return [result.report.refusal, localize(result.report.detail)];
}

describe('ping plan', () => {
  it('finds providers by id and by the ways people write them', () => {
    assert.equal(findPingTarget('stripe')?.provider.id, 'stripe');
    assert.equal(findPingTarget('Mercado Pago')?.provider.id, 'mercadopago');
    assert.equal(findPingTarget('Amazon S3')?.provider.id, 'aws');
    assert.equal(findPingTarget('Meta')?.provider.id, 'whatsapp');
    assert.equal(findPingTarget('slack'), undefined);
    assert.equal(findPingTarget('acme'), undefined);
  });

  it('refuses Stripe live secret and restricted keys, and anything that is not a test key', () => {
    for (const live of [['sk', 'live', randomText(24)].join('_'), ['rk', 'live', randomText(24)].join('_')]) {
      const [reason, detail] = refusal('stripe', { STRIPE_API_KEY: live });
      assert.equal(reason, 'live-credential');
      assert.match(detail, /^STRIPE_API_KEY holds a live (secret|restricted) key; the sandbox ping sends test credentials only \(expected sk_test_… or rk_test_…\)\. Nothing was sent\.$/);
    }
    assert.deepEqual(refusal('stripe', { STRIPE_API_KEY: ['pk', 'test', randomText(24)].join('_') }), [
      'not-test-credential',
      'STRIPE_API_KEY does not hold a test secret key (expected sk_test_… or rk_test_…); the sandbox ping sends test credentials only. Nothing was sent.',
    ]);
    assert.ok(plan('stripe', { STRIPE_API_KEY: ['rk', 'test', randomText(24)].join('_') }).ok);
  });

  it('refuses MercadoPago production tokens (APP_USR-) and accepts TEST- ones', () => {
    const production = ['APP_USR', randomText(16, '0123456789'), '123456', randomText(32, '0123456789abcdef'), '123456789'].join('-');
    assert.equal(refusal('mercadopago', { MERCADOPAGO_ACCESS_TOKEN: production })[0], 'live-credential');
    assert.ok(plan('mercadopago', credentials.mercadopago).ok);
  });

  it('refuses a PayPal base URL on a live host, and accepts the sandbox, a mock or a proxy', () => {
    for (const live of ['https://api-m.paypal.com', 'https://api.paypal.com/', 'https://API-M.PayPal.com.']) {
      assert.deepEqual(refusal('paypal', credentials.paypal, { baseUrl: live }), [
        'live-host',
        `${new URL(live).hostname} is a live host of PayPal; the sandbox ping only talks to its sandbox (api-m.sandbox.paypal.com, api.sandbox.paypal.com) or to a mock. Nothing was sent.`,
      ]);
    }
    for (const fine of [undefined, 'https://api-m.sandbox.paypal.com', 'http://127.0.0.1:4010', 'https://proxy.internal/paypal']) {
      assert.ok(plan('paypal', credentials.paypal, { baseUrl: fine }).ok, String(fine));
    }
  });

  it('refuses before reading anything when the base URL is not http(s), and never shows its password', () => {
    assert.deepEqual(refusal('stripe', credentials.stripe, { baseUrl: 'ftp://user:hunter22@mock.local/' }), [
      'bad-base-url',
      'Expected the base URL to be an http or https URL; found "ftp://mock.local/". Nothing was sent.',
    ]);
    const ok = plan('stripe', credentials.stripe, { baseUrl: 'http://user:hunter22@127.0.0.1:9/stripe/' });
    assert.ok(ok.ok);
    assert.equal(ok.plan.shownBaseUrl, 'http://127.0.0.1:9/stripe');
    assert.equal(ok.plan.baseUrl, 'http://user:hunter22@127.0.0.1:9/stripe');
  });

  it('names every missing variable, with the names it would also take', () => {
    assert.deepEqual(refusal('aws', { AWS_REGION: 'us-east-1' }), [
      'missing-variables',
      'Missing AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_S3_BUCKET or S3_BUCKET in .env; the sandbox ping reads the test credentials from there, never from source.',
    ]);
    assert.equal(refusal('stripe', { STRIPE_API_KEY: '  ' })[1].startsWith('Missing STRIPE_API_KEY or STRIPE_SECRET_KEY in .env'), true);
    assert.deepEqual(refusal('stripe', {}, { env: undefined, envError: 'EACCES' }), [
      'missing-env-file',
      'Cannot read .env (EACCES); put the test credentials there or point --env-file at the file that has them.',
    ]);
  });

  it('reads the name the INT doc gives a credential first', () => {
    const path = 'docs/02-integraciones/INT-001-stripe.md';
    const text = replaceOnce(readFileSync(join(CLEAN, path), 'utf8'), '| STRIPE_API_KEY |', '| STRIPE_SECRET_KEY |');
    const key = credentials.stripe.STRIPE_API_KEY;
    const result = plan('stripe', { STRIPE_SECRET_KEY: key, STRIPE_API_KEY: ['sk', 'live', randomText(24)].join('_') }, { doc: parseIntDoc(path, text) });
    assert.ok(result.ok);
    assert.deepEqual([result.plan.variables, result.plan.values.get('secretKey'), result.plan.thresholds.latencyMs], [['STRIPE_SECRET_KEY'], key, 2000]);
  });

  it('fills optional values: the Graph API version has a default, AWS\'s session token is sent only when set', () => {
    const whatsapp = plan('whatsapp', credentials.whatsapp);
    assert.ok(whatsapp.ok);
    assert.equal(whatsapp.plan.values.get('version'), 'v23.0');
    const pinned = plan('whatsapp', { ...credentials.whatsapp, WHATSAPP_API_VERSION: 'v21.0' });
    assert.ok(pinned.ok);
    assert.equal(pinned.plan.values.get('version'), 'v21.0');
    const aws = plan('aws', credentials.aws);
    assert.ok(aws.ok);
    assert.deepEqual([aws.plan.values.has('sessionToken'), aws.plan.shownBaseUrl], [false, 'https://s3.{AWS_REGION}.amazonaws.com']);
    assert.equal(aws.plan.baseUrl, 'https://s3.us-east-1.amazonaws.com');
  });

  it('keeps every secret value for the scrubber and none of the identifiers', () => {
    const twilio = plan('twilio', credentials.twilio);
    assert.ok(twilio.ok);
    assert.deepEqual(twilio.plan.secrets, [credentials.twilio.TWILIO_AUTH_TOKEN]);
  });
});
