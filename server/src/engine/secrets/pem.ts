// PEM private key blocks: `-----BEGIN <label>-----` ... `-----END <label>-----`
// where the label names a private key (RSA, EC, DSA, OPENSSH, ENCRYPTED,
// PKCS#8 "PRIVATE KEY", PGP "PRIVATE KEY BLOCK"). Public keys, certificates
// and requests share the armour and are left alone. The block may sit in a
// file of its own, in a YAML block scalar, in a JSON string with escaped
// line breaks (a service account key) or in concatenated string literals.

export interface PemBlock {
  start: number;
  end: number;
  label: string;
}

const BEGIN = /-----BEGIN ([A-Z0-9]{1,20}(?: [A-Z0-9]{1,20}){0,4})-----/y;
const PRIVATE_LABEL = /(?:^| )PRIVATE KEY(?: BLOCK)?$/;
/** A 16384-bit RSA key is under 13 KB of PEM; with escapes and concatenation a real block stays well below this. */
const MAX_BLOCK = 65536;
/** Base64 characters a block must carry to be a key rather than an elided example (`MIIE...`). */
const MIN_BODY = 64;

export function findPrivateKeyBlock(text: string, at: number): PemBlock | undefined {
  BEGIN.lastIndex = at;
  const begin = BEGIN.exec(text);
  if (!begin || !PRIVATE_LABEL.test(begin[1])) return undefined;
  const label = begin[1];
  const bodyStart = at + begin[0].length;
  const endMarker = `-----END ${label}-----`;
  const endAt = text.indexOf(endMarker, bodyStart);
  if (endAt < 0 || endAt - bodyStart > MAX_BLOCK) return undefined;
  if (!isKeyBody(text.slice(bodyStart, endAt))) return undefined;
  return { start: at, end: endAt + endMarker.length, label };
}

/**
 * True when the body is base64 key material once the wrapping is removed:
 * escaped or real line breaks, quotes and `+` of concatenated literals,
 * RFC 1421 headers (`Proc-Type:`, `DEK-Info:`) of legacy encrypted keys.
 * Anything else (`...`, `<your key>`, prose) makes it an example.
 */
function isKeyBody(body: string): boolean {
  let material = '';
  for (const line of body.replace(/\\[nr]/g, '\n').split(/\r\n|\r|\n/)) {
    if (line.includes(':')) continue;
    material += line.replace(/[\s"'`+,;()\\]/g, '');
  }
  if (material.length < MIN_BODY || !/^[A-Za-z0-9+/=]+$/.test(material)) return false;
  // Padding-only or repeated filler ("AAAA...") is not key material.
  return new Set(material).size >= 16;
}
