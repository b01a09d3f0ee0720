import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeLensRequest, ExecuteCommandRequest, LogMessageNotification, type CodeLens } from 'vscode-languageserver-protocol/node';
import type { PingJson } from '../../server/src/engine/ping/format';
import { envText, fakeCredentials, leakedPieces, MockProvider } from '../ping/mock-provider';
import { cleanWorkspace, serverPerTest, type TestClient } from './client';

// The sandbox ping through the bundled server over stdio: the command's
// answer, the CodeLens on an INT doc's title, the picker's list, and no
// credential in anything the server sends, log messages included.

const STRIPE_DOC = 'docs/02-integraciones/INT-001-stripe.md';
const credentials = fakeCredentials();
const SECRETS = [credentials.stripe.STRIPE_API_KEY, credentials.twilio.TWILIO_AUTH_TOKEN, credentials.twilio.TWILIO_ACCOUNT_SID];

describe('language server: sandbox ping', function () {
  this.timeout(20000);
  let mock: MockProvider;
  let client: TestClient | undefined;
  let logged: string[];

  before(async () => {
    mock = await MockProvider.start();
  });
  after(async () => {
    await mock.close();
  });
  const startServer = serverPerTest();

  async function start(): Promise<TestClient> {
    const root = cleanWorkspace();
    writeFileSync(join(root, '.env'), envText({ ...credentials.stripe, ...credentials.twilio }));
    writeFileSync(join(root, 'simco-int.config.json'), JSON.stringify({ ping: { baseUrls: { stripe: mock.url, twilio: mock.url } } }));
    client = await startServer({ root });
    logged = [];
    client.connection.onNotification(LogMessageNotification.type, (params) => logged.push(params.message));
    await client.indexed;
    return client;
  }

  const execute = async (command: string, args: unknown[]): Promise<unknown> => client?.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });

  it('answers simco-int.ping with the report, logging each attempt without a secret', async () => {
    await start();
    mock.script({ status: 503, headers: { 'Retry-After': '0' } }, { status: 200, json: { object: 'balance' } });
    const report = (await execute('simco-int.ping', [{ provider: 'stripe' }])) as PingJson;
    assert.deepEqual([report.outcome, report.status, report.attempts, report.thresholds.source], ['ok', 200, 2, STRIPE_DOC]);
    assert.match(report.text ?? '', /^Sandbox ping Stripe: OK\n/);
    assert.equal(mock.received[1].headers.authorization, `Basic ${Buffer.from(`${credentials.stripe.STRIPE_API_KEY}:`).toString('base64')}`);
    assert.ok(logged.some((line) => /^#1 GET http:\/\/127\.0\.0\.1:\d+\/v1\/balance -> HTTP 503 in \d+ ms; retrying in 0 ms \(Retry-After\)$/.test(line)), logged.join('\n'));
    assert.deepEqual(leakedPieces(JSON.stringify(report) + logged.join('\n'), SECRETS), []);
  });

  it('reports a rejected credential and a refusal as answers, not errors', async () => {
    await start();
    mock.script({ status: 401, json: {} });
    const rejected = (await execute('simco-int.ping', [{ provider: 'twilio' }])) as PingJson;
    assert.deepEqual([rejected.outcome, rejected.message], ['auth-failed', 'Credential rejected: rotate or refresh it (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN). HTTP 401, not retried.']);
    mock.script({ status: 200, json: {} });
    const refused = (await execute('simco-int.ping', [{ provider: 'paypal' }])) as PingJson;
    assert.deepEqual([refused.outcome, refused.refusal, mock.received.length], ['refused', 'missing-variables', 0]);
    assert.deepEqual(leakedPieces(JSON.stringify([rejected, refused]), SECRETS), []);
  });

  it('puts a "Sandbox ping" CodeLens on an INT doc\'s title that runs the command for that doc', async () => {
    const server = await start();
    const uri = await server.open(STRIPE_DOC);
    const lenses = (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    assert.deepEqual(lenses, [
      {
        range: { start: { line: 0, character: 2 }, end: { line: 0, character: 17 } },
        command: { title: 'Sandbox ping Stripe', command: 'simco-int.ping', arguments: [{ provider: 'stripe', doc: uri }] },
      },
    ]);
    mock.script({ status: 200, json: {} });
    const report = (await execute(lenses[0].command?.command ?? '', lenses[0].command?.arguments ?? [])) as PingJson;
    assert.deepEqual([report.outcome, report.thresholds.latencyMs, report.thresholds.source], ['ok', 2000, STRIPE_DOC]);
    const env = await server.open('.env', undefined, 'dotenv');
    assert.deepEqual(await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: env } }), []);
  });

  it('lists the workspace\'s INT docs, then the catalog, for the picker', async () => {
    await start();
    const targets = (await execute('simco-int.pingTargets', [])) as Array<{ provider: string; doc?: string; title?: string }>;
    assert.deepEqual(
      targets.filter((target) => target.doc).map((target) => `${target.doc} ${target.provider} ${target.title}`),
      [
        'docs/02-integraciones/INT-001-stripe.md stripe INT-001: Stripe',
        'docs/02-integraciones/INT-002-twilio-sms.md twilio INT-002: Twilio SMS',
        'docs/02-integraciones/INT-003-twilio-whatsapp.md twilio INT-003: Twilio WhatsApp',
      ],
    );
    assert.deepEqual(targets.filter((target) => !target.doc).map((target) => target.provider), ['stripe', 'twilio', 'sendgrid', 'aws', 'paypal', 'mercadopago', 'whatsapp']);
  });
});
