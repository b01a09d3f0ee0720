import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN } from '../helpers';

// Big and odd workspaces for the hardening tests of both shells (the bundled
// CLI in workspaces.test.ts, the language server in server-workspaces.test.ts)
// and for bench/big-workspace.mjs: one table of cases, so the CLI and the
// server are held to the same skipped paths and the same findings. Each case
// starts from the clean fixture (three INT docs, the inventory, .env.example:
// no findings) and adds what makes it odd, plus a file that must still be
// checked: src/leak.ts reads an undocumented Twilio variable.

const DIST = join(__dirname, '..', '..', 'dist');
const asRoot = process.getuid?.() === 0;

/** What a check must report for a file: rule, 1-based line. */
export interface Expected {
  file: string;
  ruleId: string;
  line: number;
}

export interface OddCase {
  name: string;
  /** Makes the odd parts inside `root`, a copy of the clean fixture. */
  make(root: string): void;
  /** The CLI's skipped lines without its "simco-int: " prefix, in its order: what the server must list too. */
  skipped: string[];
  /** The files read and checked: what the server's summary counts. */
  checked: number;
  findings: Expected[];
  /** Unreadable paths only stay unreadable for a user other than root. */
  asNobody?: boolean;
  /** A real race: these paths are removed when the walk lists `trigger` (see vanishingHook). */
  vanish?: { trigger: string; victims: string[] };
}

export const LEAK: Expected = { file: 'src/leak.ts', ruleId: 'env/undocumented', line: 1 };
const LEAK_SOURCE = 'export const secret = process.env.TWILIO_API_SECRET;\n';

export const ODD_CASES: OddCase[] = [
  {
    name: 'symbolic link loops, a link to a folder already walked and a broken link',
    make(root) {
      symlinkSync('..', join(root, 'docs', 'up'), 'dir');
      symlinkSync('.', join(root, 'src', 'self'), 'dir');
      symlinkSync('docs', join(root, 'mirror'), 'dir');
      symlinkSync('INT-404-nada.md', join(root, 'docs', '02-integraciones', 'INT-009-roto.md'));
    },
    skipped: [
      'Skipped "docs/02-integraciones/INT-009-roto.md": A broken symbolic link (ENOENT); not checked.',
      'Skipped "docs/up": A symbolic link back to "." (a loop); not followed.',
      'Skipped "mirror": A symbolic link to "docs", which is already checked; not checked twice.',
      'Skipped "src/self": A symbolic link back to "src" (a loop); not followed.',
    ],
    checked: 8,
    findings: [LEAK],
  },
  {
    name: 'a folder, a file and an ignore file the user cannot read',
    asNobody: true,
    make(root) {
      mkdirSync(join(root, 'private'));
      writeFileSync(join(root, 'private', '.env.example'), 'ACME_TOKEN=xxxxx\n');
      chmodSync(join(root, 'private'), 0o000);
      writeFileSync(join(root, 'src', 'secret.ts'), 'export const s = process.env.STRIPE_LOST_KEY;\n');
      chmodSync(join(root, 'src', 'secret.ts'), 0o000);
      writeFileSync(join(root, 'src', 'payments', '.gitignore'), 'stripe.client.ts\n');
      chmodSync(join(root, 'src', 'payments', '.gitignore'), 0o000);
    },
    skipped: [
      'Skipped "private": Cannot read this folder (EACCES); its files were not checked.',
      'Skipped "src/payments/.gitignore": Cannot read this ignore file (EACCES); its patterns were not applied.',
      'Skipped "src/payments/.gitignore": Cannot read this file (EACCES); it was not checked.',
      'Skipped "src/secret.ts": Cannot read this file (EACCES); it was not checked.',
    ],
    checked: 8,
    findings: [LEAK],
  },
  {
    name: 'a folder removed while the walk is under way and a file deleted between the walk and its read',
    make(root) {
      mkdirSync(join(root, 'tmp'));
      writeFileSync(join(root, 'tmp', 'build.ts'), 'export const s = process.env.STRIPE_BUILD_KEY;\n');
    },
    // When the walk lists the docs folder, INT-003 (just listed, read after the walk) and tmp (listed with the root, walked later) go.
    vanish: { trigger: 'docs/02-integraciones', victims: ['tmp', 'docs/02-integraciones/INT-003-twilio-whatsapp.md'] },
    skipped: [
      'Skipped "tmp": Cannot read this folder (ENOENT); its files were not checked.',
      'Skipped "docs/02-integraciones/INT-003-twilio-whatsapp.md": Cannot read this file (ENOENT); it was not checked.',
    ],
    checked: 7,
    // The inventory now names a doc that is gone: that is right for what is left.
    findings: [{ file: 'MASTER_INVENTORY.yml', ruleId: 'inventory/missing-doc', line: 20 }, LEAK],
  },
  {
    name: 'named pipes where an ignore file and a checked file were expected',
    make(root) {
      mkfifo(join(root, 'src', '.gitignore'));
      mkfifo(join(root, 'docs', 'notes.md'));
    },
    skipped: ['Skipped "src/.gitignore": Cannot read this ignore file (not a regular file); its patterns were not applied.'],
    checked: 8,
    findings: [LEAK],
  },
];

/** A copy of the clean fixture with the case's odd parts; `root` must not exist. */
export function makeOddWorkspace(root: string, oddCase: OddCase): void {
  cpSync(CLEAN, root, { recursive: true });
  writeFileSync(join(root, LEAK.file), LEAK_SOURCE);
  oddCase.make(root);
}

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr}`);
}

/**
 * A preload (node --require) that turns a real race into a reproducible one:
 * the first time the walk lists `trigger` (workspace-relative, '' for the
 * root), it removes `victims` from disk, after the listing named them and
 * before the walk enters or reads them. Every fs call the shell makes is the
 * real one; only the moment of the deletion is chosen. The bundles call fs
 * through the module object, so the hook sees the walk's calls; were that to
 * change, nothing would vanish and the expected skipped lines would be missing.
 */
export function vanishingHook(dir: string, root: string, vanish: { trigger: string; victims: string[] }): string {
  const file = join(dir, 'vanish.cjs');
  const trigger = join(root, vanish.trigger);
  const victims = vanish.victims.map((victim) => join(root, victim));
  writeFileSync(
    file,
    `const fs = require('node:fs');
const { resolve } = require('node:path');
const readdirSync = fs.readdirSync;
let fired = false;
fs.readdirSync = function (path, ...rest) {
  const entries = readdirSync.call(this, path, ...rest);
  if (!fired && resolve(String(path)) === ${JSON.stringify(trigger)}) {
    fired = true;
    for (const victim of ${JSON.stringify(victims)}) fs.rmSync(victim, { recursive: true, force: true });
  }
  return entries;
};
`,
  );
  return file;
}

/** The files each command is built into: `simco-int` is an entry that loads the CLI bundle. */
const BUILT = { 'cli.js': ['cli.js', 'cli-bundle.js'], 'server.js': ['server.js'] } as const;

/** A copy of a command (cli.js, server.js) in `dir`, where an unprivileged user can read it (the checkout may not be). */
export function bundleIn(dir: string, name: 'cli.js' | 'server.js'): string {
  chmodSync(dir, 0o755);
  for (const file of BUILT[name]) copyFileSync(join(DIST, file), join(dir, file));
  return join(dir, name);
}

export const bundle = (name: 'cli.js' | 'server.js'): string => join(DIST, name);

/** A command and its arguments. */
export type Argv = readonly [string, ...string[]];

/** `argv` run as `nobody` (util-linux's setpriv) when this process is root: root reads anything whatever the mode. */
export function asNobody(argv: Argv): Argv {
  return asRoot ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', '--reset-env', ...argv] : argv;
}

/**
 * `argv` run in its own mount namespace where `folder` is bind-mounted
 * read-only over itself: writes fail with EROFS, and the mount ends with the
 * process. Needs root (CAP_SYS_ADMIN); see canMountReadOnly.
 */
export function onReadOnlyMount(folder: string, argv: Argv): Argv {
  return ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', 'mount --bind -o ro "$0" "$0" && exec "$@"', folder, ...argv];
}

/** Whether this machine lets the tests make read-only mounts (root with CAP_SYS_ADMIN, as here and in CI). */
export function canMountReadOnly(folder: string): boolean {
  const [command, ...args] = onReadOnlyMount(folder, ['sh', '-c', 'if touch "$0/.probe"; then exit 1; fi', folder]);
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

const PER_PACKAGE = 250;

/** Read in one source file deep in the big tree and documented nowhere: the env/undocumented warning the check must find. */
export const UNDOCUMENTED = { file: 'packages/pkg-123/src/mod-3/file-078.ts', variable: 'TWILIO_API_SECRET' };
/** Declared only in the last package's .env.example, documented nowhere: found only if the last file of the tree was read. */
export const DEEP_EXAMPLE = { file: 'packages/pkg-199/.env.example', variable: 'STRIPE_DEEP_KEY' };

function packageFile(index: number): string {
  const pkg = `packages/pkg-${String(Math.floor(index / PER_PACKAGE)).padStart(3, '0')}`;
  const n = index % PER_PACKAGE;
  const name = String(n).padStart(3, '0');
  if (n === 0) return `${pkg}/.env.example`;
  if (n % 10 === 1) return `${pkg}/notes/note-${name}.md`;
  if (n % 10 === 2) return `${pkg}/data/data-${name}.txt`;
  return `${pkg}/src/mod-${n % 5}/file-${name}.ts`;
}

function contentOf(path: string, index: number): string {
  if (path === UNDOCUMENTED.file) return `export const secret = process.env.${UNDOCUMENTED.variable};\n`;
  if (path.endsWith('.env.example')) {
    return `# Stripe (Pagos)\nSTRIPE_API_KEY=sk_test_xxxxx\n${path === DEEP_EXAMPLE.file ? `${DEEP_EXAMPLE.variable}=xxxxx\n` : ''}`;
  }
  if (path.endsWith('.md')) return `# Nota ${index}\n\nNotas del paquete, sin credenciales.\n`;
  if (path.endsWith('.txt')) return `linea ${index}\n`;
  return index % 7 === 0 ? `export const key${index} = process.env.STRIPE_API_KEY;\n` : `export function f${index}(x: number): number {\n  return x + ${index};\n}\n`;
}

/**
 * A monorepo of `total` files, the clean fixture's included: packages of
 * 250 small files each (200 of them for 50,000 files) (a .env.example, notes, data, TypeScript
 * sources two folders deep), and the two planted facts above, so a file the
 * walk or the index lost changes what is reported. `root` must not exist.
 */
export function writeBigWorkspace(root: string, total: number): void {
  cpSync(CLEAN, root, { recursive: true });
  const fixture = readdirSync(CLEAN, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
  const made = new Set<string>();
  for (let i = 0; i < total - fixture; i++) {
    const path = packageFile(i);
    const folder = path.slice(0, path.lastIndexOf('/'));
    if (!made.has(folder)) {
      mkdirSync(join(root, folder), { recursive: true });
      made.add(folder);
    }
    writeFileSync(join(root, path), contentOf(path, i));
  }
}

/** The findings the big tree must give. */
export const BIG_FINDINGS: Expected[] = [
  { file: UNDOCUMENTED.file, ruleId: 'env/undocumented', line: 1 },
  { file: DEEP_EXAMPLE.file, ruleId: 'env/undocumented', line: 3 },
];
