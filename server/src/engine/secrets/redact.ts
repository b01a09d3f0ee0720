// The one place a secret becomes printable. Every message, data field, fix
// title, hover, SARIF or JSON output shows this form, never the value itself.

/** Below this many characters after the prefix, even the last four would give away too much. */
const MIN_FOR_TAIL = 16;
const TAIL = 4;

/**
 * `sk_live_…9fQx`: keeps `prefix` (the format's published start, which
 * says what the secret is) and, for long secrets, the last four characters
 * so a user can tell two keys apart. Short secrets show no tail.
 */
export function redact(secret: string, prefix = ''): string {
  const start = prefix && secret.startsWith(prefix) ? prefix : '';
  const rest = secret.length - start.length;
  return `${start}…${rest >= MIN_FOR_TAIL ? secret.slice(-TAIL) : ''}`;
}
