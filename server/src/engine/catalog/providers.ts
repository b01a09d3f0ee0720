import type { Config } from '../config/config';
import { fold } from '../text';

// The one provider catalog: every feature that knows something about a
// provider (env naming, secret formats, INT doc generation, sandbox pings)
// reads it from here, so adding a provider is adding one entry.
// Env var names follow each provider's own documented conventions where there
// is one, and the directive's examples (sections 4 and 8.1) otherwise.

export interface Credential {
  /** The env var, `{PROVIDER}_{TIPO}`. */
  name: string;
  /** Spanish, as it goes in the INT doc's `Credenciales Requeridas` table. */
  description: string;
  /** The `Obligatorio` column: SI when the integration cannot work without it. */
  required: boolean;
}

export interface Provider {
  /** Stable lowercase id; config keys (`providerAliases`) may use it. */
  id: string;
  /** How the INT doc's `Proveedor` usually names it. */
  name: string;
  /** The template's `Tipo` for its usual use. */
  tipo: string;
  /** The `{PROVIDER}` segment of its env vars. */
  envPrefix: string;
  /** Other prefixes its env vars legitimately use (`S3_BUCKET` for AWS). */
  aliases: readonly string[];
  /** Other ways people write the `Proveedor` cell. */
  names: readonly string[];
  credentials: readonly Credential[];
  docsUrl: string;
}

export const PROVIDERS: readonly Provider[] = [
  {
    id: 'stripe',
    name: 'Stripe',
    tipo: 'Pagos',
    envPrefix: 'STRIPE',
    aliases: [],
    names: ['Stripe Inc', 'Stripe Payments', 'Stripe Checkout', 'Stripe Billing'],
    credentials: [
      { name: 'STRIPE_API_KEY', description: 'API Key secreta (sk_test_/sk_live_)', required: true },
      { name: 'STRIPE_WEBHOOK_SECRET', description: 'Secret para verificar la firma de webhooks (whsec_)', required: false },
      { name: 'STRIPE_PUBLISHABLE_KEY', description: 'Clave publica para el frontend (pk_test_/pk_live_)', required: false },
    ],
    docsUrl: 'https://docs.stripe.com/keys',
  },
  {
    id: 'twilio',
    name: 'Twilio',
    tipo: 'Notificaciones',
    envPrefix: 'TWILIO',
    aliases: [],
    names: ['Twilio Inc', 'Twilio SMS', 'Twilio Verify', 'Twilio Programmable Messaging'],
    credentials: [
      { name: 'TWILIO_ACCOUNT_SID', description: 'Identificador de la cuenta (AC...)', required: true },
      { name: 'TWILIO_AUTH_TOKEN', description: 'Token de autenticacion de la cuenta', required: true },
      { name: 'TWILIO_PHONE_NUMBER', description: 'Numero remitente en formato E.164', required: false },
    ],
    docsUrl: 'https://www.twilio.com/docs/usage/secure-credentials',
  },
  {
    id: 'sendgrid',
    name: 'SendGrid',
    tipo: 'Notificaciones',
    envPrefix: 'SENDGRID',
    aliases: [],
    names: ['Twilio SendGrid', 'SendGrid Inc'],
    credentials: [
      { name: 'SENDGRID_API_KEY', description: 'API Key de envio (SG.)', required: true },
      { name: 'SENDGRID_FROM_EMAIL', description: 'Remitente verificado de los correos', required: false },
    ],
    docsUrl: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys',
  },
  {
    id: 'aws',
    name: 'AWS (S3)',
    tipo: 'Storage',
    envPrefix: 'AWS',
    aliases: ['S3'],
    names: ['AWS', 'AWS S3', 'Amazon Web Services', 'Amazon S3', 'Amazon', 'S3', 'Amazon Simple Storage Service'],
    credentials: [
      { name: 'AWS_ACCESS_KEY_ID', description: 'Access key del usuario IAM (AKIA...)', required: true },
      { name: 'AWS_SECRET_ACCESS_KEY', description: 'Secret access key del usuario IAM', required: true },
      { name: 'AWS_REGION', description: 'Region del bucket (us-east-1)', required: true },
      { name: 'AWS_S3_BUCKET', description: 'Nombre del bucket', required: true },
      { name: 'AWS_SESSION_TOKEN', description: 'Token de sesion para credenciales temporales', required: false },
    ],
    docsUrl: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html',
  },
  {
    id: 'gcp',
    name: 'Google Cloud',
    tipo: 'Storage',
    envPrefix: 'GCP',
    // Google's own libraries read GOOGLE_APPLICATION_CREDENTIALS and GOOGLE_CLOUD_PROJECT.
    aliases: ['GOOGLE_CLOUD', 'GOOGLE'],
    names: ['GCP', 'Google Cloud Platform', 'Google Cloud Storage', 'GCS', 'Google Cloud Inc'],
    credentials: [
      { name: 'GOOGLE_APPLICATION_CREDENTIALS', description: 'Ruta al JSON de la cuenta de servicio', required: true },
      { name: 'GOOGLE_CLOUD_PROJECT', description: 'Id del proyecto de Google Cloud', required: true },
      { name: 'GCP_STORAGE_BUCKET', description: 'Nombre del bucket de Cloud Storage', required: false },
    ],
    docsUrl: 'https://cloud.google.com/docs/authentication/application-default-credentials',
  },
  {
    id: 'google',
    name: 'Google OAuth',
    tipo: 'Auth',
    envPrefix: 'GOOGLE',
    aliases: [],
    names: ['Google', 'Google OAuth 2.0', 'Google Sign-In', 'Sign in with Google', 'Google Identity', 'Google LLC'],
    credentials: [
      { name: 'GOOGLE_CLIENT_ID', description: 'Client ID de la app OAuth', required: true },
      { name: 'GOOGLE_CLIENT_SECRET', description: 'Client secret de la app OAuth', required: true },
      { name: 'GOOGLE_REDIRECT_URI', description: 'URL de callback registrada', required: false },
    ],
    docsUrl: 'https://developers.google.com/identity/protocols/oauth2',
  },
  {
    id: 'facebook',
    name: 'Facebook',
    tipo: 'Auth',
    envPrefix: 'FACEBOOK',
    aliases: ['META', 'FB'],
    names: ['Meta', 'Facebook Login', 'Meta Platforms', 'Facebook Inc', 'Meta for Developers'],
    credentials: [
      { name: 'FACEBOOK_APP_ID', description: 'App ID de la app de Meta', required: true },
      { name: 'FACEBOOK_APP_SECRET', description: 'App secret de la app de Meta', required: true },
    ],
    docsUrl: 'https://developers.facebook.com/docs/facebook-login/',
  },
  {
    id: 'apple',
    name: 'Apple',
    tipo: 'Auth',
    envPrefix: 'APPLE',
    aliases: [],
    names: ['Sign in with Apple', 'Apple Inc', 'Apple Sign In', 'Apple ID', 'Apple Developer'],
    credentials: [
      { name: 'APPLE_CLIENT_ID', description: 'Services ID registrado en Apple Developer', required: true },
      { name: 'APPLE_TEAM_ID', description: 'Team ID de la cuenta de desarrollador', required: true },
      { name: 'APPLE_KEY_ID', description: 'Key ID de la llave privada', required: true },
      { name: 'APPLE_PRIVATE_KEY', description: 'Llave privada .p8 para firmar el client secret', required: true },
    ],
    docsUrl: 'https://developer.apple.com/documentation/signinwithapple',
  },
  {
    id: 'paypal',
    name: 'PayPal',
    tipo: 'Pagos',
    envPrefix: 'PAYPAL',
    aliases: [],
    names: ['PayPal Inc', 'PayPal Holdings', 'PayPal Checkout', 'PayPal REST API'],
    credentials: [
      { name: 'PAYPAL_CLIENT_ID', description: 'Client ID de la app REST', required: true },
      { name: 'PAYPAL_CLIENT_SECRET', description: 'Secret de la app REST', required: true },
      { name: 'PAYPAL_WEBHOOK_ID', description: 'Id del webhook para verificar eventos', required: false },
    ],
    docsUrl: 'https://developer.paypal.com/api/rest/',
  },
  {
    id: 'mercadopago',
    name: 'MercadoPago',
    tipo: 'Pagos',
    envPrefix: 'MERCADOPAGO',
    aliases: ['MP'],
    names: ['Mercado Pago', 'MercadoPago SA', 'Mercado Pago Checkout Pro'],
    credentials: [
      { name: 'MERCADOPAGO_ACCESS_TOKEN', description: 'Access token privado (TEST-/APP_USR-)', required: true },
      { name: 'MERCADOPAGO_PUBLIC_KEY', description: 'Public key para el frontend', required: false },
      { name: 'MERCADOPAGO_WEBHOOK_SECRET', description: 'Clave secreta para validar la firma de notificaciones', required: false },
    ],
    docsUrl: 'https://www.mercadopago.com/developers/es/docs/your-integrations/credentials',
  },
  {
    id: 'whatsapp',
    name: 'WhatsApp Business',
    tipo: 'Notificaciones',
    envPrefix: 'WHATSAPP',
    aliases: ['META'],
    // "Meta" is also how people name the WhatsApp Cloud API's owner.
    names: ['WhatsApp', 'WhatsApp Business API', 'WhatsApp Cloud API', 'WhatsApp Business Platform', 'Meta WhatsApp', 'Meta'],
    credentials: [
      { name: 'WHATSAPP_PHONE_NUMBER_ID', description: 'Id del numero de telefono remitente', required: true },
      { name: 'WHATSAPP_ACCESS_TOKEN', description: 'Token de acceso del usuario del sistema', required: true },
      { name: 'WHATSAPP_BUSINESS_ACCOUNT_ID', description: 'Id de la cuenta de WhatsApp Business', required: false },
      { name: 'WHATSAPP_VERIFY_TOKEN', description: 'Token para verificar el webhook', required: false },
      { name: 'WHATSAPP_APP_SECRET', description: 'App secret para validar la firma de los webhooks', required: false },
    ],
    docsUrl: 'https://developers.facebook.com/docs/whatsapp/cloud-api',
  },
  {
    id: 'slack',
    name: 'Slack',
    tipo: 'Notificaciones',
    envPrefix: 'SLACK',
    aliases: [],
    names: ['Slack Technologies', 'Slack API', 'Slack Webhooks'],
    credentials: [
      { name: 'SLACK_BOT_TOKEN', description: 'Token del bot (xoxb-)', required: true },
      { name: 'SLACK_SIGNING_SECRET', description: 'Secret para verificar la firma de las solicitudes', required: true },
      { name: 'SLACK_WEBHOOK_URL', description: 'URL de incoming webhook', required: false },
    ],
    docsUrl: 'https://api.slack.com/authentication/token-types',
  },
  {
    id: 'github',
    name: 'GitHub',
    tipo: 'Auth',
    envPrefix: 'GITHUB',
    // The GitHub CLI reads GH_TOKEN.
    aliases: ['GH'],
    names: ['GitHub Inc', 'GitHub OAuth', 'GitHub App', 'GitHub API'],
    credentials: [
      { name: 'GITHUB_CLIENT_ID', description: 'Client ID de la OAuth App', required: true },
      { name: 'GITHUB_CLIENT_SECRET', description: 'Client secret de la OAuth App', required: true },
      { name: 'GITHUB_TOKEN', description: 'Token de acceso para la API', required: false },
      { name: 'GITHUB_WEBHOOK_SECRET', description: 'Secret para verificar la firma de webhooks', required: false },
    ],
    docsUrl: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
  },
];

// --- Finding a provider from what people write in `Proveedor` ---------------

/** Lowercase words without accents or punctuation: "Mercado-Pago, S.A." -> ["mercado", "pago", "s", "a"]. */
function words(text: string): string[] {
  return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
}

const compact = (text: string): string => words(text).join('');

interface Spelling {
  words: string[];
  providers: Provider[];
}

/** Every spelling (id, name, names) by its first word; one spelling may name several providers ("Meta"). */
const SPELLINGS = new Map<string, Spelling[]>();
/** Spellings without spaces, for "Send Grid" or "mercado-pago" typed as one word. */
const COMPACT_SPELLINGS = new Map<string, Provider>();

for (const provider of PROVIDERS) {
  for (const spelling of [provider.id, provider.name, ...provider.names]) {
    const key = words(spelling);
    const bucket = SPELLINGS.get(key[0]) ?? [];
    const same = bucket.find((s) => s.words.join(' ') === key.join(' '));
    if (same) {
      if (!same.providers.includes(provider)) same.providers.push(provider);
    } else {
      bucket.push({ words: key, providers: [provider] });
      bucket.sort((a, b) => b.words.length - a.words.length);
    }
    SPELLINGS.set(key[0], bucket);
    if (!COMPACT_SPELLINGS.has(key.join(''))) COMPACT_SPELLINGS.set(key.join(''), provider);
  }
}

/**
 * The providers a `Proveedor` text names, in order: at each word the longest
 * spelling wins, so "Twilio SendGrid" is SendGrid, "Twilio WhatsApp" is Twilio
 * and WhatsApp, and "Meta" is both Meta products.
 */
export function providersNamed(proveedor: string): Provider[] {
  const text = words(proveedor);
  const found: Provider[] = [];
  const add = (provider: Provider) => {
    if (!found.includes(provider)) found.push(provider);
  };
  for (let i = 0; i < text.length; ) {
    const match = SPELLINGS.get(text[i])?.find((s) => s.words.every((word, k) => text[i + k] === word));
    if (match) {
      match.providers.forEach(add);
      i += match.words.length;
    } else {
      i++;
    }
  }
  if (found.length === 0) {
    const glued = COMPACT_SPELLINGS.get(text.join(''));
    if (glued) add(glued);
  }
  return found;
}

/** The catalog entry a `Proveedor` text means: 'Stripe Inc' -> stripe, 'Amazon S3' -> aws. */
export function findProvider(proveedor: string): Provider | undefined {
  return providersNamed(proveedor)[0];
}

// --- Env var prefixes ---------------------------------------------------------

/** Company-form suffixes that are not part of the name people use in env vars. */
const COMPANY_SUFFIX = /\s*,?\s*\b(?:inc|llc|ltd|corp|corporation|gmbh|s\.?\s?a\.?(?:\s+de\s+c\.?\s?v\.?)?|s\.?\s?r\.?\s?l\.?)\.?\s*$/i;

/**
 * The env var prefixes a doc's `Proveedor` accepts: the catalog's prefix and
 * aliases of every provider it names, plus configured aliases keyed by provider
 * id or name. For a provider the catalog does not know, the prefix comes from
 * the text: 'Acme Pay' -> ['ACME_PAY', 'ACME']. The first prefix is the one to
 * suggest. Empty when the text names nothing.
 */
export function envPrefixesFor(proveedor: string, providerAliases: Config['providerAliases'] = {}): string[] {
  const named = providersNamed(proveedor);
  const prefixes = named.length > 0 ? named.flatMap((p) => [p.envPrefix, ...p.aliases]) : derivedPrefixes(proveedor);
  const own = compact(proveedor);
  for (const [key, aliases] of Object.entries(providerAliases)) {
    const keyed = compact(key);
    const matches = keyed === own || providersNamed(key).some((p) => named.includes(p));
    if (matches) prefixes.push(...aliases);
  }
  return [...new Set(prefixes)];
}

function derivedPrefixes(proveedor: string): string[] {
  const name = proveedor.replace(/\([^)]*\)/g, ' ').replace(COMPANY_SUFFIX, '');
  const upper = words(name).map((word) => word.toUpperCase());
  if (upper.length === 0 || !/^[A-Z]/.test(upper[0])) return [];
  return [...new Set([upper.join('_'), upper[0]])];
}

const knownPrefixes = new WeakMap<object, string[]>();

/**
 * Every prefix the catalog and the configuration know, longest first so
 * `GOOGLE_CLOUD` is tried before `GOOGLE`. Cached per configuration.
 */
export function allKnownPrefixes(config: Pick<Config, 'providerAliases'>): string[] {
  const cached = knownPrefixes.get(config.providerAliases);
  if (cached) return cached;
  const all = new Set<string>();
  for (const provider of PROVIDERS) [provider.envPrefix, ...provider.aliases].forEach((p) => all.add(p));
  for (const aliases of Object.values(config.providerAliases)) aliases.forEach((p) => all.add(p));
  const sorted = [...all].sort((a, b) => b.replace(/_/g, '').length - a.replace(/_/g, '').length || a.localeCompare(b));
  knownPrefixes.set(config.providerAliases, sorted);
  return sorted;
}
