import type { Report } from '../rules/rule';
import { fold } from '../text';
import { holdsPlaceholder } from './metadata-fields';
import type { Cell } from './model';

// Metadata values come from short closed lists (Estado, Multi-tenant) or an
// open one (Tipo). `pagos` or `Sí` mean the listed word; only the spelling is
// off, which a fix can settle without asking.

export type VocabularyMatch =
  | { kind: 'exact' }
  /** The same word up to case and accents: `canonical` is how the list spells it. */
  | { kind: 'variant'; canonical: string }
  | { kind: 'unknown' };

export function matchVocabulary(value: string, vocabulary: readonly string[]): VocabularyMatch {
  if (vocabulary.includes(value)) return { kind: 'exact' };
  const folded = fold(value);
  const canonical = vocabulary.find((word) => fold(word) === folded);
  return canonical === undefined ? { kind: 'unknown' } : { kind: 'variant', canonical };
}

/**
 * The check Tipo and Estado share, reported with the calling rule's messages
 * `spelling` (canonical, found), `fixSpelling` (canonical) and `unknown`
 * (the list, found). Empty values and placeholders are other rules' business.
 */
export function checkVocabularyValue(value: Cell | undefined, vocabulary: readonly string[], report: Report): void {
  if (!value || !value.text || holdsPlaceholder(value.text)) return;
  const match = matchVocabulary(value.text, vocabulary);
  if (match.kind === 'variant') {
    report({
      messageId: 'spelling',
      args: [match.canonical, value.text],
      range: value.range,
      fixes: [{ messageId: 'fixSpelling', args: [match.canonical], edits: [{ range: value.range, newText: match.canonical }], safe: true }],
      data: { expected: match.canonical },
    });
  } else if (match.kind === 'unknown') {
    report({ messageId: 'unknown', args: [vocabulary.join(', '), value.text], range: value.range });
  }
}
