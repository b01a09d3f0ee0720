import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIgnoredByGitignore, trackedSecretEnvFiles } from '../../server/src/workspace/git';
import { removeTempDirs, tempDir } from './workspace';

// Real repositories in temporary folders. Every .gitignore verdict is also
// asked of git itself (`git check-ignore --no-index`), so the matcher is held
// to git's behaviour, not to what this file believes it is.

/** git with the user's and the system's configuration left out (a global excludes file would change the answers). */
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const GIT_MISSING = spawnSync('git', ['--version'], { stdio: 'ignore' }).error !== undefined;

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function write(root: string, path: string, text = 'X=1\n'): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** What git says, for the same path: exit 0 ignored, 1 not ignored. */
function gitSaysIgnored(root: string, path: string): boolean {
  const result = spawnSync('git', ['check-ignore', '-q', '--no-index', '--', path], { cwd: root, env: GIT_ENV });
  if (result.status !== 0 && result.status !== 1) throw new Error(`git check-ignore ${path} failed`);
  return result.status === 0;
}

function requireGit(context: Mocha.Context): void {
  if (!GIT_MISSING) return;
  console.log('    (skipped: git is not installed on this machine)');
  context.skip();
}

describe('git facts', () => {
  after(removeTempDirs);

  describe('trackedSecretEnvFiles', () => {
    beforeEach(function () {
      requireGit(this);
    });

    it('lists the tracked files that hold secrets, relative to the workspace, leaving out templates and untracked files', () => {
      const repo = tempDir();
      git(repo, 'init', '-q');
      write(repo, '.gitignore', 'node_modules/\n');
      for (const path of ['.env', '.env.example', 'apps/api/.env.local', 'apps/api/.env.sample', 'config dir/.env.producción', 'src/env.ts', 'untracked/.env']) write(repo, path);
      git(repo, 'add', '.env', '.env.example', 'apps', 'config dir', 'src');
      assert.deepEqual(trackedSecretEnvFiles(repo), ['.env', 'apps/api/.env.local', 'config dir/.env.producción']);
    });

    it('lists a file .gitignore ignores but git tracks (added before the rule, or with -f)', () => {
      const repo = tempDir();
      git(repo, 'init', '-q');
      write(repo, '.gitignore', '.env\n');
      write(repo, '.env');
      git(repo, 'add', '-f', '.env');
      assert.deepEqual(trackedSecretEnvFiles(repo), ['.env']);
      assert.equal(isIgnoredByGitignore(repo, '.env'), true);
    });

    it('answers for a workspace inside a repository with paths relative to the workspace', () => {
      const repo = tempDir();
      git(repo, 'init', '-q');
      write(repo, '.env');
      write(repo, 'apps/api/.env');
      git(repo, 'add', '.');
      assert.deepEqual(trackedSecretEnvFiles(join(repo, 'apps', 'api')), ['.env']);
    });

    it('is an empty list for a repository that tracks none', () => {
      const repo = tempDir();
      git(repo, 'init', '-q');
      write(repo, '.env');
      assert.deepEqual(trackedSecretEnvFiles(repo), []);
    });

    it('is undefined, without throwing, outside a repository or for a folder that does not exist', () => {
      const folder = tempDir();
      write(folder, '.env');
      assert.equal(trackedSecretEnvFiles(folder), undefined);
      assert.equal(trackedSecretEnvFiles(join(folder, 'missing')), undefined);
    });
  });

  describe('isIgnoredByGitignore', () => {
    /** A repository with ignore rules at three levels and in .git/info/exclude. */
    function layeredRepository(): string {
      const repo = tempDir();
      git(repo, 'init', '-q');
      write(repo, '.gitignore', '# secrets\n.env\n.env.local\nvendor/\n');
      write(repo, '.git/info/exclude', '.env.staging\n');
      write(repo, 'apps/web/.gitignore', '.env.*\n!.env.example\n!.env.local\n');
      write(repo, 'vendor/.gitignore', '!.env\n');
      for (const path of ['.env', '.env.local', '.env.staging', '.env.production', '.env.example', 'apps/web/.env.production', 'apps/web/.env.example', 'apps/web/.env.local', 'apps/api/.env', 'apps/api/.env.production', 'vendor/.env', 'vendor/lib/.env.production']) {
        write(repo, path);
      }
      return repo;
    }

    const PATHS = [
      '.env',
      '.env.local',
      '.env.staging',
      '.env.production',
      '.env.example',
      'apps/web/.env.production',
      'apps/web/.env.example',
      'apps/web/.env.local',
      'apps/api/.env',
      'apps/api/.env.production',
      'vendor/.env',
      'vendor/lib/.env.production',
    ];

    it('gives git\'s verdict at every level: nested .gitignore, "!" re-includes, ignored folders, .git/info/exclude', function () {
      requireGit(this);
      const repo = layeredRepository();
      const ours = PATHS.map((path) => `${path}: ${isIgnoredByGitignore(repo, path)}`);
      const gits = PATHS.map((path) => `${path}: ${gitSaysIgnored(repo, path)}`);
      assert.deepEqual(ours, gits);
      // The cases that matter, spelled out so a change in both cannot pass unnoticed.
      assert.deepEqual(ours, [
        '.env: true',
        '.env.local: true',
        '.env.staging: true',
        '.env.production: false',
        '.env.example: false',
        'apps/web/.env.production: true',
        'apps/web/.env.example: false',
        'apps/web/.env.local: false',
        'apps/api/.env: true',
        'apps/api/.env.production: false',
        'vendor/.env: true',
        'vendor/lib/.env.production: true',
      ]);
    });

    it('honours the repository\'s .gitignore files above a workspace opened in a subfolder', function () {
      requireGit(this);
      const repo = layeredRepository();
      const api = join(repo, 'apps', 'api');
      assert.equal(isIgnoredByGitignore(api, '.env'), true);
      assert.equal(isIgnoredByGitignore(api, '.env.production'), false);
      assert.equal(isIgnoredByGitignore(join(repo, 'apps', 'web'), '.env.production'), true);
      assert.equal(isIgnoredByGitignore(join(repo, 'apps', 'web'), '.env.local'), false);
    });

    it('reads a linked worktree\'s .git file and the main repository\'s info/exclude', function () {
      requireGit(this);
      const repo = tempDir();
      git(repo, 'init', '-q');
      write(repo, '.gitignore', 'node_modules/\n');
      git(repo, 'add', '.gitignore');
      git(repo, 'commit', '-q', '-m', 'init');
      write(repo, '.git/info/exclude', '.env.staging\n');
      const worktree = join(tempDir(), 'feature');
      git(repo, 'worktree', 'add', '-q', worktree);
      write(worktree, '.env.staging');
      write(worktree, '.env');
      assert.equal(isIgnoredByGitignore(worktree, '.env.staging'), gitSaysIgnored(worktree, '.env.staging'));
      assert.equal(isIgnoredByGitignore(worktree, '.env.staging'), true);
      assert.equal(isIgnoredByGitignore(worktree, '.env'), false);
    });

    it('reads .gitignore files from the workspace down when there is no repository', () => {
      const folder = tempDir();
      write(folder, '.gitignore', '.env\n');
      write(folder, 'api/.gitignore', '!.env\n');
      assert.equal(isIgnoredByGitignore(folder, '.env'), true);
      assert.equal(isIgnoredByGitignore(folder, 'api/.env'), false);
      assert.equal(isIgnoredByGitignore(folder, 'web/.env'), true);
      assert.equal(isIgnoredByGitignore(folder, '.env.local'), false);
    });

    it('says "not ignored" instead of throwing for paths outside the workspace or malformed ones', () => {
      const folder = tempDir();
      write(folder, '.gitignore', '*\n');
      for (const path of ['', '../.env', '/etc/passwd', 'a//.env', './.env']) assert.equal(isIgnoredByGitignore(folder, path), false, path);
      assert.equal(isIgnoredByGitignore(join(folder, 'missing'), '.env'), false);
    });
  });
});
