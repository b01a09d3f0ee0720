import { localize } from '../engine/messages';
import type { BaselineEntry } from '../workspace/baseline';
import type { Formatter } from './format';

// One flat object per finding, positions 1-based like an editor shows them,
// so scripts need not know LSP's 0-based convention. With --baseline the
// array becomes the `findings` of an object that also says what the
// baseline held back and which of its entries are stale.

export interface JsonFinding {
  /** Relative to the checked folder, forward slashes. */
  file: string;
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  line: number;
  column: number;
  /** Exclusive, like the editor's selection end. */
  endLine: number;
  endColumn: number;
  message: string;
  fixes: Array<{ title: string; safe: boolean }>;
  /** Machine-readable facts some rules add (e.g. the conforming env var name). */
  data?: Record<string, string>;
  /** Content fingerprint (what a baseline records); no line number, no secret. */
  fingerprint?: string;
}

/** The report with --baseline. */
export interface JsonBaselineReport {
  findings: JsonFinding[];
  baseline: { file: string; baselined: number; stale: BaselineEntry[]; pruned: boolean };
}

export const json: Formatter = ({ result, locale, baseline }) => {
  const findings: JsonFinding[] = result.findings.map((finding) => ({
    file: finding.file,
    ruleId: finding.ruleId,
    severity: finding.severity,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    message: localize(finding.message, locale),
    fixes: finding.fixes.map((fix) => ({ title: localize(fix.title, locale), safe: fix.safe })),
    ...(finding.data ? { data: finding.data } : {}),
    ...(finding.fingerprint ? { fingerprint: finding.fingerprint } : {}),
  }));
  const report: JsonFinding[] | JsonBaselineReport = baseline ? { findings, baseline } : findings;
  return `${JSON.stringify(report)}\n`;
};
