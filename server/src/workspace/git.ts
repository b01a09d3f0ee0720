import { execFileSync, spawnSync } from 'node:child_process';
import { holdsSecrets } from '../engine/lint';

// What git knows that the folder does not show: which files are tracked.
// A .env committed once stays in history even after .gitignore lists it.

/** The tracked `.env`-style files that hold secrets, or undefined when git or the repository is unavailable. */
export function trackedSecretEnvFiles(root: string): string[] | undefined {
  let output: string;
  try {
    output = execFileSync('git', ['-C', root, 'ls-files', '-z', '--', ':(glob)**/.env', ':(glob)**/.env.*'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
  return output.split('\0').filter((path) => path !== '' && holdsSecrets(path));
}

/** Whether git's own ignore rules ignore a path (`git check-ignore`); undefined outside a repository or without git. */
export function gitChecksIgnored(root: string, path: string): boolean | undefined {
  const result = spawnSync('git', ['-C', root, 'check-ignore', '-q', '--', path], { timeout: 10_000, stdio: 'ignore' });
  if (result.status === 0) return true;
  return result.status === 1 ? false : undefined;
}
