import type { Rule } from './rule';
import configInvalid from './config/invalid';
import fileEncoding from './file/encoding';
import brokenLink from './int-doc/broken-link';
import fileName from './int-doc/file-name';
import placeholder from './int-doc/placeholder';

/** Every rule. SARIF, the docs check and config validation read this list. */
export const RULES: readonly Rule[] = [configInvalid, fileEncoding, fileName, placeholder, brokenLink];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.meta.id));
