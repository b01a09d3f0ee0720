import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeBytes } from '../../server/src/engine/text';
import { CLEAN } from '../helpers';

// What the fuzz tests feed the engine: hostile text (any UTF-16 unit, lone
// surrogates, NUL, CR/LF/CRLF, BOM, and the markup every parser looks for),
// the clean fixture workspace mangled line by line, and bytes decoded as the
// CLI and the server decode a file (decodeBytes), invalid UTF-8 included.

/** The clean workspace's files, workspace-relative, with their text as the shells read it. */
export const CLEAN_TEXTS: ReadonlyMap<string, string> = new Map(
  readdirSync(CLEAN, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(CLEAN.length + 1)}/${entry.name}`.replace(/^\//, ''))
    .sort()
    .map((path) => [path, decodeBytes(readFileSync(join(CLEAN, path))).text]),
);

/** One path per kind of file the engine tells apart (lint.ts classify), and a few that only the secret scanner reads. */
export const PATHS = [
  'docs/02-integraciones/INT-001-x.md',
  'MASTER_INVENTORY.yml',
  '.env.example',
  '.env',
  '.env.production',
  'src/a.ts',
  'src/a.py',
  'src/a.go',
  'src/A.java',
  'README.md',
  'config/app.yaml',
  'deploy.sh',
  'Dockerfile',
] as const;

/** Pieces of syntax the parsers and rules react to: random text rarely hits them by chance. */
const TOKENS = [
  // Markdown and the INT template.
  '# ', '## ', '### ', '#', '|', ' | ', '|---|', '| --- | --- |', '- ', '* ', '1. ', '> ', '```', '~~~', '    ', '\t',
  '**', '*', '_', '`', '[', ']', '(', ')', '![', '](', '<!--', '-->', '<', '>', '<div>', '<?', '<![CDATA[', '&amp;', '\\',
  '[x]: http://a', '===', '---', '{', '}', '{nombre}', 'INT-001', 'INT-', 'Metadata', 'Campo', 'Valor', 'Estado', 'Si', 'NO',
  'Credenciales Requeridas', 'Variable', 'Obligatorio', '**Ultima actualizacion:** ', '2024-01-31', '401', '429', '5xx',
  // YAML and the inventory.
  'integraciones:', '  - ', 'nombre: ', 'documentacion: ', 'multi_tenant: ', 'true', '&a ', '*a', '<<: ', '? ', '%YAML 1.2', '...',
  '"', "'", ': ', '!!str ', '@',
  // .env and source reads.
  'export ', '=', 'STRIPE_API_KEY', 'TWILIO_AUTH_TOKEN', 'process.env.', "process.env['", 'import.meta.env.', 'os.getenv("',
  'os.environ["', 'os.Getenv("', 'System.getenv("', '${', '"""', '//', '/*', '*/', '#',
  // Secrets.
  'sk_live_', 'sk_test_', 'rk_live_', 'AKIA', 'ghp_', 'xoxb-', 'AC', 'SG.', 'eyJ', 'eyJhbGciOiJIUzI1NiJ9.', '-----BEGIN RSA PRIVATE KEY-----',
  '-----END RSA PRIVATE KEY-----', 'postgres://u:p@h/db', '://', 'password = "', 'api_key: ', 'secret=', 'simco-int:allow',
  'sk_live_51HxQbC2eZvKYlo2C0aBcDeFgHiJkLmNoPqRsTuVw',
  // Suppression comments in every style.
  'simco-int-disable-next-line ', 'simco-int-disable-line ', 'env/naming', 'int-doc/metadata-estado', ' -- why', '<!-- ', ' -->',
];

const SPECIAL_CHARS = ['\n', '\r', '\r\n', '\0', '\uFEFF', ' ', '\u00A0', '\u2028', '\u200B', '\u0301', 'é', 'ñ', '😀'];

/** One piece of hostile text: any code point, a lone surrogate, a line break or control character, or a token. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_CHARS) },
  { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }) },
);

/** Hostile text of up to `maxPieces` pieces. */
export function hostileText(maxPieces = 120): fc.Arbitrary<string> {
  return fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

/** How a Markdown line may start and end: block syntax, where a parse that cuts the text must agree with a whole one. */
const LINE_STARTS = ['', '', '# ', '## ', '### ', '> ', '>> ', '- ', '* ', '1. ', '  - ', '    ', '\t', '```', '~~~', '<?', '<!--', '<!DOCTYPE ', '<![CDATA[', '<script>', '<pre>', '<div>', '[a]: http://x', '> [b]: /y', '| a | b |', '|---|---|', '===', '---', '***', '**Ultima actualizacion:** '];
const LINE_ENDS = ['', '', '?>', '-->', ']]>', '>', '</script>', '```', ' ##', ' |', '[a]', '[b]'];

/** Markdown-looking text: lines that start and end with block syntax, hostile text between, any line break. */
export function markdownLines(maxLines = 30): fc.Arbitrary<string> {
  const line = fc.tuple(fc.constantFrom(...LINE_STARTS), hostileText(6), fc.constantFrom(...LINE_ENDS), fc.constantFrom('\n', '\n', '\r\n', '\r', '\n\n'));
  return fc.array(line, { maxLength: maxLines }).map((lines) => lines.map((parts) => parts.join('')).join(''));
}

type Mutation =
  | { kind: 'delete' | 'duplicate'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'eol'; eol: '\r\n' | '\r' | '\n' }
  | { kind: 'bom' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join('')) }) },
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('eol' as const), eol: fc.constantFrom('\r\n' as const, '\r' as const, '\n' as const) }),
  fc.record({ kind: fc.constant('bom' as const) }),
);

/** Applies mutations in order; positions wrap around the text as it is at that step. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  for (const m of mutations) {
    const lines = text.split('\n');
    switch (m.kind) {
      case 'delete':
        lines.splice(m.line % lines.length, 1);
        text = lines.join('\n');
        break;
      case 'duplicate': {
        const at = m.line % lines.length;
        lines.splice(at, 0, lines[at]);
        text = lines.join('\n');
        break;
      }
      case 'swap': {
        const a = m.line % lines.length;
        const b = m.other % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
        text = lines.join('\n');
        break;
      }
      case 'insert': {
        const at = m.at % (text.length + 1);
        text = text.slice(0, at) + m.text + text.slice(at);
        break;
      }
      case 'truncate':
        text = text.slice(0, m.at % (text.length + 1));
        break;
      case 'eol':
        text = text.replace(/\r\n|\r|\n/g, m.eol);
        break;
      case 'bom':
        text = `\uFEFF${text}`;
        break;
    }
  }
  return text;
}

/** A clean fixture file with up to `max` mutations: text that is almost right, where the rules have most to say. */
export function mutatedFixture(path: string, max = 6): fc.Arbitrary<string> {
  const original = CLEAN_TEXTS.get(path);
  if (original === undefined) throw new Error(`no clean fixture ${path}`);
  return fc.array(mutation, { maxLength: max }).map((mutations) => mutate(original, mutations));
}

/** Which clean fixture a kind of path is mangled from. */
export const FIXTURE_FOR: Readonly<Record<(typeof PATHS)[number], string>> = {
  'docs/02-integraciones/INT-001-x.md': 'docs/02-integraciones/INT-001-stripe.md',
  'MASTER_INVENTORY.yml': 'MASTER_INVENTORY.yml',
  '.env.example': '.env.example',
  '.env': '.env.example',
  '.env.production': '.env.example',
  'src/a.ts': 'src/payments/stripe.client.ts',
  'src/a.py': 'src/notifications/twilio_client.py',
  'src/a.go': 'src/payments/stripe.client.ts',
  'src/A.java': 'src/payments/stripe.client.ts',
  'README.md': 'docs/02-integraciones/INT-002-twilio-sms.md',
  'config/app.yaml': 'MASTER_INVENTORY.yml',
  'deploy.sh': '.env.example',
  Dockerfile: '.env.example',
};

/** Bytes that are not valid UTF-8 (lone continuation bytes, truncated and overlong sequences, encoded surrogates), spliced into UTF-8. */
const BAD_BYTES = [[0xff], [0x80], [0xc3], [0xe2, 0x82], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xef, 0xbb, 0xbf], [0x00]];

/** Text as the shells read a file with bad bytes in it: some text, encoded, with invalid sequences spliced in, then decoded. */
export function decodedBytes(base: fc.Arbitrary<string>): fc.Arbitrary<{ bytes: Uint8Array; text: string }> {
  return fc
    .tuple(base, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BAD_BYTES)), { maxLength: 6 }), fc.uint8Array({ maxLength: 16 }))
    .map(([text, splices, noise]) => {
      let bytes = [...Buffer.from(text, 'utf8')];
      for (const [at, bad] of splices) {
        const where = at % (bytes.length + 1);
        bytes = [...bytes.slice(0, where), ...bad, ...bytes.slice(where)];
      }
      const all = Uint8Array.from([...bytes, ...noise]);
      return { bytes: all, text: decodeBytes(all).text };
    });
}
