import type { SecretMode } from '../catalog/providers';
import { backtrackingOf } from '../regex-safety';

// The `secrets` section of simco-int.config.json: a team's own token formats
// and what it declares is not a secret. Regexes come from users, so each is
// compiled and checked for catastrophic backtracking when the file is read;
// a pattern that fails is reported at its JSON node and never runs.

export interface UserSecretPattern {
  /** Stable id, reported in findings' data (`acme-live-key`). */
  id: string;
  /** A catalog id or name (`stripe`, `Stripe`) or the team's own provider name. */
  provider: string;
  /** JavaScript regex source matching the whole secret. */
  regex: string;
  mode: SecretMode;
  /** How messages call it; "secret" when absent. */
  kind?: string;
  /** The env var it belongs in, named in the message. */
  envVar?: string;
}

export interface SecretsConfig {
  patterns: UserSecretPattern[];
  /** Globs of workspace paths never scanned for secrets (fixtures of a scanner, vendored docs). */
  allowPaths: string[];
  /** Regexes of values that are not secrets (a team's published sandbox key). */
  allowPatterns: string[];
}

export function defaultSecretsConfig(): SecretsConfig {
  return { patterns: [], allowPaths: [], allowPatterns: [] };
}

const METACHAR = /[\\^$.|?*+()[\]{}]/;
const QUANTIFIER = /^[?*{]/;

/**
 * The literal text every match starts with, for the prefilter:
 * "acme_live_[0-9a-z]{32}" -> "acme_live_", "ACME\\.[A-Z]{8}" -> "ACME.".
 * Empty when the pattern starts with a class, group or alternation.
 */
export function literalPrefix(source: string): string {
  if (source.includes('|')) return '';
  let prefix = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined || /[0-9A-Za-z]/.test(next)) break; // \d, \b, \1...: not a literal
      if (QUANTIFIER.test(source[i + 2] ?? '')) break;
      prefix += next;
      i++;
      continue;
    }
    if (METACHAR.test(c)) break;
    // A quantified last character ("ab?c") is optional: it is not part of every match.
    if (QUANTIFIER.test(source[i + 1] ?? '')) break;
    prefix += c;
  }
  return prefix;
}

/** Prefixes shorter than this would make the prefilter fire everywhere: such patterns run over the whole text instead. */
export const MIN_PREFIX = 2;

/** How long the ReDoS check of one user pattern may take: the config is read before anything is checked. */
const USER_PATTERN_CHECK_MS = 2000;

export type RegexProblem = { messageId: 'badRegex'; reason: string } | { messageId: 'slowRegex' };

/** Checked the way the scanner runs it: from a known start when it has a literal prefix, else searched through the text. */
export function patternProblem(source: string): RegexProblem | undefined {
  const anchored = literalPrefix(source).length >= MIN_PREFIX;
  return regexProblem(source, anchored);
}

/** Allow patterns are tested against one found value: searched, not anchored, unless they say so. */
export function allowPatternProblem(source: string): RegexProblem | undefined {
  return regexProblem(source, false);
}

function regexProblem(source: string, anchored: boolean): RegexProblem | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(anchored ? `^(?:${source})` : source);
  } catch (error) {
    // "Invalid regular expression: /(/: Unterminated group" -> "Unterminated group".
    const reason = error instanceof Error ? error.message.replace(/^.*: /, '') : String(error);
    return { messageId: 'badRegex', reason };
  }
  // A pattern the checker cannot finish with, or whose syntax it does not model, is treated as unsafe: it runs on every file.
  return backtrackingOf(regex, USER_PATTERN_CHECK_MS).safe ? undefined : { messageId: 'slowRegex' };
}
