import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { FINGERPRINT_KEY } from '../engine/fingerprint';
import { localize } from '../engine/messages';
import { RULES } from '../engine/rules';
import { REPOSITORY_URL, ruleDocsUrl } from '../engine/rules/docs-url';
import type { Finding, Severity } from '../engine/types';
import type { Formatter } from './format';

// SARIF 2.1.0 for code scanning (GitHub, Azure DevOps). Paths are relative to
// SRCROOT, the checked folder, so a log made in CI resolves in any checkout.

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const sarif: Formatter = ({ result, root, locale, version }) => {
  const rules: ReportingDescriptor[] = RULES.map(({ meta }) => ({
    id: meta.id,
    shortDescription: { text: meta.description },
    helpUri: ruleDocsUrl(meta.id),
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { fixable: meta.fixable, hasSuggestions: meta.hasSuggestions },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // A finding from a rule the registry does not list (it should not happen)
  // still gets a descriptor, so every result's ruleIndex is valid.
  const indexOf = (finding: Finding): number => {
    let index = ruleIndex.get(finding.ruleId);
    if (index === undefined) {
      index = rules.push({ id: finding.ruleId, helpUri: ruleDocsUrl(finding.ruleId) }) - 1;
      ruleIndex.set(finding.ruleId, index);
    }
    return index;
  };

  const results: Result[] = result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    ruleIndex: indexOf(finding),
    level: LEVEL[finding.severity],
    message: { text: localize(finding.message, locale) },
    // Code scanning follows a result across commits by this: content, not the line (see engine/fingerprint.ts).
    ...(finding.fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint } } : {}),
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(finding.file), uriBaseId: 'SRCROOT' },
          region: {
            startLine: finding.range.start.line + 1,
            startColumn: finding.range.start.character + 1,
            endLine: finding.range.end.line + 1,
            endColumn: finding.range.end.character + 1,
          },
        },
      },
    ],
  }));

  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'simco-int', informationUri: REPOSITORY_URL, version, rules } },
        originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            // What the walk left out is not a finding, but code scanning should still see it.
            toolExecutionNotifications: result.skipped.map((skipped) => ({
              level: 'warning' as const,
              message: { text: localize(skipped.message, locale) },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(skipped.path), uriBaseId: 'SRCROOT' } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** A relative URI reference: each segment percent-encoded ("INT-001 pagos.md" -> "INT-001%20pagos.md"), slashes kept. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
