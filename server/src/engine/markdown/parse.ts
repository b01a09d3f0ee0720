import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';

// The template needs GFM tables, which CommonMark (remark-parse alone) lacks.
// Only the table extension is added: remark-gfm's others (autolink literals,
// footnotes, strikethrough, task lists) are not used by any rule, and the
// autolink transform alone walks every text node of every doc.
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

// One processor for the process: building it is the expensive part, parsing reuses it.
const processor = unified().use(remarkParse).use(remarkGfmTable);

/** Parses Markdown into mdast with offsets. micromark accepts any string, so this never throws on content. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
