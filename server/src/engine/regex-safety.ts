import { isSafe } from 'redos-detector';

// Whether a regex can backtrack catastrophically (ReDoS), judged by
// redos-detector the way the regex runs: a sticky (`y`) regex is tried at one
// offset, as if anchored; any other is searched through its input (the
// checker then prefixes `[^]*`, so a search that retries a long run from
// every offset is caught too). One judgement for the user's patterns at
// config load and for every regex of the code (test/hardening/redos.test.ts).

export type Backtracking = { safe: true } | { safe: false; reason: string };

/**
 * `timeoutMs` bounds the check for patterns from users; without it the
 * checker stops after its step limit, which is deterministic. A pattern it
 * cannot decide (step limit, time limit, syntax it does not model) is unsafe.
 */
export function backtrackingOf(regex: RegExp, timeoutMs?: number): Backtracking {
  const anchored = regex.sticky ? `^(?:${regex.source})` : regex.source;
  let checked: RegExp;
  try {
    checked = new RegExp(numberedGroups(anchored), regex.flags.replace(/[gyd]/g, ''));
  } catch (error) {
    return { safe: false, reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    const result = isSafe(checked, timeoutMs === undefined ? {} : { timeout: timeoutMs });
    return result.safe ? { safe: true } : { safe: false, reason: result.error };
  } catch (error) {
    return { safe: false, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/**
 * The source with named groups as plain ones and `\k<name>` as `\N`: the
 * checker's parser predates named groups, and numbering them changes nothing
 * about how the regex backtracks.
 */
export function numberedGroups(source: string): string {
  const groups: string[] = [];
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const reference = inClass ? null : /^\\k<([^>]+)>/.exec(source.slice(i, i + 200));
      if (reference && groups.includes(reference[1])) {
        out += `\\${groups.indexOf(reference[1]) + 1}`;
        i += reference[0].length - 1;
      } else {
        out += source.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      const named = /^\(\?<([^>=!]+)>/.exec(source.slice(i, i + 200));
      if (named) {
        groups.push(named[1]);
        out += '(';
        i += named[0].length - 1;
        continue;
      }
      if (source[i + 1] !== '?') groups.push('');
    }
    out += c;
  }
  return out;
}
