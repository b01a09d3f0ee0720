import { join } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { localize, message, type Locale } from '../engine/messages';
import { decodeBytes } from '../engine/text';
import { readCheckedFile } from '../workspace/check';
import { walkWorkspace, type Skipped } from '../workspace/walk';
import type { Session } from './session';

// Fills the workspace index from disk when the server starts, with progress
// the editor shows, so cross-file facts (which doc documents a variable) are
// known before the user opens anything. Open documents then win over disk.

/** Files indexed between two yields to the event loop: edits and requests are answered meanwhile. */
const BATCH = 100;
/** Skipped paths the output channel lists by name; a tree of thousands of unreadable files gets a count for the rest. */
const LISTED = 20;

export const INDEX_TEMPLATES = {
  indexed: 'Indexed the workspace; files read: {0}.',
  summary: 'Indexed the workspace; files read: {0}, paths skipped: {1}:',
  /** The CLI's line for a skipped path, word for word. */
  skipped: 'Skipped "{0}": {1}',
  more: '...and {0} more.',
} as const;

export async function indexWorkspace(connection: Connection, session: Session): Promise<void> {
  const root = session.root;
  if (!root) return;
  const progress = await connection.window.createWorkDoneProgress();
  const { files, skipped } = walkWorkspace(root, session.config);
  let unread = 0;
  progress.begin('simco-int', 0, `0/${files.length}`, false);
  for (let start = 0; start < files.length; start += BATCH) {
    for (const path of files.slice(start, start + BATCH)) {
      const skip = session.isOpen(path) ? undefined : indexFromDisk(session, path);
      if (skip) {
        skipped.push(skip);
        unread++;
      }
    }
    const done = Math.min(start + BATCH, files.length);
    progress.report(Math.round((done / files.length) * 100), `${done}/${files.length}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  progress.done();
  // Like the CLI, never leave a file out silently; one message, not one per file, in the output channel.
  const indexed = files.length - unread;
  if (skipped.length > 0) connection.console.warn(skippedSummary(indexed, skipped, session.locale));
  else connection.console.info(localize(message(INDEX_TEMPLATES.indexed, indexed), session.locale));
}

/** Puts a file's content on disk into the index, or takes it out when it cannot be read (deleted, unreadable), and then says why. */
export function indexFromDisk(session: Session, path: string): Skipped | undefined {
  if (!session.root) return undefined;
  const read = readCheckedFile(join(session.root, path));
  if ('bytes' in read) {
    session.index.update(path, decodeBytes(read.bytes).text);
    return undefined;
  }
  session.index.remove(path);
  return { path, message: read.skipped };
}

/** The counts, then the first skipped paths, one a line as the CLI prints them. */
function skippedSummary(indexed: number, skipped: readonly Skipped[], locale: Locale): string {
  const t = (template: string, ...args: Array<string | number>): string => localize(message(template, ...args), locale);
  const lines = skipped.slice(0, LISTED).map((skip) => t(INDEX_TEMPLATES.skipped, skip.path, localize(skip.message, locale)));
  if (skipped.length > LISTED) lines.push(t(INDEX_TEMPLATES.more, skipped.length - LISTED));
  return [t(INDEX_TEMPLATES.summary, indexed, skipped.length), ...lines].join('\n');
}
