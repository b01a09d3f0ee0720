// Building Markdown for hovers out of workspace data (titles, cells, paths),
// which may hold characters Markdown would read as markup.

const INLINE_MARKUP = /[\\`*_[\]<>|~]/g;

/** Text shown as written: `sk_test_` stays sk_test_, not an emphasis start. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_MARKUP, '\\$&');
}

/** A code span that holds any text, backticks included (CommonMark: a longer fence, padded). */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}
