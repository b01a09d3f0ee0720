import { reportingHits } from '../../secrets/in-file';
import type { Rule } from '../rule';

// A signed JWT is a bearer credential until it expires, and hardcoded ones
// are often long-lived service tokens. Whose it is cannot be told from the
// token, so this is a warning.

const rule: Rule = {
  meta: {
    id: 'secret/jwt',
    description: 'No signed JSON Web Token is written in a file of the workspace.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      token: 'JSON Web Token ({0}) in source: move it to an environment variable.',
    },
  },
  checkText: reportingHits('jwt', (hit) => ({ messageId: 'token', args: [hit.redacted] })),
};

export default rule;
