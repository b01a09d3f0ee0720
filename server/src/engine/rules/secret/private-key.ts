import { reportingHits } from '../../secrets/in-file';
import type { Rule } from '../rule';

// A private key in the repository is a credential anyone with read access
// holds. Public keys and certificates share the PEM armour and are fine.

const rule: Rule = {
  meta: {
    id: 'secret/private-key',
    description: 'No PEM private key block (RSA, EC, OpenSSH, PKCS#8, PGP) is written in a file of the workspace.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      provider: '{0} {1} ({2}) in source: keep it out of the repository and load it from an environment variable ({3}) or a secret manager.',
      unknown: 'Private key ({0}) in source: keep it out of the repository and load it from an environment variable or a secret manager.',
    },
  },
  checkText: reportingHits('private-key', (hit) =>
    hit.provider && hit.envVar
      ? { messageId: 'provider', args: [hit.provider, hit.kind, hit.redacted, hit.envVar] }
      : { messageId: 'unknown', args: [hit.redacted] },
  ),
};

export default rule;
