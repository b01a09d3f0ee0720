import { strict as assert } from 'node:assert';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pingCommand } from '../../server/src/cli/ping';
import type { PingJson } from '../../server/src/engine/ping/format';
import type { PingDeps } from '../../server/src/engine/ping/types';
import { sendHttp } from '../../server/src/ping/http';
import { removeTempDirs, run, spawnRun, tempDir, type Run } from '../cli/workspace';
import { CLEAN } from '../helpers';
import { envText, fakeCredentials, leakedPieces, MockProvider, randomText } from './mock-provider';

// `simco-int ping` as CI runs it: through main(), as a separate process, with
// the .env and simco-int.config.json of a workspace, and its exit codes.

const credentials = fakeCredentials();
const KEY = credentials.stripe.STRIPE_API_KEY;
const LIVE_KEY = ['sk', 'live', randomText(24)].join('_');
const HINT = 'Run "simco-int ping --help" for usage.\n';
const CLI = join(__dirname, '..', '..', 'server', 'src', 'cli.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;

describe('simco-int ping', function () {
  let mock: MockProvider;
  before(async () => {
    mock = await MockProvider.start();
  });
  after(async () => {
    await mock.close();
    removeTempDirs();
  });
  beforeEach(() => mock.script({ status: 200, json: { object: 'balance' } }));

  /** A workspace with a .env holding `env` and, when given, a simco-int.config.json. */
  function workspace(env: Record<string, string> = credentials.stripe, config?: unknown): string {
    const root = tempDir();
    writeFileSync(join(root, '.env'), envText(env));
    if (config !== undefined) writeFileSync(join(root, 'simco-int.config.json'), JSON.stringify(config));
    return root;
  }

  /** The test key's public prefix may be named (as what was expected); no piece of a value in the workspace may. */
  const noLeak = (result: Run, values: string[] = [KEY]): Run => {
    assert.deepEqual(leakedPieces(result.stdout + result.stderr, values), [], 'a credential was printed');
    return result;
  };

  it('pings the provider at the base URL of the config, and exits 0', async () => {
    const root = workspace(credentials.stripe, { ping: { baseUrls: { stripe: mock.url } } });
    const result = noLeak(await run(['ping', 'stripe'], { cwd: root }));
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^Sandbox ping Stripe: OK\n {2}Stripe accepted the credentials\.\n {2}Request: GET http:\/\/127\.0\.0\.1:\d+\/v1\/balance\n {2}Status: HTTP 200\n/);
    assert.match(result.stdout, /\n {2}Credentials: STRIPE_API_KEY from \.env\n/);
    assert.equal(result.stderr, '');
    assert.equal(mock.received.length, 1);
  });

  it('lets --base-url win over the config, and reads --env-file instead of .env', async () => {
    const root = workspace({}, { ping: { baseUrls: { stripe: 'http://127.0.0.1:9/unused' } } });
    writeFileSync(join(root, '.env.sandbox'), envText(credentials.stripe));
    const result = noLeak(await run(['ping', 'stripe', '--env-file', '.env.sandbox', '--base-url', mock.url, '--format', 'json'], { cwd: root }));
    const json = JSON.parse(result.stdout) as PingJson;
    assert.deepEqual([result.code, json.outcome, json.envFile, json.variables], [0, 'ok', '.env.sandbox', ['STRIPE_API_KEY']]);
    assert.equal(mock.received[0].headers.authorization, `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`);
  });

  it('exits 1 with the outcome in JSON when the credential is rejected', async () => {
    mock.script({ status: 401, json: { error: { type: 'invalid_request_error' } } });
    const result = noLeak(await run(['ping', 'stripe', '--base-url', mock.url, '--format', 'json'], { cwd: workspace() }));
    const json = JSON.parse(result.stdout) as PingJson;
    assert.deepEqual([result.code, json.outcome, json.ok, json.status, json.attempts], [1, 'auth-failed', false, 401, 1]);
    assert.equal(json.message, 'Credential rejected: rotate or refresh it (STRIPE_API_KEY). HTTP 401, not retried.');
  });

  it('refuses a live key with exit 2 and sends nothing', async () => {
    const result = noLeak(await run(['ping', 'stripe', '--base-url', mock.url], { cwd: workspace({ STRIPE_API_KEY: LIVE_KEY }) }), [LIVE_KEY]);
    assert.equal(result.code, 2);
    assert.equal(
      result.stdout,
      'Sandbox ping Stripe: refused\n  STRIPE_API_KEY holds a live secret key; the sandbox ping sends test credentials only (expected sk_test_… or rk_test_…). Nothing was sent.\n',
    );
    assert.equal(mock.received.length, 0);
  });

  it('refuses a PayPal live host with exit 2 and sends nothing', async () => {
    const result = await run(['ping', 'paypal', '--base-url', 'https://api-m.paypal.com', '--format', 'json'], { cwd: workspace(credentials.paypal) });
    noLeak(result, Object.values(credentials.paypal));
    assert.deepEqual([result.code, (JSON.parse(result.stdout) as PingJson).refusal], [2, 'live-host']);
  });

  it('sends nothing at all for any refusal', async () => {
    const sent: string[] = [];
    const spy: PingDeps = { now: () => 0, sleep: async () => undefined, send: async (request) => (sent.push(request.url), { kind: 'network', code: 'EHOSTUNREACH' }) };
    const production = ['APP_USR', '1234567890123456', '123456', 'abcdef0123456789abcdef0123456789', '123456789'].join('-');
    const cases: Array<[string[], Record<string, string>, string]> = [
      [['stripe'], { STRIPE_API_KEY: LIVE_KEY }, 'live-credential'],
      [['mercadopago'], { MERCADOPAGO_ACCESS_TOKEN: production }, 'live-credential'],
      [['paypal', '--base-url', 'https://api-m.paypal.com'], credentials.paypal, 'live-host'],
      [['paypal', '--base-url', 'https://api.paypal.com/v1'], credentials.paypal, 'live-host'],
      [['sendgrid'], {}, 'missing-variables'],
      [['stripe', '--base-url', 'file:///etc/passwd'], credentials.stripe, 'bad-base-url'],
    ];
    for (const [argv, env, refusal] of cases) {
      let stdout = '';
      const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true }, cwd: workspace(env), env: {} };
      assert.equal(await pingCommand([...argv, '--format', 'json'], io, spy), 2, argv.join(' '));
      assert.equal((JSON.parse(stdout) as PingJson).refusal, refusal, argv.join(' '));
      assert.deepEqual(leakedPieces(stdout, Object.values(env)), []);
    }
    assert.deepEqual(sent, []);
  });

  it('names the missing variables, and a .env it cannot read, with exit 2', async () => {
    const missing = await run(['ping', 'twilio'], { cwd: workspace() });
    assert.equal(missing.code, 2);
    assert.match(missing.stdout, /\n {2}Missing TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN in \.env; /);
    const noFile = await run(['ping', 'stripe', '--env-file', 'nope/.env'], { cwd: workspace() });
    assert.equal(noFile.code, 2);
    assert.match(noFile.stdout, /\n {2}Cannot read nope\/\.env \(ENOENT\); /);
  });

  it('exits 2 on bad usage, with a pointer to the help', async () => {
    const root = workspace();
    const cases: Array<[string[], string]> = [
      [['ping'], 'simco-int: Expected a provider (stripe, twilio, sendgrid, aws, paypal, mercadopago, whatsapp) or an INT doc; found none.\n'],
      [['ping', 'stripe', 'twilio'], 'simco-int: Expected one provider; found 2: "stripe", "twilio".\n'],
      [['ping', 'stripe', '--format', 'sarif'], 'simco-int: Expected --format to be one of text, json; found "sarif".\n'],
      [['ping', 'stripe', '--timeout', '5s'], 'simco-int: Expected --timeout to be a whole number of milliseconds from 100 to 120000; found "5s".\n'],
      [['ping', 'stripe', '--retries', '9'], 'simco-int: Unknown option "--retries".\n'],
    ];
    for (const [argv, stderr] of cases) assert.deepEqual(await run(argv, { cwd: root }), { code: 2, stdout: '', stderr: stderr + HINT }, argv.join(' '));
    const unknown = await run(['ping', 'acme'], { cwd: root });
    assert.deepEqual([unknown.code, unknown.stdout.split('\n')[0]], [2, 'Sandbox ping acme: refused']);
  });

  it('prints its help, listing the providers and the exit codes', async () => {
    const help = await run(['ping', '--help'], { cwd: workspace() });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: simco-int ping <provider\|INT doc> \[options\]\n/);
    for (const text of ['--env-file FILE', '--base-url URL', '--timeout MS', '--format text|json', 'Providers: stripe, twilio', '  2  refused']) assert.ok(help.stdout.includes(text), text);
    assert.match((await run(['--help'], { cwd: workspace() })).stdout, /simco-int ping <provider\|INT doc>/);
  });

  it('pings the provider an INT doc names, with the doc\'s latency alert', async () => {
    const root = join(tempDir(), 'ws');
    cpSync(CLEAN, root, { recursive: true });
    writeFileSync(join(root, '.env'), envText(credentials.stripe));
    // The fake clock makes every answer take 2.5 s, over the doc's ">2s".
    let clock = 0;
    const deps: PingDeps = { now: () => clock, sleep: async () => undefined, send: async (request) => ((clock += 2500), sendHttp(request)) };
    let stdout = '';
    const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true }, cwd: root, env: {} };
    for (const target of ['docs/02-integraciones/INT-001-stripe.md', 'Stripe']) {
      stdout = '';
      assert.equal(await pingCommand([target, '--base-url', mock.url, '--format', 'json'], io, deps), 0);
      const json = JSON.parse(stdout) as PingJson;
      assert.deepEqual([json.provider, json.latencyMs, json.thresholds.source], ['stripe', 2500, 'docs/02-integraciones/INT-001-stripe.md']);
      assert.deepEqual(json.warnings, ['Latency 2500 ms is above the 2000 ms alert of docs/02-integraciones/INT-001-stripe.md (Monitoreo).']);
    }
  });

  it('runs as a process: exit codes and JSON on standard output', async () => {
    const root = workspace();
    const ok = await processRun(['ping', 'stripe', '--base-url', mock.url, '--format', 'json'], root);
    assert.deepEqual([ok.code, (JSON.parse(ok.stdout) as PingJson).outcome], [0, 'ok']);
    noLeak(ok);
    mock.script({ status: 403, json: {} });
    assert.equal((await processRun(['ping', 'stripe', '--base-url', mock.url], root)).code, 1);
    assert.equal((await processRun(['ping', 'stripe', '--base-url', 'ftp://mock'], root)).code, 2);
  });
});

/** The CLI as its own process (through tsx), awaited without blocking the mock in this one. */
function processRun(argv: string[], cwd: string): Promise<Run> {
  return spawnRun(process.execPath, ['--import', TSX, CLI, ...argv], cwd);
}
