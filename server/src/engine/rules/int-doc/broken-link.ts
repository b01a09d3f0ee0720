import { isOutsideWorkspace, linkTarget } from '../../intdoc/links';
import type { Rule } from '../rule';

// The template links the backend module and `.env.example`; a link that no
// longer resolves (a module renamed, the doc moved) sends readers nowhere.

const rule: Rule = {
  meta: {
    id: 'int-doc/broken-link',
    description: 'Relative links in an INT doc point to files or folders that exist.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      missing: 'Link target "{0}" does not exist (resolved to "{1}").',
      outside: 'Link target "{0}" points outside the workspace.',
    },
  },
  checkIntDoc({ doc, workspace, report }) {
    for (const link of doc.links) {
      const target = linkTarget(doc.path, link.url);
      if (target === undefined) continue;
      if (isOutsideWorkspace(target)) report({ messageId: 'outside', args: [link.url], range: link.range });
      else if (!workspace.exists(target)) report({ messageId: 'missing', args: [link.url, target], range: link.range });
    }
  },
};

export default rule;
