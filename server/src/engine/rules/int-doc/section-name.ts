import type { Heading } from '../../intdoc/model';
import { templateSections, templateSubsections, type ClaimedSection } from '../../intdoc/section-match';
import type { Report, Rule } from '../rule';

// Tools and readers look sections up by the template's exact names (directive
// 3.2): `## Rate limit` or `## Credenciales` is the right section under a name
// nobody searches for. Headings that are not near a template name are the
// team's own extra sections and are left alone.

const rule: Rule = {
  meta: {
    id: 'int-doc/section-name',
    description: "Section headings use the template's exact names (`## Rate Limits`, not `## Rate limit`).",
    defaultSeverity: 'warning',
    fixable: true,
    hasSuggestions: true,
    messages: {
      rename: 'Expected the heading "{0}"; found "{1}".',
      renameFix: 'Rename the heading to "{0}".',
    },
  },
  checkIntDoc({ doc, report }) {
    for (const claimed of templateSections(doc)) {
      check(claimed, '## ', report);
      if (claimed.entry.subsections) {
        for (const sub of templateSubsections(claimed.section, claimed.entry)) check(sub, '### ', report);
      }
    }
  },
};

function check({ section, match }: ClaimedSection, hashes: string, report: Report): void {
  if (match.kind === 'exact') return;
  const heading: Heading = section.heading;
  report({
    messageId: 'rename',
    args: [hashes + match.expected, hashes + heading.text],
    range: heading.textRange,
    // Case, accents, spacing and the listed short forms surely mean this section;
    // an edit-distance guess could be a section the team added, so the user decides.
    fixes: [{ messageId: 'renameFix', args: [match.expected], edits: [{ range: heading.textRange, newText: match.expected }], safe: match.kind !== 'typo' }],
    data: { expected: match.expected, kind: match.kind },
  });
}

export default rule;
