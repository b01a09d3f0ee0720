import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown, parseMarkdownWhole } from '../../server/src/engine/markdown/parse';
import { FIXTURES } from '../helpers';

// parseMarkdown cuts a doc at its level-1/2 headings and reuses the parse of
// pieces it has seen; the tree must be the one a whole parse gives, positions
// included, whatever the doc holds.

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

const same = (text: string): void => {
  assert.deepEqual(parseMarkdown(text).children, parseMarkdownWhole(text).children);
};

describe('parseMarkdown (cut at sections, cached)', () => {
  const docs = [...markdownFiles(FIXTURES), ...markdownFiles(join(FIXTURES, '..', '..', 'examples'))].map((path) => readFileSync(path, 'utf8'));

  it('gives the whole parse\'s tree for every fixture and example doc, LF and CRLF', () => {
    assert.ok(docs.length > 5);
    for (const text of docs) {
      same(text);
      same(text.replace(/\r?\n/g, '\r\n'));
    }
  });

  it('gives the same tree again from the cache, and after an edit in one section', () => {
    for (const text of docs) {
      same(text);
      const edited = text.replace('| Estado |', '| Estado | x |');
      same(edited);
      same(text);
    }
  });

  it('keeps headings inside code fences, HTML comments and setext underlines where they belong', () => {
    same('# T\n\n```md\n## no es seccion\n```\n\n## Real\n\ntexto\n');
    same('# T\n\n~~~~\n## dentro\n~~~\n## sigue dentro\n~~~~\n\n## Real\n');
    same('# T\n\n<!--\n## Seccion comentada\n-->\n\n## Real\n');
    same('# T\n\n<pre>\n## dentro de pre\n</pre>\n\n## Real\n');
    same('# T\n\n<!-- simco-int-disable-next-line int-doc/placeholder -->\n## Real\n\n{N}\n');
    same('Titulo\n======\n\n## Sub\n\n- lista\n## Pegado a la lista\n> cita\n## Tras la cita\n| a |\n|---|\n| b |\n## Tras la tabla\n');
  });

  it('keeps link reference definitions working across sections', () => {
    same('# T\n\n## A\n\n[docs][ref]\n\n## B\n\n[ref]: https://example.com\n');
  });

  it('handles empty and odd text', () => {
    for (const text of ['', '\n', '##', '## \n##\n', '# a\r## b\r', '\uFEFF# a\n## b\n', '## a\n'.repeat(50)]) same(text);
  });
});
