import { credentialRows } from '../intdoc/credentials';
import type { IntDoc, Section } from '../intdoc/model';
import { sectionFor } from '../intdoc/section-match';
import type { Range } from '../types';

// The outline of an INT doc: the title, its sections and subsections, and the
// credential variables under Credenciales Requeridas, so a doc's variables are
// one keystroke away. Ranges nest, as LSP's DocumentSymbol asks.

export type SymbolKind = 'title' | 'section' | 'subsection' | 'row';

export interface DocSymbol {
  /** Never empty (editors reject empty names): an empty heading shows its `#`s. */
  name: string;
  kind: SymbolKind;
  /** Everything the symbol spans: a section to its last line, a row's line. */
  range: Range;
  /** What to highlight: the heading's text, the variable's name. */
  selectionRange: Range;
  children: DocSymbol[];
}

export function documentSymbols(doc: IntDoc): DocSymbol[] {
  const credentials = sectionFor(doc, 'Credenciales Requeridas');
  const rows: DocSymbol[] = credentialRows(doc).map((row) => ({
    name: row.name,
    kind: 'row',
    range: row.rowRange,
    selectionRange: row.nameRange,
    children: [],
  }));
  const toSymbol = (section: Section, kind: 'section' | 'subsection'): DocSymbol => {
    const children = section.subsections.map((sub) => toSymbol(sub, 'subsection'));
    // Rows sit in the section's own table, before any subsection.
    if (section === credentials) children.unshift(...rows);
    return { name: headingName(section.heading), kind, range: section.range, selectionRange: section.heading.textRange, children };
  };
  const sections = doc.sections.map((section) => toSymbol(section, 'section'));
  const { title } = doc;
  if (!title) return sections;
  // A section above the title (unusual) stays beside it, so ranges still nest.
  const startLine = title.range.start.line;
  const above = sections.filter((s) => s.range.start.line < startLine);
  const below = sections.filter((s) => s.range.start.line > startLine);
  const end = below.length > 0 ? below[below.length - 1].range.end : title.range.end;
  return [
    ...above,
    { name: headingName(title), kind: 'title', range: { start: title.range.start, end }, selectionRange: title.textRange, children: below },
  ];
}

function headingName(heading: { text: string; depth: number }): string {
  return heading.text || '#'.repeat(heading.depth);
}
