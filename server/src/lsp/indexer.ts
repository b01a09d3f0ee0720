import { join } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { decodeBytes } from '../engine/text';
import { readCheckedFile } from '../workspace/check';
import { walkWorkspace } from '../workspace/walk';
import type { Session } from './session';

// Fills the workspace index from disk when the server starts, with progress
// the editor shows, so cross-file facts (which doc documents a variable) are
// known before the user opens anything. Open documents then win over disk.

/** Files indexed between two yields to the event loop: edits and requests are answered meanwhile. */
const BATCH = 100;

export async function indexWorkspace(connection: Connection, session: Session): Promise<void> {
  const root = session.root;
  if (!root) return;
  const progress = await connection.window.createWorkDoneProgress();
  const { files } = walkWorkspace(root, session.config);
  progress.begin('simco-int', 0, `0/${files.length}`, false);
  for (let start = 0; start < files.length; start += BATCH) {
    for (const path of files.slice(start, start + BATCH)) if (!session.isOpen(path)) indexFromDisk(session, path);
    const done = Math.min(start + BATCH, files.length);
    progress.report(Math.round((done / files.length) * 100), `${done}/${files.length}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  progress.done();
}

/** Puts a file's content on disk into the index, or takes it out when it cannot be read (deleted, unreadable). */
export function indexFromDisk(session: Session, path: string): void {
  if (!session.root) return;
  const read = readCheckedFile(join(session.root, path));
  if ('bytes' in read) session.index.update(path, decodeBytes(read.bytes).text);
  else session.index.remove(path);
}
