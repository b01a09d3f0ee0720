import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pingCommand } from '../../server/src/cli/ping';
import type { PingJson } from '../../server/src/engine/ping/format';
import type { PingDeps } from '../../server/src/engine/ping/types';
import { sendHttp } from '../../server/src/ping/http';
import { removeTempDirs, tempDir } from '../cli/workspace';
import { envText, fakeCredentials, leakedPieces, MockProvider, randomText, type Received, type Reply } from './mock-provider';

// Every provider's ping against a local mock of its API, through the CLI's
// own function: the request as the provider documents it, the directive's
// retry policy (the delays asked of an injected sleep), the outcome, the exit
// code, and no credential in any output.

const credentials = fakeCredentials();
const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

interface ProviderCase {
  id: string;
  /** The replies of a ping that works: PayPal's token, then its read. */
  ok: () => Reply[];
  /** Whether a body that is not JSON matters (a HEAD's answer has none). */
  json: boolean;
  /** What the mock must have received from a ping that works. */
  shape(received: Received[]): void;
}

/** What the PayPal mock issues: a secret like the ones it is issued for. */
const paypalToken = `A21AA${randomText(90)}`;

const CASES: ProviderCase[] = [
  {
    id: 'stripe',
    ok: () => [{ status: 200, json: { object: 'balance', livemode: false, available: [] } }],
    json: true,
    shape: ([request]) => {
      assert.equal(`${request.method} ${request.path}`, 'GET /v1/balance');
      assert.equal(request.headers.authorization, basic(credentials.stripe.STRIPE_API_KEY, ''));
    },
  },
  {
    id: 'twilio',
    ok: () => [{ status: 200, json: { sid: credentials.twilio.TWILIO_ACCOUNT_SID, status: 'active' } }],
    json: true,
    shape: ([request]) => {
      assert.equal(`${request.method} ${request.path}`, `GET /2010-04-01/Accounts/${credentials.twilio.TWILIO_ACCOUNT_SID}.json`);
      assert.equal(request.headers.authorization, basic(credentials.twilio.TWILIO_ACCOUNT_SID, credentials.twilio.TWILIO_AUTH_TOKEN));
    },
  },
  {
    id: 'sendgrid',
    ok: () => [{ status: 200, json: { scopes: ['mail.send'] } }],
    json: true,
    shape: ([request]) => {
      assert.equal(`${request.method} ${request.path}`, 'GET /v3/scopes');
      assert.equal(request.headers.authorization, `Bearer ${credentials.sendgrid.SENDGRID_API_KEY}`);
    },
  },
  {
    id: 'mercadopago',
    ok: () => [{ status: 200, json: { id: 123, nickname: 'TESTUSER' } }],
    json: true,
    shape: ([request]) => {
      assert.equal(`${request.method} ${request.path}`, 'GET /users/me');
      assert.equal(request.headers.authorization, `Bearer ${credentials.mercadopago.MERCADOPAGO_ACCESS_TOKEN}`);
    },
  },
  {
    id: 'paypal',
    ok: () => [
      { status: 200, json: { access_token: paypalToken, token_type: 'Bearer', expires_in: 32400 } },
      { status: 200, json: { webhooks: [] } },
    ],
    json: true,
    shape: ([token, read]) => {
      assert.equal(`${token.method} ${token.path}`, 'POST /v1/oauth2/token');
      assert.equal(token.headers.authorization, basic(credentials.paypal.PAYPAL_CLIENT_ID, credentials.paypal.PAYPAL_CLIENT_SECRET));
      assert.equal(token.headers['content-type'], 'application/x-www-form-urlencoded');
      assert.equal(token.body, 'grant_type=client_credentials');
      assert.equal(`${read.method} ${read.path}`, 'GET /v1/notifications/webhooks');
      assert.equal(read.headers.authorization, `Bearer ${paypalToken}`);
    },
  },
  {
    id: 'whatsapp',
    ok: () => [{ status: 200, json: { id: credentials.whatsapp.WHATSAPP_PHONE_NUMBER_ID, display_phone_number: '+1 555 0100' } }],
    json: true,
    shape: ([request]) => {
      assert.equal(`${request.method} ${request.path}`, `GET /v23.0/${credentials.whatsapp.WHATSAPP_PHONE_NUMBER_ID}`);
      assert.equal(request.headers.authorization, `Bearer ${credentials.whatsapp.WHATSAPP_ACCESS_TOKEN}`);
    },
  },
  {
    id: 'aws',
    ok: () => [{ status: 200, headers: { 'x-amz-bucket-region': 'us-east-1' } }],
    json: false,
    shape: ([request]) => {
      assert.equal(`${request.method} ${request.path}`, `HEAD /${credentials.aws.AWS_S3_BUCKET}`);
      const date = String(request.headers['x-amz-date']);
      assert.match(date, /^\d{8}T\d{6}Z$/);
      assert.equal(request.headers['x-amz-content-sha256'], EMPTY_SHA256);
      assert.match(
        String(request.headers.authorization),
        new RegExp(`^AWS4-HMAC-SHA256 Credential=${credentials.aws.AWS_ACCESS_KEY_ID}/${date.slice(0, 8)}/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$`),
      );
    },
  },
];

const SECRETS = [...Object.values(credentials).flatMap((vars) => Object.entries(vars).filter(([name]) => name !== 'AWS_REGION').map(([, value]) => value))];

describe('sandbox ping, each provider against a local mock', function () {
  let mock: MockProvider;
  let root: string;
  let sleeps: number[];
  const deps: PingDeps = { send: sendHttp, now: () => Date.now(), sleep: async (ms) => void sleeps.push(ms) };

  before(async () => {
    mock = await MockProvider.start();
    root = tempDir();
    writeFileSync(join(root, '.env'), Object.values(credentials).map(envText).join(''));
  });
  after(async () => {
    await mock.close();
    removeTempDirs();
  });
  beforeEach(() => {
    sleeps = [];
  });

  async function ping(id: string, extra: string[] = []): Promise<{ code: number; json: PingJson; output: string }> {
    let stdout = '';
    let stderr = '';
    const code = await pingCommand([id, '--base-url', mock.url, '--format', 'json', '--timeout', '150', ...extra], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: root,
      env: {},
    }, deps);
    const output = stdout + stderr;
    assert.deepEqual(leakedPieces(output, [...SECRETS, paypalToken]), [], 'a credential (or a piece of one) was printed');
    return { code, json: JSON.parse(stdout) as PingJson, output };
  }

  for (const provider of CASES) {
    describe(provider.id, () => {
      it('succeeds with one authenticated request as the provider documents it', async () => {
        mock.script(...provider.ok());
        const { code, json } = await ping(provider.id);
        assert.equal(json.outcome, 'ok', json.message);
        assert.equal(code, 0);
        assert.equal(json.status, 200);
        assert.equal(json.attempts, provider.ok().length);
        assert.equal(mock.received.length, json.attempts);
        provider.shape(mock.received);
        assert.deepEqual(sleeps, []);
        assert.ok(typeof json.latencyMs === 'number' && json.latencyMs >= 0);
      });

      it('prints the text report without any credential', async () => {
        mock.script(...provider.ok());
        let stdout = '';
        const code = await pingCommand([provider.id, '--base-url', mock.url], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, cwd: root, env: {} }, deps);
        assert.equal(code, 0);
        assert.match(stdout, /^Sandbox ping .+: OK\n/);
        assert.match(stdout, /Request: (GET|HEAD) http:\/\/127\.0\.0\.1:\d+\//);
        assert.deepEqual(leakedPieces(stdout, [...SECRETS, paypalToken]), []);
      });

      for (const status of [401, 403]) {
        it(`reports HTTP ${status} as a rejected credential, not retried`, async () => {
          mock.script({ status, json: { error: { message: 'Invalid credentials' } } });
          const { code, json } = await ping(provider.id);
          assert.deepEqual([json.outcome, code, json.status, mock.received.length, sleeps], ['auth-failed', 1, status, 1, []]);
          assert.match(json.message, /^Credential rejected: rotate or refresh it \([A-Z_, ]+\)\. HTTP \d+, not retried\.$/);
        });
      }

      it('waits what Retry-After says after a 429, then succeeds', async () => {
        mock.script({ status: 429, headers: { 'Retry-After': '3' }, json: { error: 'rate_limit' } }, ...provider.ok());
        const { code, json } = await ping(provider.id);
        assert.deepEqual([json.outcome, code, mock.received.length, sleeps], ['ok', 0, provider.ok().length + 1, [3000]]);
        assert.deepEqual(json.log[0].retry, { delayMs: 3000, reason: 'retry-after' });
      });

      it('backs off 1 s, 2 s, 4 s while a 429 has no Retry-After, then reports the rate limit', async () => {
        mock.script({ status: 429, json: { error: 'rate_limit' } });
        const { code, json } = await ping(provider.id);
        assert.deepEqual([json.outcome, code, mock.received.length, sleeps], ['rate-limited', 1, 4, [1000, 2000, 4000]]);
      });

      it('retries a 5xx after 1 s, then succeeds', async () => {
        mock.script({ status: 503, body: 'upstream unavailable' }, ...provider.ok());
        const { code, json } = await ping(provider.id);
        assert.deepEqual([json.outcome, code, mock.received.length, sleeps], ['ok', 0, provider.ok().length + 1, [1000]]);
      });

      it('gives up after 3 retries of a 5xx', async () => {
        mock.script({ status: 500, json: { error: 'internal' } });
        const { code, json } = await ping(provider.id);
        assert.deepEqual([json.outcome, code, json.status, mock.received.length, sleeps], ['unavailable', 1, 500, 4, [1000, 2000, 4000]]);
      });

      it('retries a timeout once, at once, then reports the provider unavailable', async () => {
        mock.script({ ...provider.ok()[0], delayMs: 600 } as Reply);
        const { code, json } = await ping(provider.id);
        assert.deepEqual([json.outcome, code, mock.received.length, sleeps, json.log.map((entry) => entry.error)], ['unavailable', 1, 2, [], ['timeout', 'timeout']]);
        assert.equal(json.message, 'No answer within 150 ms, in 2 attempts.');
      });

      it(provider.json ? 'reports a body that is not JSON as unavailable, not retried' : 'reads only the status of its HEAD request', async () => {
        mock.script({ status: 200, body: '{"truncated": ', headers: { 'Content-Type': 'application/json' } });
        const { code, json } = await ping(provider.id);
        if (provider.json) {
          assert.deepEqual([json.outcome, code, mock.received.length, sleeps], ['unavailable', 1, 1, []]);
          assert.match(json.message, /^Expected a JSON answer from .+; the body is not JSON\./);
        } else {
          assert.deepEqual([json.outcome, code], ['ok', 0]);
        }
      });

      it('retries a reset connection after a delay, then succeeds', async () => {
        mock.script({ reset: true }, ...provider.ok());
        const { code, json } = await ping(provider.id);
        assert.deepEqual([json.outcome, code, mock.received.length, sleeps], ['ok', 0, provider.ok().length + 1, [1000]]);
        assert.equal(json.log[0].error, 'ECONNRESET');
      });

      it('reports a connection reset every time as unavailable after 3 retries', async () => {
        mock.script({ reset: true });
        const { code, json } = await ping(provider.id);
        assert.deepEqual([json.outcome, code, mock.received.length, sleeps], ['unavailable', 1, 4, [1000, 2000, 4000]]);
        assert.match(json.message, /^Could not reach http:\/\/127\.0\.0\.1:\d+ \(ECONNRESET\), in 4 attempts\.$/);
      });
    });
  }

  it('takes Twilio\'s 403 with error 20008 as its documented answer to valid test credentials', async () => {
    mock.script({ status: 403, json: { code: 20008, message: 'Resource not accessible with Test Account Credentials', status: 403 } });
    const { code, json } = await ping('twilio');
    assert.deepEqual([json.outcome, code, mock.received.length], ['ok', 0, 1]);
    assert.deepEqual(json.notes, ['Twilio accepted the test credentials: it answers this request with HTTP 403 and code 20008 for test credentials, as it documents.']);
  });

  it('stops at PayPal\'s token when the token answer has no access_token', async () => {
    mock.script({ status: 200, json: { token_type: 'Bearer' } });
    const { code, json } = await ping('paypal');
    assert.deepEqual([json.outcome, code, mock.received.length], ['unavailable', 1, 1]);
    assert.equal(json.message, 'Expected "access_token" in the answer of PayPal; it is not there.');
  });

  it('reports a rejected PayPal read after a good token as a rejected credential', async () => {
    mock.script(provider('paypal').ok()[0], { status: 401, json: { error: 'invalid_token' } });
    const { code, json } = await ping('paypal');
    assert.deepEqual([json.outcome, code, mock.received.length], ['auth-failed', 1, 2]);
    assert.match(json.message, /\(PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET\)/);
  });
});

function provider(id: string): ProviderCase {
  return CASES.find((c) => c.id === id) as ProviderCase;
}
