import { MARKDOWN_LIMITS } from '../../markdown/limits';
import type { Rule } from '../rule';

// Reported by the engine itself when it decodes a file (lint.ts lintBytes):
// this module holds the rule's metadata so it is configurable, documented and
// listed in SARIF like any other. Its check reports an INT doc past what the
// Markdown parser handles in bounded time (markdown/limits.ts): such a doc is
// not parsed, and lint.ts runs no other INT doc rule on it.

const rule: Rule = {
  meta: {
    id: 'file/encoding',
    description: 'INT docs and .env files are UTF-8 text the checks can read: binary or invalid UTF-8 content, and INT docs too large or intricate to parse in bounded time, are reported, not silently misread.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      binary: 'This file looks binary (it contains NUL bytes); it was not checked.',
      invalidUtf8: 'This file is not valid UTF-8; invalid bytes were read as U+FFFD.',
      tooLarge: 'Expected an INT doc of at most {2} lines and {3} characters; found {0} lines and {1} characters. Only its secrets were checked: parsing it as Markdown would take too long.',
      tooComplex: 'Expected at most {2} "{0}" where this line counts them (nested on the line, in its paragraph, or in the doc so far); found {1}. Parsing this INT doc as Markdown would take too long: only its secrets were checked.',
      longParagraphs: 'Expected shorter paragraphs: with this one ({0} characters by this line), this INT doc\'s paragraphs are too long together to parse as Markdown in bounded time. Only its secrets were checked.',
    },
  },
  checkIntDoc({ doc: { excess, lines }, report }) {
    if (excess?.kind === 'size') {
      report({ messageId: 'tooLarge', args: [excess.lines, excess.characters, MARKDOWN_LIMITS.lines, MARKDOWN_LIMITS.characters], range: lines.rangeOf(0, 0) });
    } else if (excess?.kind === 'markup') {
      report({ messageId: 'tooComplex', args: [excess.markup, excess.count, excess.limit], range: lines.lineRange(excess.line) });
    } else if (excess) {
      report({ messageId: 'longParagraphs', args: [excess.length], range: lines.lineRange(excess.line) });
    }
  },
};

export default rule;
