import type { Message } from '../types';

// The ping's plain data: the request the shell's HTTP function sends, what it
// gets back, and the report every shell formats.

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export type HttpResult =
  | { kind: 'response'; status: number; headers: Readonly<Record<string, string | string[] | undefined>>; body: string }
  /** No complete answer within the request's timeout. */
  | { kind: 'timeout' }
  /** The connection failed or broke: `code` is the errno (ECONNRESET, ECONNREFUSED, ENOTFOUND...). */
  | { kind: 'network'; code: string };

/** What the ping needs from the outside world; tests give a fake clock and a recording sleep. */
export interface PingDeps {
  send(request: HttpRequest): Promise<HttpResult>;
  /** Milliseconds, for latency and Retry-After dates. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Called with each attempt as soon as it is logged (a CLI's --verbose, the server's console). */
  onAttempt?(attempt: AttemptLog): void;
}

export type Outcome = 'ok' | 'auth-failed' | 'rate-limited' | 'unavailable' | 'rejected' | 'refused';

export type RetryReason = 'retry-after' | 'backoff' | 'timeout';

export interface AttemptLog {
  /** 1-based, counted over the whole ping (PayPal's token and read together). */
  attempt: number;
  step: number;
  /** `GET https://api.stripe.com/v1/balance`, values shown as `{NAME}`. */
  request: string;
  status?: number;
  /** `timeout`, or the network error's code. */
  error?: string;
  ms: number;
  retry?: { delayMs: number; reason: RetryReason };
}

export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** The most used of the usage percentages the provider reports (Meta). */
  usedPercent?: number;
  /** The rate-limit headers as sent. */
  headers: Record<string, string>;
  /** Remaining under the alert's share of the limit, or usage above the alert. */
  warning: boolean;
}

export interface Thresholds {
  latencyMs?: number;
  /** Percent of the rate limit used above which the report warns; the directive's 80% (remaining under 20%) by default. */
  rateLimitUsedPercent: number;
  /** The INT doc the thresholds come from. */
  source?: string;
}

export type RefusalReason =
  | 'unknown-provider'
  | 'no-ping'
  | 'missing-doc'
  | 'missing-variables'
  | 'missing-env-file'
  | 'live-credential'
  | 'not-test-credential'
  | 'live-host'
  | 'bad-base-url';

export interface PingReport {
  /** The catalog id, or what was asked for when it names no provider. */
  provider: string;
  providerName: string;
  outcome: Outcome;
  /** Why: the sentence a user reads first. */
  detail: Message;
  refusal?: RefusalReason;
  /** The last request sent, values shown as `{NAME}`. */
  request?: string;
  status?: number;
  latencyMs?: number;
  attempts: number;
  rateLimit?: RateLimitInfo;
  thresholds: Thresholds;
  /** The env vars read, and the file they came from. */
  variables: string[];
  envFile?: string;
  warnings: Message[];
  notes: Message[];
  log: AttemptLog[];
}
