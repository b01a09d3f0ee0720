import type { IntDoc, Section } from '../../intdoc/model';
import { endsInOpenBlock } from '../../intdoc/open-block';
import { subsectionEntries, templateSections, templateSubsections, type ClaimedSection } from '../../intdoc/section-match';
import { sectionSkeleton, subsectionSkeleton } from '../../intdoc/skeleton';
import { TEMPLATE_SECTIONS } from '../../intdoc/template';
import type { Range, TextEdit } from '../../types';
import type { Report, Rule } from '../rule';

// The directive's template (3.2) is the checklist of what an integration must
// answer: credentials, limits, errors, fallbacks, tenants, tests, monitoring.
// A section left out is a question nobody answered. A misspelled heading
// still counts as present: int-doc/section-name reports it instead.

/** Three or more of one of `-*_`, blanks between: one branch per character, as a backreference inside the repetition backtracked (ReDoS). */
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/** Where a missing block goes and where to tell the user. */
interface Anchor {
  offset: number;
  range: Range;
}

const rule: Rule = {
  meta: {
    id: 'int-doc/missing-section',
    description: "Every required section of the directive's template (and Testing's two subsections) is in the INT doc.",
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messages: {
      missingSection: 'Expected a "## {0}" section; found none.',
      missingSectionBefore: 'Expected a "## {0}" section before "{1}"; found none.',
      missingSubsection: 'Expected a "### {0}" subsection in "## {1}"; found none.',
      insertSection: 'Insert the template\'s "## {0}" section.',
      insertSubsection: 'Insert the template\'s "### {0}" subsection.',
    },
  },
  checkIntDoc({ doc, report }) {
    const claimed = templateSections(doc);
    TEMPLATE_SECTIONS.forEach((entry, order) => {
      const present = claimed.find((c) => c.match.order === order);
      if (present) {
        if (entry.subsections) checkSubsections(doc, present, report);
        return;
      }
      if (entry.optional) return;
      const next = nextPresent(claimed, order);
      const anchor = next ? beforeLine(doc, next.section.heading.range) : atEnd(doc);
      report({
        messageId: next ? 'missingSectionBefore' : 'missingSection',
        args: next ? [entry.name, doc.lines.lineText(next.section.heading.range.start.line).trim()] : [entry.name],
        range: anchor.range,
        fixes: insertable(doc, anchor) ? [{ messageId: 'insertSection', args: [entry.name], edits: [insertBlock(doc, anchor.offset, sectionSkeleton(entry.name, doc.path))], safe: false }] : [],
        data: { section: entry.name },
      });
    });
  },
};

function checkSubsections(doc: IntDoc, parent: ClaimedSection, report: Report): void {
  const claimed = templateSubsections(parent.section, parent.entry);
  subsectionEntries(parent.entry).forEach((entry, order) => {
    if (claimed.some((c) => c.match.order === order)) return;
    const next = nextPresent(claimed, order);
    const anchor = next ? beforeLine(doc, next.section.heading.range) : atSectionEnd(doc, parent.section);
    report({
      messageId: 'missingSubsection',
      args: [entry.name, parent.entry.name],
      range: anchor.range,
      fixes: insertable(doc, anchor) ? [{ messageId: 'insertSubsection', args: [entry.name], edits: [insertBlock(doc, anchor.offset, subsectionSkeleton(entry.name))], safe: false }] : [],
      data: { section: parent.entry.name, subsection: entry.name },
    });
  });
}

/** The present section that comes first after template position `order`: the missing one goes right before it. */
function nextPresent(claimed: readonly ClaimedSection[], order: number): ClaimedSection | undefined {
  let next: ClaimedSection | undefined;
  for (const c of claimed) if (c.match.order > order && (!next || c.match.order < next.match.order)) next = c;
  return next;
}

/** A block inserted at the end of a doc left inside an open code block or HTML comment would not be a section. */
function insertable(doc: IntDoc, anchor: Anchor): boolean {
  return anchor.offset < doc.text.trimEnd().length || !endsInOpenBlock(doc);
}

function beforeLine(doc: IntDoc, range: Range): Anchor {
  return { offset: doc.lines.offsetAt({ line: range.start.line, character: 0 }), range };
}

/** After the section's last line, for a subsection that goes last; reported on the section's heading. */
function atSectionEnd(doc: IntDoc, section: Section): Anchor {
  return { offset: doc.lines.offsetAt(section.range.end), range: section.heading.range };
}

/**
 * The end of the sections: before the `**Ultima actualizacion:**` footer and
 * the `---` rule above it, as the template closes, or else the end of the text.
 */
function atEnd(doc: IntDoc): Anchor {
  const { lines } = doc;
  if (doc.footer) {
    let line = doc.footer.range.start.line;
    let above = line - 1;
    while (above >= 0 && lines.lineText(above).trim() === '') above--;
    if (above >= 0 && THEMATIC_BREAK.test(lines.lineText(above))) line = above;
    return { offset: lines.offsetAt({ line, character: 0 }), range: lines.lineRange(line) };
  }
  let last = lines.lineCount - 1;
  while (last > 0 && lines.lineText(last).trim() === '') last--;
  return { offset: doc.text.length, range: lines.lineRange(last) };
}

/** Inserts lines at `offset` with a blank line on each side, in the file's own line ending. */
function insertBlock(doc: IntDoc, offset: number, block: readonly string[]): TextEdit {
  const { eol } = doc.lines;
  const position = doc.lines.positionAt(offset);
  const before = offset === 0 ? 2 : lineBreaksBefore(doc.text, offset);
  // At the end of the text one line break ends the file; elsewhere a blank line separates.
  const needAfter = offset === doc.text.length ? 1 : 2;
  const after = lineBreaksAfter(doc.text, offset);
  return {
    range: { start: position, end: position },
    newText: eol.repeat(Math.max(0, 2 - before)) + block.join(eol) + eol.repeat(Math.max(0, needAfter - after)),
  };
}

/** Line breaks between `offset` and the last non-blank character before it. */
function lineBreaksBefore(text: string, offset: number): number {
  let breaks = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') {
      breaks++;
      if (text[i - 1] === '\r') i--;
    } else if (c === '\r') breaks++;
    else if (c !== ' ' && c !== '\t') break;
  }
  return breaks;
}

/** Line breaks between `offset` and the next non-blank character. */
function lineBreaksAfter(text: string, offset: number): number {
  let breaks = 0;
  for (let i = offset; i < text.length; i++) {
    const c = text[i];
    if (c === '\r') {
      breaks++;
      if (text[i + 1] === '\n') i++;
    } else if (c === '\n') breaks++;
    else if (c !== ' ' && c !== '\t') break;
  }
  return breaks;
}

export default rule;
