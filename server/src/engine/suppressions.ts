import { message } from './messages';
import unusedRule from './rules/suppression/unused';
import { LineIndex } from './text';
import type { Finding, Fix, Range, Severity, TextEdit } from './types';

// Inline suppression comments, ESLint-style but narrower: each names the rules
// it silences, on one line only.
//
//   <!-- simco-int-disable-next-line int-doc/metadata-estado -- reason -->   Markdown
//   | Estado | Terminado | <!-- simco-int-disable-line int-doc/metadata-estado -->
//   # simco-int-disable-next-line env/naming -- reason                      .env, YAML, Python
//   // simco-int-disable-next-line env/naming                               JS/TS, Go, Java, Kotlin
//
// `disable-line` exists for Markdown tables: a comment on its own line between
// two rows ends the table, so a row can only be suppressed from its own line.
// The comments are found by scanning lines (never by parsing), and a Markdown
// file is parsed with them blanked out, so rules never see them: a trailing
// comment does not become an extra table cell or part of a heading's text.

const MARKER = 'simco-int-disable-';
/**
 * What every file is searched for first. V8 looks for a literal's first
 * character and compares from there: "s" starts a word every few characters
 * of code, "-" rarely, so this search takes two thirds of the time.
 */
const MARKER_TAIL = MARKER.slice(MARKER.indexOf('-'));
/** The directive right after `<!--`, `#` or `//`; Markdown may close the comment without a blank. */
const DIRECTIVE = /simco-int-disable-(next-line|line)(?=[ \t]|$|-->)/y;
/** ` -- ` starts the reason, as in ESLint. */
const REASON = /(?:^|[ \t])--(?:[ \t]|$)/;
const RULE_ID = /[^\s,]+/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** CommonMark's HTML block of kind 2: a line starting with `<!--` opens it, the first line holding `-->` closes it. */
const HTML_COMMENT_BLOCK = /^ {0,3}<!--/;
/** Matched against the file name: against the path, the unbounded `[^/]*$` was searched from every dot (ReDoS). */
const DOTENV_NAME = /^\.env(?:\.[^/]*)?$/i;
const HASH_COMMENT_EXTENSION = /\.(?:py|ya?ml)$/i;

type Style = 'html' | 'hash' | 'slash';
const OPENERS: Record<Style, string> = { html: '<!--', hash: '#', slash: '//' };

/** A rule id as written in a comment, with its offsets in the file. */
export interface NamedRule {
  id: string;
  start: number;
  end: number;
}

export interface Suppression {
  /** `simco-int-disable-next-line` or `simco-int-disable-line`, as written. */
  directive: string;
  /** The 0-based line whose findings it silences. */
  target: number;
  rules: NamedRule[];
  directiveStart: number;
  directiveEnd: number;
  /** From the comment opener to its end. */
  commentStart: number;
  commentEnd: number;
  /** What removing the comment deletes: its whole line with the line break when it stands alone, else the comment and the blanks before it. */
  removeStart: number;
  removeEnd: number;
  /** Rule ids and reason as written, to move the comment. */
  body: string;
  /** A Markdown comment alone on its line between two table rows: it ends the table. */
  splitsTable: boolean;
}

export interface FileSuppressions {
  path: string;
  comments: Suppression[];
  /** The text a Markdown file is parsed from: every suppression comment blanked, same length and lines. */
  parseText: string;
  /** Built only when the file has suppression comments. */
  lines?: LineIndex;
}

function styleOf(path: string): Style {
  if (/\.md$/i.test(path)) return 'html';
  const name = path.slice(path.lastIndexOf('/') + 1);
  return DOTENV_NAME.test(name) || HASH_COMMENT_EXTENSION.test(path) ? 'hash' : 'slash';
}

/** Finds the suppression comments of a file in one pass over its lines. */
export function findSuppressions(path: string, text: string): FileSuppressions {
  // Most files have none: one native search instead of a line scan.
  if (!text.includes(MARKER_TAIL) || !text.includes(MARKER)) return { path, comments: [], parseText: text };
  const style = styleOf(path);
  const lines = new LineIndex(text);
  const comments: Suppression[] = [];
  let fence: string | undefined;
  let htmlComment = false;
  for (let line = 0; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    if (style === 'html' && htmlComment) {
      // Inside an open comment block a suppression is only text of that comment, and its `-->`
      // closes the block: removing it as unused would leave the block open over the rest of the doc.
      if (lineText.includes('-->')) htmlComment = false;
      continue;
    }
    if (style === 'html') {
      // A comment inside a fenced code block is an example, not a suppression.
      const run = FENCE.exec(lineText);
      const after = run ? lineText.slice(run[0].length) : '';
      if (fence) {
        if (run && run[1][0] === fence[0] && run[1].length >= fence.length && after.trim() === '') fence = undefined;
        continue;
      }
      // A backtick fence's info string has no backtick (else it is inline code).
      if (run && (run[1][0] === '~' || !after.includes('`'))) {
        fence = run[1];
        continue;
      }
      if (HTML_COMMENT_BLOCK.test(lineText) && !lineText.includes('-->', lineText.indexOf('<!--') + 4)) {
        htmlComment = true;
        continue;
      }
    }
    const comment = parseComment(lines, line, lineText, style);
    if (comment) comments.push(comment);
  }
  return { path, comments, parseText: style === 'html' ? blankOut(text, comments) : text, lines };
}

function parseComment(lines: LineIndex, line: number, lineText: string, style: Style): Suppression | undefined {
  const at = lineText.indexOf(MARKER);
  if (at < 0) return undefined;
  let open = at;
  while (open > 0 && (lineText[open - 1] === ' ' || lineText[open - 1] === '\t')) open--;
  const opener = OPENERS[style];
  const openStart = open - opener.length;
  if (openStart < 0 || !lineText.startsWith(opener, openStart)) return undefined;
  const before = lineText.slice(0, openStart);
  // `a#b` or `http://` is not a comment opener.
  if (before !== '' && !/[ \t]$/.test(before)) return undefined;
  DIRECTIVE.lastIndex = at;
  const directive = DIRECTIVE.exec(lineText);
  if (!directive) return undefined;
  const directiveEnd = DIRECTIVE.lastIndex;
  let bodyEnd = lineText.length;
  if (style === 'html') {
    const trimmed = lineText.trimEnd();
    if (!trimmed.endsWith('-->') || trimmed.length - 3 < directiveEnd) return undefined;
    bodyEnd = trimmed.length - 3;
  }
  const commentEnd = style === 'html' ? bodyEnd + 3 : lineText.length;
  const body = lineText.slice(directiveEnd, bodyEnd);
  const reason = REASON.exec(body);
  const idsText = reason ? body.slice(0, reason.index) : body;

  const lineStart = lines.offsetAt({ line, character: 0 });
  const rules: NamedRule[] = [];
  for (const id of idsText.matchAll(RULE_ID)) {
    const start = lineStart + directiveEnd + id.index;
    rules.push({ id: id[0], start, end: start + id[0].length });
  }
  const ownLine = before.trim() === '';
  const nextLine = directive[1] === 'next-line';
  let removeStart = lineStart + before.trimEnd().length;
  let removeEnd = lineStart + lineText.length;
  if (ownLine) {
    const last = line === lines.lineCount - 1;
    removeStart = last && line > 0 ? lines.lineEnd(line - 1) : lineStart;
    removeEnd = last ? lines.text.length : lines.offsetAt({ line: line + 1, character: 0 });
  }
  const isRow = (n: number) => n >= 0 && n < lines.lineCount && lines.lineText(n).trimStart().startsWith('|');
  return {
    directive: directive[0],
    target: nextLine ? line + 1 : line,
    rules,
    directiveStart: lineStart + at,
    directiveEnd: lineStart + directiveEnd,
    commentStart: lineStart + openStart,
    commentEnd: lineStart + commentEnd,
    removeStart,
    removeEnd,
    body: body.trim(),
    splitsTable: style === 'html' && ownLine && nextLine && isRow(line - 1) && isRow(line + 1),
  };
}

/** Replaces each comment with blanks, keeping every offset and line break where it was. */
function blankOut(text: string, comments: readonly Suppression[]): string {
  if (comments.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const comment of comments) {
    parts.push(text.slice(from, comment.commentStart), ' '.repeat(comment.commentEnd - comment.commentStart));
    from = comment.commentEnd;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

export interface SuppressionOptions {
  /** Whether an id names a rule (the registry's or one the caller runs). */
  isKnownRule(id: string): boolean;
  /** suppression/unused's configured severity; undefined when it is off. */
  unusedSeverity: Severity | undefined;
  /**
   * Which named rules this call may call unused. A file's own lint cannot
   * know whether a workspace rule's finding will need the comment, and
   * lintWorkspace knows nothing of per-file rules: each judges its own.
   * Defaults to all.
   */
  owns?: (ruleId: string) => boolean;
  /** Whether to report comments that are wrong as a whole (naming no rule, splitting a table); default true, said once per file. */
  judgesComments?: boolean;
}

/**
 * Drops the findings a comment silences (a finding belongs to the line its
 * range starts on) and adds a suppression/unused finding for every named rule
 * that silenced nothing, every unknown id and every comment that names none.
 */
export function applySuppressions(findings: Finding[], file: FileSuppressions, options: SuppressionOptions): Finding[] {
  if (file.comments.length === 0 || !file.lines) return findings;
  const byTarget = new Map<number, Suppression[]>();
  for (const comment of file.comments) {
    const same = byTarget.get(comment.target);
    if (same) same.push(comment);
    else byTarget.set(comment.target, [comment]);
  }
  const used = new Set<NamedRule>();
  const kept = findings.filter((finding) => {
    let suppressed = false;
    for (const comment of byTarget.get(finding.range.start.line) ?? []) {
      for (const named of comment.rules) {
        if (named.id !== finding.ruleId) continue;
        used.add(named);
        suppressed = true;
      }
    }
    return !suppressed;
  });
  if (!options.unusedSeverity) return kept;
  const report = new Reporter(file.path, file.lines, options.unusedSeverity);
  for (const comment of file.comments) report.comment(comment, used, options);
  return [...kept, ...report.findings];
}

type MessageId = keyof typeof unusedRule.meta.messages;

class Reporter {
  readonly findings: Finding[] = [];

  constructor(
    private readonly path: string,
    private readonly lines: LineIndex,
    private readonly severity: Severity,
  ) {}

  comment(comment: Suppression, used: ReadonlySet<NamedRule>, { isKnownRule, owns, judgesComments = true }: SuppressionOptions): void {
    const directive = this.lines.rangeOf(comment.directiveStart, comment.directiveEnd);
    if (!judgesComments && (comment.rules.length === 0 || comment.splitsTable)) return;
    if (comment.rules.length === 0) {
      // A blanket suppression is not allowed; deleting it reveals findings, so the user chooses.
      this.add('missingRule', [comment.directive], directive, this.removeComment(comment, false));
      return;
    }
    if (comment.splitsTable) {
      this.add('splitsTable', [comment.rules.map((r) => r.id).join(', ')], this.lines.rangeOf(comment.commentStart, comment.commentEnd), this.moveToRow(comment));
      return;
    }
    const mine = (named: NamedRule): boolean => owns?.(named.id) ?? true;
    // A rule this call does not judge may still need the comment: only a comment all of whose rules are dead goes.
    const allDead = comment.rules.every((named) => mine(named) && !used.has(named));
    const allUnused = allDead && comment.rules.every((named) => isKnownRule(named.id));
    comment.rules.forEach((named, index) => {
      if (used.has(named) || !mine(named)) return;
      const known = isKnownRule(named.id);
      // Removing an unused rule is safe; an unknown id is likely a typo the user should correct, so that is a suggestion.
      const fix = (known ? allUnused : allDead) ? this.removeComment(comment, known) : this.removeRule(comment, index, known);
      const range = this.lines.rangeOf(named.start, named.end);
      this.add(known ? 'unused' : 'unknownRule', [named.id], range, fix, { rule: named.id });
    });
  }

  private add(messageId: MessageId, args: string[], range: Range, fix: Fix, data?: Record<string, string>): void {
    const { id, messages } = unusedRule.meta;
    this.findings.push({
      ruleId: id,
      severity: this.severity,
      file: this.path,
      range,
      message: message(messages[messageId], ...args),
      fixes: [fix],
      ...(data ? { data } : {}),
    });
  }

  private removeComment(comment: Suppression, safe: boolean): Fix {
    return this.fix('removeComment', [], safe, [[comment.removeStart, comment.removeEnd, '']]);
  }

  /** Deletes one id and the separator that joins it to its neighbour, keeping the others. */
  private removeRule(comment: Suppression, index: number, safe: boolean): Fix {
    const named = comment.rules[index];
    const [start, end] = index > 0 ? [comment.rules[index - 1].end, named.end] : [named.start, comment.rules[1].start];
    return this.fix('removeRule', [named.id], safe, [[start, end, '']]);
  }

  private moveToRow(comment: Suppression): Fix {
    const rowEnd = this.lines.lineEnd(comment.target);
    const trailing = ` <!-- simco-int-disable-line ${comment.body} -->`;
    return this.fix('moveToRow', [], false, [[comment.removeStart, comment.removeEnd, ''], [rowEnd, rowEnd, trailing]]);
  }

  private fix(messageId: MessageId, args: string[], safe: boolean, edits: Array<[number, number, string]>): Fix {
    return {
      title: message(unusedRule.meta.messages[messageId], ...args),
      edits: edits.map(([start, end, newText]) => ({ range: this.lines.rangeOf(start, end), newText })),
      safe,
    };
  }
}

/**
 * The edit that silences `finding` with a comment, as the editor's "suppress"
 * quick fix writes it: at the end of a Markdown table row (a comment line
 * would end the table), else on a line of its own above the finding.
 */
export function suppressionEdit(path: string, text: string, finding: Finding): TextEdit {
  const lines = new LineIndex(text);
  const line = finding.range.start.line;
  const lineText = lines.lineText(line);
  const style = styleOf(path);
  if (style === 'html' && lineText.trimStart().startsWith('|')) {
    const end = lines.lineRange(line).end;
    return { range: { start: end, end }, newText: ` <!-- ${MARKER}line ${finding.ruleId} -->` };
  }
  const start = { line, character: 0 };
  if (style === 'html') return { range: { start, end: start }, newText: `<!-- ${MARKER}next-line ${finding.ruleId} -->${lines.eol}` };
  // In code the comment takes the line's indentation, as a formatter would.
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  return { range: { start, end: start }, newText: `${indent}${OPENERS[style]} ${MARKER}next-line ${finding.ruleId}${lines.eol}` };
}
