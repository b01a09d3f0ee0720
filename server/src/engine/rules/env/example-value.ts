import { realCredential } from '../../env/example-values';
import { placeholderFor } from '../../env/placeholders';
import type { Rule } from '../rule';

// The directive's .env.example (8.1) holds placeholders only: it is committed
// and read by everyone who clones the repository, so a real key there is a
// published key. The message shows only a redacted form. Replacing the value
// loses it, and it may be the only copy someone has: a suggestion, never --fix.

/** The env files that document variables for others to fill in. `.env.defaults` holds real defaults and is not one. */
const ENV_TEMPLATE = /^\.env\.(?:example|sample|template|dist)$/i;

const rule: Rule = {
  meta: {
    id: 'env/example-value',
    description: 'Env templates (.env.example, .env.sample, .env.template, .env.dist) hold placeholders, never a value that looks like a real credential.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messages: {
      real: 'Expected a placeholder for {0} in {1} (directive 8.1); found a value that looks like a real credential ({2}). Rotate it if this file was ever committed.',
      placeholder: 'Replace the value with a placeholder ({0})',
    },
  },

  checkEnvFile({ path, env, config, report }) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!ENV_TEMPLATE.test(name)) return;
    for (const entry of env.entries) {
      const real = realCredential(entry.key, entry.value, config.secrets);
      if (!real) continue;
      const placeholder = placeholderFor(entry.key);
      report({
        messageId: 'real',
        args: [entry.key, name, real.redacted],
        range: entry.valueRange,
        fixes: [{ messageId: 'placeholder', args: [placeholder], edits: [{ range: entry.valueRange, newText: placeholder }], safe: false }],
        data: { variable: entry.key, redacted: real.redacted, placeholder, ...(real.format ? { format: real.format } : {}) },
      });
    }
  },
};

export default rule;
