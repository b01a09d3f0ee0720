import type { Rule } from '../rule';

// Reported by the engine itself when it applies suppression comments
// (suppressions.ts, called from lint.ts lintText): this module holds the
// rule's metadata so it is configurable, documented and listed in SARIF like
// any other. A suppression that silences nothing is dead weight that hides the
// next real finding on that line, so it is reported, not ignored.

const rule: Rule = {
  meta: {
    id: 'suppression/unused',
    description: 'Every simco-int-disable comment names existing rules and silences a finding; unused or malformed suppressions are reported.',
    defaultSeverity: 'warning',
    fixable: true,
    hasSuggestions: true,
    messages: {
      unused: 'Unused suppression: {0} reports nothing on the line this comment covers.',
      unknownRule: 'Expected a rule id in the suppression comment; found "{0}", which is not a rule.',
      missingRule: 'Expected at least one rule id after {0}; a suppression must name the rules it silences.',
      splitsTable: 'This comment ends the table it sits in, so the rows below it leave the table; put <!-- simco-int-disable-line {0} --> at the end of the row instead.',
      removeComment: 'Remove the suppression comment',
      removeRule: 'Remove {0} from the suppression comment',
      moveToRow: 'Move the suppression to the end of the row',
    },
  },
};

export default rule;
