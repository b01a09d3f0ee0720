import picomatch from 'picomatch';
import type { Config } from './config/config';
import { crashReason } from './crash';
import { parseEnvFile } from './env/parse';
import { findEnvReads, mayReadEnv } from './env/source-reads';
import { parseIntDoc } from './intdoc/model';
import { INT_FILE_NAME_LOOSE } from './intdoc/template';
import { INVENTORY_NAME, parseInventory } from './inventory/parse';
import { CRASH_TEMPLATE, message } from './messages';
import encodingRule from './rules/file/encoding';
import unusedSuppressionRule from './rules/suppression/unused';
import { RULE_IDS, RULES, WORKSPACE_RULE_IDS } from './rules';
import type { Report, ReportSpec, Rule, TextContext, WorkspaceFacts } from './rules/rule';
import { maskSecrets } from './secrets/mask';
import { applySuppressions, findSuppressions } from './suppressions';
import { decodeBytes, LineIndex, stripBom } from './text';
import type { Finding, Severity } from './types';
import { envFacts, intDocFacts, inventoryFacts, sourceFacts, type FileFacts } from './workspace/facts';

/** `text` is every other file: only rules that read any text (the secret scanner) check it. */
export type FileKind = 'int-doc' | 'env' | 'source' | 'inventory' | 'text';

export interface LintOptions {
  config: Config;
  workspace: WorkspaceFacts;
  /** Defaults to every registered rule; tests pass one rule to check it alone. */
  rules?: readonly Rule[];
}

/** Languages whose env reads the engine understands (see env/source-reads.ts). */
const SOURCE_EXTENSIONS = /\.(?:[cm]?[jt]sx?|py|go|java|kt|kts)$/i;
const NOT_INT_DOCS = /^(?:readme|index|changelog)\.md$/i;
/** `.env` files that document variables rather than hold them: they are scanned for secrets like source. */
const ENV_TEMPLATE = /^\.env\.(?:example|sample|template|dist|defaults)$/i;

const docsMatchers = new Map<string, picomatch.Matcher>();

/** Which checks a workspace-relative path gets. */
export function classify(path: string, config: Config): FileKind {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const folder = slash < 0 ? '' : path.slice(0, slash);
  if (name === '.env' || name.startsWith('.env.')) return 'env';
  if (INVENTORY_NAME.test(name) || path === config.inventory) return 'inventory';
  if (/\.md$/i.test(name)) {
    if (INT_FILE_NAME_LOOSE.test(name)) return 'int-doc';
    if (NOT_INT_DOCS.test(name)) return 'text';
    let inDocsFolder = docsMatchers.get(config.docsFolder);
    if (!inDocsFolder) {
      inDocsFolder = picomatch(config.docsFolder, { dot: true });
      docsMatchers.set(config.docsFolder, inDocsFolder);
    }
    return inDocsFolder(folder) ? 'int-doc' : 'text';
  }
  return SOURCE_EXTENSIONS.test(name) ? 'source' : 'text';
}

/** A real `.env` (not a template such as `.env.example`): where secrets belong, so it must stay out of git. */
export function holdsSecrets(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (name === '.env' || name.startsWith('.env.')) && !ENV_TEMPLATE.test(name);
}

/** Lints a file read from disk: decodes it first so BOM, binary and invalid UTF-8 are handled once. */
export function lintBytes(path: string, bytes: Uint8Array, options: LintOptions): Finding[] {
  const kind = classify(path, options.config);
  const decoded = decodeBytes(bytes);
  const notice = (messageId: keyof typeof encodingRule.meta.messages): Finding[] => {
    const { id, defaultSeverity, messages } = encodingRule.meta;
    const severity = severityOf(id, defaultSeverity, options.config);
    if (!severity) return [];
    const start = { line: 0, character: 0 };
    return [{ ruleId: id, severity, file: path, range: { start, end: start }, message: message(messages[messageId]), fixes: [] }];
  };
  // A binary file is simply not text; a binary INT doc or .env is worth saying.
  const prose = kind === 'int-doc' || kind === 'env' || kind === 'inventory';
  if (decoded.binary) return prose ? notice('binary') : [];
  const findings = lintText(path, decoded.text, options);
  return decoded.invalidUtf8 && prose
    ? [...notice('invalidUtf8'), ...findings]
    : findings;
}

/** Lints text (an editor buffer or decoded file). Never throws: a failing rule becomes a finding. */
export function lintText(path: string, rawText: string, options: LintOptions): Finding[] {
  return lintFile(path, rawText, options).findings;
}

export interface FileLint {
  findings: Finding[];
  /** What the file tells cross-file rules, cut from the same parse; undefined for a file that holds none. */
  facts: FileFacts | undefined;
  /** Whether the file has suppression comments: only then does settleWorkspaceFindings need its text. */
  hasSuppressions: boolean;
}

/** Lints text and keeps its cross-file facts: one parse serves both. */
export function lintFile(path: string, rawText: string, options: LintOptions): FileLint {
  const kind = classify(path, options.config);
  const text = stripBom(rawText);
  // A .env holds secrets by design; a template's values are env/example-value's to judge, with a placeholder fix.
  const scanned = kind !== 'env';
  const rules = rulesFor(options.rules ?? RULES, kind);
  const findings: Finding[] = [];
  const { config } = options;
  let facts: FileFacts | undefined;

  const run = (rule: Rule, check: (report: Report) => void): void => {
    const severity = severityOf(rule.meta.id, rule.meta.defaultSeverity, config);
    if (!severity) return;
    const report: Report = (spec) => findings.push(toFinding(rule, severity, path, spec));
    try {
      check(report);
    } catch (error) {
      findings.push(crashFinding(rule.meta.id, path, error));
    }
  };

  // Found before the rules run so an INT doc is parsed without them (see suppressions.ts).
  const suppressions = findSuppressions(path, text);
  let lineIndex = suppressions.lines;
  const lines = (): LineIndex => (lineIndex ??= new LineIndex(text));
  if (kind === 'int-doc') {
    const doc = parseIntDoc(path, suppressions.parseText);
    facts = intDocFacts(path, doc);
    // A doc past the Markdown parser's limits was not parsed: file/encoding says so, the others would only see an empty doc.
    const docRules = doc.excess ? rules.filter((rule) => rule === encodingRule) : rules;
    for (const rule of docRules) if (rule.checkIntDoc) run(rule, (report) => rule.checkIntDoc?.({ path, config, report, doc, workspace: options.workspace }));
  } else if (kind === 'env') {
    const env = parseEnvFile(path, text);
    facts = envFacts(env);
    for (const rule of rules) if (rule.checkEnvFile) run(rule, (report) => rule.checkEnvFile?.({ path, config, report, env }));
  } else if (kind === 'inventory') {
    const inventory = parseInventory(path, text);
    facts = inventoryFacts(inventory);
    for (const rule of rules) if (rule.checkInventory) run(rule, (report) => rule.checkInventory?.({ path, config, report, inventory }));
  } else if (kind === 'source') {
    // Most source files read no env var: they never pay for a LineIndex.
    const reads = mayReadEnv(path, text) ? findEnvReads(path, text, lines()) : [];
    facts = sourceFacts(reads);
    // No env read, no source rule to run.
    if (reads.length > 0) for (const rule of rules) if (rule.checkSource) run(rule, (report) => rule.checkSource?.({ path, config, report, lines: lines(), reads }));
  }
  if (scanned) {
    for (const rule of rules) {
      if (!rule.checkText) continue;
      run(rule, (report) => rule.checkText?.(new TextCheck(path, config, report, text, lines)));
    }
  }
  const { id, defaultSeverity } = unusedSuppressionRule.meta;
  // Whether a workspace rule's suppression is used is for settleWorkspaceFindings to say.
  const checked = applySuppressions(findings, suppressions, {
    isKnownRule: (ruleId) => RULE_IDS.has(ruleId) || (options.rules ?? []).some((rule) => rule.meta.id === ruleId),
    unusedSeverity: severityOf(id, defaultSeverity, config),
    owns: (ruleId) => !isWorkspaceRule(ruleId),
  });
  return { findings: checked.sort(byPosition), facts, hasSuppressions: suppressions.comments.length > 0 };
}

/**
 * A text rule's context, its LineIndex built on first use. A class, not an
 * object literal with a getter: V8 builds such a literal on a slow path
 * (about 0.3 µs), and every file of a large check gets one per secret rule.
 */
class TextCheck implements TextContext {
  constructor(
    readonly path: string,
    readonly config: Config,
    readonly report: Report,
    readonly text: string,
    private readonly lineIndex: () => LineIndex,
  ) {}

  get lines(): LineIndex {
    return this.lineIndex();
  }
}

/** A file's cross-file facts without linting it (the index reads files nobody has open). */
export function factsOfText(path: string, rawText: string, config: Config): FileFacts | undefined {
  const kind = classify(path, config);
  const text = stripBom(rawText);
  switch (kind) {
    case 'int-doc':
      return intDocFacts(path, parseIntDoc(path, findSuppressions(path, text).parseText));
    case 'env':
      return envFacts(parseEnvFile(path, text));
    case 'inventory':
      return inventoryFacts(parseInventory(path, text));
    case 'source':
      return sourceFacts(mayReadEnv(path, text) ? findEnvReads(path, text, new LineIndex(text)) : []);
    default:
      return undefined;
  }
}

/** Rules that check the workspace as a whole: their findings come from lintWorkspace, not from one file. */
export function isWorkspaceRule(ruleId: string): boolean {
  return WORKSPACE_RULE_IDS.has(ruleId);
}

const rulesByKind = new WeakMap<readonly Rule[], Map<FileKind, Rule[]>>();

/** The rules that check a kind of file (a `.env` is not scanned for secrets); filtered once per rule list, not per file. */
function rulesFor(all: readonly Rule[], kind: FileKind): Rule[] {
  let byKind = rulesByKind.get(all);
  if (!byKind) rulesByKind.set(all, (byKind = new Map()));
  let rules = byKind.get(kind);
  if (!rules) byKind.set(kind, (rules = all.filter((rule) => hasCheck(rule, kind) || (kind !== 'env' && rule.checkText !== undefined))));
  return rules;
}

function hasCheck(rule: Rule, kind: FileKind): boolean {
  if (kind === 'int-doc') return rule.checkIntDoc !== undefined;
  if (kind === 'env') return rule.checkEnvFile !== undefined;
  if (kind === 'inventory') return rule.checkInventory !== undefined;
  return kind === 'source' && rule.checkSource !== undefined;
}

export function severityOf(ruleId: string, defaultSeverity: Severity, config: Config): Severity | undefined {
  const setting = config.rules[ruleId] ?? defaultSeverity;
  return setting === 'off' ? undefined : setting;
}

export function toFinding(rule: Rule, severity: Severity, file: string, spec: ReportSpec): Finding {
  const template = (id: string): string => {
    const text = rule.meta.messages[id];
    if (text === undefined) throw new Error(`rule ${rule.meta.id} has no message "${id}"`);
    return text;
  };
  return {
    ruleId: rule.meta.id,
    severity,
    file,
    range: spec.range,
    // What a rule quotes (a key, a cell, a line that does not parse) can be a secret: masked here, before any shell formats it.
    message: message(template(spec.messageId), ...masked(spec.args)),
    fixes: (spec.fixes ?? []).map((fix) => ({
      title: message(template(fix.messageId), ...masked(fix.args)),
      edits: fix.edits,
      ...(fix.changes ? { changes: fix.changes } : {}),
      // A fix that edits other files is never applied without the user choosing it.
      safe: fix.safe && !fix.changes,
    })),
    ...(spec.data ? { data: Object.fromEntries(Object.entries(spec.data).map(([key, value]) => [key, typeof value === 'string' ? maskSecrets(value) : value])) } : {}),
  };
}

function masked(args: ReadonlyArray<string | number> | undefined): Array<string | number> {
  return (args ?? []).map((arg) => (typeof arg === 'string' ? maskSecrets(arg) : arg));
}

export function crashFinding(ruleId: string, file: string, error: unknown): Finding {
  const start = { line: 0, character: 0 };
  const reason = crashReason(error);
  return {
    ruleId,
    severity: 'error',
    file,
    range: { start, end: start },
    message: message(CRASH_TEMPLATE, ruleId, reason),
    fixes: [],
  };
}

export function byPosition(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
