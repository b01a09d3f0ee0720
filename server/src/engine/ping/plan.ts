import { PINGS, type PingSpec, type PingVariable } from '../catalog/pings';
import { PROVIDERS, providersNamed, type Provider, type TokenFormat } from '../catalog/providers';
import type { EnvFile } from '../env/parse';
import { credentialRows } from '../intdoc/credentials';
import { firstStickyMatch, trimEnd } from '../linear-search';
import type { IntDoc } from '../intdoc/model';
import { message } from '../messages';
import type { Message } from '../types';
import { PING_TEMPLATES as T } from './messages';
import { DEFAULT_RATE_LIMIT_USED_PERCENT, monitoringThresholds } from './thresholds';
import type { PingReport, RefusalReason, Thresholds } from './types';

// Everything decided before a request leaves: which provider, which values
// from which variables, and every reason to send nothing (an unknown
// provider, missing variables, a live credential, a live host, a bad base
// URL). A plan either holds what the runner sends or is a refused report.

export interface PingTarget {
  provider: Provider;
  spec: PingSpec;
}

/** The providers the catalog has a ping for, in catalog order. */
export function pingTargets(): PingTarget[] {
  return PROVIDERS.filter((provider) => PINGS[provider.id]).map((provider) => ({ provider, spec: PINGS[provider.id] }));
}

/** A provider by catalog id or by any way people write it ("Mercado Pago", "Amazon S3"), if it has a ping. */
export function findPingTarget(name: string): PingTarget | undefined {
  const byId = PROVIDERS.find((provider) => provider.id === name.trim().toLowerCase());
  const provider = byId ?? providersNamed(name).find((named) => PINGS[named.id]) ?? providersNamed(name)[0];
  return provider && PINGS[provider.id] ? { provider, spec: PINGS[provider.id] } : undefined;
}

export interface PlanInput {
  target: PingTarget;
  /** The .env's values (see envValues); undefined when the file could not be read, with `envError` the errno. */
  env: ReadonlyMap<string, string> | undefined;
  envError?: string;
  /** The .env as the user named it, for messages. */
  envFile: string;
  /** Replaces the catalog's base URL: `--base-url` or the config's `ping.baseUrls`. */
  baseUrl?: string;
  /** The provider's INT doc: the variables it names and its Monitoreo thresholds. */
  doc?: IntDoc;
}

export interface PingPlan {
  target: PingTarget;
  /** Values in; no trailing slash. */
  baseUrl: string;
  /** As printed: the catalog's template with `{NAME}` for values, or the override without user info. */
  shownBaseUrl: string;
  /** Variable key (and, later, captured names) -> value. */
  values: Map<string, string>;
  /** Variable key -> `{NAME}`, how a request shows the value. */
  shown: Map<string, string>;
  /** The env vars read, in catalog order. */
  variables: string[];
  /** Every secret value: scrubbed from anything printed, whatever happens. */
  secrets: string[];
  envFile: string;
  thresholds: Thresholds;
}

export type PlanResult = { ok: true; plan: PingPlan } | { ok: false; report: PingReport };

/** A .env's values as dotenv gives them: the last assignment of a name wins. */
export function envValues(file: EnvFile): Map<string, string> {
  return new Map(file.entries.map((entry) => [entry.key, entry.value]));
}

export function planPing({ target, env, envError, envFile, baseUrl, doc }: PlanInput): PlanResult {
  const { provider, spec } = target;
  const thresholds = monitoringThresholds(doc);
  const refuse = (refusal: RefusalReason, detail: Message): PlanResult => ({ ok: false, report: refusedReport(provider.id, provider.name, refusal, detail, { thresholds, envFile }) });

  const override = baseUrl === undefined ? undefined : parseBaseUrl(baseUrl);
  if (override === null) return refuse('bad-base-url', message(T.badBaseUrl, withoutUserInfo(baseUrl ?? '')));
  const liveHost = override && isLiveHost(spec, override.hostname);
  if (liveHost) return refuse('live-host', message(T.liveHost, override.hostname, provider.name, spec.liveHosts?.sandboxHosts.join(', ') ?? ''));
  if (!env) return refuse('missing-env-file', message(T.missingFile, envFile, envError ?? 'ENOENT'));

  const values = new Map<string, string>();
  const shown = new Map<string, string>();
  const variables: string[] = [];
  const missing: string[] = [];
  const docNames = doc ? credentialRows(doc).map((row) => row.name) : [];
  for (const variable of spec.variables) {
    const candidates = candidateNames(provider, variable, docNames);
    const name = candidates.find((candidate) => (env.get(candidate) ?? '').trim() !== '');
    if (name !== undefined) {
      values.set(variable.key, (env.get(name) ?? '').trim());
      shown.set(variable.key, `{${name}}`);
      variables.push(name);
    } else if (variable.fallback !== undefined) {
      values.set(variable.key, variable.fallback);
      shown.set(variable.key, variable.fallback);
    } else if (!variable.optional) {
      missing.push(candidates.join(' or '));
    }
  }
  if (missing.length > 0) return refuse('missing-variables', message(T.missingVariables, missing.join(', '), envFile));

  for (const variable of spec.variables) {
    const value = values.get(variable.key);
    const problem = variable.testOnly && value !== undefined ? testModeProblem(provider, variable, value, shown.get(variable.key) ?? '') : undefined;
    if (problem) return refuse(problem.reason, problem.detail);
  }

  const secrets = spec.variables.filter((v) => v.secret && values.has(v.key)).map((v) => values.get(v.key) ?? '');
  const resolvedBase = override ? trimSlash(override.href) : fill(spec.baseUrl, (key) => encodeURIComponent(values.get(key) ?? ''));
  const checked = parseBaseUrl(resolvedBase);
  if (!checked) return refuse('bad-base-url', message(T.badBaseUrl, fill(spec.baseUrl, (key) => shown.get(key) ?? `{${key}}`)));
  return {
    ok: true,
    plan: {
      target,
      baseUrl: resolvedBase,
      shownBaseUrl: override ? trimSlash(withoutUserInfo(override.href)) : fill(spec.baseUrl, (key) => shown.get(key) ?? `{${key}}`),
      values,
      shown,
      variables,
      secrets,
      envFile,
      thresholds,
    },
  };
}

export function refusedReport(provider: string, providerName: string, refusal: RefusalReason, detail: Message, extra: Partial<PingReport> = {}): PingReport {
  return {
    provider,
    providerName,
    outcome: 'refused',
    detail,
    refusal,
    attempts: 0,
    thresholds: { rateLimitUsedPercent: DEFAULT_RATE_LIMIT_USED_PERCENT },
    variables: [],
    warnings: [],
    notes: [],
    log: [],
    ...extra,
  };
}

/** The report for a name that is no pingable provider: unknown to the catalog, or known without a ping. */
export function unknownTargetReport(name: string): PingReport {
  const known = providersNamed(name)[0] ?? PROVIDERS.find((provider) => provider.id === name.trim().toLowerCase());
  const list = pingTargets().map((t) => t.provider.id).join(', ');
  return known
    ? refusedReport(known.id, known.name, 'no-ping', message(T.noPing, known.name, list))
    : refusedReport(name, name, 'unknown-provider', message(T.unknownProvider, name, list));
}

/** Where `{key}` placeholders are replaced, by `value(key)`. */
export function fill(template: string, value: (key: string) => string): string {
  // Bounded: an unbounded run between the braces is retried from every `{` of a long text (ReDoS).
  return template.replace(/\{(\w{1,64})\}/g, (_, key: string) => value(key));
}

/** The doc's own names first (its Credenciales table, with the provider's prefix and the slot's shape), then the catalog's. */
function candidateNames(provider: Provider, variable: PingVariable, docNames: readonly string[]): string[] {
  const prefixes = [provider.envPrefix, ...provider.aliases].map((prefix) => `${prefix}_`);
  const fromDoc = variable.docName
    ? docNames.filter((name) => prefixes.some((prefix) => name.startsWith(prefix)) && variable.docName?.test(name))
    : [];
  return [...new Set([...fromDoc, ...variable.names])];
}

/**
 * A test-only value must start with one of the provider's test prefixes and
 * never with a live one, as its secret formats in the catalog say.
 */
function testModeProblem(provider: Provider, variable: PingVariable, value: string, shownName: string): { reason: RefusalReason; detail: Message } | undefined {
  const formats = provider.secrets.filter((format): format is TokenFormat => format.type === 'token' && format.envVar !== undefined && variable.names.includes(format.envVar));
  const test = formats.filter((format) => format.mode === 'test');
  const expected = test.flatMap((format) => format.prefixes.map((prefix) => `${prefix}…`)).join(' or ');
  const name = shownName.slice(1, -1);
  const live = formats.find((format) => format.mode === 'live' && format.prefixes.some((prefix) => value.startsWith(prefix)));
  if (live) return { reason: 'live-credential', detail: message(T.liveCredential, name, live.kind, expected) };
  if (test.length > 0 && !test.some((format) => format.prefixes.some((prefix) => value.startsWith(prefix)))) {
    return { reason: 'not-test-credential', detail: message(T.notTestCredential, name, test[0].kind, expected) };
  }
  return undefined;
}

function isLiveHost(spec: PingSpec, hostname: string): boolean {
  const live = spec.liveHosts;
  if (!live) return false;
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const onDomain = host === live.domain || host.endsWith(`.${live.domain}`);
  return onDomain && !live.sandboxHosts.includes(host);
}

/** An http(s) URL, or null. */
function parseBaseUrl(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** `//user:password@` in a URL that does not parse; sticky, tried at each `//` (see linear-search.ts). */
const USERINFO = /\/\/[^/@]*@/y;

/** A proxy URL may carry a user and password: they are never printed. */
function withoutUserInfo(text: string): string {
  try {
    const url = new URL(text.trim());
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    const userinfo = firstStickyMatch(text, '//', USERINFO);
    return userinfo ? `${text.slice(0, userinfo.index)}//${text.slice(userinfo.index + userinfo[0].length)}` : text;
  }
}

function trimSlash(text: string): string {
  return trimEnd(text, '/');
}
