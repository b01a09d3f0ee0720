import picomatch from 'picomatch';
import { INT_FILE_NAME } from '../../intdoc/template';
import { trimEnd, trimStart } from '../../linear-search';
import type { Rule } from '../rule';

// The directive (3.1) fixes where an INT doc lives and how it is named, so the
// inventory, links and tools can find it: docs/02-integraciones/INT-{NNN}-{nombre}.md.

const rule: Rule = {
  meta: {
    id: 'int-doc/file-name',
    description: 'INT docs are named INT-{NNN}-{nombre}.md (three digits, lowercase kebab-case) and live in the docs folder.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      badName: 'Expected a file name like INT-{NNN}-{nombre}.md (three digits, lowercase kebab-case name); found "{0}".',
      suggestName: 'Expected a file name like INT-{NNN}-{nombre}.md; found "{0}". Rename it to "{1}".',
      outsideFolder: 'INT docs belong in the docs folder "{0}"; this one is in "{1}".',
    },
  },
  checkIntDoc({ doc, config, report }) {
    const slash = doc.path.lastIndexOf('/');
    const name = doc.path.slice(slash + 1);
    const folder = slash < 0 ? '' : doc.path.slice(0, slash);
    const start = { line: 0, character: 0 };
    const range = { start, end: doc.lines.lineRange(0).end };
    if (!INT_FILE_NAME.test(name)) {
      const suggestion = conformingName(name);
      if (suggestion) report({ messageId: 'suggestName', args: [name, suggestion], range, data: { expected: suggestion } });
      else report({ messageId: 'badName', args: [name], range });
    }
    if (!picomatch.isMatch(folder, config.docsFolder, { dot: true })) {
      report({ messageId: 'outsideFolder', args: [config.docsFolder, folder || '.'], range });
    }
  },
};

/** "int-7_Mercado Pago.MD" -> "INT-007-mercado-pago.md", "INT-3-SendGrid.md" -> "INT-003-sendgrid.md", when the number and a name can be read. */
function conformingName(name: string): string | undefined {
  // The extension is cut first: a lazy name before `\.md$` backtracked through the separators (ReDoS).
  if (!/\.md$/i.test(name)) return undefined;
  const match = /^int[-_ ]?(\d{1,3})[-_ ]+([^-_ ].*)?$/i.exec(name.slice(0, -'.md'.length));
  if (!match?.[2]) return undefined;
  const words = match[2]
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const kebab = trimEnd(trimStart(words, '-'), '-');
  return kebab ? `INT-${match[1].padStart(3, '0')}-${kebab}.md` : undefined;
}

export default rule;
