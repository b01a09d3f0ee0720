import { lintText, type LintOptions } from './lint';
import { LineIndex } from './text';
import type { Finding, TextEdit } from './types';

export interface FixResult {
  text: string;
  /** How many findings had a fix applied. */
  applied: number;
}

/**
 * Applies the first safe fix of each finding to `text`, skipping any fix whose
 * edits overlap one already taken (ESLint's approach: the caller lints again
 * and repeats, so overlapping fixes land on a later pass).
 */
export function applySafeFixes(rawText: string, findings: readonly Finding[]): FixResult {
  // Findings' positions leave a BOM out (lintText strips it): the edits apply to
  // the text after it, and it stays. Counted in, every edit on line 1 of a BOM
  // file landed one character early ("# INT-1: X" became "#INT-001: XX").
  const bom = rawText.charCodeAt(0) === 0xfeff ? rawText[0] : '';
  const text = rawText.slice(bom.length);
  const lines = new LineIndex(text);
  type Offsets = { start: number; end: number; newText: string };
  const chosen: Offsets[] = [];
  let applied = 0;
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => candidate.safe);
    if (!fix) continue;
    const edits = fix.edits.map((edit: TextEdit) => ({
      start: lines.offsetAt(edit.range.start),
      end: lines.offsetAt(edit.range.end),
      newText: edit.newText,
    }));
    const overlaps = edits.some((e) => chosen.some((c) => e.start < c.end && c.start < e.end || (e.start === c.start && e.end === c.end)));
    if (overlaps) continue;
    chosen.push(...edits);
    applied++;
  }
  chosen.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of chosen) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return { text: bom + result, applied };
}

/** ESLint's bound: fixes that keep producing new fixes stop here instead of looping forever. */
const MAX_FIX_PASSES = 10;

export interface FixAllResult extends FixResult {
  /** What is left after fixing. */
  findings: Finding[];
}

/**
 * Applies safe fixes until none is left (or MAX_FIX_PASSES), linting again
 * after each pass because a fix can move or resolve other findings: what
 * `--fix` and the editor's fix-all do.
 */
export function fixAll(path: string, text: string, options: LintOptions): FixAllResult {
  let findings = lintText(path, text, options);
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const result = applySafeFixes(text, findings);
    if (result.applied === 0) break;
    applied += result.applied;
    text = result.text;
    findings = lintText(path, text, options);
  }
  return { text, applied, findings };
}
