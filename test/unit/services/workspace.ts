import { readdirSync } from 'node:fs';
import { defaultConfig, type Config } from '../../../server/src/engine/config/config';
import { LineIndex } from '../../../server/src/engine/text';
import type { Finding, Position, Range, TextEdit } from '../../../server/src/engine/types';
import { WorkspaceIndex } from '../../../server/src/engine/workspace/index';
import { CLEAN, covered, readFixture } from '../../helpers';

// The clean fixture workspace read from disk into an index, as the server's
// indexer does, plus the two things service tests check: the text under a
// range and the text after applying edits.

export const STRIPE_DOC = 'docs/02-integraciones/INT-001-stripe.md';
export const SMS_DOC = 'docs/02-integraciones/INT-002-twilio-sms.md';
export const WHATSAPP_DOC = 'docs/02-integraciones/INT-003-twilio-whatsapp.md';
export const ENV = '.env.example';
export const STRIPE_TS = 'src/payments/stripe.client.ts';
export const TWILIO_PY = 'src/notifications/twilio_client.py';

/** Every file of the clean workspace, workspace-relative, sorted. */
export const CLEAN_FILES: readonly string[] = readdirSync(CLEAN, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => `${entry.parentPath.slice(CLEAN.length + 1)}/${entry.name}`.replace(/^\//, ''))
  .sort();

export interface CleanWorkspace {
  index: WorkspaceIndex;
  /** Each file's text as read (BOM removed, line endings kept). */
  texts: Record<string, string>;
}

/** A fresh index of the clean workspace; `edit` changes one file's text before it is indexed. */
export function indexClean(edits: Record<string, (text: string) => string> = {}, config: Config = defaultConfig()): CleanWorkspace {
  const index = new WorkspaceIndex(config);
  const texts: Record<string, string> = {};
  for (const path of CLEAN_FILES) {
    const text = readFixture(CLEAN, path);
    texts[path] = edits[path] ? edits[path](text) : text;
    index.update(path, texts[path]);
  }
  return { index, texts };
}

/** The text a range covers (test/helpers' `covered`, for ranges that are not findings'). */
export function textAt(text: string, range: Range): string {
  return covered(text, { range } as Finding);
}

/** Applies non-overlapping edits, as an editor applies a WorkspaceEdit's edits to one file. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of offsets) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** The position `offset` characters into the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, offset = 0): Position {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`text does not contain ${JSON.stringify(needle)}`);
  return new LineIndex(text).positionAt(at + offset);
}
