import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { localize, type Locale } from '../engine/messages';
import { ruleDocsUrl } from '../engine/rules/docs-url';
import type { Finding, Severity } from '../engine/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** A finding as the editor shows it: the rule id links to its docs page. */
export function toDiagnostic(finding: Finding, locale: Locale): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: 'simco-int',
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    message: localize(finding.message, locale),
    ...(finding.data ? { data: finding.data } : {}),
  };
}
