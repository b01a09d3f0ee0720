import type { Rule } from './rule';
import fileName from './int-doc/file-name';

/** Every rule, in the order their findings are easiest to read (file, then top of the doc down). */
export const RULES: readonly Rule[] = [fileName];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.meta.id));
