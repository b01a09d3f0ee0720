// Which names hold secrets. A name is split into words (camelCase, snake,
// kebab, dots) and judged by its LAST words: `stripeApiKey` and
// `DB_PASSWORD` hold secrets; `apiKeyHeader`, `tokenUrl`, `passwordField`,
// `keyId` and `publicKey` do not.

export type SecretNameKind = 'password' | 'secret';

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode']);
const SECRET_WORDS = new Set(['secret', 'token', 'apikey', 'credential', 'credentials']);
/** `<word> key` pairs that name a secret key (`api key`, `private key`); a bare `key` is too common to mean one. */
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'client', 'auth', 'signing', 'encryption', 'master', 'app', 'application', 'subscription',
  'service', 'account', 'session', 'hmac', 'jwt', 'aes', 'shared', 'webhook', 'admin', 'write', 'server', 'consumer', 'license', 'ingest',
]);
/** `<word> token` pairs that are not credentials: pagination cursors, parsers, CSRF form fields. */
const NOT_CREDENTIAL_TOKENS = new Set(['next', 'page', 'continuation', 'cancel', 'cancellation', 'sync', 'csrf', 'xsrf', 'lexer', 'parse', 'max', 'min', 'end', 'start', 'eof']);
/** Any of these words makes the name about something that is not a secret value. */
const NOT_SECRET_WORDS = new Set(['public', 'publishable', 'pub', 'fake', 'dummy', 'example', 'sample', 'mock', 'placeholder', 'hash', 'hashed', 'digest']);

/** "stripeApiKey" -> ["stripe", "api", "key"]; "DB_PASSWORD" -> ["db", "password"]; "APIKey" -> ["api", "key"]. */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  // Character codes and slices, not a word built a character at a time: this runs for every candidate assignment.
  let start = -1;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!isUpper(c) && !isLowerOrDigit(c)) {
      if (start >= 0) words.push(name.slice(start, i).toLowerCase());
      start = -1;
      continue;
    }
    // A capital starts a word after a lowercase letter (apiKey) or ends an acronym before one (APIKey).
    if (start >= 0 && isUpper(c)) {
      const previous = name.charCodeAt(i - 1);
      const next = i + 1 < name.length ? name.charCodeAt(i + 1) : -1;
      if (isLowerOrDigit(previous) || (isUpper(previous) && next >= 97 && next <= 122)) {
        words.push(name.slice(start, i).toLowerCase());
        start = i;
      }
    }
    if (start < 0) start = i;
  }
  if (start >= 0) words.push(name.slice(start).toLowerCase());
  return words;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLowerOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** What kind of secret a name holds, or undefined when it holds none. */
export function secretNameKind(name: string): SecretNameKind | undefined {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || words.some((word) => NOT_SECRET_WORDS.has(word))) return undefined;
  const before = words[words.length - 2];
  if (PASSWORD_WORDS.has(last)) return 'password';
  if (last === 'token' && before !== undefined && NOT_CREDENTIAL_TOKENS.has(before)) return undefined;
  if (SECRET_WORDS.has(last)) return 'secret';
  if (last === 'key' && before !== undefined && KEY_QUALIFIERS.has(before)) return 'secret';
  // One word written without separators: APIKEY, SECRETKEY, ACCESSTOKEN.
  if (/^(?:api|access|secret|private|client|auth)(?:key|token|secret)$/.test(last)) return 'secret';
  return undefined;
}

/** The name as one lowercase run of letters and digits, for the catalog's `names` patterns: "TWILIO_AUTH_TOKEN" -> "twilioauthtoken". */
export function compactName(name: string): string {
  return nameWords(name).join('');
}

/** "stripeApiKey" -> "STRIPE_API_KEY": the env var a generic secret could move to. */
export function envVarName(name: string): string {
  return nameWords(name).join('_').toUpperCase();
}
