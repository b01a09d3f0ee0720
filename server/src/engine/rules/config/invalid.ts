import type { Rule } from '../rule';

// Reported by config/config.ts when `simco-int.config.json` cannot be used;
// the templates live here so they are translated and documented with the rules.

const rule: Rule = {
  meta: {
    id: 'config/invalid',
    description: 'simco-int.config.json is valid JSON that matches its schema; when it is not, the defaults apply and the problem is reported where it is.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      json: 'Invalid JSON in the configuration: {0}.',
      unknownSetting: 'Unknown setting "{0}" in {1}.',
      type: 'Expected {0} for {1}.',
      enum: 'Expected one of {0} for {1}.',
      pattern: '{0} does not match the expected form {1}.',
      empty: '{0} must not be empty.',
      tooLong: '{0} is longer than {1} characters.',
      tooMany: '{0} has more than {1} entries.',
      unique: '{0} lists the same value twice.',
      invalid: '{0} is not valid ({1}).',
      unknownRule: 'Unknown rule id "{0}".',
      badRegex: '{0} is not a valid regular expression ({1}).',
      slowRegex: '{0} can backtrack catastrophically (nested or overlapping repetition); expected a literal prefix followed by bounded repetition, which runs in linear time.',
      tooLarge: 'Expected a configuration of at most {0} KiB; found {1} KiB. It was not read.',
      tooDeep: 'Expected JSON nested at most {0} levels deep; found deeper nesting here.',
      moreProblems: '{0} more problems in the configuration are not listed.',
      absolutePath: 'Expected {0} relative to the workspace root; found an absolute path.',
      escapesWorkspace: 'Expected {0} inside the workspace; found a path that leaves it with "..".',
      linkEscapes: 'Expected {0} inside the workspace; found a symbolic link that leads outside it.',
      slowGlob: '{0} has too many wildcards to match in bounded time; expected at most {1} "*" in one path segment, {2} "**", and {3} of both together.',
    },
  },
};

export default rule;
