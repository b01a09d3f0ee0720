import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIntDoc } from '../../../server/src/engine/intdoc/model';
import { attemptText, formatPingText, pingJson } from '../../../server/src/engine/ping/format';
import { findPingTarget, planPing, type PingPlan, type PingTarget } from '../../../server/src/engine/ping/plan';
import { buildRequest } from '../../../server/src/engine/ping/request';
import { runPing } from '../../../server/src/engine/ping/run';
import type { AttemptLog, HttpRequest, HttpResult, PingDeps } from '../../../server/src/engine/ping/types';
import { CLEAN, replaceOnce } from '../../helpers';
import { fakeCredentials, leakedPieces } from '../../ping/mock-provider';

// The runner with a scripted HTTP function and a fake clock: exact delays,
// latencies and logs, in no time.

const credentials = fakeCredentials();
const STRIPE_DOC = 'docs/02-integraciones/INT-001-stripe.md';
const stripeDoc = readFileSync(join(CLEAN, STRIPE_DOC), 'utf8');

function stripePlan(doc = parseIntDoc(STRIPE_DOC, stripeDoc)): PingPlan {
  const result = planPing({ target: findPingTarget('stripe') as PingTarget, env: new Map(Object.entries(credentials.stripe)), envFile: '.env', doc });
  assert.ok(result.ok);
  return result.plan;
}

/** Answers from a script; each answer takes `ms` on the fake clock. */
function scripted(answers: Array<HttpResult & { ms?: number }>) {
  let clock = Date.UTC(2026, 0, 10);
  const sent: HttpRequest[] = [];
  const sleeps: number[] = [];
  const logged: AttemptLog[] = [];
  const deps: PingDeps = {
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    send: async (request) => {
      sent.push(request);
      const answer = answers.length > 1 ? (answers.shift() as HttpResult & { ms?: number }) : answers[0];
      clock += answer.ms ?? 100;
      return answer;
    },
    onAttempt: (attempt) => logged.push({ ...attempt }),
  };
  return { deps, sent, sleeps, logged };
}

const ok = (ms = 100, headers: Record<string, string> = {}): HttpResult & { ms: number } => ({ kind: 'response', status: 200, headers, body: '{"object":"balance"}', ms });

describe('ping run', () => {
  it('flags a latency above the INT doc\'s Monitoreo alert (>2s in the fixture)', async () => {
    const { deps } = scripted([ok(2400)]);
    const report = await runPing(stripePlan(), 10_000, deps);
    assert.deepEqual([report.outcome, report.latencyMs], ['ok', 2400]);
    assert.deepEqual(pingJson(report, 'en').warnings, [`Latency 2400 ms is above the 2000 ms alert of ${STRIPE_DOC} (Monitoreo).`]);
    assert.match(formatPingText(report, 'en'), /\n {2}Latency: 2400 ms \(alert above 2000 ms, from docs\/02-integraciones\/INT-001-stripe\.md\)\n/);
  });

  it('does not flag a latency under the alert, nor any without a doc', async () => {
    assert.deepEqual((await runPing(stripePlan(), 10_000, scripted([ok(1900)]).deps)).warnings, []);
    const noDoc = planPing({ target: findPingTarget('stripe') as PingTarget, env: new Map(Object.entries(credentials.stripe)), envFile: '.env' });
    assert.ok(noDoc.ok);
    assert.deepEqual((await runPing(noDoc.plan, 10_000, scripted([ok(9000)]).deps)).warnings, []);
  });

  it('warns when the remaining rate limit is under the doc\'s alert', async () => {
    const doc = parseIntDoc(STRIPE_DOC, replaceOnce(stripeDoc, '| Rate limit | % usado | >80% |', '| Rate limit | % usado | >50% |'));
    const report = await runPing(stripePlan(doc), 10_000, scripted([ok(100, { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '45' })]).deps);
    assert.deepEqual(pingJson(report, 'en').warnings, ['Rate limit nearly used: 45 of 100 remaining, under 50% left.']);
    assert.deepEqual([report.rateLimit?.limit, report.rateLimit?.remaining, report.rateLimit?.warning], [100, 45, true]);
  });

  it('waits an HTTP-date Retry-After, measured on the injected clock', async () => {
    // The 429 arrives 100 ms after the start; the date says 6 s after it.
    const retryAt = new Date(Date.UTC(2026, 0, 10) + 6000).toUTCString();
    const { deps, sleeps, sent } = scripted([{ kind: 'response', status: 429, headers: { 'retry-after': retryAt }, body: '' }, ok()]);
    const report = await runPing(stripePlan(), 10_000, deps);
    assert.deepEqual([report.outcome, sleeps, sent.length], ['ok', [5900], 2]);
  });

  it('reports a Retry-After longer than a minute without waiting for it', async () => {
    const { deps, sleeps, sent } = scripted([{ kind: 'response', status: 429, headers: { 'retry-after': '3600' }, body: '' }]);
    const report = await runPing(stripePlan(), 10_000, deps);
    assert.deepEqual([report.outcome, sleeps, sent.length], ['rate-limited', [], 1]);
    assert.equal(pingJson(report, 'en').message, 'Rate limited (HTTP 429); Stripe asks to wait 3600 s, longer than the 60 s a ping waits.');
  });

  it('shares one retry budget between causes: a timeout, then 5xx, then success', async () => {
    const { deps, sleeps, sent, logged } = scripted([{ kind: 'timeout', ms: 10_000 }, { kind: 'response', status: 502, headers: {}, body: '' }, ok()]);
    const report = await runPing(stripePlan(), 10_000, deps);
    assert.deepEqual([report.outcome, report.attempts, sleeps, sent.length], ['ok', 3, [2000], 3]);
    assert.deepEqual(logged.map((entry) => attemptText(entry, 'en')), [
      '#1 GET https://api.stripe.com/v1/balance -> no answer within 10000 ms; retrying in 0 ms (timeout, once)',
      '#2 GET https://api.stripe.com/v1/balance -> HTTP 502 in 100 ms; retrying in 2000 ms (backoff)',
      '#3 GET https://api.stripe.com/v1/balance -> HTTP 200 in 100 ms',
    ]);
  });

  it('reports any other 4xx as a rejected request, not retried', async () => {
    const { deps, sent } = scripted([{ kind: 'response', status: 404, headers: {}, body: '{}' }]);
    const report = await runPing(stripePlan(), 10_000, deps);
    assert.deepEqual([report.outcome, sent.length, pingJson(report, 'en').message], ['rejected', 1, 'Stripe rejected the request with HTTP 404; not retried.']);
  });

  it('never shows a credential: not in the text, the JSON, the log lines, nor a message that somehow carried one', async () => {
    const key = credentials.stripe.STRIPE_API_KEY;
    const { deps, sent, logged } = scripted([{ kind: 'response', status: 401, headers: { 'x-echo': key }, body: JSON.stringify({ error: { message: `Invalid API Key provided: ${key}` } }) }]);
    const plan = stripePlan();
    const report = await runPing(plan, 10_000, deps);
    assert.equal(sent[0].headers.Authorization, `Basic ${Buffer.from(`${key}:`).toString('base64')}`);
    // A message built from something the provider echoed would be caught by the scrubber.
    report.warnings.push({ template: 'echo {0}', args: [key] });
    const outputs = [formatPingText(report, 'en', plan.secrets), JSON.stringify(pingJson(report, 'es', plan.secrets, true)), ...logged.map((entry) => attemptText(entry, 'en'))];
    for (const output of outputs) assert.deepEqual(leakedPieces(output, [key]), [], output);
    assert.match(formatPingText(report, 'en', plan.secrets), new RegExp(`Warning: echo …${key.slice(-4)}\\n`));
  });

  it('signs S3 requests as AWS documents (its published example signatures)', () => {
    // AWS's Signature V4 examples for S3: examplebucket, 2013-05-24, the documented example keys.
    const plan = {
      baseUrl: 'https://examplebucket.s3.amazonaws.com',
      shownBaseUrl: 'https://examplebucket.s3.amazonaws.com',
      values: new Map([['id', 'AKIAIOSFODNN7EXAMPLE'], ['secret', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'], ['region', 'us-east-1']]),
      shown: new Map<string, string>(),
    } as unknown as PingPlan;
    const sign = (path: string) =>
      buildRequest(plan, { method: 'GET', path, answer: 'none', auth: { scheme: 'aws-sigv4', service: 's3', region: 'region', accessKeyId: 'id', secretAccessKey: 'secret' } }, 1000, Date.UTC(2013, 4, 24)).request.headers
        .Authorization;
    assert.equal(sign('/?lifecycle'), 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
    assert.equal(sign('/?max-keys=2&prefix=J'), 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });
});
