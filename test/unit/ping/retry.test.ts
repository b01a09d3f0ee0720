import { strict as assert } from 'node:assert';
import { decideRetry, parseRetryAfter, RETRY_POLICY } from '../../../server/src/engine/ping/retry';

// The directive's policy (5.1, 6.1) as a table: what each failure gets after n retries.

describe('ping retry policy', () => {
  it('backs off 1 s, 2 s, 4 s on 429 and 5xx, then stops', () => {
    for (const failure of ['rate-limited', 'server'] as const) {
      assert.deepEqual(
        [0, 1, 2, 3].map((retries) => decideRetry(failure, retries, 0)),
        [
          { retry: true, delayMs: 1000, reason: 'backoff' },
          { retry: true, delayMs: 2000, reason: 'backoff' },
          { retry: true, delayMs: 4000, reason: 'backoff' },
          { retry: false },
        ],
      );
    }
  });

  it('waits what Retry-After says instead, up to the longest wait a ping accepts', () => {
    assert.deepEqual(decideRetry('rate-limited', 0, 0, 7000), { retry: true, delayMs: 7000, reason: 'retry-after' });
    assert.deepEqual(decideRetry('server', 2, 0, 0), { retry: true, delayMs: 0, reason: 'retry-after' });
    assert.deepEqual(decideRetry('rate-limited', 0, 0, RETRY_POLICY.maxRetryAfterMs + 1), { retry: false, tooLongMs: RETRY_POLICY.maxRetryAfterMs + 1 });
    assert.deepEqual(decideRetry('rate-limited', 3, 0, 1000), { retry: false });
  });

  it('retries a timeout once, at once', () => {
    assert.deepEqual(decideRetry('timeout', 0, 0), { retry: true, delayMs: 0, reason: 'timeout' });
    assert.deepEqual(decideRetry('timeout', 1, 1), { retry: false });
    // A timeout after a 5xx retry still gets its one retry.
    assert.deepEqual(decideRetry('timeout', 1, 0), { retry: true, delayMs: 0, reason: 'timeout' });
  });

  it('retries a network error with a delay, ignoring any Retry-After', () => {
    assert.deepEqual(decideRetry('network', 0, 0, 30_000), { retry: true, delayMs: 1000, reason: 'backoff' });
    assert.deepEqual(decideRetry('network', 3, 0), { retry: false });
  });

  it('reads Retry-After as seconds or an HTTP date, and nothing else', () => {
    const now = Date.UTC(2026, 0, 10, 12, 0, 0);
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('Sat, 10 Jan 2026 12:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Sat, 10 Jan 2026 11:59:00 GMT', now), 0);
    for (const junk of ['1.5', '-2', 'soon', '', undefined]) assert.equal(parseRetryAfter(junk, now), undefined, String(junk));
  });
});
