// Searches that stay linear in the text, for the shapes a searched regex
// makes quadratic: a regex that is not anchored is retried at every offset,
// so `/\/+$/` on a line of 100,000 slashes, or `/\{[^{}]*\}/` on a 10 MB
// line of `{a`, tries (and fails) a run that far at each one. The ReDoS check
// (test/hardening/redos.test.ts) rejects those; these helpers do the same
// work with a loop, or with a sticky regex tried only where its first
// character is.

/** `text` without the run of `chars` at its end ("a//" -> "a" for "/"). */
export function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `text` without the run of `chars` at its start. */
export function trimStart(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start])) start++;
  return text.slice(start);
}

/** Each `(...)` replaced by a space, as `text.replace(/\([^)]*\)/g, ' ')` did: an opening parenthesis with no closing one after it stays. */
export function withoutParentheticals(text: string): string {
  let result = '';
  let from = 0;
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', from)) {
    const close = text.indexOf(')', open + 1);
    if (close < 0) break;
    result += `${text.slice(from, open)} `;
    from = close + 1;
  }
  return result + text.slice(from);
}

/**
 * The matches of `sticky` (a regex with the `y` flag) that start at an
 * occurrence of `first`, left to right and not overlapping, like a global
 * regex's matches. The regex is tried only where `first` is, so it should
 * start with `first` and never run past the next one: then the whole search
 * reads the text about once.
 */
export function* stickyMatches(text: string, first: string, sticky: RegExp): Generator<RegExpExecArray> {
  for (let at = text.indexOf(first); at >= 0; ) {
    sticky.lastIndex = at;
    const match = sticky.exec(text);
    const next = match ? Math.max(at + 1, match.index + match[0].length) : at + 1;
    if (match) yield match;
    at = text.indexOf(first, next);
  }
}

/** The first of stickyMatches(), or null. */
export function firstStickyMatch(text: string, first: string, sticky: RegExp): RegExpExecArray | null {
  for (const match of stickyMatches(text, first, sticky)) return match;
  return null;
}
