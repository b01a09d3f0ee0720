// The directive's env var naming, `{PROVIDER}_{TIPO}` (section 4.2):
// upper snake case, at least two segments, the provider first. Pure string
// functions shared by the env/naming rule and anything that writes names
// (INT doc generation, moving a secret into .env).

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
/** One letter case and underscores: how runtime and tooling vars are spelled (`http_proxy`, `npm_package_version`, `__NEXT_X`). */
// Digits and underscores, then the first letter decides the case: two branches both reading them backtracked (ReDoS).
const ONE_CASE = /^(?!$)[0-9_]*(?:[a-z][a-z0-9_]*|[A-Z][A-Z0-9_]*)?$/;

/**
 * Prefixes frameworks require to expose a var to the browser (`NEXT_PUBLIC_`,
 * `VITE_`...). They come before `{PROVIDER}`: `NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY`
 * conforms. Only stripped when two segments remain, so `PUBLIC_KEY` stays a name.
 */
const FRAMEWORK_PREFIXES: readonly string[][] = [
  ['NEXT', 'PUBLIC'], ['EXPO', 'PUBLIC'], ['NUXT', 'PUBLIC'], ['REACT', 'APP'], ['VUE', 'APP'],
  ['VITE'], ['NUXT'], ['GATSBY'], ['PUBLIC'],
].sort((a, b) => b.length - a.length);

/** A segment that names a secret or an identity: the vars the directive is about. */
const CREDENTIAL_SEGMENT = /(?:KEYS?|SECRETS?|TOKENS?|PASSWORD|PASSWD|SID|AUTH|CREDENTIALS?)$|^PASS$/;

export type NameShape = 'upper-snake' | 'one-case' | 'mixed';

/** upper-snake: `STRIPE_API_KEY`; one-case: `stripe_api_key`, `__NEXT_X`; mixed: `stripeApiKey`, `stripe-api-key`, `Stripe.ApiKey`. */
export function nameShape(name: string): NameShape {
  if (UPPER_SNAKE.test(name)) return 'upper-snake';
  return ONE_CASE.test(name) ? 'one-case' : 'mixed';
}

/** The words of a name however it is written, upper-cased: `stripeApiKey`, `stripe-api-key`, `Stripe.ApiKey` -> STRIPE, API, KEY. */
export function envSegments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toUpperCase());
}

/** Splits off a framework's public prefix (`VITE_`, `NEXT_PUBLIC_`), kept in front of any suggestion. */
export function splitFrameworkPrefix(segments: readonly string[]): { framework: string[]; rest: string[] } {
  for (const prefix of FRAMEWORK_PREFIXES) {
    if (segments.length - prefix.length >= 2 && prefix.every((word, i) => segments[i] === word)) {
      return { framework: segments.slice(0, prefix.length), rest: segments.slice(prefix.length) };
    }
  }
  return { framework: [], rest: [...segments] };
}

export function looksLikeCredential(segments: readonly string[]): boolean {
  return segments.some((segment) => CREDENTIAL_SEGMENT.test(segment));
}

export interface PrefixMatch {
  /** The prefix as given (`GOOGLE_CLOUD`). */
  prefix: string;
  /** Where it starts in the segments and how many segments it takes. */
  index: number;
  length: number;
}

/**
 * The first place a prefix appears as whole segments, the longest prefix at
 * that place winning. Spacing is forgiven both ways, so `MERCADO_PAGO_X`
 * carries `MERCADOPAGO` and `GOOGLECLOUD_X` carries `GOOGLE_CLOUD`.
 */
export function locatePrefix(segments: readonly string[], prefixes: readonly string[]): PrefixMatch | undefined {
  const glued = gluedLongestFirst(prefixes);
  for (let index = 0; index < segments.length; index++) {
    for (const { prefix, glued: wanted } of glued) {
      const length = segmentsSpelling(segments, index, wanted);
      if (length > 0) return { prefix, index, length };
    }
  }
  return undefined;
}

const gluedLists = new WeakMap<readonly string[], ReadonlyArray<{ prefix: string; glued: string }>>();

/**
 * The prefixes with their underscores dropped, longest first; kept per list,
 * since the naming rule asks with the same list (allKnownPrefixes) for every
 * env var read in a workspace.
 */
function gluedLongestFirst(prefixes: readonly string[]): ReadonlyArray<{ prefix: string; glued: string }> {
  let glued = gluedLists.get(prefixes);
  if (!glued) {
    glued = prefixes.map((prefix) => ({ prefix, glued: prefix.replace(/_/g, '') })).sort((a, b) => b.glued.length - a.glued.length);
    gluedLists.set(prefixes, glued);
  }
  return glued;
}

/** How many segments from `index` spell `wanted` when glued together; 0 when they do not. */
function segmentsSpelling(segments: readonly string[], index: number, wanted: string): number {
  let glued = '';
  for (let k = index; k < segments.length; k++) {
    glued += segments[k];
    if (glued === wanted) return k - index + 1;
    if (!wanted.startsWith(glued)) return 0;
  }
  return 0;
}

/** `STRIPEKEY` with STRIPE known: the prefix glued to the rest of one segment. */
function gluedPrefix(segment: string, prefixes: readonly string[]): { prefix: string; remainder: string } | undefined {
  let best: { prefix: string; remainder: string } | undefined;
  for (const prefix of prefixes) {
    const glued = prefix.replace(/_/g, '');
    if (segment.length > glued.length && segment.startsWith(glued) && (!best || glued.length > best.prefix.replace(/_/g, '').length)) {
      best = { prefix, remainder: segment.slice(glued.length) };
    }
  }
  return best;
}

/**
 * Whether a name is `{PROVIDER}_{TIPO}`: upper snake case, at least two
 * segments after any framework prefix and, when the provider's prefixes are
 * known, one of them first with something after it.
 */
export function conformsToEnvNaming(name: string, prefixes?: readonly string[]): boolean {
  if (!UPPER_SNAKE.test(name)) return false;
  const { rest } = splitFrameworkPrefix(name.split('_'));
  if (rest.length < 2) return false;
  if (!prefixes || prefixes.length === 0) return true;
  const found = locatePrefix(rest, prefixes);
  return found !== undefined && found.index === 0 && found.length < rest.length;
}

/**
 * The conforming `{PROVIDER}_{TIPO}` name for `name`: upper snake case and,
 * when prefixes are given, the provider first (moved there, split off a
 * one-word `STRIPEKEY`, or the first prefix added). `stripeApiKey` -> `STRIPE_API_KEY`;
 * `API_KEY_STRIPE` -> `STRIPE_API_KEY`; `SECRET_KEY` with ['STRIPE'] ->
 * `STRIPE_SECRET_KEY`. Undefined when the name already conforms, or when no
 * conforming name can be made from it (one word and no prefix to add: `TOKEN`).
 */
export function suggestEnvName(name: string, prefixes?: readonly string[]): string | undefined {
  const { framework, rest } = splitFrameworkPrefix(envSegments(name));
  const fixed = prefixes && prefixes.length > 0 ? providerFirst(rest, prefixes) : rest;
  if (fixed.length < 2) return undefined;
  const suggestion = [...framework, ...fixed].join('_');
  return suggestion === name ? undefined : suggestion;
}

function providerFirst(segments: string[], prefixes: readonly string[]): string[] {
  const found = locatePrefix(segments, prefixes);
  if (found) {
    const end = found.index + found.length;
    return [...segments.slice(found.index, end), ...segments.slice(0, found.index), ...segments.slice(end)];
  }
  // Only a one-word name is split (`STRIPEKEY`): in `MPAGO_SECRET` the author chose the words.
  const glued = segments.length === 1 ? gluedPrefix(segments[0], prefixes) : undefined;
  if (glued) return [...glued.prefix.split('_'), glued.remainder, ...segments.slice(1)];
  return [...prefixes[0].split('_'), ...segments];
}
