import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

// One processor for the process: building it is the expensive part, parsing reuses it.
// GFM is needed for the template's tables; remark-parse alone knows only CommonMark.
const processor = unified().use(remarkParse).use(remarkGfm);

/** Parses Markdown into mdast with offsets. micromark accepts any string, so this never throws on content. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
