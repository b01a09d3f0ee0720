import { join, relative, sep } from 'node:path';
import { localize, message } from '../engine/messages';
import type { Finding, Severity } from '../engine/types';
import type { Formatter } from './format';

// ESLint's "stylish" layout, which CI logs and terminals already know how to
// read: a header per file, one aligned row per finding, a summary line.

export const STYLISH_TEMPLATES = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  problemOne: '{0} problem',
  problemMany: '{0} problems',
  errorOne: '{0} error',
  errorMany: '{0} errors',
  warningOne: '{0} warning',
  warningMany: '{0} warnings',
  infoOne: '{0} info',
  infoMany: '{0} infos',
  fileOne: '{0} file',
  fileMany: '{0} files',
  summary: '{0} ({1}, {2}, {3})',
  fixable: 'Fixable with the --fix option: {0}.',
  clean: 'No problems found in {0}.',
  cleanQuiet: 'No errors found in {0}.',
  fixed: 'Fixed {0} in {1}.',
  baselined: 'Not shown, held by the baseline "{0}": {1}.',
} as const;

type Style = 'bold' | 'dim' | 'underline' | 'red' | 'yellow' | 'cyan' | 'green';
const ANSI: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
};
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

export const stylish: Formatter = ({ result, quiet, root, cwd, locale, color, baseline }) => {
  const paint = (text: string, ...styles: Style[]): string =>
    color ? styles.reduce((out, style) => `\u001b[${ANSI[style][0]}m${out}\u001b[${ANSI[style][1]}m`, text) : text;
  const t = (template: string, ...args: Array<string | number>): string => localize(message(template, ...args), locale);
  const count = (n: number, one: string, many: string): string => t(n === 1 ? one : many, n);

  const lines: string[] = [];
  for (const [file, findings] of groupByFile(result.findings)) {
    lines.push('', paint(printable(relative(cwd, join(root, file)).split(sep).join('/')), 'underline'));
    const rows = findings.map((finding) => ({
      line: String(finding.range.start.line + 1),
      column: String(finding.range.start.character + 1),
      severity: finding.severity,
      label: t(STYLISH_TEMPLATES[finding.severity]),
      text: printable(localize(finding.message, locale)),
      ruleId: finding.ruleId,
    }));
    const width = (pick: (row: (typeof rows)[number]) => string): number => Math.max(...rows.map((row) => pick(row).length));
    const [lineWidth, columnWidth, labelWidth, textWidth] = [width((r) => r.line), width((r) => r.column), width((r) => r.label), width((r) => r.text)];
    for (const row of rows) {
      const position = paint(`${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`, 'dim');
      const label = paint(row.label, SEVERITY_STYLE[row.severity]) + ' '.repeat(labelWidth - row.label.length);
      lines.push(`  ${position}  ${label}  ${row.text.padEnd(textWidth)}  ${paint(row.ruleId, 'dim')}`);
    }
  }

  const total = result.findings.length;
  if (total > 0) {
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    const summary = t(
      STYLISH_TEMPLATES.summary,
      count(total, STYLISH_TEMPLATES.problemOne, STYLISH_TEMPLATES.problemMany),
      count(errors, STYLISH_TEMPLATES.errorOne, STYLISH_TEMPLATES.errorMany),
      count(warnings, STYLISH_TEMPLATES.warningOne, STYLISH_TEMPLATES.warningMany),
      count(total - errors - warnings, STYLISH_TEMPLATES.infoOne, STYLISH_TEMPLATES.infoMany),
    );
    lines.push('', paint(`\u2716 ${summary}`, errors > 0 ? 'red' : warnings > 0 ? 'yellow' : 'cyan', 'bold'));
    const fixable = result.findings.filter((f) => f.fixes.some((fix) => fix.safe)).length;
    if (fixable > 0) {
      const problems = count(fixable, STYLISH_TEMPLATES.problemOne, STYLISH_TEMPLATES.problemMany);
      lines.push(paint(`  ${t(STYLISH_TEMPLATES.fixable, problems)}`, errors > 0 ? 'red' : 'yellow', 'bold'));
    }
  } else {
    const files = count(result.files.length, STYLISH_TEMPLATES.fileOne, STYLISH_TEMPLATES.fileMany);
    lines.push(paint(`\u2714 ${t(quiet ? STYLISH_TEMPLATES.cleanQuiet : STYLISH_TEMPLATES.clean, files)}`, 'green'));
  }
  if (result.fixed.length > 0) {
    const applied = result.fixed.reduce((sum, file) => sum + file.applied, 0);
    const problems = count(applied, STYLISH_TEMPLATES.problemOne, STYLISH_TEMPLATES.problemMany);
    const files = count(result.fixed.length, STYLISH_TEMPLATES.fileOne, STYLISH_TEMPLATES.fileMany);
    lines.push(paint(`\u2714 ${t(STYLISH_TEMPLATES.fixed, problems, files)}`, 'green'));
  }
  // Said every time, so a baseline never hides findings silently.
  if (baseline && baseline.baselined > 0) lines.push(paint(`  ${t(STYLISH_TEMPLATES.baselined, printable(baseline.file), baseline.baselined)}`, 'dim'));
  return `${lines.join('\n')}\n`;
};

/** Findings are sorted by file already; this keeps that order. */
function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

/**
 * Messages quote the user's files: a line break would break the table (and
 * could forge a row), and an escape sequence would drive the terminal.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}
