import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { holdsSecrets } from '../engine/lint';
import { ignoredAt, readIgnoreLevel, type IgnoreLevel } from './gitignore';
import { readRegularFile } from './regular-file';

// What git knows that the folder does not show: which files are tracked
// (a .env committed once stays in history even after .gitignore lists it),
// and which paths its ignore files keep out of the next commit.

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

/**
 * Whether .gitignore files ignore a workspace-relative path (forward slashes),
 * read the way git reads them, without running git: .git/info/exclude, then
 * every .gitignore from the repository's top folder down to the path's own
 * folder, a path inside an ignored folder being ignored too. The top is the
 * nearest folder up from `root` holding `.git`, so a workspace opened inside
 * a monorepo honours the repository's root .gitignore; without one, `root`.
 * Never throws: an unreadable ignore file counts as empty, a path outside the
 * workspace as not ignored. The user's global excludes file is not read.
 */
export function isIgnoredByGitignore(root: string, path: string): boolean {
  try {
    const repository = repositoryOf(resolve(root));
    const inRoot = relative(repository.top, resolve(root)).split(sep).join('/');
    const full = inRoot ? `${inRoot}/${path}` : path;
    const segments = full.split('/');
    if (path === '' || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return false;

    const levels: IgnoreLevel[] = [];
    const add = (level: IgnoreLevel | undefined): void => {
      if (level) levels.push(level);
    };
    if (repository.gitDir) add(readQuietly(join(repository.gitDir, 'info', 'exclude'), ''));
    for (let depth = 0; depth < segments.length; depth++) {
      const folder = segments.slice(0, depth).join('/');
      add(readQuietly(join(repository.top, folder, '.gitignore'), folder));
      const here = segments.slice(0, depth + 1).join('/');
      const last = depth === segments.length - 1;
      // git never looks inside an ignored folder: nothing below it can be re-included.
      if (ignoredAt(here, !last || isFolder(join(repository.top, here)), levels)) return true;
    }
    return false;
  } catch {
    return false;
  }
}

interface Repository {
  /** The folder whose .gitignore is the outermost one that applies. */
  top: string;
  /** Where info/exclude lives; undefined outside a repository. */
  gitDir?: string;
}

function repositoryOf(root: string): Repository {
  for (let folder = root; ; folder = dirname(folder)) {
    const dotGit = join(folder, '.git');
    const gitDir = isFolder(dotGit) ? dotGit : linkedGitDir(dotGit);
    if (gitDir) return { top: folder, gitDir };
    if (dirname(folder) === folder) return { top: root };
  }
}

/**
 * A worktree or submodule has a `.git` file ("gitdir: <path>"); a worktree's
 * info/exclude is in the main repository's folder, named by its `commondir`.
 */
function linkedGitDir(dotGit: string): string | undefined {
  const pointer = gitdirOf(readQuietlyText(dotGit));
  if (!pointer) return undefined;
  const gitDir = resolve(dirname(dotGit), pointer);
  const common = readQuietlyText(join(gitDir, 'commondir'))?.trim();
  return common ? resolve(gitDir, common) : gitDir;
}

function isFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

function readQuietly(absolute: string, base: string): IgnoreLevel | undefined {
  try {
    return readIgnoreLevel(absolute, base);
  } catch {
    return undefined;
  }
}

/** The path on a `.git` file's "gitdir: <path>" line. In code: a multiline regex with a lazy path between two `\s*` backtracked (ReDoS). */
function gitdirOf(text: string | undefined): string | undefined {
  const line = text?.split('\n').find((candidate) => candidate.startsWith('gitdir:'));
  return line?.slice('gitdir:'.length).trim() || undefined;
}

function readQuietlyText(absolute: string): string | undefined {
  try {
    return readRegularFile(absolute).toString('utf8');
  } catch {
    return undefined;
  }
}
