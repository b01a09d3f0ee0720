import type { RateLimitInfo } from './types';

// The rate-limit headers a provider sends with an answer, read the way the
// directive (5.2) reads them: limit and remaining, and a warning when less
// than the alert's share is left. Names vary: X-RateLimit-* (SendGrid, most
// APIs), the IETF draft's RateLimit-*, gateways' per-window variants
// (X-RateLimit-Remaining-Minute), and Meta's JSON usage percentages.

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** Any header whose name says it is about the rate limit (names arrive lowercased). */
const RATE_LIMIT_HEADER = /^(?:x-)?rate-?limit(?:-|$)/;
const LIMIT = /^(?:x-)?rate-?limit-limit(?:-[a-z]+)?$/;
const REMAINING = /^(?:x-)?rate-?limit-remaining(?:-[a-z]+)?$/;
/** Meta's usage fields: percentages of the app's or the business's allowance. */
const USAGE_FIELDS = new Set(['call_count', 'total_cputime', 'total_time']);

export function readRateLimit(headers: Headers, usageHeaders: readonly string[], alertUsedPercent: number): RateLimitInfo | undefined {
  const shown: Record<string, string> = {};
  let limit: number | undefined;
  let remaining: number | undefined;
  let usedPercent: number | undefined;
  for (const [name, raw] of Object.entries(headers)) {
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (usageHeaders.includes(lower)) {
      shown[lower] = value;
      const used = highestUsage(value);
      if (used !== undefined) usedPercent = Math.max(usedPercent ?? 0, used);
      continue;
    }
    if (!RATE_LIMIT_HEADER.test(lower)) continue;
    shown[lower] = value;
    // The first per-window pair found is the one reported (a gateway may send minute, hour and day).
    if (LIMIT.test(lower)) limit ??= leadingInteger(value);
    else if (REMAINING.test(lower)) remaining ??= leadingInteger(value);
  }
  if (Object.keys(shown).length === 0) return undefined;
  const info: RateLimitInfo = { limit, remaining, usedPercent, headers: shown, warning: false };
  info.warning = remainingIsLow(info, alertUsedPercent) || (usedPercent !== undefined && usedPercent > alertUsedPercent);
  return info;
}

/** The directive's test (5.2), `remaining < limit * 0.2`, with the alert's share instead of 0.2. */
export function remainingIsLow({ limit, remaining }: Pick<RateLimitInfo, 'limit' | 'remaining'>, alertUsedPercent: number): boolean {
  return limit !== undefined && remaining !== undefined && limit > 0 && remaining < (limit * (100 - alertUsedPercent)) / 100;
}

/** `100`, or `100, 100;w=60` (a policy list): the number a client acts on is the first. */
function leadingInteger(value: string): number | undefined {
  const match = /^\s*(\d+)/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** The largest usage percentage anywhere in a JSON usage header; undefined when it is not JSON. */
function highestUsage(value: string): number | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  let highest: number | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (USAGE_FIELDS.has(key) && typeof child === 'number') highest = Math.max(highest ?? 0, child);
        else visit(child);
      }
    }
  };
  visit(parsed);
  return highest;
}
