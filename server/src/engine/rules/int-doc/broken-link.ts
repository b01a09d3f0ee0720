import { posix } from 'node:path';
import type { Rule } from '../rule';

// The template links the backend module and `.env.example`; a link that no
// longer resolves (a module renamed, the doc moved) sends readers nowhere.

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/** Where a relative link points, workspace-relative; undefined for links this rule does not check. */
function linkTarget(docPath: string, url: string): string | undefined {
  if (!url || EXTERNAL.test(url) || url.includes('{')) return undefined;
  let target = url.replace(/[?#].*$/, '');
  try {
    target = decodeURI(target);
  } catch {
    // A malformed %-escape: check the link as written.
  }
  if (!target) return undefined;
  const joined = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(docPath), target);
  return posix.normalize(joined).replace(/\/$/, '') || '.';
}

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
      if (target === '..' || target.startsWith('../')) report({ messageId: 'outside', args: [link.url], range: link.range });
      else if (!workspace.exists(target)) report({ messageId: 'missing', args: [link.url, target], range: link.range });
    }
  },
};

export default rule;
