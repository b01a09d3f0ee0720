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
  let word = '';
  const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z';
  const isLower = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (!isUpper(c) && !isLower(c)) {
      if (word) words.push(word);
      word = '';
      continue;
    }
    // A capital starts a word after a lowercase letter (apiKey) or ends an acronym before one (APIKey).
    const previous = name[i - 1] ?? '';
    const next = name[i + 1] ?? '';
    if (word && isUpper(c) && (isLower(previous) || (isUpper(previous) && next >= 'a' && next <= 'z'))) {
      words.push(word);
      word = '';
    }
    word += c.toLowerCase();
  }
  if (word) words.push(word);
  return words;
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
