import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

// Opening a named pipe (FIFO) for reading waits for a writer, forever if none
// comes: a .gitignore or simco-int.config.json that is a FIFO, or a checked
// file replaced by one after the walk saw a regular file, hung the CLI and the
// server. Opened with O_NONBLOCK the call returns at once, and fstat on the
// open descriptor (no race with the path) tells a regular file from the rest.

/** O_NONBLOCK is POSIX; Windows has none (and no FIFOs to block on). */
const READ_WITHOUT_WAITING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Why a path that is not a regular file was not read; shown where an errno code would be. */
export const NOT_A_REGULAR_FILE = 'not a regular file';

/**
 * Opens `absolute` without ever blocking and hands its descriptor and size to
 * `read`. Throws the open's error (ENOENT, EACCES...), or an Error whose
 * message is NOT_A_REGULAR_FILE for a folder, FIFO, socket or device.
 */
export function withRegularFile<T>(absolute: string, read: (fd: number, size: number) => T): T {
  const fd = openSync(absolute, READ_WITHOUT_WAITING);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new Error(NOT_A_REGULAR_FILE);
    return read(fd, stats.size);
  } finally {
    closeSync(fd);
  }
}

/** The whole content of a regular file; throws like withRegularFile. */
export function readRegularFile(absolute: string): Buffer {
  return withRegularFile(absolute, (fd) => readFileSync(fd));
}
