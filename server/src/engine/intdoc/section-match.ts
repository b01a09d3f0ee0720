import { fold } from '../text';
import type { IntDoc, Section } from './model';
import { TEMPLATE_SECTIONS, type TemplateSection } from './template';

// Which template section a heading means. Every section rule asks this module,
// so a heading that section-name reports as a near miss is also the section
// that missing-section counts as present and whose table table-columns checks.

/**
 * How a heading's text relates to the template:
 * - exact: the template's name or an accepted spelling as written, or a heading saying an optional section does not apply;
 * - variant: the same words in another case, accents or spacing (`## rate limits`);
 * - near-miss: a short form people type instead, listed in template.ts (`## Rate limit`);
 * - typo: a small edit away from the name (`## Monitoero`), a guess.
 */
export type MatchKind = 'exact' | 'variant' | 'near-miss' | 'typo';

export interface NameMatch {
  /** Index of the matched entry in the list it was matched against (template order). */
  order: number;
  kind: MatchKind;
  /** The spelling the heading should have: the name, or the accepted spelling it varies. */
  expected: string;
}

export interface ClaimedSection {
  section: Section;
  entry: TemplateSection;
  match: NameMatch;
}

/** Headings within this many edits of a name of at least TYPO_MIN_LENGTH characters are typos of it. */
const TYPO_MAX_DISTANCE = 2;
const TYPO_MIN_LENGTH = 6;

/** Folded text with spacing normalised: `Endpoints / SDK  utilizados` and `Endpoints/SDK Utilizados` compare equal. */
export function nameKey(text: string): string {
  return fold(text).replace(/\s+/g, ' ').replace(/ ?\/ ?/g, '/');
}

/**
 * Headings that say an optional section does not apply. The directive allows
 * that, so any spelling is accepted as written, and `(no aplica)` is not a
 * typo of `(si aplica)`.
 */
const NOT_APPLICABLE: Readonly<Record<string, readonly string[]>> = {
  'Webhooks (si aplica)': ['Webhooks (no aplica)', 'Webhooks (n/a)'],
};

interface Spelling {
  order: number;
  text: string;
  key: string;
}

/** Matches heading texts against an ordered list of template entries; built once per list. */
class NameMatcher {
  private readonly spellings: Spelling[] = [];
  private readonly nearMisses = new Map<string, number>();
  private readonly notApplicable = new Map<string, number>();

  constructor(private readonly entries: readonly TemplateSection[]) {
    entries.forEach((entry, order) => {
      for (const text of [entry.name, ...(entry.accepted ?? [])]) this.spellings.push({ order, text, key: nameKey(text) });
      for (const near of entry.nearMisses ?? []) this.nearMisses.set(nameKey(near), order);
      for (const text of NOT_APPLICABLE[entry.name] ?? []) this.notApplicable.set(nameKey(text), order);
    });
  }

  match(text: string): NameMatch | undefined {
    const exact = this.spellings.find((s) => s.text === text);
    if (exact) return { order: exact.order, kind: 'exact', expected: exact.text };
    const key = nameKey(text);
    const notApplicable = this.notApplicable.get(key);
    if (notApplicable !== undefined) return { order: notApplicable, kind: 'exact', expected: text };
    const variant = this.spellings.find((s) => s.key === key);
    if (variant) return { order: variant.order, kind: 'variant', expected: variant.text };
    const near = this.nearMisses.get(key);
    if (near !== undefined) return { order: near, kind: 'near-miss', expected: this.entries[near].name };
    return this.typo(key);
  }

  /**
   * The closest spelling within TYPO_MAX_DISTANCE. The first letter must agree:
   * typos rarely hit it, and that keeps real extra sections such as
   * `## Callbacks` or `## Hosting` from reading as `Fallbacks` or `Testing`.
   */
  private typo(key: string): NameMatch | undefined {
    let best: Spelling | undefined;
    let bestDistance = TYPO_MAX_DISTANCE + 1;
    for (const spelling of this.spellings) {
      if (spelling.key.length < TYPO_MIN_LENGTH || spelling.key[0] !== key[0]) continue;
      const distance = editDistance(key, spelling.key, bestDistance - 1);
      if (distance < bestDistance) {
        best = spelling;
        bestDistance = distance;
      }
    }
    return best && { order: best.order, kind: 'typo', expected: best.text };
  }
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent
 * transpositions), or `limit + 1` as soon as it must exceed `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], limit + 1);
}

const RANK: Record<MatchKind, number> = { exact: 0, variant: 1, 'near-miss': 2, typo: 3 };

/**
 * Gives each template entry at most one heading: exact spellings claim first,
 * then variants, near misses and typos, each in document order. A near miss of
 * a section that is already there by its real name is a different section the
 * team added, not a misspelling, so it stays unclaimed.
 */
function claim(sections: readonly Section[], entries: readonly TemplateSection[], matcher: NameMatcher): ClaimedSection[] {
  const candidates = sections
    .map((section, position) => ({ section, position, match: matcher.match(section.heading.text) }))
    .filter((c): c is { section: Section; position: number; match: NameMatch } => c.match !== undefined)
    .sort((x, y) => RANK[x.match.kind] - RANK[y.match.kind] || x.position - y.position);
  const taken = new Set<number>();
  const claimed: Array<ClaimedSection & { position: number }> = [];
  for (const { section, position, match } of candidates) {
    if (taken.has(match.order)) continue;
    taken.add(match.order);
    claimed.push({ section, entry: entries[match.order], match, position });
  }
  return claimed.sort((x, y) => x.position - y.position).map(({ section, entry, match }) => ({ section, entry, match }));
}

const sectionMatcher = new NameMatcher(TEMPLATE_SECTIONS);
const claimedByDoc = new WeakMap<IntDoc, readonly ClaimedSection[]>();

/** The doc's level-2 sections that mean a template section, in document order. Computed once per doc. */
export function templateSections(doc: IntDoc): readonly ClaimedSection[] {
  let claimed = claimedByDoc.get(doc);
  if (!claimed) {
    claimed = claim(doc.sections, TEMPLATE_SECTIONS, sectionMatcher);
    claimedByDoc.set(doc, claimed);
  }
  return claimed;
}

/** The section that means the template section `name`, however it is spelled. */
export function sectionFor(doc: IntDoc, name: string): Section | undefined {
  return templateSections(doc).find((c) => c.entry.name === name)?.section;
}

/** The template's subsections have no near-miss list in template.ts; these are the short forms people write. */
const SUBSECTION_NEAR_MISSES: Readonly<Record<string, readonly string[]>> = {
  'Sandbox/Test Mode': ['sandbox', 'test mode', 'modo test', 'modo de prueba', 'sandbox/modo test'],
  'Comandos de Test': ['comandos', 'comandos de prueba', 'test commands', 'comandos de testing'],
};

const subsectionMatchers = new Map<TemplateSection, { entries: TemplateSection[]; matcher: NameMatcher }>(
  TEMPLATE_SECTIONS.filter((entry) => entry.subsections).map((entry) => {
    const entries = (entry.subsections ?? []).map((name) => ({ name, nearMisses: SUBSECTION_NEAR_MISSES[name] ?? [] }));
    return [entry, { entries, matcher: new NameMatcher(entries) }];
  }),
);

/** The level-3 subsections of `section` that mean the template's subsections of `parent`, in document order. */
export function templateSubsections(section: Section, parent: TemplateSection): readonly ClaimedSection[] {
  const subsections = subsectionMatchers.get(parent);
  return subsections ? claim(section.subsections, subsections.entries, subsections.matcher) : [];
}

/** The template's subsection entries of `parent`, in template order. */
export function subsectionEntries(parent: TemplateSection): readonly TemplateSection[] {
  return subsectionMatchers.get(parent)?.entries ?? [];
}
