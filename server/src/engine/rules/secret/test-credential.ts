import { reportingHits } from '../../secrets/in-file';
import type { Rule } from '../rule';

// A test-mode key (sk_test_, TEST- for MercadoPago, a PayPal sandbox token)
// moves no real money, but the directive (4.1, 8.1) still keeps every
// credential in environment variables: a warning, not an error.

const rule: Rule = {
  meta: {
    id: 'secret/test-credential',
    description: 'No test-mode provider credential is written in a file of the workspace: even test keys belong in environment variables.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      test: '{0} test {1} ({2}) in source: even test keys go in an environment variable ({3}).',
      testNoVar: '{0} test {1} ({2}) in source: even test keys go in an environment variable.',
    },
  },
  checkText: reportingHits('provider', (hit) => {
    if (hit.mode !== 'test') return undefined;
    const args = [hit.provider ?? '', hit.kind, hit.redacted];
    return hit.envVar ? { messageId: 'test', args: [...args, hit.envVar] } : { messageId: 'testNoVar', args };
  }),
};

export default rule;
