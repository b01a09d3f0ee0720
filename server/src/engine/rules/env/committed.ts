import { holdsSecrets } from '../../lint';
import { GITIGNORE, gitignoreEdit } from '../../env/gitignore-edit';
import type { Rule } from '../rule';

// The directive's .env rule is "NUNCA commitear": a .env that .gitignore does
// not cover is one `git add .` away from publishing every secret in it, and
// one git already tracks has published them (removing it now does not take
// it out of history: the secrets need rotating).

const rule: Rule = {
  meta: {
    id: 'env/committed',
    description: 'Files that hold secrets (.env, .env.local, ...) are ignored by .gitignore and not tracked by git.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messages: {
      tracked: 'Expected {0} to stay out of git ("NUNCA commitear"); git tracks it. Run git rm --cached {0}, add it to .gitignore and rotate its secrets.',
      notIgnored: 'Expected {0} to be ignored by .gitignore ("NUNCA commitear"); no rule ignores it.',
      ignore: 'Add {0} to .gitignore',
    },
  },
  checkWorkspace({ index, repository, readText, report }) {
    const start = { line: 0, character: 0 };
    const range = { start, end: start };
    const tracked = new Set(repository.trackedSecretEnvFiles);
    for (const path of tracked) report(path, { messageId: 'tracked', args: [path], range });
    for (const [path] of index.ofKind('env')) {
      if (!holdsSecrets(path) || tracked.has(path) || repository.isGitIgnored(path)) continue;
      report(path, { messageId: 'notIgnored', args: [path], range, fixes: [{ messageId: 'ignore', args: [path], edits: [], changes: [gitignoreEdit(readText(GITIGNORE), path)], safe: false }] });
    }
  },
};

export default rule;
