import { PROVIDERS, type Provider, type SecretMode } from '../catalog/providers';

// What `.env.example` shows in place of a value, in the directive's style
// (section 8.1): the format's published start and `xxxxx` for secrets
// (`sk_test_xxxxx`, `whsec_xxxxx`, `SG.xxxxx`), an obviously fake sample for
// settings (`us-east-1`, `noreply@example.com`). A placeholder tells a new
// developer what kind of value goes there without being one.

const FILLER = 'xxxxx';

/**
 * The directive's own examples (8.1) where the catalog's formats would give
 * another one or none (identifiers and public keys are not secret formats).
 */
const DIRECTIVE_PLACEHOLDERS: Readonly<Record<string, string>> = {
  TWILIO_ACCOUNT_SID: 'ACxxxxx',
  AWS_ACCESS_KEY_ID: 'AKIA...',
  WHATSAPP_ACCESS_TOKEN: 'xxxxx',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_xxxxx',
};

/** Settings recognised by the name's ending: a plausible sample, never a real value. */
const SAMPLES: ReadonlyArray<[RegExp, string]> = [
  [/_REGION$/, 'us-east-1'],
  [/_BUCKET(?:_NAME)?$/, 'my-bucket'],
  [/_EMAIL$/, 'noreply@example.com'],
  [/_PHONE_NUMBER$/, '+1234567890'],
  [/_(?:URL|URI)$/, 'https://example.com'],
];

/** A test-mode key is what a new developer should start with; a live one never goes in an example. */
const MODE_PREFERENCE: readonly SecretMode[] = ['test', 'either', 'live'];

/** Characters a prefix may have and still be written unquoted in a .env (`$` would be expanded, `#` starts a comment). */
const PLAIN_PREFIX = /^[0-9A-Za-z_.\-/:]+$/;

/**
 * The placeholder for a variable in `.env.example`. `provider`, when the
 * caller knows it (the INT doc's Proveedor), limits the catalog formats
 * looked at to that provider's.
 */
export function placeholderFor(name: string, provider?: Provider): string {
  const own = DIRECTIVE_PLACEHOLDERS[name];
  if (own !== undefined) return own;
  const prefix = formatPrefix(name, provider ? [provider] : PROVIDERS);
  if (prefix !== undefined) return prefix + FILLER;
  return SAMPLES.find(([ending]) => ending.test(name))?.[1] ?? FILLER;
}

/** The literal start of the catalog's token format for this variable, preferring test mode. */
function formatPrefix(name: string, providers: readonly Provider[]): string | undefined {
  for (const mode of MODE_PREFERENCE) {
    for (const provider of providers) {
      for (const format of provider.secrets) {
        if (format.type !== 'token' || format.envVar !== name || format.mode !== mode) continue;
        const prefix = format.prefixes.find((p) => PLAIN_PREFIX.test(p));
        if (prefix !== undefined) return prefix;
      }
    }
  }
  return undefined;
}
