import { fold } from '../text';

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
