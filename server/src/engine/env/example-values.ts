import { PROVIDERS } from '../catalog/providers';
import { isExampleHost, isInternalHost } from '../hosts';
import { DOCUMENTED_EXAMPLES } from '../secrets/documented';
import { redact } from '../secrets/redact';
import type { SecretsConfig } from '../secrets/settings';
import { findUrlCredentials } from '../secrets/url';
import { isPlaceholder, looksGenerated } from '../secrets/values';

// Whether a value in an env template (`.env.example`) is a real credential
// rather than the placeholder the directive asks for (8.1). Two things must
// hold: it is not a placeholder or a sample, and it looks secret (a
// provider's documented format, or random text). Settings (`us-east-1`,
// `3000`, `postgres://localhost:5432/app`) and identifiers that are not
// secrets (an Account SID, a publishable key) are left alone.
// The placeholder and randomness tests are the secret scanner's, so the two
// agree on what a stand-in is.

export interface RealValue {
  /** The only printable form of the value: `sk_live_…9fQx`. */
  redacted: string;
  /** Catalog format id, when a provider's format recognised it. */
  format?: string;
}

interface TokenCheck {
  prefix: string;
  whole: RegExp;
  format: string;
}

/** Every catalog token format by its literal starts, longest start first so `sk_live_` wins over a shorter one. */
const TOKENS: readonly TokenCheck[] = PROVIDERS.flatMap((provider) =>
  provider.secrets.flatMap((format) =>
    format.type === 'token' ? format.prefixes.map((prefix) => ({ prefix, whole: new RegExp(`^(?:${format.pattern.source})$`), format: format.id })) : [],
  ),
).sort((a, b) => b.prefix.length - a.prefix.length);

/** Published examples (Stripe's docs key, AWS's EXAMPLE keys): they look real but work nowhere. */
const PUBLISHED = new Set([...DOCUMENTED_EXAMPLES, ...PROVIDERS.flatMap((provider) => provider.examples)]);

/** A prefix short enough to start ordinary text by chance (`SK`) says nothing about what follows. */
const MIN_SHOWN_PREFIX = 3;
/** `-----BEGIN <label>-----` at the value's start; pemBlock() checks the label and the END line. */
const PEM_HEADER = /^-----BEGIN ([A-Z0-9 ]*)-----/;
/** Below this many base64 characters a PEM body is a stub, not a key (the smallest EC keys are over 100). */
const MIN_PEM_BODY = 64;
/** Names of values that identify rather than authenticate: publishable and public keys, account and app ids. */
const PUBLIC_NAME = /(?:^|_)(?:PUBLIC|PUBLISHABLE)(?:_|$)|_(?:S?ID)$/;

const allowLists = new WeakMap<SecretsConfig, readonly RegExp[]>();

function allowRegexes(settings: SecretsConfig): readonly RegExp[] {
  let regexes = allowLists.get(settings);
  if (!regexes) {
    // Checked for catastrophic backtracking when the config was read (secrets/settings.ts).
    regexes = settings.allowPatterns.map((source) => new RegExp(source));
    allowLists.set(settings, regexes);
  }
  return regexes;
}

/** The value's verdict: undefined when it may stay in an example file. `settings.allowPatterns` name values that are not secrets. */
export function realCredential(name: string, rawValue: string, settings: SecretsConfig): RealValue | undefined {
  const value = rawValue.trim();
  if (value === '' || PUBLISHED.has(value) || allowRegexes(settings).some((regex) => regex.test(value))) return undefined;
  // A key block is long enough for a placeholder word to occur in it by chance: judged on its own terms.
  const pem = pemBlock(value.replace(/\\n/g, '\n'));
  if (pem) return realKeyBlock(pem.kind, pem.body);
  if (isPlaceholder(value)) return undefined;

  for (const token of TOKENS) {
    if (!value.startsWith(token.prefix)) continue;
    if (token.whole.test(value) && !isPlaceholder(value.slice(token.prefix.length))) return { redacted: redact(value, token.prefix), format: token.format };
  }
  if (value.includes('://')) return realUrlPassword(value);
  if (PUBLIC_NAME.test(name) || !looksGenerated(value)) return undefined;
  const shown = TOKENS.find((token) => token.prefix.length >= MIN_SHOWN_PREFIX && value.startsWith(token.prefix));
  return { redacted: redact(value, shown?.prefix) };
}

/**
 * A value that is one PEM private key block, as its label and body. In code:
 * one regex with a lazy body and a backreference to the label backtracked (ReDoS).
 */
function pemBlock(value: string): { kind: string; body: string } | undefined {
  const header = PEM_HEADER.exec(value);
  if (!header || !header[1].endsWith('PRIVATE KEY')) return undefined;
  const footer = `-----END ${header[1]}-----`;
  if (!value.endsWith(footer) || value.length - footer.length < header[0].length) return undefined;
  return { kind: header[1], body: value.slice(header[0].length, value.length - footer.length) };
}

function realKeyBlock(kind: string, body: string): RealValue | undefined {
  const base64 = body.replace(/\s+/g, '');
  if (base64.length < MIN_PEM_BODY || !/^[A-Za-z0-9+/=]+$/.test(base64) || /x{4}|X{4}/.test(base64)) return undefined;
  return { redacted: `-----BEGIN ${kind}-----${redact(base64)}` };
}

/** `postgres://app:S3cr3t@db.prod.acme.io/app`: the password is the credential, unless the host is local or a documentation one. */
function realUrlPassword(value: string): RealValue | undefined {
  const credentials = findUrlCredentials(value, value.indexOf('://'));
  if (!credentials) return undefined;
  const host = credentials.host.toLowerCase();
  if (isInternalHost(host) || isExampleHost(host)) return undefined;
  const password = value.slice(credentials.start, credentials.end);
  return { redacted: `${credentials.scheme}://${credentials.user}:${redact(password)}@${credentials.host}` };
}
