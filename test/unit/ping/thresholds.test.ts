import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIntDoc } from '../../../server/src/engine/intdoc/model';
import { monitoringThresholds } from '../../../server/src/engine/ping/thresholds';
import { CLEAN, replaceOnce } from '../../helpers';

const PATH = 'docs/02-integraciones/INT-001-stripe.md';
const stripe = readFileSync(join(CLEAN, PATH), 'utf8');
const withAlerts = (latency: string, rateLimit = '>80%') =>
  parseIntDoc(PATH, replaceOnce(replaceOnce(stripe, '| Latencia | Tiempo de respuesta | >2s |', `| Latencia | Tiempo de respuesta | ${latency} |`), '| Rate limit | % usado | >80% |', `| Rate limit | % usado | ${rateLimit} |`));

describe('ping thresholds from the INT doc\'s Monitoreo', () => {
  it('reads the template\'s alerts from the fixture doc', () => {
    assert.deepEqual(monitoringThresholds(parseIntDoc(PATH, stripe)), { latencyMs: 2000, rateLimitUsedPercent: 80, source: PATH });
  });

  it('understands the ways people write a duration', () => {
    const cases: Array<[string, number | undefined]> = [
      ['>2s', 2000], ['> 1.5 s', 1500], ['>= 500ms', 500], ['2 seg', 2000], ['>0,8 segundos', 800], ['3', 3000], ['>250 ms', 250],
      ['rapido', undefined], ['{N}', undefined], ['', undefined],
    ];
    for (const [text, expected] of cases) assert.equal(monitoringThresholds(withAlerts(text)).latencyMs, expected, text);
  });

  it('takes the rate-limit alert as the share used above which the report warns', () => {
    assert.equal(monitoringThresholds(withAlerts('>2s', '>50%')).rateLimitUsedPercent, 50);
    assert.equal(monitoringThresholds(withAlerts('>2s', 'mucho')).rateLimitUsedPercent, 80);
  });

  it('reads a CRLF doc the same', () => {
    assert.equal(monitoringThresholds(parseIntDoc(PATH, stripe.replace(/\n/g, '\r\n'))).latencyMs, 2000);
  });

  it('has no latency alert without the section, and the directive\'s 80% for the rate limit', () => {
    const without = parseIntDoc(PATH, stripe.slice(0, stripe.indexOf('## Monitoreo')));
    assert.deepEqual(monitoringThresholds(without), { rateLimitUsedPercent: 80 });
    assert.deepEqual(monitoringThresholds(undefined), { rateLimitUsedPercent: 80 });
  });
});
