import { isOutsideWorkspace, linkTarget } from '../intdoc/links';
import type { IntDoc } from '../intdoc/model';
import type { Range } from '../types';

// Relative links of an INT doc (the backend module, `.env.example`), resolved
// the way int-doc/broken-link resolves them, so what the editor opens is what
// the rule checked. External links and in-page anchors are the editor's own.

export interface DocLink {
  /** The whole link, `[text](url)`. */
  range: Range;
  /** Workspace-relative path of the file or folder; it may not exist (broken-link says so). */
  target: string;
}

export function documentLinks(doc: IntDoc): DocLink[] {
  const links: DocLink[] = [];
  for (const link of doc.links) {
    const target = linkTarget(doc.path, link.url);
    if (target !== undefined && !isOutsideWorkspace(target)) links.push({ range: link.range, target });
  }
  return links;
}
