import {
  CompletionItemKind,
  DocumentSymbol,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentLink,
  type Hover,
  type LocationLink,
  type Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseIntDoc } from '../engine/intdoc/model';
import { completion } from '../engine/services/completion';
import { definition } from '../engine/services/definition';
import { documentLinks } from '../engine/services/document-links';
import { documentSymbols, type DocSymbol } from '../engine/services/document-symbols';
import { hover } from '../engine/services/hover';
import type { Session } from './session';

// The engine's navigation services in LSP shapes. Each function takes the
// open document and answers from the session's workspace index.

export function hoverAt(session: Session, document: TextDocument, position: Position): Hover | null {
  const path = session.pathOf(document.uri);
  const result = path === undefined ? undefined : hover(session.syncedIndex(), path, document.getText(), position, session.locale);
  return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
}

export function definitionAt(session: Session, document: TextDocument, position: Position): LocationLink[] {
  const path = session.pathOf(document.uri);
  if (path === undefined) return [];
  return definition(session.syncedIndex(), path, document.getText(), position).map((target) => ({
    targetUri: session.uriOf(target.path),
    targetRange: target.range,
    targetSelectionRange: target.selectionRange,
  }));
}

export function completionAt(session: Session, document: TextDocument, position: Position): CompletionItem[] {
  const path = session.pathOf(document.uri);
  if (path === undefined) return [];
  return completion(session.syncedIndex(), path, document.getText(), position, session.config, session.locale).map((item) => ({
    label: item.label,
    kind: item.kind === 'value' ? CompletionItemKind.EnumMember : CompletionItemKind.Variable,
    detail: item.detail,
    textEdit: { range: item.range, newText: item.label },
  }));
}

/** Outline and links are for INT docs only; other files get none. */
function intDocOf(session: Session, document: TextDocument) {
  const path = session.pathOf(document.uri);
  return path !== undefined && session.index.kindOf(path) === 'int-doc' ? parseIntDoc(path, document.getText()) : undefined;
}

const SYMBOL_KINDS: Record<DocSymbol['kind'], SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Module,
  subsection: SymbolKind.Namespace,
  row: SymbolKind.Variable,
};

export function symbolsOf(session: Session, document: TextDocument): DocumentSymbol[] {
  const doc = intDocOf(session, document);
  const convert = (symbol: DocSymbol): DocumentSymbol =>
    DocumentSymbol.create(symbol.name, undefined, SYMBOL_KINDS[symbol.kind], symbol.range, symbol.selectionRange, symbol.children.map(convert));
  return doc ? documentSymbols(doc).map(convert) : [];
}

export function linksOf(session: Session, document: TextDocument): DocumentLink[] {
  const doc = intDocOf(session, document);
  return doc ? documentLinks(doc).map((link) => ({ range: link.range, target: session.uriOf(link.target) })) : [];
}
