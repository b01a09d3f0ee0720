import { trimEnd } from './linear-search';

// Which hosts a URL can reach from outside. An INT doc whose endpoints are
// all internal documents one of the project's own services (directive 2.2),
// and a URL to an internal or documentation host in `.env.example` is a
// sample, not a credential that works somewhere.

/**
 * Scheme URLs (an IPv6 host in brackets), and bare `localhost`/IPv4 addresses
 * people write without one. Ends before Markdown and table punctuation. Tried
 * sticky at each word start (findUrls), with a scheme of at most 32
 * characters: searched with an unbounded scheme, the regex read the rest of a
 * long dotted word (`a.a.a...`) again from each of its words (ReDoS).
 */
const URL_AT = /[a-z][a-z0-9+.-]{0,31}:\/\/(?:\[[0-9a-f:.]{1,45}\])?[^\s|<>"'`()[\]]*|localhost(?::\d{1,5})?(?:\/[^\s|<>"'`()[\]]*)?|\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?:\/[^\s|<>"'`()[\]]*)?/iy;
const WORD_START = /\b[a-z0-9]/gi;
const TRAILING_PUNCTUATION = '.,;:!?';
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Internal names: RFC 6761 `.localhost`, mDNS `.local` (and Kubernetes' `.svc.cluster.local`), `.internal`, RFC 8375 `.home.arpa`, Kubernetes `.svc`. */
const INTERNAL_SUFFIX = /(?:^|\.)(?:localhost|local|internal|home\.arpa|svc|lan)$/;
/** RFC 2606 / RFC 6761 names reserved for documentation and tests. */
const EXAMPLE_HOST = /(?:^|\.)(?:example(?:\.(?:com|org|net))?|test|invalid)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export interface UrlMatch {
  url: string;
  /** Offsets in the searched text. */
  start: number;
  end: number;
  host: string;
}

/** The URLs in a text, with their hosts (lowercase, no brackets, no trailing dot). */
export function findUrls(text: string): UrlMatch[] {
  const found: UrlMatch[] = [];
  WORD_START.lastIndex = 0;
  for (let start = WORD_START.exec(text); start; start = WORD_START.exec(text)) {
    URL_AT.lastIndex = start.index;
    const match = URL_AT.exec(text);
    if (!match) continue;
    const url = trimEnd(match[0], TRAILING_PUNCTUATION);
    found.push({ url, start: match.index, end: match.index + url.length, host: hostOf(url) });
    WORD_START.lastIndex = match.index + match[0].length;
  }
  return found;
}

/** The host of `scheme://...` or of a bare `host[:port][/path]`. */
export function hostOf(url: string): string {
  const scheme = SCHEME.exec(url);
  const host = scheme ? authorityHost(url.slice(scheme[0].length)) : url.split(/[:/]/, 1)[0];
  return host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

/**
 * The host at the start of what follows `scheme://`: after a userinfo (up to
 * an `@` before any `/?#`), a bracketed IPv6 address, or the text up to a
 * port, path, query or fragment. By hand: in one regex the userinfo's and the
 * host's characters overlap, which the ReDoS check rejects.
 */
function authorityHost(rest: string): string {
  const stop = rest.search(/[@/?#]/);
  const from = rest[stop] === '@' ? stop + 1 : 0;
  if (rest[from] === '[') {
    const close = rest.indexOf(']', from);
    if (close >= 0) return rest.slice(from, close + 1);
  }
  const end = rest.slice(from).search(/[:/?#]/);
  return end < 0 ? rest.slice(from) : rest.slice(from, from + end);
}

/**
 * A host only the project's own network reaches: loopback, private and
 * link-local addresses, internal DNS names, and single-label names (a
 * docker-compose or Kubernetes service: `http://payments:8080`).
 */
export function isInternalHost(host: string): boolean {
  if (host === '') return false;
  const ipv4 = IPV4.exec(host);
  if (ipv4) return isPrivateIpv4(ipv4.slice(1).map(Number));
  if (host.includes(':')) return isPrivateIpv6(host);
  if (!/^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/.test(host)) return false;
  return !host.includes('.') || INTERNAL_SUFFIX.test(host);
}

/** A host reserved for documentation (`example.com`, `*.test`): a URL there is a sample. */
export function isExampleHost(host: string): boolean {
  return EXAMPLE_HOST.test(host);
}

function isPrivateIpv4([a, b]: number[]): boolean {
  return (
    a === 127 || // loopback
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) || // link-local
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT (RFC 6598), e.g. a VPN's addresses
    a === 0
  );
}

/** Loopback, unique local (fc00::/7) and link-local (fe80::/10) addresses. */
function isPrivateIpv6(host: string): boolean {
  if (host === '::1' || host === '::') return true;
  return /^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host);
}
