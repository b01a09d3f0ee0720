import { posix } from 'node:path';

// Where an INT doc's relative links point. int-doc/broken-link checks these
// targets exist; the editor's document links open them: one resolution for both.

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/**
 * Where a relative link points, workspace-relative (`..` or `../x` when it
 * leaves the workspace); undefined for external links, in-page anchors and
 * template placeholders (`{modulo}`).
 */
export function linkTarget(docPath: string, url: string): string | undefined {
  if (!url || EXTERNAL.test(url) || url.includes('{')) return undefined;
  const query = url.search(/[?#]/);
  let target = query < 0 ? url : url.slice(0, query);
  try {
    target = decodeURI(target);
  } catch {
    // A malformed %-escape: resolve the link as written.
  }
  if (!target) return undefined;
  const joined = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(docPath), target);
  return posix.normalize(joined).replace(/\/$/, '') || '.';
}

/** Whether a linkTarget result leaves the workspace. */
export function isOutsideWorkspace(target: string): boolean {
  return target === '..' || target.startsWith('../');
}
