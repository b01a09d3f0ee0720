import type { Rule } from '../rule';

// Reported by the engine itself when it decodes a file (lint.ts lintBytes):
// this module holds the rule's metadata so it is configurable, documented and
// listed in SARIF like any other.

const rule: Rule = {
  meta: {
    id: 'file/encoding',
    description: 'INT docs and .env files are UTF-8 text: binary or invalid UTF-8 content is reported, not silently misread.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      binary: 'This file looks binary (it contains NUL bytes); it was not checked.',
      invalidUtf8: 'This file is not valid UTF-8; invalid bytes were read as U+FFFD.',
    },
  },
};

export default rule;
