import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// How `check --fix` writes a fixed file back. Written in place, a write that
// fails halfway (a full disk, a file size limit, a crash) leaves half a file:
// the fixed text goes to a temporary file in the same folder instead, which
// then replaces the file in one rename, with the file's permission bits and
// owner. The user may also have saved the file while it was being checked:
// it is replaced only if it still holds exactly the bytes that were read,
// compared again right before the rename, else it is left as the user saved it.

export type FixWrite = 'written' | 'changed';

const TEMPORARY_SUFFIX = '.tmp';
const TEMPORARY_END = /\.simco-int-[0-9a-f]{12}\.tmp$/;

/** A temporary file of this writer, left behind only if the process died mid-write: never checked as the project's own. */
export function isFixTemporary(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMPORARY_SUFFIX) && TEMPORARY_END.test(name);
}

/**
 * Replaces the file at `path` with `output` if it still holds `read`;
 * 'changed' (and nothing written) when it does not. Throws the file system's
 * error when the file cannot be written: then it is untouched, and no
 * temporary file is left.
 */
export function writeFixedFile(path: string, read: Uint8Array, output: string): FixWrite {
  // Through a symbolic link, the file it points to is replaced, not the link.
  const target = realpathSync(path);
  // A file the user may not write stays unwritten, as an in-place write would leave it (a rename needs only the folder).
  accessSync(target, constants.W_OK);
  if (!holds(target, read)) return 'changed';
  const temporary = join(dirname(target), `.${basename(target)}.simco-int-${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`);
  const fd = openSync(temporary, 'wx', 0o600);
  let renamed = false;
  try {
    try {
      const bytes = Buffer.from(output);
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      const original = statSync(target);
      fchmodSync(fd, original.mode & 0o7777);
      const own = fstatSync(fd);
      if (own.uid !== original.uid || own.gid !== original.gid) fchownSync(fd, original.uid, original.gid);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!holds(target, read)) return 'changed';
    renameSync(temporary, target);
    renamed = true;
    return 'written';
  } finally {
    if (!renamed) rmSync(temporary, { force: true });
  }
}

function holds(path: string, read: Uint8Array): boolean {
  return Buffer.compare(readFileSync(path), read) === 0;
}
