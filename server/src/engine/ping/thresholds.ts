import type { IntDoc } from '../intdoc/model';
import { columnIndex } from '../intdoc/query';
import { sectionFor } from '../intdoc/section-match';
import { fold } from '../text';
import type { Thresholds } from './types';

// The INT doc's Monitoreo alerts that a ping can check: the template's rows
// `Latencia | Tiempo de respuesta | >2s` and `Rate limit | % usado | >80%`.

/** The directive's rule (5.2): warn when less than 20% of the limit remains. */
export const DEFAULT_RATE_LIMIT_USED_PERCENT = 80;

const LATENCY = /^(?:latencia|latency|tiempo de respuesta)\b/;
const RATE_LIMIT = /^rate[ -]?limits?\b/;
/** `>2s`, `> 1.5 s`, `>= 500ms`, `2 seg`: a bare number means seconds, the template's unit. */
// The units share their first letters: factored, so no two branches read the same text (ReDoS).
const DURATION = /^(?:>=?|≥)?\s*(\d+(?:[.,]\d+)?)\s*(m(?:s|ilisegundos?)|s(?:e(?:g(?:undos?)?|c(?:onds?)?))?)?$/i;
const PERCENT = /^(?:>=?|≥)?\s*(\d+(?:[.,]\d+)?)\s*%$/;

export function monitoringThresholds(doc: IntDoc | undefined): Thresholds {
  const thresholds: Thresholds = { rateLimitUsedPercent: DEFAULT_RATE_LIMIT_USED_PERCENT };
  if (!doc) return thresholds;
  for (const table of sectionFor(doc, 'Monitoreo')?.tables ?? []) {
    const metric = columnIndex(table.header, 'Metrica');
    const alert = columnIndex(table.header, 'Alerta');
    if (metric < 0 || alert < 0) continue;
    for (const row of table.rows) {
      const name = fold(row[metric]?.text ?? '');
      const value = (row[alert]?.text ?? '').trim();
      if (LATENCY.test(name) && thresholds.latencyMs === undefined) thresholds.latencyMs = durationMs(value);
      if (RATE_LIMIT.test(name)) thresholds.rateLimitUsedPercent = percent(value) ?? thresholds.rateLimitUsedPercent;
    }
  }
  if (thresholds.latencyMs !== undefined || thresholds.rateLimitUsedPercent !== DEFAULT_RATE_LIMIT_USED_PERCENT) thresholds.source = doc.path;
  return thresholds;
}

function durationMs(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1].replace(',', '.'));
  return Math.round(/^m/i.test(match[2] ?? '') ? amount : amount * 1000);
}

function percent(text: string): number | undefined {
  const match = PERCENT.exec(text);
  const value = match ? Number(match[1].replace(',', '.')) : NaN;
  return value >= 0 && value <= 100 ? value : undefined;
}
