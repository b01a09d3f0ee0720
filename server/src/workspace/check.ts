import { existsSync, readSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Config } from '../engine/config/config';
import { withFingerprints } from '../engine/fingerprint';
import { fixAll } from '../engine/fixes';
import { byPosition, factsOfText, lintBytes, lintFile, type LintOptions } from '../engine/lint';
import { message } from '../engine/messages';
import { findSuppressions } from '../engine/suppressions';
import type { Rule, WorkspaceFacts } from '../engine/rules/rule';
import { decodeBytes } from '../engine/text';
import type { Finding, Message } from '../engine/types';
import type { FileFacts } from '../engine/workspace/facts';
import { contentHash, recordingFacts, type CacheEntry } from './cache';
import { codeOf } from './errno';
import { writeFixedFile } from './fix-writer';
import { withRegularFile } from './regular-file';
import type { Skipped } from './walk';

// Runs the engine over a folder on disk: walk, read, lint, and with `fix`
// apply safe fixes and write the files back. Shared by the CLI and the
// server, so it knows nothing of arguments, exit codes or printing.

/** Larger files are not INT docs, .env files or hand-written source; reading them would only cost memory. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const CHECK_TEMPLATES = {
  tooLarge: 'Larger than {0} MB; not checked.',
  unreadableFile: 'Cannot read this file ({0}); it was not checked.',
  unwritableFile: 'Cannot write the fixes to this file ({0}); it was checked but not fixed.',
  changedOnDisk: 'Changed on disk while it was being fixed; not fixed. Check it again.',
} as const;

export interface CheckOptions {
  /** Absolute path of the folder to check; findings are relative to it. */
  root: string;
  config: Config;
  /** Apply safe fixes and write changed files back. */
  fix?: boolean;
  /** Defaults to every registered rule. */
  rules?: readonly Rule[];
}

export interface FixedFile {
  file: string;
  /** Findings whose fix was applied, over all passes. */
  applied: number;
}

export interface CheckResult {
  /** Sorted by file, then position. With `fix`, what is left after fixing. */
  findings: Finding[];
  /** Every file that was read and linted. */
  files: string[];
  skipped: Skipped[];
  /** Files that `fix` rewrote. */
  fixed: FixedFile[];
}

/** One slice's per-file results, and what the workspace rules need from them. */
export interface SliceCheck extends CheckResult {
  /** What each file tells the workspace rules (files that hold no facts are absent). */
  facts: Array<[string, FileFacts]>;
  /** Files with suppression comments: the workspace rules' findings there are settled against them. */
  suppressing: string[];
}

/** Told, for each file checked, what the result cache needs to reuse its findings next time. */
export type OnChecked = (file: string, entry: CacheEntry) => void;

/** Reads, lints and (with `fix`) fixes the given workspace-relative files: one slice of a check. */
export function checkFiles(paths: Iterable<string>, options: CheckOptions, onChecked?: OnChecked): SliceCheck {
  const { root } = options;
  const workspace = diskFacts(root);
  const findings: Finding[] = [];
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const fixed: FixedFile[] = [];
  const facts: Array<[string, FileFacts]> = [];
  const suppressing: string[] = [];
  const reader = new FileReader();
  // The walk's paths are relative and normalized: joined by hand, without path.join's normalizing pass per file.
  const folder = root.endsWith(sep) ? root : root + sep;

  for (const file of paths) {
    const absolute = folder + file;
    // Its bytes are only good until the next file is read: nothing below keeps them.
    const read = reader.read(absolute);
    if ('skipped' in read) {
      skipped.push({ path: file, message: read.skipped });
      continue;
    }
    files.push(file);
    const recording = onChecked && recordingFacts(workspace);
    const lint: LintOptions = { config: options.config, workspace: recording?.facts ?? workspace, rules: options.rules };
    let result = options.fix ? fixFile(file, read.bytes, lint) : lintRead(file, read.bytes, lint);
    if (result.output !== undefined) {
      let notWritten: Message | undefined;
      try {
        // Atomic, and never over what the user saved since the file was read (fix-writer.ts).
        if (writeFixedFile(absolute, read.bytes, result.output) === 'written') fixed.push({ file, applied: result.applied });
        else notWritten = message(CHECK_TEMPLATES.changedOnDisk);
      } catch (error) {
        notWritten = message(CHECK_TEMPLATES.unwritableFile, codeOf(error));
      }
      if (notWritten) {
        skipped.push({ path: file, message: notWritten });
        // The disk still holds the unfixed text: report its findings, not those of fixes that were never written
        // (on a read-only checkout, `check --fix` said "No problems" and exited 0 over errors left in the file).
        result = lintRead(file, read.bytes, lint);
      }
    }
    findings.push(...result.findings);
    // Most source reads no env var: facts that say so would only cost the merge, the index and the cache a file's worth of work.
    const kept = result.facts && !holdsNothing(result.facts) ? result.facts : undefined;
    if (kept) facts.push([file, kept]);
    if (result.hasSuppressions) suppressing.push(file);
    if (recording) {
      onChecked?.(file, {
        hash: contentHash(result.output ?? read.bytes),
        findings: result.findings,
        facts: recording.asked,
        ...(kept ? { index: kept } : {}),
        ...(result.hasSuppressions ? { suppressing: true } : {}),
      });
    }
  }
  return { findings: findings.sort(byPosition), files, skipped, fixed, facts, suppressing };
}

/** Facts no workspace rule can use: a source file that reads no env var. */
function holdsNothing(facts: FileFacts): boolean {
  return facts.kind === 'source' && facts.reads.length === 0;
}

export interface FileFixResult {
  /** What is left after fixing. */
  findings: Finding[];
  /** The new file content (BOM kept), or undefined when nothing changed. */
  output: string | undefined;
  applied: number;
  facts: FileFacts | undefined;
  hasSuppressions: boolean;
}

/**
 * Lints a file's bytes; text that is binary or not UTF-8 gets lintBytes'
 * notice and holds no facts. Findings are fingerprinted here, where the text
 * is at hand (in a worker too), so cached findings keep their fingerprints.
 */
function lintRead(path: string, bytes: Uint8Array, lint: LintOptions): FileFixResult {
  const decoded = decodeBytes(bytes);
  if (decoded.binary || decoded.invalidUtf8) {
    return { findings: withFingerprints(lintBytes(path, bytes, lint), decoded.text), output: undefined, applied: 0, facts: undefined, hasSuppressions: false };
  }
  const linted = lintFile(path, decoded.text, lint);
  return { ...linted, findings: withFingerprints(linted.findings, decoded.text), output: undefined, applied: 0 };
}

/**
 * Fixes a file's bytes (engine fixAll), keeping its BOM. A file that is
 * binary or not valid UTF-8 is never rewritten: its bytes would not survive
 * the round trip.
 */
function fixFile(path: string, bytes: Uint8Array, lint: LintOptions): FileFixResult {
  const decoded = decodeBytes(bytes);
  if (decoded.binary || decoded.invalidUtf8) return lintRead(path, bytes, lint);
  const { text, findings, applied } = fixAll(path, decoded.text, lint);
  const output = text === decoded.text ? undefined : (decoded.hadBom ? '\uFEFF' : '') + text;
  // The facts of the fixed text: what the workspace rules must compare.
  return {
    findings: withFingerprints(findings, text),
    output,
    applied,
    facts: factsOfText(path, text, lint.config),
    hasSuppressions: findSuppressions(path, text).comments.length > 0,
  };
}

/**
 * Reads an open file whose size is known: readFileSync(fd) would stat it a
 * second time, a tenth of a check's reading time over a large tree. Like
 * readFileSync, it reads what the stat said is there.
 */
function readToEnd(fd: number, size: number, into: Buffer): Buffer {
  let length = 0;
  while (length < size) {
    const read = readSync(fd, into, length, size - length, null);
    if (read === 0) break;
    length += read;
  }
  return into.subarray(0, length);
}

type CheckedRead = { bytes: Buffer } | { skipped: Message };

/** Reads a file the walk found, refusing huge ones without reading them (one fstat on the open file). */
export function readCheckedFile(absolute: string): CheckedRead {
  return readChecked(absolute, (size) => Buffer.allocUnsafe(size));
}

/**
 * Reads file after file into one buffer, as a check's thread does: a fresh
 * buffer per file costs the kernel a page fault for every page it copies
 * into, and the collector the buffer: a quarter of the reading time over a
 * large tree. The bytes a read returns are valid until the next read.
 */
export class FileReader {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  read(absolute: string): CheckedRead {
    return readChecked(absolute, (size) => {
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.min(MAX_FILE_BYTES, Math.max(size, 2 * this.buffer.length)));
      return this.buffer;
    });
  }
}

function readChecked(absolute: string, bufferFor: (size: number) => Buffer): CheckedRead {
  try {
    // Never blocks: the walk saw a regular file, but by now it may be a FIFO.
    return withRegularFile(absolute, (fd, size): CheckedRead =>
      size > MAX_FILE_BYTES ? { skipped: message(CHECK_TEMPLATES.tooLarge, MAX_FILE_BYTES / 1024 / 1024) } : { bytes: readToEnd(fd, size, bufferFor(size)) },
    );
  } catch (error) {
    return { skipped: message(CHECK_TEMPLATES.unreadableFile, codeOf(error)) };
  }
}

/** Answers the rules' questions about the workspace from disk, each path asked once (many docs link the same files). */
export function diskFacts(root: string): WorkspaceFacts {
  const known = new Map<string, boolean>();
  return {
    exists(path) {
      let exists = known.get(path);
      if (exists === undefined) {
        exists = existsSync(join(root, path));
        known.set(path, exists);
      }
      return exists;
    },
  };
}
