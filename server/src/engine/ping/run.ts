import type { DocumentedAnswer, PingStep } from '../catalog/pings';
import { message } from '../messages';
import type { Message } from '../types';
import { PING_TEMPLATES as T } from './messages';
import type { PingPlan } from './plan';
import { readRateLimit, remainingIsLow } from './rate-limit';
import { buildRequest } from './request';
import { decideRetry, parseRetryAfter, RETRY_POLICY, type Failure } from './retry';
import type { AttemptLog, HttpResult, Outcome, PingDeps, PingReport } from './types';

// Sends a plan's steps under the directive's retry policy and turns what came
// back into the report. The HTTP function, the clock and sleep are injected,
// so tests run every path (429 with Retry-After, 5xx three times, a timeout,
// a reset) in milliseconds and see the exact delays.

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** How one step ended. */
type StepEnd =
  | { done: true; captured?: string; notes: Message[] }
  | { done: false; outcome: Exclude<Outcome, 'ok' | 'refused'>; detail: Message };

interface Last {
  request?: string;
  status?: number;
  latencyMs?: number;
  headers?: Headers;
}

export async function runPing(plan: PingPlan, timeoutMs: number, deps: PingDeps): Promise<PingReport> {
  const { provider, spec } = plan.target;
  const log: AttemptLog[] = [];
  const notes: Message[] = [];
  const last: Last = {};
  let end: StepEnd = { done: true, notes: [] };
  for (const [index, step] of spec.steps.entries()) {
    end = await runStep(plan, step, index + 1, timeoutMs, deps, log, last);
    if (!end.done) break;
    notes.push(...end.notes);
    if (step.capture && end.captured !== undefined) {
      // A token the provider just issued is a secret like the ones it was issued for.
      plan.values.set(step.capture.as, end.captured);
      plan.shown.set(step.capture.as, `{${step.capture.as}}`);
      plan.secrets.push(end.captured);
    }
  }

  const report: PingReport = {
    provider: provider.id,
    providerName: provider.name,
    outcome: end.done ? 'ok' : end.outcome,
    detail: end.done ? message(T.okDetail, provider.name) : end.detail,
    request: last.request,
    status: last.status,
    latencyMs: last.latencyMs,
    attempts: log.length,
    thresholds: plan.thresholds,
    variables: plan.variables,
    envFile: plan.envFile,
    warnings: [],
    notes,
    log,
  };
  const { latencyMs: alertMs, source, rateLimitUsedPercent } = plan.thresholds;
  if (last.latencyMs !== undefined && alertMs !== undefined && last.latencyMs > alertMs) {
    report.warnings.push(message(T.slow, last.latencyMs, alertMs, source ?? ''));
  }
  const rateLimit = last.headers && readRateLimit(last.headers, spec.usageHeaders ?? [], rateLimitUsedPercent);
  if (rateLimit) {
    report.rateLimit = rateLimit;
    if (remainingIsLow(rateLimit, rateLimitUsedPercent)) {
      report.warnings.push(message(T.nearLimit, rateLimit.remaining ?? 0, rateLimit.limit ?? 0, 100 - rateLimitUsedPercent));
    } else if (rateLimit.warning) {
      report.warnings.push(message(T.nearLimitUsage, rateLimit.usedPercent ?? 0, rateLimitUsedPercent));
    }
  }
  return report;
}

async function runStep(plan: PingPlan, step: PingStep, stepNumber: number, timeoutMs: number, deps: PingDeps, log: AttemptLog[], last: Last): Promise<StepEnd> {
  const { provider, spec } = plan.target;
  let retries = 0;
  let timeouts = 0;
  for (;;) {
    const { request, shown } = buildRequest(plan, step, timeoutMs, deps.now());
    const started = deps.now();
    const result = await deps.send(request);
    const ms = Math.max(0, Math.round(deps.now() - started));
    const entry: AttemptLog = { attempt: log.length + 1, step: stepNumber, request: shown, ms };
    log.push(entry);
    last.request = shown;
    const attempts = retries + 1;

    let failure: Failure;
    let retryAfterMs: number | undefined;
    if (result.kind === 'response') {
      entry.status = result.status;
      Object.assign(last, { status: result.status, latencyMs: ms, headers: result.headers });
      const answered = answerOf(result, step, spec.answers ?? [], provider.name, authVariables(plan, step));
      if (answered) {
        deps.onAttempt?.(entry);
        return answered;
      }
      failure = result.status === 429 ? 'rate-limited' : 'server';
      retryAfterMs = parseRetryAfter(header(result.headers, 'retry-after'), deps.now());
    } else {
      entry.error = result.kind === 'timeout' ? 'timeout' : result.code;
      Object.assign(last, { status: undefined, latencyMs: undefined, headers: undefined });
      failure = result.kind;
    }

    const decision = decideRetry(failure, retries, timeouts, retryAfterMs);
    if (!decision.retry) {
      deps.onAttempt?.(entry);
      return failed(failure, result, attempts, timeoutMs, plan, decision.tooLongMs);
    }
    entry.retry = { delayMs: decision.delayMs, reason: decision.reason };
    deps.onAttempt?.(entry);
    if (decision.delayMs > 0) await deps.sleep(decision.delayMs);
    retries++;
    if (failure === 'timeout') timeouts++;
  }
}

/**
 * What a response means, unless it is one to retry (429, 5xx): undefined
 * then. A documented answer wins over the status (Twilio's 20008).
 */
function answerOf(
  result: Extract<HttpResult, { kind: 'response' }>,
  step: PingStep,
  answers: readonly DocumentedAnswer[],
  providerName: string,
  credentials: string,
): StepEnd | undefined {
  const { status } = result;
  const json = parseJson(result.body);
  const documented = answers.find((a) => a.status === status && json.ok && isRecord(json.value) && json.value[a.field] === a.equals);
  if (documented) return { done: true, notes: [message(T.testCredentialsAccepted, providerName, status, String(documented.equals))] };
  if (status === 429 || status >= 500) return undefined;
  if (status === 401 || status === 403) return { done: false, outcome: 'auth-failed', detail: message(T.credentialRejected, credentials, status) };
  if (status < 200 || status >= 300) return { done: false, outcome: 'rejected', detail: message(T.clientError, providerName, status) };
  if (step.answer === 'none') return { done: true, notes: [] };
  if (!json.ok) return { done: false, outcome: 'unavailable', detail: message(T.notJson, providerName) };
  if (!step.capture) return { done: true, notes: [] };
  const captured = isRecord(json.value) ? json.value[step.capture.field] : undefined;
  return typeof captured === 'string' && captured !== ''
    ? { done: true, captured, notes: [] }
    : { done: false, outcome: 'unavailable', detail: message(T.missingField, step.capture.field, providerName) };
}

function failed(failure: Failure, result: HttpResult, attempts: number, timeoutMs: number, plan: PingPlan, tooLongMs?: number): StepEnd {
  const name = plan.target.provider.name;
  switch (failure) {
    case 'rate-limited':
      return {
        done: false,
        outcome: 'rate-limited',
        detail: tooLongMs !== undefined ? message(T.retryAfterTooLong, name, Math.ceil(tooLongMs / 1000), RETRY_POLICY.maxRetryAfterMs / 1000) : message(T.stillRateLimited, attempts),
      };
    case 'server':
      return { done: false, outcome: 'unavailable', detail: message(T.serverError, name, result.kind === 'response' ? result.status : 0, attempts) };
    case 'timeout':
      return { done: false, outcome: 'unavailable', detail: message(T.timedOut, timeoutMs, attempts) };
    case 'network':
      return { done: false, outcome: 'unavailable', detail: message(T.networkError, plan.shownBaseUrl, result.kind === 'network' ? result.code : '', attempts) };
  }
}

/** The env vars a step authenticates with; all the plan's when it uses a captured token (PayPal's read). */
function authVariables(plan: PingPlan, step: PingStep): string {
  const keys = Object.entries(step.auth).filter(([field]) => field !== 'scheme' && field !== 'service').map(([, key]) => key as string);
  const names = keys.map((key) => plan.shown.get(key)?.slice(1, -1)).filter((name): name is string => name !== undefined && plan.variables.includes(name));
  return (names.length > 0 ? names : plan.variables).join(', ');
}

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
