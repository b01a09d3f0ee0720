import { holdsSecrets } from '../lint';
import type { EnvFacts } from '../workspace/facts';
import type { WorkspaceIndex } from '../workspace/index';

// `.env.example` and its kin (.env.sample, .env.template...) document which
// variables an app needs, with placeholders; a real `.env` holds the values.

/** The indexed env templates (not the files holding secrets), by path. */
export function envTemplates(index: WorkspaceIndex): Array<[string, EnvFacts]> {
  return index.ofKind('env').filter(([path]) => !holdsSecrets(path));
}

/** Where a variable missing from every template goes: the root `.env.example`. */
export const ENV_EXAMPLE = '.env.example';

/** The template new variables are added to: the root's `.env.example`, else the first template there is, else a new root one. */
export function envExampleTarget(index: WorkspaceIndex): string {
  const templates = envTemplates(index);
  return templates.find(([path]) => path === ENV_EXAMPLE)?.[0] ?? templates[0]?.[0] ?? ENV_EXAMPLE;
}
