import { createHash } from 'node:crypto';
import { LineIndex, stripBom } from './text';
import type { Finding } from './types';

// A finding's identity across edits, for baselines and SARIF's
// partialFingerprints: the rule, the file, a hash of the text its range
// covers, and which occurrence of that text it is among the file's findings
// of the rule. Never the line number (a file that grows above a finding must
// keep it) and never the covered text itself: for a secret finding that text
// is the secret, so only a hash of it goes into the fingerprint.

/** Names the recipe below; SARIF's partialFingerprints key and the baseline format carry it. */
export const FINGERPRINT_KEY = 'simcoInt/v1';

const LINE_BREAK = /\r\n?/g;

/**
 * The findings of one file, in the same order, each with its `fingerprint`
 * computed from `text` (the file as linted). Occurrences are counted in
 * position order; a fingerprint already `taken` (by findings fingerprinted
 * earlier, e.g. the per-file lint's before the workspace rules') counts as
 * an occurrence, so no two findings of a file share a fingerprint.
 */
export function withFingerprints(findings: readonly Finding[], text: string, taken: Iterable<string> = []): Finding[] {
  if (findings.length === 0) return [];
  const lines = new LineIndex(stripBom(text));
  const used = new Set(taken);
  const fingerprints = new Map<Finding, string>();
  const ordered = [...findings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (const finding of ordered) {
    const covered = lines.text.slice(lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end));
    // Line breaks normalised: a checkout with CRLF (Windows) and one with LF (CI) must agree.
    const coveredHash = sha256(covered.replace(LINE_BREAK, '\n'));
    let fingerprint: string;
    for (let occurrence = 0; ; occurrence++) {
      fingerprint = sha256(`${FINGERPRINT_KEY}\0${finding.ruleId}\0${finding.file}\0${coveredHash}\0${occurrence}`).slice(0, 32);
      if (!used.has(fingerprint)) break;
    }
    used.add(fingerprint);
    fingerprints.set(finding, fingerprint);
  }
  return findings.map((finding) => ({ ...finding, fingerprint: fingerprints.get(finding) }));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
