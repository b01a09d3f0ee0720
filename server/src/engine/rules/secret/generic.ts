import { reportingHits } from '../../secrets/in-file';
import type { Rule } from '../rule';

// Secrets with no recognisable format: a random-looking literal assigned to a
// name like apiKey, client_secret, token or password. Judged by the name and
// the value's shape, so it is a warning: placeholders, env reads, hashes,
// ids and words are left alone, and minified lines are not judged at all.

const rule: Rule = {
  meta: {
    id: 'secret/generic',
    description: 'No random-looking secret or password literal is assigned to a secret-named variable or key (apiKey, client_secret, token, password).',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      secret: 'Possible secret ({0}) assigned to "{1}": move it to an environment variable.',
      password: 'Hardcoded password ({0}) assigned to "{1}": move it to an environment variable.',
    },
  },
  checkText: reportingHits('generic', (hit) => ({ messageId: hit.kind === 'password' ? 'password' : 'secret', args: [hit.redacted, hit.name ?? ''] })),
};

export default rule;
