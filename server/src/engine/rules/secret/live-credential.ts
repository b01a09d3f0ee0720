import { reportingHits } from '../../secrets/in-file';
import type { Rule } from '../rule';

// The directive (4.1): API keys, secrets and tokens NEVER in source code. A
// provider credential recognised by its documented format is an error unless
// the format says it only works in test mode (secret/test-credential); a
// format that cannot tell (Twilio, SendGrid, webhook secrets) counts as live.

const rule: Rule = {
  meta: {
    id: 'secret/live-credential',
    description: 'No provider credential (live, or of a format that cannot tell live from test) is written in a file of the workspace: it belongs in an environment variable.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      live: '{0} live {1} ({2}) in source: move it to an environment variable ({3}).',
      liveNoVar: '{0} live {1} ({2}) in source: move it to an environment variable.',
      either: '{0} {1} ({2}) in source: move it to an environment variable ({3}).',
      eitherNoVar: '{0} {1} ({2}) in source: move it to an environment variable.',
    },
  },
  checkText: reportingHits('provider', (hit) => {
    if (hit.mode === 'test') return undefined;
    const args = [hit.provider ?? '', hit.kind, hit.redacted];
    const base = hit.mode === 'live' ? 'live' : 'either';
    return hit.envVar ? { messageId: base, args: [...args, hit.envVar] } : { messageId: `${base}NoVar`, args };
  }),
};

export default rule;
