import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../../../server/src/engine/rules/rule';
import type { Finding } from '../../../server/src/engine/types';
import { covered, fixAll, FIXTURES, lintCase, show } from '../../helpers';

// The inventory rules' tests lint fixture texts as the workspace's
// MASTER_INVENTORY.yml, one rule at a time.

export const INVENTORY = 'MASTER_INVENTORY.yml';

/** A fixture's bytes as text, BOM and CRLF kept: lintText must cope with both. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, 'inventory', name), 'utf8');
}

export function lintInventory(text: string, rule: Rule): { text: string; findings: Finding[] } {
  return lintCase({ path: INVENTORY, edit: () => text, rules: [rule] });
}

/** "line:col rule-id message | covered text": what the user reads and where the squiggle is. */
export function seen(text: string, rule: Rule): string[] {
  const result = lintInventory(text, rule);
  const shown = result.text.charCodeAt(0) === 0xfeff ? result.text.slice(1) : result.text;
  return result.findings.map((f) => `${show(f)} | ${covered(shown, f)}`);
}

export function fixInventory(text: string, rule: Rule): string {
  return fixAll({ path: INVENTORY, edit: () => text, rules: [rule] });
}
