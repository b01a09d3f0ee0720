import { isHostChar, isSchemeChar } from './chars';
import { isDefaultPassword, isPlaceholder } from './values';

// Credentials inside URLs: `postgres://app:<password>@db:5432/app`,
// `https://user:token@registry.example.org`. The password is the secret; the
// scheme, user and host are shown so the user can find the connection.

export interface UrlCredentials {
  /** The password's offsets: exactly what must leave the source. */
  start: number;
  end: number;
  scheme: string;
  user: string;
  host: string;
}

const MAX_SCHEME = 32;
const MAX_USERINFO = 512;
const MAX_HOST = 255;
/** Documentation hosts (RFC 2606) and template hosts: a URL there is an example. */
const EXAMPLE_HOST = /(?:^|\.)example(?:\.(?:com|org|net))?$|^(?:host|hostname|your-?host|server)$/i;
/** An env var name in a password's place: `postgres://user:DB_PASSWORD@host`. */
const ENV_LIKE = /^[A-Z_][A-Z0-9_]*$/;

/** Characters that end the authority part before any `@` could come. */
function endsAuthority(c: number): boolean {
  return c <= 32 || c === 34 || c === 39 || c === 96 || c === 60 || c === 62 || c === 47 || c === 92 || c === 63 || c === 35;
}

/** `at` is the offset of `://`. */
export function findUrlCredentials(text: string, at: number): UrlCredentials | undefined {
  let schemeStart = at;
  while (schemeStart > 0 && at - schemeStart < MAX_SCHEME && isSchemeChar(text.charCodeAt(schemeStart - 1))) schemeStart--;
  const scheme = text.slice(schemeStart, at);
  if (scheme.length < 2 || !/^[A-Za-z]/.test(scheme)) return undefined;

  const userStart = at + 3;
  const limit = Math.min(text.length, userStart + MAX_USERINFO);
  let lastAt = -1;
  let i = userStart;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (endsAuthority(c)) break;
    if (c === 64 /* @ */) lastAt = i;
  }
  if (lastAt < 0) return undefined;
  const colon = text.indexOf(':', userStart);
  if (colon < 0 || colon >= lastAt) return undefined;
  const user = text.slice(userStart, colon);
  const password = text.slice(colon + 1, lastAt);

  let hostEnd = lastAt + 1;
  while (hostEnd < text.length && hostEnd - lastAt <= MAX_HOST && isHostChar(text.charCodeAt(hostEnd))) hostEnd++;
  const host = text.slice(lastAt + 1, hostEnd);
  if (host.length === 0 || EXAMPLE_HOST.test(host)) return undefined;
  // A colon left in the password is another syntax (CVS's `:pserver:user@host`), not a password.
  if (password.length < 3 || password.includes(':') || password === user || isPlaceholder(user) || ENV_LIKE.test(password) || isDefaultPassword(password) || /^[x*.]+$/i.test(password)) return undefined;
  return { start: colon + 1, end: lastAt, scheme, user, host };
}
