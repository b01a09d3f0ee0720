import { docCode } from '../../workspace/facts';
import type { Rule } from '../rule';

// The INT code is the integration's identity in the inventory, in links and
// in conversation: two docs claiming one code make every reference ambiguous.

const rule: Rule = {
  meta: {
    id: 'int-doc/duplicate-code',
    description: 'No two INT docs share an INT-{NNN} code.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      duplicate: 'Expected a code no other INT doc uses; {0} is also the code of {1}.',
    },
  },
  checkWorkspace({ index, report }) {
    const byCode = new Map<string, string[]>();
    const docs = index.ofKind('int-doc');
    for (const [path, facts] of docs) {
      const code = docCode(facts)?.toUpperCase();
      if (!code || code.includes('{')) continue;
      const paths = byCode.get(code);
      if (paths) paths.push(path);
      else byCode.set(code, [path]);
    }
    for (const [path, facts] of docs) {
      const code = docCode(facts)?.toUpperCase();
      const sharing = code ? (byCode.get(code) ?? []) : [];
      if (sharing.length < 2) continue;
      const others = sharing.filter((other) => other !== path);
      // The Codigo cell when there is one, else the title that carries the code, else the file's start.
      const zero = { line: 0, character: 0 };
      const range = facts.metadata.Codigo?.range ?? facts.title?.range ?? { start: zero, end: zero };
      report(path, { messageId: 'duplicate', args: [code!, others.join(', ')], range });
    }
  },
};

export default rule;
