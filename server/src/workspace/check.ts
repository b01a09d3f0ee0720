import { closeSync, existsSync, fstatSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../engine/config/config';
import { fixAll } from '../engine/fixes';
import { byPosition, lintBytes, type LintOptions } from '../engine/lint';
import { message } from '../engine/messages';
import type { Rule, WorkspaceFacts } from '../engine/rules/rule';
import { decodeBytes } from '../engine/text';
import type { Finding, Message } from '../engine/types';
import { contentHash, recordingFacts, type CacheEntry } from './cache';
import { codeOf } from './errno';
import { walkWorkspace, type Skipped } from './walk';

// Runs the engine over a folder on disk: walk, read, lint, and with `fix`
// apply safe fixes and write the files back. Shared by the CLI and the
// server, so it knows nothing of arguments, exit codes or printing.

/** Larger files are not INT docs, .env files or hand-written source; reading them would only cost memory. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const CHECK_TEMPLATES = {
  tooLarge: 'Larger than {0} MB; not checked.',
  unreadableFile: 'Cannot read this file ({0}); it was not checked.',
  unwritableFile: 'Cannot write the fixes to this file ({0}); it was checked but not fixed.',
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

export function checkFolder(options: CheckOptions): CheckResult {
  const walk = walkWorkspace(options.root, options.config);
  const result = checkFiles(walk.files, options);
  return { ...result, skipped: [...walk.skipped, ...result.skipped] };
}

/** Told, for each file checked, what the result cache needs to reuse its findings next time. */
export type OnChecked = (file: string, entry: CacheEntry) => void;

/** Reads, lints and (with `fix`) fixes the given workspace-relative files: one slice of a check. */
export function checkFiles(paths: readonly string[], options: CheckOptions, onChecked?: OnChecked): CheckResult {
  const { root } = options;
  const workspace = diskFacts(root);
  const findings: Finding[] = [];
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const fixed: FixedFile[] = [];

  for (const file of paths) {
    const absolute = join(root, file);
    const read = readCheckedFile(absolute);
    if ('skipped' in read) {
      skipped.push({ path: file, message: read.skipped });
      continue;
    }
    files.push(file);
    const recording = onChecked && recordingFacts(workspace);
    const lint: LintOptions = { config: options.config, workspace: recording?.facts ?? workspace, rules: options.rules };
    const result = options.fix ? fixFile(file, read.bytes, lint) : { findings: lintBytes(file, read.bytes, lint), output: undefined, applied: 0 };
    findings.push(...result.findings);
    if (result.output !== undefined) {
      try {
        writeFileSync(absolute, result.output);
      } catch (error) {
        skipped.push({ path: file, message: message(CHECK_TEMPLATES.unwritableFile, codeOf(error)) });
        continue; // Not cached either: its findings describe text that is not on disk.
      }
      fixed.push({ file, applied: result.applied });
    }
    if (recording) onChecked?.(file, { hash: contentHash(result.output ?? read.bytes), findings: result.findings, facts: recording.asked });
  }
  return { findings: findings.sort(byPosition), files, skipped, fixed };
}

export interface FileFixResult {
  /** What is left after fixing. */
  findings: Finding[];
  /** The new file content (BOM kept), or undefined when nothing changed. */
  output: string | undefined;
  applied: number;
}

/**
 * Fixes a file's bytes (engine fixAll), keeping its BOM. A file that is
 * binary or not valid UTF-8 is never rewritten: its bytes would not survive
 * the round trip.
 */
function fixFile(path: string, bytes: Uint8Array, lint: LintOptions): FileFixResult {
  const decoded = decodeBytes(bytes);
  if (decoded.binary || decoded.invalidUtf8) return { findings: lintBytes(path, bytes, lint), output: undefined, applied: 0 };
  const { text, findings, applied } = fixAll(path, decoded.text, lint);
  const output = text === decoded.text ? undefined : (decoded.hadBom ? '\uFEFF' : '') + text;
  return { findings, output, applied };
}

/** Reads a file the walk found, refusing huge ones without reading them (one fstat on the open file). */
export function readCheckedFile(absolute: string): { bytes: Buffer } | { skipped: Message } {
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch (error) {
    return { skipped: message(CHECK_TEMPLATES.unreadableFile, codeOf(error)) };
  }
  try {
    if (fstatSync(fd).size > MAX_FILE_BYTES) return { skipped: message(CHECK_TEMPLATES.tooLarge, MAX_FILE_BYTES / 1024 / 1024) };
    return { bytes: readFileSync(fd) };
  } catch (error) {
    return { skipped: message(CHECK_TEMPLATES.unreadableFile, codeOf(error)) };
  } finally {
    closeSync(fd);
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
