import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LiteralFinder } from '../../../server/src/engine/secrets/prefilter';

// The scanner's prefilter must find exactly what an alternation of the same
// literals (longest first) would: every literal start, in order, the longest
// where several start at one offset.

function allMatches(finder: LiteralFinder, text: string): string[] {
  const found: string[] = [];
  for (let match = finder.next(text, 0); match; match = finder.next(text, match.at + 1)) found.push(`${match.at}:${match.literal}`);
  return found;
}

function viaRegex(literals: string[], text: string): string[] {
  const escaped = [...literals].sort((a, b) => b.length - a.length).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const regex = new RegExp(escaped.join('|'), 'g');
  const found: string[] = [];
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    found.push(`${match.index}:${match[0]}`);
    regex.lastIndex = match.index + 1;
  }
  return found;
}

describe('secret scanner: prefilter (LiteralFinder)', () => {
  const literals = ['sk_live_', 'sk_test_', 'SK', 'key', 'Key', 'xoxe-', 'xoxe.xoxb-', '://', 'eyJ'];
  const finder = new LiteralFinder(literals);

  it('finds every literal start in order, as a longest-first alternation does', () => {
    const text = 'const apiKey = "sk_live_abc"; // SKETCH key://x xoxe.xoxb-1 xoxe-2 eyJhb';
    assert.deepEqual(allMatches(finder, text), viaRegex(literals, text));
    assert.deepEqual(allMatches(finder, text).slice(0, 2), ['9:Key', '16:sk_live_']);
  });

  it('prefers the longest literal at an offset and finds one at the very end', () => {
    assert.deepEqual(allMatches(finder, 'xoxe.xoxb-'), ['0:xoxe.xoxb-']);
    assert.deepEqual(allMatches(finder, 'abcSK'), ['3:SK']);
    assert.deepEqual(allMatches(finder, 'S'), []);
    assert.deepEqual(allMatches(finder, ''), []);
  });

  it('is not fooled by characters above U+00FF that share a low byte with a literal', () => {
    // U+0173 and U+016B have the low bytes of "s" and "k".
    const text = '\u0173\u016B_live_ \u0173k sk_live_ ключ key';
    assert.deepEqual(allMatches(finder, text), viaRegex(literals, text));
    assert.deepEqual(allMatches(finder, text), ['12:sk_live_', '26:key']);
  });

  it('matches a large text the same way the regex does', () => {
    const words = ['key', 'Key', 'SK', 'sk_test_', 'token', '://', 'x', ' ', '\n', 'é', 'eyJ', 'xoxe-'];
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const text = Array.from({ length: 20000 }, () => words[Math.floor(random() * words.length)]).join('');
    assert.deepEqual(allMatches(finder, text), viaRegex(literals, text));
  });

  it('finds from any offset what the regex finds from there, on texts made of overlapping literal pieces', () => {
    // Texts made of the literals' own pieces, so literals overlap, abut and start at both parities.
    const piece = fc.constantFrom('s', 'k', 'S', 'K', 'Ke', 'ey', 'y', '_live_', 'sk_', 'xoxe', '.xoxb-', '-', ':', '//', 'eyJ', ' ', '\n', '\u016B', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.nat(), (pieces, offset) => {
        const text = pieces.join('');
        const from = text.length === 0 ? 0 : offset % text.length;
        const found: string[] = [];
        for (let match = finder.next(text, from); match; match = finder.next(text, match.at + 1)) found.push(`${match.at}:${match.literal}`);
        assert.deepEqual(found, viaRegex(literals, text).filter((hit) => Number(hit.split(':')[0]) >= from));
      }),
      { seed: 20261129, numRuns: 2000 },
    );
  });

  it('refuses a literal shorter than two characters', () => {
    assert.throws(() => new LiteralFinder(['k']), /shorter than 2/);
  });
});
