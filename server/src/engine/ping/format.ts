import { localize, message, type Locale } from '../messages';
import { redact } from '../secrets/redact';
import type { Message } from '../types';
import { PING_TEMPLATES as T } from './messages';
import type { AttemptLog, Outcome, PingReport, RetryReason } from './types';

// A report as people and CI read it: text lines for a terminal or VS Code's
// output channel, JSON for pipelines and the server's answer. Both pass
// through the scrubber last, so even a message that somehow carried a
// credential prints its redacted form only.

const OUTCOME_LABELS: Record<Outcome, string> = {
  ok: T.ok,
  'auth-failed': T.authFailed,
  'rate-limited': T.rateLimited,
  unavailable: T.unavailable,
  rejected: T.rejected,
  refused: T.refused,
};

const RETRY_REASONS: Record<RetryReason, string> = {
  'retry-after': T.retryAfterReason,
  backoff: T.backoffReason,
  timeout: T.timeoutReason,
};

/** The report's JSON: the report's facts as they are, its messages as text in the locale. */
export type PingJson = Omit<PingReport, 'detail' | 'refusal' | 'warnings' | 'notes' | 'log'> & {
  ok: boolean;
  message: string;
  refusal?: string;
  warnings: string[];
  notes: string[];
  log: Array<AttemptLog & { text: string }>;
  /** The text form, for a UI that shows it as it is (the server's answer, for VS Code's output channel). */
  text?: string;
};

/** Replaces every secret value in a text with its redacted form; longest first, so a value inside another is not half-replaced. */
export function scrubber(secrets: readonly string[]): (text: string) => string {
  const values = [...new Set(secrets.filter((secret) => secret.length >= 4))].sort((a, b) => b.length - a.length);
  return (text) => values.reduce((out, secret) => out.split(secret).join(redact(secret)), text);
}

export function formatPingText(report: PingReport, locale: Locale, secrets: readonly string[] = []): string {
  const t = (msg: Message): string => localize(msg, locale);
  const line = (template: string, ...args: Array<string | number>): string => t(message(template, ...args));
  const lines = [line(T.title, report.providerName, t(message(OUTCOME_LABELS[report.outcome]))), `  ${t(report.detail)}`];
  if (report.request) lines.push(`  ${line(T.request, report.request)}`);
  if (report.status !== undefined) lines.push(`  ${line(T.status, report.status)}`);
  if (report.latencyMs !== undefined) {
    const { latencyMs: alertMs, source } = report.thresholds;
    lines.push(`  ${alertMs !== undefined ? line(T.latencyThreshold, report.latencyMs, alertMs, source ?? '') : line(T.latency, report.latencyMs)}`);
  }
  if (report.attempts > 0) lines.push(`  ${line(T.attempts, report.attempts)}`);
  const rateLimit = report.rateLimit;
  if (rateLimit?.limit !== undefined && rateLimit.remaining !== undefined) lines.push(`  ${line(T.rateLimit, rateLimit.remaining, rateLimit.limit)}`);
  else if (rateLimit?.usedPercent !== undefined) lines.push(`  ${line(T.rateLimitUsage, rateLimit.usedPercent)}`);
  if (report.variables.length > 0 && report.envFile) lines.push(`  ${line(T.credentials, report.variables.join(', '), report.envFile)}`);
  for (const warning of report.warnings) lines.push(line(T.warning, t(warning)));
  for (const note of report.notes) lines.push(line(T.note, t(note)));
  if (report.log.length > 0) lines.push(line(T.log), ...report.log.map((entry) => `  ${attemptText(entry, locale)}`));
  return scrubber(secrets)(`${lines.join('\n')}\n`);
}

/** `withText`: add the text form too (the server's answer; a CI's JSON does not need it). */
export function pingJson(report: PingReport, locale: Locale, secrets: readonly string[] = [], withText = false): PingJson {
  const t = (msg: Message): string => localize(msg, locale);
  const json: PingJson = {
    provider: report.provider,
    providerName: report.providerName,
    outcome: report.outcome,
    ok: report.outcome === 'ok',
    message: t(report.detail),
    refusal: report.refusal,
    request: report.request,
    status: report.status,
    latencyMs: report.latencyMs,
    attempts: report.attempts,
    rateLimit: report.rateLimit,
    thresholds: report.thresholds,
    variables: report.variables,
    envFile: report.envFile,
    warnings: report.warnings.map(t),
    notes: report.notes.map(t),
    log: report.log.map((entry) => ({ ...entry, text: attemptText(entry, locale) })),
    ...(withText ? { text: formatPingText(report, locale) } : {}),
  };
  return scrubDeep(json, scrubber(secrets));
}

function scrubDeep<T>(value: T, scrub: (text: string) => string): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => scrubDeep(item, scrub)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, scrub)])) as T;
  return value;
}

/** `#2 GET https://api.stripe.com/v1/balance -> HTTP 429 in 12 ms; retrying in 1000 ms (Retry-After)` */
export function attemptText(entry: AttemptLog, locale: Locale): string {
  const t = (template: string, ...args: Array<string | number>): string => localize(message(template, ...args), locale);
  const what =
    entry.status !== undefined
      ? t(T.attemptStatus, entry.attempt, entry.request, entry.status, entry.ms)
      : entry.error === 'timeout'
        ? t(T.attemptTimeout, entry.attempt, entry.request, entry.ms)
        : t(T.attemptNetwork, entry.attempt, entry.request, entry.error ?? '');
  return entry.retry ? t(T.retryIn, what, entry.retry.delayMs, t(RETRY_REASONS[entry.retry.reason])) : what;
}
