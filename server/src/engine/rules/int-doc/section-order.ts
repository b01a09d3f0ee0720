import { templateSections, type ClaimedSection } from '../../intdoc/section-match';
import type { Rule } from '../rule';

// Every INT doc answers the same questions in the same order (directive 3.2),
// so a reader who knows one finds the rate limits of any other at a glance.
// Only the sections that moved are reported: the longest run already in
// template order stays put, and each heading outside it is reported once.

const rule: Rule = {
  meta: {
    id: 'int-doc/section-order',
    description: "The template's sections appear in the template's order.",
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      after: 'Section "{0}" is out of the template\'s order; expected it after "{1}".',
      before: 'Section "{0}" is out of the template\'s order; expected it before "{1}".',
    },
  },
  checkIntDoc({ doc, report }) {
    const claimed = templateSections(doc);
    const inOrder = longestInOrder(claimed);
    const headingOf = (c: ClaimedSection) => doc.lines.lineText(c.section.heading.range.start.line).trim();
    claimed.forEach((moved, index) => {
      if (inOrder.has(index)) return;
      const order = moved.match.order;
      let after: ClaimedSection | undefined;
      let before: ClaimedSection | undefined;
      for (const other of claimed) {
        const o = other.match.order;
        if (o < order && (!after || o > after.match.order)) after = other;
        if (o > order && (!before || o < before.match.order)) before = other;
      }
      // A moved section always has a neighbour in template order on one side.
      const anchor = after ?? before;
      if (!anchor) return;
      report({
        messageId: after ? 'after' : 'before',
        args: [headingOf(moved), headingOf(anchor)],
        range: moved.section.heading.textRange,
        data: { section: moved.entry.name, [after ? 'after' : 'before']: anchor.entry.name },
      });
    });
  },
};

/**
 * Positions (in document order) of a longest subsequence whose template order
 * increases. Ties keep the earlier headings, so in a swapped pair the later one
 * is reported. At most a dozen sections: the quadratic scan is cheap.
 */
function longestInOrder(claimed: readonly ClaimedSection[]): Set<number> {
  const length: number[] = [];
  const previous: number[] = [];
  let end = -1;
  claimed.forEach((c, i) => {
    length[i] = 1;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if (claimed[j].match.order < c.match.order && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
    if (end < 0 || length[i] > length[end]) end = i;
  });
  const kept = new Set<number>();
  for (let i = end; i >= 0; i = previous[i]) kept.add(i);
  return kept;
}

export default rule;
