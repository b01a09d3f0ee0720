import type { ReportSpec, TextContext } from '../rules/rule';
import { scanSecrets, type SecretCategory, type SecretHit } from './scan';

// The six secret rules read one scan per file. The engine runs a file's rules
// one after another with the same text, so remembering the last scan (keyed
// by the very path, text and settings objects) is enough and holds no memory
// beyond one file.

let last: { path: string; text: string; settings: object; hits: SecretHit[] } | undefined;

export function secretsIn(context: TextContext): SecretHit[] {
  const { path, text, config } = context;
  if (last && last.path === path && last.text === text && last.settings === config.secrets) return last.hits;
  const hits = scanSecrets(text, path, config.secrets);
  last = { path, text, settings: config.secrets, hits };
  return hits;
}

/** Facts for shells and the "Move to .env" action; never the secret itself. */
export function hitData(hit: SecretHit): Record<string, string> {
  const data: Record<string, string> = { kind: hit.kind, redacted: hit.redacted, mode: hit.mode };
  if (hit.provider) data.provider = hit.provider;
  if (hit.envVar) data.envVar = hit.envVar;
  if (hit.format) data.format = hit.format;
  return data;
}

/**
 * A secret rule's check: reports every hit of a category that `message`
 * accepts, ranged over exactly the secret. The six rules share this one
 * function: V8 then optimizes it once per thread, not once per rule (each
 * copy took about 15 ms of compilation while a check's threads were busy).
 */
export function reportingHits(category: SecretCategory, message: (hit: SecretHit) => Pick<ReportSpec, 'messageId' | 'args'> | undefined): (context: TextContext) => void {
  return (context) => {
    for (const hit of secretsIn(context)) {
      if (hit.category !== category) continue;
      const spec = message(hit);
      if (!spec) continue;
      context.report({ ...spec, range: context.lines.rangeOf(hit.start, hit.end), data: hitData(hit) });
    }
  };
}
