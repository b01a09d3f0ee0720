import type { WorkspaceIndex } from '../workspace/index';
import { docCode } from '../workspace/facts';

// The code a new INT doc gets. Codes are identities: the inventory, links and
// people's memory refer to INT-004, so a code a deleted doc left behind is
// never handed out again with another meaning. The next code is one past the
// highest any doc or inventory entry uses.

/** `INT-004` in a Codigo row, a title or a file name (`INT-004-stripe.md`). */
const CODE = /^INT-(\d{3,})(?![0-9])/i;
/** A `documentacion` path's file name (`INT-004-stripe.md`). */
const DOC_FILE = /^INT-(\d{3,})-/i;
const HIGHEST = 999;

/** The last segment of a `/` or `\` path: DOC_FILE is matched there, as a search for `[^/\\]*$` through the path backtracked (ReDoS). */
function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The highest code number in use, 0 when none. */
function highestCode(index: WorkspaceIndex): number {
  let highest = 0;
  const see = (digits: string | undefined): void => {
    if (digits !== undefined) highest = Math.max(highest, Number(digits));
  };
  for (const [, facts] of index.ofKind('int-doc')) {
    for (const text of [docCode(facts), facts.fileCode, facts.title?.text]) see(text && CODE.exec(text.trim())?.[1]);
  }
  for (const [, inventory] of index.ofKind('inventory')) {
    for (const entry of inventory.entries) {
      const documentacion = entry.fields.documentacion?.value;
      if (typeof documentacion === 'string') see(DOC_FILE.exec(fileName(documentacion.trim()))?.[1]);
    }
  }
  return highest;
}

/** `INT-005` after INT-001 and INT-004 (gaps stay gaps); undefined when INT-999 is taken. */
export function nextIntCode(index: WorkspaceIndex): string | undefined {
  const next = highestCode(index) + 1;
  return next > HIGHEST ? undefined : `INT-${String(next).padStart(3, '0')}`;
}
