import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURES } from '../../helpers';

// The secret corpus: fixture files that hold «slots» where a realistic fake
// secret goes. Slots are filled here, at test time, from a seeded generator,
// so no file in the repository holds a token in a provider's live format
// (push protection and other scanners would rightly take it for a leak),
// yet every run lints the same text. Literal fakes that no scanner's
// provider pattern knows (passwords, URL credentials, generic values) are
// written in the files as they are.

export const CORPUS = join(FIXTURES, 'secrets');

/** A small deterministic PRNG (mulberry32), seeded per slot. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}-_`;
const B64 = `${ALNUM}+/`;
const HEX = '0123456789abcdef';
const UPPER_NUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';
const LOWER_NUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

type Pick = (alphabet: string, length: number) => string;

function pem(pick: Pick, label: string, lines: number, eol: string): string {
  const body = Array.from({ length: lines }, (_, i) => pick(B64, i === lines - 1 ? 40 : 64));
  return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`].join(eol);
}

function jwt(pick: Pick): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'svc-billing', iss: 'https://auth.internal', iat: 1718000000 })}.${pick(B64URL, 43)}`;
}

/** Each slot name and how its fake value is built; prefixes are split so no file holds them whole. */
const GENERATORS: Record<string, (pick: Pick) => string> = {
  'stripe-live': (p) => `sk_${'live'}_${p(ALNUM, 99)}`,
  'stripe-test': (p) => `sk_${'test'}_${p(ALNUM, 24)}`,
  'stripe-restricted-live': (p) => `rk_${'live'}_${p(ALNUM, 99)}`,
  'stripe-webhook': (p) => `whsec_${p(ALNUM, 32)}`,
  'twilio-api-key': (p) => `S${'K'}${p(HEX, 32)}`,
  'sendgrid': (p) => `S${'G'}.${p(B64URL, 22)}.${p(B64URL, 43)}`,
  'aws-id': (p) => `AK${'IA'}${p(UPPER_NUM, 16)}`,
  'aws-temp-id': (p) => `AS${'IA'}${p(UPPER_NUM, 16)}`,
  'gcp-api-key': (p) => `AI${'za'}${p(B64URL, 35)}`,
  'google-client-secret': (p) => `GOCSPX${'-'}${p(B64URL, 28)}`,
  'meta-token': (p) => `EA${'A'}${p(ALNUM, 180)}`,
  'braintree-live': (p) => `access_token$${'production'}$${p(LOWER_NUM, 16)}$${p(HEX, 32)}`,
  'braintree-sandbox': (p) => `access_token$${'sandbox'}$${p(LOWER_NUM, 16)}$${p(HEX, 32)}`,
  'mp-live': (p) => `APP_${'USR'}-${p(DIGITS, 16)}-${p(DIGITS, 6)}-${p(HEX, 32)}-${p(DIGITS, 9)}`,
  'mp-test': (p) => `TE${'ST'}-${p(DIGITS, 16)}-${p(DIGITS, 6)}-${p(HEX, 32)}-${p(DIGITS, 9)}`,
  'slack-bot': (p) => `xox${'b'}-${p(DIGITS, 12)}-${p(DIGITS, 13)}-${p(ALNUM, 24)}`,
  'slack-user': (p) => `xox${'p'}-${p(DIGITS, 12)}-${p(DIGITS, 12)}-${p(DIGITS, 13)}-${p(HEX, 32)}`,
  'slack-app': (p) => `xap${'p'}-1-${p(UPPER_NUM, 11)}-${p(DIGITS, 13)}-${p(HEX, 64)}`,
  'slack-webhook': (p) => `https://hooks.${'slack'}.com/services/T${p(UPPER_NUM, 10)}/B${p(UPPER_NUM, 10)}/${p(ALNUM, 24)}`,
  'github-pat': (p) => `gh${'p'}_${p(ALNUM, 36)}`,
  'github-fine-grained': (p) => `github${'_pat'}_${p(ALNUM, 22)}_${p(ALNUM, 59)}`,
  'github-installation': (p) => `gh${'s'}_${p(ALNUM, 36)}`,
  // Values recognised only by the name they are assigned to.
  'hex32': (p) => p(HEX, 32),
  'hex40': (p) => p(HEX, 40),
  'base64-40': (p) => p(B64, 40),
  'paypal-secret': (p) => `E${p(B64URL, 79)}`,
  'legacy-google-secret': (p) => p(B64URL, 24),
  'jwt': jwt,
  'rsa-key': (p) => pem(p, 'RSA PRIVATE KEY', 25, '\n'),
  'pkcs8-key': (p) => pem(p, 'PRIVATE KEY', 4, '\n'),
  'pkcs8-key-json': (p) => pem(p, 'PRIVATE KEY', 25, '\\n'),
  'openssh-key': (p) => pem(p, 'OPENSSH PRIVATE KEY', 6, '\n'),
};

const SLOT = /«([a-z0-9-]+)»/g;

export interface CorpusFile {
  /** Relative to the corpus folder, forward slashes: `positives/stripe.ts`. */
  path: string;
  text: string;
  /** The values put in each slot, in order: what findings must cover and outputs must never show. */
  slots: Array<{ name: string; value: string }>;
}

/** Reads a corpus file and fills its slots. */
export function corpusFile(path: string): CorpusFile {
  const raw = readFileSync(join(CORPUS, path), 'utf8');
  const slots: CorpusFile['slots'] = [];
  const text = raw.replace(SLOT, (_, name: string) => {
    const generate = GENERATORS[name];
    if (!generate) throw new Error(`${path}: unknown slot «${name}»`);
    const next = random(seedOf(`${path}#${slots.length}`));
    const value = generate((alphabet, length) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    slots.push({ name, value });
    return value;
  });
  return { path, text, slots };
}

/** Every file of a corpus folder (`positives`, `negatives`), including dotfiles like `.env.example`. */
export function corpusFiles(folder: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [relative(CORPUS, full).replace(/\\/g, '/')];
    });
  return walk(join(CORPUS, folder)).sort();
}

/** A fake value from a generator, for tests that build their text inline. */
export function fake(name: string, seed = name): string {
  const generate = GENERATORS[name];
  const next = random(seedOf(seed));
  return generate((alphabet, length) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
}
