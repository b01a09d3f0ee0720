import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../server/src/cli';
import { RULES } from '../../server/src/engine/rules';
import type { SeveritySetting } from '../../server/src/engine/types';
import { FIXTURES } from '../helpers';

// Temporary workspaces and two ways to run the CLI: in-process through
// main() (fast, most tests) and as a real process through tsx (exit codes,
// streams), so both shells are held to the same behaviour.

export const WORKSPACES = join(FIXTURES, 'workspaces');
const CLI = join(__dirname, '..', '..', 'server', 'src', 'cli.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;

const temporary: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'simco-int-cli-'));
  temporary.push(dir);
  return dir;
}

/** Removes every folder tempDir() made; call from an after() hook. */
export function removeTempDirs(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Copies a fixture workspace to a temporary folder. Fixtures store their
 * ignore files as `_gitignore` (a real `.gitignore` would apply to this
 * repository and keep the very files it ignores out of it); here they get their real name.
 */
export function copyWorkspace(name: string): string {
  const dir = join(tempDir(), name);
  cpSync(join(WORKSPACES, name), dir, { recursive: true });
  const rename = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) rename(join(folder, entry.name));
      else if (entry.name === '_gitignore') renameSync(join(folder, entry.name), join(folder, '.gitignore'));
    }
  };
  rename(dir);
  return dir;
}

/** A config that switches every rule off except `ruleId`, so a test's counts do not move when rules are added. */
export function onlyRule(ruleId: string, severity: SeveritySetting, extra: Record<string, unknown> = {}): string {
  const rules: Record<string, SeveritySetting> = Object.fromEntries(RULES.map((rule) => [rule.meta.id, 'off']));
  rules[ruleId] = severity;
  return `${JSON.stringify({ ...extra, rules }, null, 2)}\n`;
}

export function writeConfig(root: string, text: string): void {
  writeFileSync(join(root, 'simco-int.config.json'), text);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A process's exit code and output, awaited without blocking this one (a
 * mock server answering the process runs here), with only PATH in its
 * environment.
 */
export function spawnRun(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  tty?: boolean;
}

/** main() with collected streams. The environment is empty unless given, so LANG on the machine does not matter. */
export async function run(argv: string[], { cwd, env = {}, tty = false }: RunOptions): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: tty },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    env,
  });
  return { code, stdout, stderr };
}

/** The CLI as a separate Node process, through tsx (the bundle is not needed). */
export function runProcess(argv: string[], { cwd, env = {} }: RunOptions): Run {
  const result = spawnSync(process.execPath, ['--import', TSX, CLI, ...argv], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
