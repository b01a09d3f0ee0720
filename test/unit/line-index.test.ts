import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/engine/text';

// LineIndex takes a fast path (a native search from break to break) when a
// text has no \r: both paths must place every offset where the editor does.

/** Reference: the line starts of \n, \r\n and lone \r, found one character at a time. */
function referencePosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n' && i + 1 < offset) i++;
    else if (c === '\r' && text[i + 1] === '\n') return { line, character: i - start };
    if (c === '\n' || c === '\r') {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

describe('LineIndex', () => {
  it('places offsets of \\n-only text (the fast path) and of text with \\r alike', () => {
    assert.deepEqual(new LineIndex('a\nbc\n\nd').positionAt(5), { line: 2, character: 0 });
    assert.deepEqual(new LineIndex('a\r\nbc\r\rd').positionAt(7), { line: 3, character: 0 });
    assert.equal(new LineIndex('one\ntwo\n').lineCount, 3);
    assert.equal(new LineIndex('no break').lineCount, 1);
  });

  it('agrees with a character-by-character reference on random text', () => {
    const text = fc.array(fc.constantFrom('a', 'é', '\n', '\r', '\r\n', ' '), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        const lines = new LineIndex(value);
        for (let offset = 0; offset <= value.length; offset++) assert.deepEqual(lines.positionAt(offset), referencePosition(value, offset), `offset ${offset}`);
      }),
      { seed: 20261129, numRuns: 400 },
    );
  });
});
