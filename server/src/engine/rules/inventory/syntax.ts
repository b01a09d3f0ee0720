import { isMap, isScalar, visit, type Document, type Node, type Scalar } from 'yaml';
import { firstLineRange, type MapPair } from '../../inventory/nodes';
import type { InventoryFile, YamlProblem } from '../../inventory/parse';
import type { LineIndex } from '../../text';
import type { Range } from '../../types';
import type { ReportSpec, Rule } from '../rule';

// A YAML mistake changes what the file says without a word: a tab or one
// space too many moves a key to another entry, an unclosed quote swallows the
// next lines. Each problem yaml finds is reported where it is, in words that
// say what to change; yaml's own messages are for its authors, not ours.

const messages = {
  badIndent: 'Expected this line to line up with the keys above it; its indentation puts it in no entry.',
  tab: 'Expected spaces for indentation; found a tab (YAML does not allow tabs there).',
  unclosedFlow: 'Expected the "{0}" that starts here to be closed by "{1}", with its lines indented under its key.',
  unclosedQuote: 'Expected a closing {0} for the value that starts here; found the end of the line.',
  duplicateKey: 'Expected each key once per map; found "{0}" again (first on line {1}). YAML keeps only one of them.',
  missingColon: 'Expected "{0}: value"; found "{0}" without ":".',
  commentSpace: 'Expected a space before "#" to start a comment; found "#" right after the value.',
  reservedStart: 'Expected quotes around a value that starts with "{0}"; YAML reserves that character.',
  nestedMap: 'Expected one "key: value" per line; found another ": " in this value. Quote the value if it contains ": ".',
  multilineKey: 'Expected a key on one line, followed by ":"; found a key that runs onto the next line (a ":" is probably missing).',
  badEscape: 'Expected a valid escape in double quotes (\\", \\\\, \\n, \\t, \\uXXXX); found "{0}". Use single quotes to keep backslashes as written.',
  multipleDocs: 'Expected one YAML document; found a "---" line that starts another.',
  unexpected: 'Expected "key: value", "- " for a list item or a comment; found text YAML cannot place here.',
  other: 'Expected valid YAML here; found a problem YAML calls "{0}".',
  fixCommentSpace: 'Insert a space before "#"',
  fixQuote: 'Quote the value: {0}',
} as const;

type MessageId = keyof typeof messages;

const CLOSERS: Readonly<Record<string, string>> = { '[': ']', '{': '}' };

/** Problems that derail the reading of what follows, most likely root cause first. */
const STRUCTURAL_RANK: Partial<Record<string, number>> = {
  unclosedQuote: 0,
  unclosedFlow: 1,
  tab: 2,
  badIndent: 3,
  missingColon: 3,
  nestedMap: 3,
  multilineKey: 3,
  unexpected: 3,
  other: 3,
};

const rule: Rule = {
  meta: {
    id: 'inventory/syntax',
    description: 'MASTER_INVENTORY.yml is valid YAML: consistent indentation with spaces, closed quotes, each key once per map.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: false,
    messages,
  },
  checkInventory({ inventory, report }) {
    if (inventory.problems.length === 0) return;
    const nodes = indexNodes(inventory.document);
    const specs = inventory.problems.map((problem) => describe(inventory, problem, nodes));
    // After a structural problem yaml's reading of the lines below is a guess: a tab
    // makes every later key look mis-indented. Only its root cause is reported
    // (fixing it makes the echoes go); local problems are all reported.
    const rank = (spec: ReportSpec): number => STRUCTURAL_RANK[spec.messageId] ?? -1;
    const rootCause = specs
      .filter((spec) => rank(spec) >= 0)
      .sort((a, b) => rank(a) - rank(b) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
      .slice(0, 1);
    const seen = new Set<string>();
    for (const spec of [...rootCause, ...specs.filter((spec) => rank(spec) < 0)]) {
      // yaml may report one spot twice; once is enough.
      const key = `${spec.messageId} ${spec.range.start.line}:${spec.range.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report(spec);
    }
  },
};

/** The nodes a problem's offset can name, gathered in one pass over the document. */
interface NodeIndex {
  /** Pairs by their key's first offset. */
  pairs: Map<number, MapPair>;
  /** For a repeated key (by its first offset): the key it repeats. */
  firstOfDuplicate: Map<number, Node>;
  /** Quoted scalars by the offset where their source ends. */
  quotedByEnd: Map<number, Scalar>;
  /** Plain scalars by their first offset. */
  plainByStart: Map<number, Scalar>;
  /** Flow collections (`[...]`, `{...}`) as [start, value end, end] offsets. */
  flows: Array<[number, number, number]>;
}

function indexNodes(document: Document.Parsed): NodeIndex {
  const index: NodeIndex = { pairs: new Map(), firstOfDuplicate: new Map(), quotedByEnd: new Map(), plainByStart: new Map(), flows: [] };
  visit(document, {
    Seq(_, seq) {
      if (seq.flow && seq.range) index.flows.push(seq.range);
    },
    Map(_, map) {
      if (!isMap(map)) return;
      if (map.flow && map.range) index.flows.push(map.range);
      const first = new Map<string, Node>();
      for (const pair of map.items as MapPair[]) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        index.pairs.set(pair.key.range[0], pair);
        const name = String(pair.key.value);
        const earlier = first.get(name);
        if (earlier) index.firstOfDuplicate.set(pair.key.range[0], earlier);
        else first.set(name, pair.key);
      }
    },
    Scalar(_, scalar) {
      if (!scalar.range) return;
      if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') index.quotedByEnd.set(scalar.range[1], scalar);
      else if (scalar.type === 'PLAIN') index.plainByStart.set(scalar.range[0], scalar);
    },
  });
  return index;
}

function describe(inventory: InventoryFile, problem: YamlProblem, nodes: NodeIndex): ReportSpec {
  const { lines } = inventory;
  const { text } = lines;
  const start = lines.offsetAt(problem.range.start);
  const end = lines.offsetAt(problem.range.end);
  const at = (messageId: MessageId, range: Range, args: string[] = []): ReportSpec => ({ messageId, range, args });

  switch (problem.code) {
    case 'TAB_AS_INDENT':
      return at('tab', indentationRange(lines, start) ?? firstLineRange(lines, start, end));
    case 'BAD_INDENT': {
      const indentation = indentationRange(lines, start);
      if (indentation) return at('badIndent', indentation);
      // yaml says "must be sufficiently indented and end with a ]" of a flow collection left open.
      const open = openFlow(nodes, text, start);
      const closer = open === undefined ? undefined : CLOSERS[text[open]];
      if (open !== undefined && closer) return at('unclosedFlow', lines.rangeOf(open, open + 1), [text[open], closer]);
      break;
    }
    case 'DUPLICATE_KEY': {
      const pair = nodes.pairs.get(start);
      const first = nodes.firstOfDuplicate.get(start);
      if (!pair || !first?.range) break;
      const key = pair.key as Scalar;
      const range = firstLineRange(lines, key.range?.[0] ?? start, key.range?.[1] ?? end);
      return at('duplicateKey', range, [String(key.value), String(lines.positionAt(first.range[0]).line + 1)]);
    }
    case 'MISSING_CHAR': {
      const quoted = nodes.quotedByEnd.get(start);
      const quote = quoted?.type === 'QUOTE_DOUBLE' ? '"' : "'";
      if (quoted?.range && !isClosed(text.slice(quoted.range[0], quoted.range[1]), quote)) {
        return at('unclosedQuote', firstLineRange(lines, quoted.range[0], quoted.range[1]), [quote]);
      }
      if (text[start] === '#') {
        const range = lines.rangeOf(start, start + 1);
        return {
          ...at('commentSpace', range),
          fixes: [{ messageId: 'fixCommentSpace', edits: [{ range: lines.rangeOf(start, start), newText: ' ' }], safe: true }],
        };
      }
      const pair = nodes.pairs.get(start);
      if (pair && isScalar(pair.key) && (pair.value === null || (isScalar(pair.value) && pair.value.source === ''))) {
        return at('missingColon', firstLineRange(lines, start, end), [String(pair.key.value)]);
      }
      // "Sequence item without - indicator": a key indented between two levels.
      const indentation = indentationRange(lines, start);
      if (indentation) return at('badIndent', indentation);
      break;
    }
    case 'BAD_SCALAR_START': {
      const scalar = nodes.plainByStart.get(start);
      const range = firstLineRange(lines, start, scalar?.range?.[1] ?? end);
      if (!scalar || typeof scalar.value !== 'string' || lines.positionAt(scalar.range?.[1] ?? start).line !== range.start.line) {
        return at('reservedStart', range, [text[start]]);
      }
      // The value as written, in double quotes: what the author meant, now readable.
      const quoted = JSON.stringify(scalar.value);
      return {
        ...at('reservedStart', range, [text[start]]),
        fixes: [{ messageId: 'fixQuote', args: [quoted], edits: [{ range, newText: quoted }], safe: true }],
      };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      // At the value holding the second ": ", up to the end of its line.
      return at('nestedMap', firstLineRange(lines, start, lines.lineEnd(problem.range.start.line)));
    case 'MULTILINE_IMPLICIT_KEY':
      return at('multilineKey', firstLineRange(lines, start, end));
    case 'BAD_DQ_ESCAPE':
      return at('badEscape', lines.rangeOf(start, Math.min(start + 2, lines.lineEnd(problem.range.start.line))), [text.slice(start, start + 2)]);
    case 'MULTIPLE_DOCS':
      return at('multipleDocs', firstLineRange(lines, start, end));
    case 'UNEXPECTED_TOKEN':
      return at('unexpected', firstLineRange(lines, start, end));
  }
  // "BAD_PROP_ORDER" -> "bad prop order": yaml's codes read as words, its sentences are not ours.
  return at('other', firstLineRange(lines, start, end), [problem.code.toLowerCase().replace(/_/g, ' ')]);
}

function isClosed(source: string, quote: string): boolean {
  const trimmed = source.trimEnd();
  return trimmed.length >= 2 && trimmed.endsWith(quote);
}

/** The innermost flow collection holding `offset` (or ending at it) that lacks its closing bracket. */
function openFlow(nodes: NodeIndex, text: string, offset: number): number | undefined {
  let open: number | undefined;
  for (const [start, valueEnd, end] of nodes.flows) {
    const closed = text.slice(start, valueEnd).trimEnd().endsWith(CLOSERS[text[start]] ?? '');
    if (!closed && start < offset && offset <= end && (open === undefined || start > open)) open = start;
  }
  return open;
}

/** The leading blanks of the offset's line when the offset lies in them: the indentation to change. */
function indentationRange(lines: LineIndex, offset: number): Range | undefined {
  const line = lines.positionAt(offset).line;
  const lineStart = lines.offsetAt({ line, character: 0 });
  const lineEnd = lines.lineEnd(line);
  let blanksEnd = lineStart;
  while (blanksEnd < lineEnd && (lines.text[blanksEnd] === ' ' || lines.text[blanksEnd] === '\t')) blanksEnd++;
  return offset < blanksEnd ? lines.rangeOf(lineStart, blanksEnd) : undefined;
}

export default rule;
