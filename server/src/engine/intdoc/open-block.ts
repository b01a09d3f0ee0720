import type { IntDoc } from './model';

// Markdown left open runs to the end of the text: a fenced code block with no
// closing fence, or an HTML comment block (a line starting with `<!--` and no
// `-->` after it: CommonMark's HTML block of kind 2). Text appended at the
// end lands inside it, so a suggestion that adds a section or the footer
// there would add nothing a reader, or the next check, can see.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Whether text added at the end of the doc would fall inside a code block or an HTML comment left open. */
export function endsInOpenBlock(doc: IntDoc): boolean {
  const { text, lines } = doc;
  const contentEnd = text.trimEnd().length;
  const last = doc.codeBlocks[doc.codeBlocks.length - 1];
  if (last && lines.offsetAt(last.range.end) >= contentEnd) {
    const opening = FENCE.exec(lines.lineText(last.range.start.line))?.[1];
    const closing = last.range.end.line > last.range.start.line ? lines.lineText(last.range.end.line).trim() : '';
    if (opening && !(closing.length >= opening.length && closing === opening[0].repeat(closing.length))) return true;
  }
  // A comment block opened after the last `-->` is never closed.
  const closed = text.lastIndexOf('-->') + 1;
  const opener = /^ {0,3}<!--/gm;
  opener.lastIndex = closed === 0 ? 0 : closed + 2;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const line = lines.positionAt(match.index).line;
    if (!doc.codeBlocks.some(({ range }) => range.start.line <= line && line <= range.end.line)) return true;
  }
  return false;
}
