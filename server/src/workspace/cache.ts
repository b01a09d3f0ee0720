import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from '../engine/config/config';
import type { WorkspaceFacts } from '../engine/rules/rule';
import type { Finding } from '../engine/types';
import type { FileFacts } from '../engine/workspace/facts';

// ESLint-style result cache for `check --cache`. A file's findings are
// reused while its bytes, the configuration, the tool build and every fact
// the rules asked about other files (does this link target exist?) are as
// they were: parsing Markdown is nearly all of a check's cost, and most
// files do not change between two CI runs.

export interface CacheEntry {
  hash: string;
  findings: Finding[];
  /** Each workspace path a rule asked about while checking the file, and the answer. */
  facts: Record<string, boolean>;
  /** What the file tells the workspace rules, which run on every check. */
  index?: FileFacts;
  /** The file has suppression comments. */
  suppressing?: boolean;
}

interface CacheData {
  /** Tool build and configuration: when either changes, every entry is stale. */
  key: string;
  entries: Record<string, CacheEntry>;
}

/**
 * The default cache file, in the checked folder (like ESLint's .eslintcache:
 * add it to .gitignore).
 * The walk never returns it: the CLI without --cache and the server would
 * otherwise check the tool's own output (and skip it, once over 5 MB).
 */
export const CACHE_FILE = '.simco-int-cache';

export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export class CheckCache {
  private constructor(
    /** Absolute path of the cache file; never itself checked. */
    readonly location: string,
    private readonly data: CacheData,
  ) {}

  /** Opens the cache at `location`; a missing, unreadable, corrupt or stale file gives an empty cache. */
  static open(location: string, toolKey: string, config: Config): CheckCache {
    const key = contentHash(`${toolKey}\n${JSON.stringify(config)}`);
    try {
      const data = JSON.parse(readFileSync(location, 'utf8')) as CacheData;
      if (data.key === key && data.entries && typeof data.entries === 'object') return new CheckCache(location, data);
    } catch {
      // Nothing usable there: start afresh, the file is rewritten on save.
    }
    return new CheckCache(location, { key, entries: {} });
  }

  /** What is stored for `file`, if its content and the facts its findings rest on are unchanged. */
  lookup(file: string, bytes: Uint8Array, workspace: WorkspaceFacts): CacheEntry | undefined {
    const entry = this.data.entries[file];
    if (!entry || entry.hash !== contentHash(bytes)) return undefined;
    const factsHold = Object.entries(entry.facts).every(([path, exists]) => workspace.exists(path) === exists);
    return factsHold ? entry : undefined;
  }

  remember(file: string, entry: CacheEntry): void {
    this.data.entries[file] = entry;
  }

  /** Forgets files that are no longer checked, so the cache does not grow forever. */
  retainOnly(files: ReadonlySet<string>): void {
    for (const file of Object.keys(this.data.entries)) if (!files.has(file)) delete this.data.entries[file];
  }

  /** Writes the cache (to a temporary file first, so a crash never leaves half a cache). Throws on I/O errors. */
  save(): void {
    mkdirSync(dirname(this.location), { recursive: true });
    const temporary = `${this.location}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.data));
    renameSync(temporary, this.location);
  }
}

/** Wraps workspace facts so every question and answer is kept, for the cache entry. */
export function recordingFacts(inner: WorkspaceFacts): { facts: WorkspaceFacts; asked: Record<string, boolean> } {
  const asked: Record<string, boolean> = {};
  return { facts: { exists: (path) => (asked[path] = inner.exists(path)) }, asked };
}
