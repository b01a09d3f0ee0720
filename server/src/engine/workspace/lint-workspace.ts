import type { Config } from '../config/config';
import { crashFinding, isWorkspaceRule, severityOf, toFinding } from '../lint';
import unusedSuppressionRule from '../rules/suppression/unused';
import { RULE_IDS, RULES } from '../rules';
import type { RepositoryFacts, Rule } from '../rules/rule';
import { applySuppressions, findSuppressions } from '../suppressions';
import { stripBom } from '../text';
import type { Finding } from '../types';
import type { WorkspaceIndex } from './index';

// The cross-file half of a check: workspace rules read the index (every
// file's facts) and report on any file. The shells run it after the
// per-file lint, the CLI once over the folder, the server whenever the index
// changes, and settle each file's findings against its suppression comments.

export interface WorkspaceLintOptions {
  config: Config;
  repository: RepositoryFacts;
  /** A file's current text, for fixes that edit it. */
  readText(path: string): string | undefined;
  /** Defaults to every registered workspace rule. */
  rules?: readonly Rule[];
}

/** The workspace rules' findings by file, before suppression comments are applied. */
export function workspaceFindings(index: WorkspaceIndex, options: WorkspaceLintOptions): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  const { config } = options;
  for (const rule of options.rules ?? RULES) {
    if (!rule.checkWorkspace) continue;
    const severity = severityOf(rule.meta.id, rule.meta.defaultSeverity, config);
    if (!severity) continue;
    const add = (finding: Finding): void => {
      const list = byFile.get(finding.file);
      if (list) list.push(finding);
      else byFile.set(finding.file, [finding]);
    };
    try {
      rule.checkWorkspace({
        config,
        index,
        repository: options.repository,
        readText: options.readText,
        report: (path, spec) => add(toFinding(rule, severity, path, spec)),
      });
    } catch (error) {
      // A rule that fails on one workspace must not hide the others: say so on the config's behalf, at the root.
      add(crashFinding(rule.meta.id, '.', error));
    }
  }
  return byFile;
}

/**
 * A file's workspace findings with its suppression comments applied, and
 * the comments naming a workspace rule that silenced nothing reported (the
 * per-file lint leaves those to this call). `text` is needed only when the
 * file has suppression comments.
 */
export function settleWorkspaceFindings(path: string, findings: readonly Finding[], text: string | undefined, config: Config): Finding[] {
  if (text === undefined) return [...findings];
  const suppressions = findSuppressions(path, stripBom(text));
  const { id, defaultSeverity } = unusedSuppressionRule.meta;
  return applySuppressions([...findings], suppressions, {
    isKnownRule: (ruleId) => RULE_IDS.has(ruleId),
    unusedSeverity: severityOf(id, defaultSeverity, config),
    owns: isWorkspaceRule,
    judgesComments: false,
  });
}
