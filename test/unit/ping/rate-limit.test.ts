import { strict as assert } from 'node:assert';
import { readRateLimit } from '../../../server/src/engine/ping/rate-limit';

describe('ping rate-limit headers', () => {
  it('reads X-RateLimit-* and warns under 20% remaining, as the directive does', () => {
    assert.deepEqual(readRateLimit({ 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '119', 'x-ratelimit-reset': '1760000000', 'content-type': 'application/json' }, [], 80), {
      limit: 600,
      remaining: 119,
      usedPercent: undefined,
      headers: { 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '119', 'x-ratelimit-reset': '1760000000' },
      warning: true,
    });
    assert.equal(readRateLimit({ 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '120' }, [], 80)?.warning, false);
  });

  it('applies the INT doc\'s alert instead of 80% used', () => {
    assert.equal(readRateLimit({ 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '40' }, [], 50)?.warning, true);
  });

  it('reads the IETF RateLimit-* names and a gateway\'s per-window ones', () => {
    assert.deepEqual(pick(readRateLimit({ 'ratelimit-limit': '100, 100;w=60', 'ratelimit-remaining': '5' }, [], 80)), [100, 5, true]);
    assert.deepEqual(pick(readRateLimit({ 'x-ratelimit-limit-minute': '60', 'x-ratelimit-remaining-minute': '59' }, [], 80)), [60, 59, false]);
  });

  it('reads Meta\'s usage percentages from its JSON headers', () => {
    const business = JSON.stringify({ '1234': [{ type: 'whatsapp_business_management', call_count: 85, total_cputime: 10, total_time: 12 }] });
    const info = readRateLimit({ 'x-business-use-case-usage': business, 'x-app-usage': '{"call_count":3}' }, ['x-business-use-case-usage', 'x-app-usage'], 80);
    assert.deepEqual([info?.usedPercent, info?.warning], [85, true]);
    assert.equal(readRateLimit({ 'x-app-usage': 'not json' }, ['x-app-usage'], 80)?.usedPercent, undefined);
  });

  it('reports nothing when the provider sends no such header', () => {
    assert.equal(readRateLimit({ 'content-type': 'application/json', 'request-id': 'req_1' }, [], 80), undefined);
  });
});

function pick(info: ReturnType<typeof readRateLimit>): unknown[] {
  return [info?.limit, info?.remaining, info?.warning];
}
