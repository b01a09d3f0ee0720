import { DOCUMENTED_EXAMPLES } from './documented';
import { isPlaceholder } from './values';

// JSON Web Tokens: three base64url parts whose header decodes to a JSON
// object with an `alg`. Unsigned tokens (`alg: none`) authorise nothing and
// Supabase's `anon` keys are meant for browsers: both are left alone.

export interface Jwt {
  start: number;
  end: number;
  alg: string;
}

const JWT = /eyJ[0-9A-Za-z_-]{8,2048}\.ey[0-9A-Za-z_-]{4,16384}\.[0-9A-Za-z_-]{16,2048}(?![0-9A-Za-z_-])/y;


function decodePart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** `at` is the offset of `eyJ`. */
export function findJwt(text: string, at: number): Jwt | undefined {
  JWT.lastIndex = at;
  const match = JWT.exec(text);
  if (!match) return undefined;
  const token = match[0];
  if (DOCUMENTED_EXAMPLES.has(token)) return undefined;
  const [header, payload, signature] = token.split('.');
  const head = decodePart(header) as { alg?: unknown } | undefined;
  if (typeof head !== 'object' || head === null || typeof head.alg !== 'string' || head.alg.toLowerCase() === 'none') return undefined;
  const claims = decodePart(payload) as { role?: unknown } | undefined;
  if (typeof claims !== 'object' || claims === null || claims.role === 'anon') return undefined;
  if (isPlaceholder(signature)) return undefined;
  return { start: at, end: at + token.length, alg: head.alg };
}
