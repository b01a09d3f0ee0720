import type { RetryReason } from './types';

// The directive's retry policy (sections 5.1 and 6.1), in one place:
//   4xx            no retry
//   429            exponential backoff 1 s, 2 s, 4 s, or what Retry-After says
//   5xx            retried, limited: up to 3 times, same backoff (Retry-After honoured)
//   timeout        retried once, right away (the timeout already waited)
//   network error  retried with a delay: the same backoff, up to 3 times

export const RETRY_POLICY = {
  /** Retries of one request, all causes together. */
  maxRetries: 3,
  /** Delay before the 1st, 2nd and 3rd retry: 2^n seconds. */
  backoffMs: [1000, 2000, 4000],
  timeoutRetries: 1,
  /** A Retry-After beyond this is reported, not waited for: a check should not hang for minutes. */
  maxRetryAfterMs: 60_000,
} as const;

export type Failure = 'rate-limited' | 'server' | 'timeout' | 'network';

export type RetryDecision =
  | { retry: true; delayMs: number; reason: RetryReason }
  | { retry: false; tooLongMs?: number };

/**
 * Whether to send again after a failure, and after how long. `retries` and
 * `timeouts` count the retries already made for this request.
 */
export function decideRetry(failure: Failure, retries: number, timeouts: number, retryAfterMs?: number): RetryDecision {
  if (retries >= RETRY_POLICY.maxRetries) return { retry: false };
  if (failure === 'timeout') return timeouts < RETRY_POLICY.timeoutRetries ? { retry: true, delayMs: 0, reason: 'timeout' } : { retry: false };
  if (retryAfterMs !== undefined && failure !== 'network') {
    return retryAfterMs > RETRY_POLICY.maxRetryAfterMs ? { retry: false, tooLongMs: retryAfterMs } : { retry: true, delayMs: retryAfterMs, reason: 'retry-after' };
  }
  return { retry: true, delayMs: RETRY_POLICY.backoffMs[retries], reason: 'backoff' };
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 10.2.3); undefined when it is neither. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only the HTTP date forms, which start with a day name: Date.parse alone takes "1.5" for a date.
  const date = /^[A-Za-z]{3}/.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
