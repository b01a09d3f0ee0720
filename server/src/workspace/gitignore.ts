import ignore, { type Ignore } from 'ignore';
import { readRegularFile } from './regular-file';

// git's ignore rules with the `ignore` package: one level per ignore file
// (.git/info/exclude, then each folder's .gitignore from the top down). The
// walk builds the levels as it descends; isIgnoredByGitignore (git.ts) builds
// them for one path. Both decide with ignoredAt, so they cannot disagree.

/** An ignore file's patterns and the folder they are relative to. */
export interface IgnoreLevel {
  /** Folder relative to where paths are measured from, '' for the top. */
  base: string;
  rules: Ignore;
}

/** Reads one ignore file; undefined when it does not exist. Other read errors are thrown for the caller to report. */
export function readIgnoreLevel(absolute: string, base: string): IgnoreLevel | undefined {
  let text: string;
  try {
    text = readRegularFile(absolute).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { base, rules: ignore().add(text) };
}

/**
 * Whether the levels ignore `path` itself (its folders are the caller's
 * business: git never looks inside an ignored folder). Deeper ignore files
 * override shallower ones and a later "!pattern" re-includes, as in git.
 */
export function ignoredAt(path: string, isFolder: boolean, levels: readonly IgnoreLevel[]): boolean {
  let ignored = false;
  for (const level of levels) {
    if (level.base && !path.startsWith(`${level.base}/`)) continue;
    const relative = level.base ? path.slice(level.base.length + 1) : path;
    const verdict = level.rules.test(isFolder ? `${relative}/` : relative);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}
