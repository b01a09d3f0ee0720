// What tells a real secret from the text that merely stands where one goes:
// documentation placeholders, template and env references, hashes, ids,
// words. Shared by every detector so they agree on what is not a secret.
// All checks run on one candidate value (bounded length), never on a file.

/** Marks of a placeholder anywhere in a value: runs of x/X/*, ellipses, brackets, `$VAR`, `${VAR}` and `$(cmd)` references, `%s`. */
const PLACEHOLDER_MARK = /x{4}|X{4}|\*{3}|\.{3}|…|[<>{}]|^\$|\$[({]|%s/;

/**
 * The words docs use for "put yours here". A random key contains one of them
 * by chance about once in ten thousand; a placeholder almost always does.
 */
const PLACEHOLDER_WORDS = ['your', 'example', 'sample', 'placeholder', 'dummy', 'fake', 'redacted', 'changeme', 'change_me', 'change-me', 'replace', 'insert', 'here', 'notreal', 'not_real', 'not-a-real'];

/** A character repeated six times (`000000`, `aaaaaa`): typed, not generated. */
const REPEATED = /(.)\1{5}/;

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** True when the value (or a token's random part) is a stand-in, not a generated secret. */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  return PLACEHOLDER_MARK.test(value) || PLACEHOLDER_WORDS.some((word) => lower.includes(word)) || REPEATED.test(value) || hasSequence(value, 8) || lowDiversity(value);
}

/** "12345678", "abcdefgh": eight consecutive characters of a sequence. */
function hasSequence(value: string, length: number): boolean {
  for (let i = 0; i + length <= value.length; ) {
    let run = 1;
    while (i + run < value.length && value.charCodeAt(i + run) === value.charCodeAt(i + run - 1) + 1) run++;
    if (run >= length) {
      const slice = value.slice(i, i + run);
      if (SEQUENCES.some((sequence) => sequence.includes(slice))) return true;
    }
    i += run;
  }
  return false;
}

/** Few distinct characters for the length ("abababab...", "a1a1a1a1..."). */
function lowDiversity(value: string): boolean {
  if (value.length < 12) return false;
  return new Set(value).size < Math.min(8, value.length / 3);
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** Lowercase words joined by separators: "my-api-key", "prod/stripe/secret", "users.list". */
const WORDS = /^[a-z]+(?:[-_./:][a-z0-9]+)*$/;
const HASH_PREFIX = /^(?:sha\d{1,3}|md5|sha)[-:]/i;
const PATH_START = /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/;
const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,255}\.[a-z]{2,24}$/i;
/** Default and demo passwords that are not worth a finding (docker-compose, tutorials). */
const DEFAULT_PASSWORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'changeme', 'admin', 'administrator', 'root', 'guest', 'test', 'testing', 'user', 'username',
  'postgres', 'mysql', 'mariadb', 'redis', 'mongo', 'mongodb', 'rabbitmq', 'oracle', 'sa', 'demo', 'default', 'foo', 'bar', 'foobar', 'qwerty',
  'letmein', 'welcome', 'abc123', 'password1', 'password123', 'admin123', 'secret123', 'example', 'sample', 'none', 'null', 'empty', 'true', 'false',
  'token', 'key', 'apikey', 'api_key', 'access_token', 'pat',
]);

/** A value in a password's place that is only a well-known default, a reference or a placeholder. */
export function isDefaultPassword(value: string): boolean {
  return DEFAULT_PASSWORDS.has(value.toLowerCase()) || isPlaceholder(value);
}

/** Counts character classes: lowercase, uppercase, digits, symbols. */
function classes(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value)) + Number(/[^0-9A-Za-z]/.test(value));
}

/** `__ES6-PROMISIFY--CUSTOM-ARGUMENTS__`, `STRIPE_API_KEY`: upper-case words, a constant's name or marker. */
function isConstantName(value: string): boolean {
  if (/[a-z]/.test(value)) return false;
  const chunks = value.split(/[-_.:]+/).filter(Boolean);
  return chunks.length >= 2 && chunks.every((chunk) => /^[A-Z]{1,40}[0-9]{0,2}$/.test(chunk));
}

/** Shapes that are never secrets, whatever name they are assigned to. */
function notASecretShape(value: string): boolean {
  return (
    isConstantName(value) ||
    /\s/.test(value) ||
    value.includes('://') ||
    UUID.test(value) ||
    ENV_NAME.test(value) ||
    WORDS.test(value) ||
    HASH_PREFIX.test(value) ||
    PATH_START.test(value) ||
    EMAIL.test(value) ||
    /^[0-9.,:+-]+$/.test(value) ||
    // Code, not a literal: `reader.readString()`, `Buffer.from(` (unquoted values in Markdown and YAML).
    /^[A-Za-z_$][\w$]{0,64}(?:\.[A-Za-z_$][\w$]{0,64}){1,8}(?:\(|$)/.test(value)
  );
}

/**
 * A password assigned in source: at least eight characters mixing three
 * classes (lower, upper, digits, symbols), not a default or a placeholder.
 * "P4ssw0rd!" is flagged; "postgres", "password123" and "changeme" are not.
 */
export function looksLikePassword(value: string): boolean {
  if (value.length < 8 || value.length > 256 || notASecretShape(value) || isDefaultPassword(value)) return false;
  return classes(value) >= 3;
}

/**
 * A generated secret (key, token, secret) assigned in source: 16+ characters
 * with letters and digits and the entropy of random text. Hex needs less
 * entropy per character (16 symbols) than base62/base64.
 */
export function looksGenerated(value: string): boolean {
  if (value.length < 16 || value.length > 1024 || notASecretShape(value) || isPlaceholder(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  const bits = entropy(value);
  return /^[0-9a-f]+$/i.test(value) ? bits >= 3 : bits >= 3.5;
}
