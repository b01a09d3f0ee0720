import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import ignore from 'ignore';
import { defaultConfig, type Config } from '../../server/src/engine/config/config';
import { factsOfText, lintText } from '../../server/src/engine/lint';
import { decodeBytes } from '../../server/src/engine/text';
import type { Finding } from '../../server/src/engine/types';
import type { FileFacts } from '../../server/src/engine/workspace/facts';
import { WorkspaceIndex } from '../../server/src/engine/workspace/index';
import { settleWorkspaceFindings, workspaceFindings } from '../../server/src/engine/workspace/lint-workspace';
import { CLEAN, replaceOnce } from '../helpers';

// Generated variations of the clean fixture workspace for the fix properties
// (fixes.test.ts): each slot is one place a user typically gets wrong, with
// the mistakes a rule offers a fix or a suggestion for; a variation picks a
// mistake (or none) per slot, then line endings, BOM, final newline and a line
// of random text per file. The whole workspace is linted in memory, the
// workspace rules included, exactly as the CLI and the server put it together.

export type Files = Map<string, string>;

const stripBom = (text: string | undefined): string | undefined => text?.replace(/^\uFEFF/, '');

const STRIPE = 'docs/02-integraciones/INT-001-stripe.md';
const TWILIO = 'docs/02-integraciones/INT-002-twilio-sms.md';
const INVENTORY = 'MASTER_INVENTORY.yml';
const EXAMPLE = '.env.example';
const ENV = '.env';
const SOURCE = 'src/payments/stripe.client.ts';

/** A test key built at run time, so no file of the repository holds one. */
const STRIPE_TEST_KEY = 'sk_' + 'test_' + Array.from(randomBytes(24), (b) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[b % 62]).join('');

/** `from` of a mistake that replaces the whole file: the other slots' mistakes in that file are then left out. */
const WHOLE = Symbol('whole file');

/** One mistake: `from` must occur exactly once in the file (replaceOnce), or be WHOLE. */
interface Mistake {
  file: string;
  from: string | typeof WHOLE;
  to: string;
}

const m = (file: string, from: string, to: string): Mistake => ({ file, from, to });

/** Per slot, the alternatives; slots touch disjoint text, so any combination applies. */
export const SLOTS: Readonly<Record<string, readonly Mistake[]>> = {
  title: [
    m(STRIPE, '# INT-001: Stripe\n', '# INT-1: Stripe\n'),
    m(STRIPE, '# INT-001: Stripe\n', '# INT-002: Stripe\n'),
    m(STRIPE, '# INT-001: Stripe\n', '# Stripe\n'),
    m(STRIPE, '# INT-001: Stripe\n', '# int 001 - Stripe\n'),
  ],
  codigo: [m(STRIPE, '| Codigo | INT-001 |', '| Codigo | INT-002 |'), m(STRIPE, '| Codigo | INT-001 |', '| Codigo | int-001 |')],
  proveedor: [m(STRIPE, '| Proveedor | Stripe |\n', '| Proveedor | Stripe |\n| Proveedor | Stripe |\n')],
  tipo: [m(STRIPE, '| Tipo | Pagos |', '| Tipo | pagos |'), m(STRIPE, '| Tipo | Pagos |\n', '')],
  estado: [m(STRIPE, '| Estado | Implementado |', '| Estado | IMPLEMENTADO |'), m(STRIPE, '| Estado | Implementado |', '| Estado | implementado |')],
  multiTenant: [
    m(STRIPE, '| Multi-tenant | Si |', '| Multi-tenant | sí |'),
    m(STRIPE, '| Multi-tenant | Si |', '| Multi-tenant | yes |'),
    m(STRIPE, '| Multi-tenant | Si |', '| Multi tenant | Si |'),
  ],
  fecha: [m(STRIPE, '| Fecha integracion | 2026-02-03 |', '| Fecha integracion | 15/02/2026 |'), m(STRIPE, '| Fecha integracion | 2026-02-03 |', '| Fecha de integracion | 2026-02-03 |')],
  obligatorio: [
    m(STRIPE, '(sk_test_/sk_live_) | SI |', '(sk_test_/sk_live_) | Si |'),
    m(STRIPE, '(sk_test_/sk_live_) | SI |', '(sk_test_/sk_live_) | **sí** |'),
    m(STRIPE, '(sk_test_/sk_live_) | SI |', '(sk_test_/sk_live_) | required |'),
  ],
  variable: [m(STRIPE, '| STRIPE_PUBLISHABLE_KEY |', '| stripe_publishable_key |'), m(STRIPE, '| STRIPE_PUBLISHABLE_KEY |', '| STRIPE_PUBLIC_KEY |')],
  rateLimits: [m(STRIPE, '## Rate Limits\n', '## rate limits\n'), m(STRIPE, '## Rate Limits\n', '## Rate Limts\n')],
  errores: [m(STRIPE, '| 429 | Rate Limited | Backoff exponencial (1s, 2s, 4s) |\n', ''), m(STRIPE, '| Timeout | Sin respuesta en 10s | Retry 1 vez |\n', '')],
  fallbacks: [m(STRIPE, '## Fallbacks\n', '## Otras notas\n')],
  testing: [m(STRIPE, '### Sandbox/Test Mode\n', '### Sandbox\n')],
  footer: [
    m(STRIPE, '\n---\n\n**Ultima actualizacion:** 2026-03-15\n', '\n'),
    m(STRIPE, '**Ultima actualizacion:** 2026-03-15', '**Ultima actualizacion:** 15/03/2026'),
  ],
  suppression: [
    m(STRIPE, '## Descripcion\n\n', '## Descripcion\n\n<!-- simco-int-disable-next-line int-doc/title -- nada que callar -->\n'),
    m(STRIPE, '## Descripcion\n\n', '## Descripcion\n\n<!-- simco-int-disable-next-line int-doc/no-such-rule -->\n'),
    m(STRIPE, '| Requests/seg (test) | 25 | Retry con backoff |', '| Requests/seg (test) | 25 | Retry con backoff | <!-- simco-int-disable-line int-doc/table-columns, int-doc/title -->'),
  ],
  twilioTitle: [m(TWILIO, '# INT-002: Twilio SMS\n', '# INT-2 Twilio SMS\n')],
  twilioMultiTenant: [m(TWILIO, '| Multi-tenant | No |', '| Multi-tenant | NO |'), m(TWILIO, '| Multi-tenant | No |', '| Multi-tenant | Si |')],
  inventoryTop: [m(INVENTORY, '\nintegraciones:\n', '\nintegracione:\n'), { file: INVENTORY, from: WHOLE, to: '# Sin integraciones por ahora.\nintegraciones:\n' }],
  inventoryMultiTenant: [
    m(INVENTORY, '    multi_tenant: true\n', '    multi_tenant: "true"\n'),
    m(INVENTORY, '    multi_tenant: true\n', '    multi_tenant: si\n'),
    m(INVENTORY, '    multi_tenant: true\n', '    multi_tenant: false\n'),
  ],
  inventoryKey: [m(INVENTORY, '    proveedor: "Stripe"\n', '    proveedr: "Stripe"\n'), m(INVENTORY, '    proveedor: "Stripe"\n', '    proveedor: "Stripe"# pagos\n')],
  inventoryNombre: [m(INVENTORY, '  - nombre: "Stripe"\n', '  - nombre: @stripe\n')],
  inventoryDoc: [
    m(INVENTORY, '"docs/02-integraciones/INT-001-stripe.md"', "'docs\\02-integraciones\\INT-001-stripe.md'"),
    m(INVENTORY, '"docs/02-integraciones/INT-001-stripe.md"', 'docs\\02-integraciones\\INT-001-stripe.md'),
  ],
  inventoryEntry: [
    m(
      INVENTORY,
      '  - nombre: "Twilio WhatsApp"\n    proveedor: "Twilio"\n    tipo: "notificaciones"\n    estado: "documentado"\n    multi_tenant: false\n    documentacion: "docs/02-integraciones/INT-003-twilio-whatsapp.md"\n',
      '',
    ),
  ],
  example: [
    m(EXAMPLE, 'STRIPE_API_KEY=sk_test_xxxxx\n', `STRIPE_API_KEY=${STRIPE_TEST_KEY}\n`),
    m(EXAMPLE, 'STRIPE_WEBHOOK_SECRET=whsec_xxxxx\n', ''),
    m(EXAMPLE, 'TWILIO_AUTH_TOKEN=xxxxx\n', 'twilio_auth_token=xxxxx\n'),
  ],
  env: [
    m(ENV, '', 'STRIPE_API_KEY=sk_test_local\nstripeWebhook="whsec_local"\n'),
    m(ENV, '', 'export STRIPE_API_KEY=\'sk_test_local\' # mi llave\n'),
  ],
  source: [m(SOURCE, "process.env['STRIPE_WEBHOOK_SECRET']", "process.env['stripeWebhookSecret']"), m(SOURCE, 'process.env.STRIPE_API_KEY;', 'process.env.API_KEY_STRIPE;')],
};

/** Docs of the other fixture workspaces, added to the clean one: the untouched template and a doc that is barely begun. */
const EXTRA_DOCS: ReadonlyArray<[string, string]> = [
  ['template', 'docs/02-integraciones/INT-009-plantilla.md'],
  ['cli-defects', 'docs/02-integraciones/INT-7-Pagos.md'],
];

/** The clean workspace's files as decoded text, with EXTRA_DOCS (`.env` is absent unless a slot writes it). */
export function cleanFiles(): Files {
  const files: Files = new Map();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const absolute = join(folder, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else files.set(relative(CLEAN, absolute).split(sep).join('/'), decodeBytes(readFileSync(absolute)).text);
    }
  };
  walk(CLEAN);
  for (const [workspace, path] of EXTRA_DOCS) files.set(path, decodeBytes(readFileSync(join(CLEAN, '..', workspace, path))).text);
  return files;
}

export interface Variation {
  /** Per slot, the chosen mistake's index, or -1. */
  choices: Record<string, number>;
  crlf: boolean;
  bom: boolean;
  /** Drops the final line break of every file. */
  noFinalNewline: boolean;
  /** A line of random text added to each file (a comment in YAML, .env and source), at `noiseAt`. */
  noise: string;
  noiseAt: NoiseAt;
}

/** Where the random line goes: in the Descripcion, above everything, at the end, or as a Metadata row (INT docs). */
type NoiseAt = 'descripcion' | 'top' | 'end' | 'row';

/** Random text without line breaks: markup characters are likely, and so are astral and combining characters. */
const noiseLine = fc.string({
  unit: fc.oneof(
    fc.constantFrom('|', '#', '*', '_', '`', '<!--', '-->', '[', ']', '(', ')', ':', '-', ' ', '\t', '"', "'", '\\', '$', '=', 'ñ', 'é', '\u0301', '😀', '\uFEFF', 'INT-', '2026-01-15'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }).filter((s) => !/[\r\n\u2028\u2029\u0085]/.test(s)),
  ),
  maxLength: 30,
});

export const variations: fc.Arbitrary<Variation> = fc.record({
  choices: fc.record(Object.fromEntries(Object.entries(SLOTS).map(([slot, mistakes]) => [slot, fc.integer({ min: -1, max: mistakes.length - 1 })]))),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  noFinalNewline: fc.boolean(),
  noise: fc.option(noiseLine, { nil: '' }),
  noiseAt: fc.constantFrom<NoiseAt>('descripcion', 'top', 'end', 'row'),
});

/** The workspace of a variation. Texts keep their BOM (as an editor buffer or a file may); `.env` exists only when a slot writes it. */
export function build(variation: Variation): Files {
  const files = cleanFiles();
  const chosen = Object.entries(variation.choices).flatMap(([slot, index]) => (index < 0 ? [] : [SLOTS[slot][index]]));
  const replaced = new Set<string>();
  for (const { file, from, to } of chosen) {
    if (from !== WHOLE) continue;
    files.set(file, to);
    replaced.add(file);
  }
  for (const { file, from, to } of chosen) {
    if (from === WHOLE || replaced.has(file)) continue;
    const text = files.get(file) ?? '';
    files.set(file, from === '' ? text + to : replaceOnce(text, from, to));
  }
  for (const [path, text] of files) {
    let changed = text;
    if (variation.noise) changed = withNoise(path, changed, variation.noise, variation.noiseAt);
    if (variation.noFinalNewline) changed = changed.replace(/\n+$/, '');
    if (variation.crlf) changed = changed.replace(/\n/g, '\r\n');
    if (variation.bom) changed = `\uFEFF${changed}`;
    files.set(path, changed);
  }
  return files;
}

function withNoise(path: string, text: string, noise: string, at: NoiseAt): string {
  const line = path.endsWith('.md') ? noise : path.endsWith('.ts') ? `// ${noise}` : `# ${noise}`;
  if (text.length === 0) return text;
  if (at === 'top') return `${line}\n${text}`;
  if (at === 'descripcion' && text.includes('\n## Descripcion\n\n')) return text.replace('\n## Descripcion\n\n', `\n## Descripcion\n\n${line}\n`);
  if (at === 'row' && text.includes('\n|-------|-------|\n')) return text.replace('\n|-------|-------|\n', `\n|-------|-------|\n| ${noise} | x |\n`);
  return text.endsWith('\n') ? `${text}${line}\n` : `${text}\n${line}`;
}

export const CONFIG: Config = defaultConfig();

/** Per-file results by file set, path and text: a fix changes one or two files, and the others need no second lint. */
const memo = new Map<string, { findings: Finding[]; facts: FileFacts | undefined }>();

/** What the workspace rules and the per-file lint report for every file, as the CLI puts them together. */
export function lintWorkspace(files: Files): Finding[] {
  const index = new WorkspaceIndex(CONFIG);
  const exists = (path: string): boolean => [...files.keys()].some((file) => file === path || file.startsWith(`${path}/`));
  const findings: Finding[] = [];
  const fileSet = [...files.keys()].sort().join('\0');
  for (const [path, text] of files) {
    const key = `${fileSet}\0\0${path}\0${text}`;
    let linted = memo.get(key);
    if (!linted) {
      if (memo.size > 2000) memo.clear();
      linted = { findings: lintText(path, text, { config: CONFIG, workspace: { exists } }), facts: factsOfText(path, text, CONFIG) };
      memo.set(key, linted);
    }
    findings.push(...linted.findings);
    index.set(path, linted.facts);
  }
  const byFile = workspaceFindings(index, {
    config: CONFIG,
    repository: { trackedSecretEnvFiles: [], isGitIgnored: (path) => ignore().add(stripBom(files.get('.gitignore')) ?? '').ignores(path) },
    // The shells hand the rules decoded text: a BOM is not part of it (decodeBytes, and editors' buffers).
    readText: (path) => stripBom(files.get(path)),
  });
  for (const [path, list] of byFile) findings.push(...settleWorkspaceFindings(path, list, files.get(path), CONFIG));
  return findings;
}
