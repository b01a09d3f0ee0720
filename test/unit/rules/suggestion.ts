import { applySafeFixes } from '../../../server/src/engine/fixes';
import type { Finding } from '../../../server/src/engine/types';

// Suggestions are never applied by fixAll; the section rule tests apply the one
// the user would pick, through the engine's own edit application.

/** The text after applying `finding`'s fix number `index`, as an editor does when the user picks it. */
export function applySuggestion(text: string, finding: Finding, index = 0): string {
  const fix = finding.fixes[index];
  if (!fix) throw new Error(`finding has no fix ${index}: ${finding.message.template}`);
  return applySafeFixes(text, [{ ...finding, fixes: [{ ...fix, safe: true }] }]).text;
}
