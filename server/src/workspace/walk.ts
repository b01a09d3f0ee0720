import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import type { Config } from '../engine/config/config';
import { classify } from '../engine/lint';
import { message } from '../engine/messages';
import type { Message } from '../engine/types';
import { CACHE_FILE } from './cache';
import { codeOf } from './errno';
import { isFixTemporary } from './fix-writer';
import { ignoredAt, readIgnoreLevel, type IgnoreLevel } from './gitignore';

// Finds the files the engine checks in a folder. I/O lives here, outside the
// pure engine. It reads each directory once with file types (no stat per
// entry), stats only symbolic links, and prunes ignored folders before
// reading them, so a 2,000-doc workspace walks in a few milliseconds.
// Files it cannot read or that are too large are found when they are read
// (check.ts), which costs no extra call here.

/** Something the check left out, and why; shown to the user so nothing is skipped silently. */
export interface Skipped {
  /** Workspace-relative path, forward slashes ("." for the folder itself). */
  path: string;
  message: Message;
}

export interface WalkResult {
  /** Workspace-relative paths with forward slashes, sorted, that classify() says are checked. */
  files: string[];
  skipped: Skipped[];
}

export const SKIP_TEMPLATES = {
  unreadableFolder: 'Cannot read this folder ({0}); its files were not checked.',
  unreadableIgnoreFile: 'Cannot read this ignore file ({0}); its patterns were not applied.',
  symlinkLoop: 'A symbolic link back to "{0}" (a loop); not followed.',
  duplicateFolder: 'A symbolic link to "{0}", which is already checked; not checked twice.',
  brokenLink: 'A broken symbolic link ({0}); not checked.',
} as const;

/** Never part of a project's own sources, whatever its ignore files say (the last is this tool's cache). */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', CACHE_FILE]);

interface Folder {
  /** Workspace-relative, '' for the root. */
  path: string;
  absolute: string;
  /** Resolved path: a symbolic link to one of these is a loop. */
  real: string;
  parent: Folder | undefined;
  levels: readonly IgnoreLevel[];
}

/** `onFiles` hears the number of files found so far, after each file (a caller may start work early). */
export function walkWorkspace(root: string, config: Config, onFiles?: (count: number) => void): WalkResult {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const ignoredByConfig = config.ignore.length > 0 ? picomatch(config.ignore, { dot: true }) : () => false;
  /** Real path of every folder walked -> the workspace path it was walked as. */
  const walked = new Map<string, string>();

  const skip = (path: string, template: string, ...args: string[]): void => {
    skipped.push({ path: path || '.', message: message(template, ...args) });
  };

  const readIgnoreFile = (absolute: string, shownAs: string, base: string): IgnoreLevel | undefined => {
    try {
      return readIgnoreLevel(absolute, base);
    } catch (error) {
      skip(shownAs, SKIP_TEMPLATES.unreadableIgnoreFile, codeOf(error));
      return undefined;
    }
  };

  const visit = (folder: Folder): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder.absolute, { withFileTypes: true });
    } catch (error) {
      skip(folder.path, SKIP_TEMPLATES.unreadableFolder, codeOf(error));
      return;
    }
    let levels = folder.levels;
    const prefix = folder.path ? `${folder.path}/` : '';
    if (folder.path === '' && entries.some((entry) => entry.name === '.git' && entry.isDirectory())) {
      const exclude = readIgnoreFile(join(folder.absolute, '.git', 'info', 'exclude'), '.git/info/exclude', '');
      if (exclude) levels = [...levels, exclude];
    }
    if (entries.some((entry) => entry.name === '.gitignore' && !entry.isDirectory())) {
      const own = readIgnoreFile(join(folder.absolute, '.gitignore'), `${prefix}.gitignore`, folder.path);
      if (own) levels = [...levels, own];
    }

    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name) || isFixTemporary(entry.name)) continue;
      const path = prefix + entry.name;
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(join(folder.absolute, entry.name));
          isFolder = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          // A dangling link is only worth a word where a checked file was expected.
          if (classify(path, config) !== 'text') skip(path, SKIP_TEMPLATES.brokenLink, codeOf(error));
          continue;
        }
      }
      if (!isFolder && !isFile) continue; // sockets, FIFOs, devices: reading could block
      if (ignoredByConfig(path) || ignoredAt(path, isFolder, levels)) continue;

      if (isFile) {
        files.push(path);
        onFiles?.(files.length);
        continue;
      }
      // Only a link can lead to a folder already seen, so only links pay for realpath().
      // Paths are joined only here, for folders: join() for every file took a third of the walk.
      const absolute = join(folder.absolute, entry.name);
      const real = entry.isSymbolicLink() ? realpathOrUndefined(absolute) : join(folder.real, entry.name);
      if (real === undefined) {
        skip(path, SKIP_TEMPLATES.brokenLink, 'ELOOP');
        continue;
      }
      const seenAs = walked.get(real);
      if (seenAs !== undefined) {
        const loop = isAncestor(folder, real);
        skip(path, loop ? SKIP_TEMPLATES.symlinkLoop : SKIP_TEMPLATES.duplicateFolder, seenAs || '.');
        continue;
      }
      walked.set(real, path);
      visit({ path, absolute, real, parent: folder, levels });
    }
  };

  const rootReal = realpathOrUndefined(root) ?? root;
  walked.set(rootReal, '');
  visit({ path: '', absolute: root, real: rootReal, parent: undefined, levels: [] });
  files.sort();
  return { files, skipped };
}

function isAncestor(folder: Folder | undefined, real: string): boolean {
  for (let current = folder; current; current = current.parent) if (current.real === real) return true;
  return false;
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
