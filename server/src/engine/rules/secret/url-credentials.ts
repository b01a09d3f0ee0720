import { reportingHits } from '../../secrets/in-file';
import type { Rule } from '../rule';

// `postgres://app:<password>@db/app` with a real password in source puts the password in the
// repository; the whole URL belongs in an environment variable.

const rule: Rule = {
  meta: {
    id: 'secret/url-credentials',
    description: 'No URL in a file of the workspace carries a password (scheme://user:password@host).',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      password: 'Password in a {0} URL ({1}) in source: move the URL to an environment variable.',
    },
  },
  checkText: reportingHits('url', (hit) => ({ messageId: 'password', args: [hit.name ?? '', hit.redacted] })),
};

export default rule;
