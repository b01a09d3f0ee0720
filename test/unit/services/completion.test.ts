import { strict as assert } from 'node:assert';
import { PROVIDERS } from '../../../server/src/engine/catalog/providers';
import { defaultConfig, type Config } from '../../../server/src/engine/config/config';
import { completion, type CompletionItem } from '../../../server/src/engine/services/completion';
import type { Position } from '../../../server/src/engine/types';
import { replaceOnce } from '../../helpers';
import { ENV, indexClean, positionOf, STRIPE_DOC, STRIPE_TS, textAt, TWILIO_PY, WHATSAPP_DOC } from './workspace';

const CATALOG_NAMES = PROVIDERS.flatMap((provider) => provider.credentials.map((credential) => credential.name));
const WORKSPACE_ONLY = ['DATABASE_URL', 'NODE_ENV', 'PORT'];
const ALL_NAMES = [...new Set([...CATALOG_NAMES, ...WORKSPACE_ONLY])].sort();

describe('services/completion', () => {
  const { index, texts } = indexClean();
  const complete = (path: string, text: string, position: Position, config: Config = defaultConfig()) =>
    completion(index, path, text, position, config);
  /** Labels, and the text every item replaces (they share one range). */
  const offered = (path: string, text: string, position: Position, config?: Config) => {
    const items = complete(path, text, position, config);
    const replaced = [...new Set(items.map((item) => textAt(text, item.range)))];
    return { labels: items.map((item) => item.label), replaced, items };
  };
  const atEnd = (text: string, needle: string) => positionOf(text, needle, needle.length);

  describe('in the Metadata table', () => {
    const doc = texts[STRIPE_DOC];

    it('offers the Tipo values, the configured ones too, replacing the cell', () => {
      const position = positionOf(doc, '| Tipo | Pagos |', 10);
      assert.deepEqual(offered(STRIPE_DOC, doc, position), {
        labels: ['Pagos', 'Auth', 'Notificaciones', 'Storage', 'Analytics'],
        replaced: ['Pagos'],
        items: complete(STRIPE_DOC, doc, position),
      });
      assert.deepEqual(complete(STRIPE_DOC, doc, position)[0], {
        label: 'Pagos',
        kind: 'value',
        range: { start: { line: 8, character: 9 }, end: { line: 8, character: 14 } },
      });
      const config = { ...defaultConfig(), tipos: ['Mensajeria', 'Pagos'] };
      assert.deepEqual(offered(STRIPE_DOC, doc, position, config).labels, ['Pagos', 'Auth', 'Notificaciones', 'Storage', 'Analytics', 'Mensajeria']);
    });

    it('offers Estado and Multi-tenant values', () => {
      assert.deepEqual(offered(STRIPE_DOC, doc, positionOf(doc, 'Implementado', 4)), {
        labels: ['Implementado', 'Documentado', 'Pendiente'],
        replaced: ['Implementado'],
        items: complete(STRIPE_DOC, doc, positionOf(doc, 'Implementado', 4)),
      });
      assert.deepEqual(offered(STRIPE_DOC, doc, positionOf(doc, '| Multi-tenant | Si |', 16)).labels, ['Si', 'No']);
    });

    it('completes an empty or half-typed cell, and a misspelt field name', () => {
      const empty = replaceOnce(doc, '| Estado | Implementado |', '| Estado |  |');
      const inEmpty = positionOf(empty, '| Estado |  |', 11);
      const items = complete(STRIPE_DOC, empty, inEmpty);
      assert.deepEqual(items.map((item) => item.label), ['Implementado', 'Documentado', 'Pendiente']);
      assert.deepEqual(items[0].range, { start: inEmpty, end: inEmpty });

      const typing = replaceOnce(doc, '| Estado | Implementado |', '| Estado | Impl');
      const { labels, replaced } = offered(STRIPE_DOC, typing, atEnd(typing, '| Estado | Impl'));
      assert.deepEqual([labels.length, replaced], [3, ['Impl']]);

      const misspelt = replaceOnce(doc, '| Multi-tenant | Si |', '| Multitenant | Si |');
      assert.deepEqual(offered(STRIPE_DOC, misspelt, positionOf(misspelt, '| Multitenant | Si |', 15)).labels, ['Si', 'No']);
    });

    it('offers nothing in the field column, for other rows, or outside the table', () => {
      assert.deepEqual(complete(STRIPE_DOC, doc, positionOf(doc, '| Tipo |', 3)), []);
      assert.deepEqual(complete(STRIPE_DOC, doc, positionOf(doc, '| Proveedor | Stripe |', 15)), []);
      assert.deepEqual(complete(STRIPE_DOC, doc, positionOf(doc, '| Campo | Valor |', 10)), []);
      assert.deepEqual(complete(STRIPE_DOC, doc, positionOf(doc, 'Cobros con tarjeta', 3)), []);
      assert.deepEqual(complete(STRIPE_DOC, doc, positionOf(doc, '| 401 | Unauthorized |', 8)), []);
    });
  });

  describe('in the Credenciales Requeridas table', () => {
    const doc = texts[STRIPE_DOC];

    it('offers SI and NO in the Obligatorio column', () => {
      const position = positionOf(doc, '| Clave publica para el frontend | NO |', 35);
      assert.deepEqual(offered(STRIPE_DOC, doc, position).labels, ['SI', 'NO']);
      assert.deepEqual(offered(STRIPE_DOC, doc, position).replaced, ['NO']);
    });

    it('offers env var names in the variable column, replacing the name only', () => {
      const typing = replaceOnce(doc, '| STRIPE_PUBLISHABLE_KEY |', '| `STRIPE_PUB` |');
      const { labels, replaced, items } = offered(STRIPE_DOC, typing, atEnd(typing, '| `STRIPE_PUB'));
      assert.deepEqual(labels, ALL_NAMES);
      assert.deepEqual(replaced, ['STRIPE_PUB']);
      const byLabel = new Map(items.map((item) => [item.label, item]));
      assert.deepEqual(pick(byLabel.get('STRIPE_API_KEY')), { kind: 'variable', detail: 'Documented in INT-001' });
      assert.deepEqual(pick(byLabel.get('TWILIO_AUTH_TOKEN')), { kind: 'variable', detail: 'Documented in INT-002, INT-003' });
      assert.deepEqual(pick(byLabel.get('SENDGRID_API_KEY')), { kind: 'variable', detail: 'SendGrid credential (provider catalog)' });
      assert.deepEqual(pick(byLabel.get('PORT')), { kind: 'variable', detail: 'Not documented in any INT doc' });
    });

    it('offers nothing in the Descripcion column or the header, and works in a CRLF doc', () => {
      assert.deepEqual(complete(STRIPE_DOC, doc, positionOf(doc, 'API Key secreta', 3)), []);
      assert.deepEqual(complete(STRIPE_DOC, doc, positionOf(doc, '| Variable de Entorno |', 4)), []);
      const crlf = texts[WHATSAPP_DOC];
      assert.deepEqual(offered(WHATSAPP_DOC, crlf, positionOf(crlf, '| Numero remitente | SI |', 21)), {
        labels: ['SI', 'NO'],
        replaced: ['SI'],
        items: complete(WHATSAPP_DOC, crlf, positionOf(crlf, '| Numero remitente | SI |', 21)),
      });
    });
  });

  describe('env var names elsewhere', () => {
    it('offers names at a .env key, not in its value or a comment', () => {
      const env = `${texts[ENV]}export STRI\nSTRIPE_API_KEY=sk\n# STRI\n`;
      const { labels, replaced } = offered(ENV, env, atEnd(env, 'export STRI'));
      assert.deepEqual([labels, replaced], [ALL_NAMES, ['STRI']]);
      assert.deepEqual(offered(ENV, env, positionOf(env, 'NODE_ENV=', 3)).replaced, ['NODE_ENV']);
      assert.deepEqual(complete(ENV, env, atEnd(env, 'STRIPE_API_KEY=sk')), []);
      assert.deepEqual(complete(ENV, env, atEnd(env, '# STRI')), []);
    });

    it('offers names after process.env. and import.meta.env., and in process.env[...]', () => {
      for (const source of ['const key = process.env.ST', 'const key = process.env?.ST', "const key = process.env['ST", 'const key = import.meta.env.ST']) {
        const { labels, replaced } = offered(STRIPE_TS, source, atEnd(source, source));
        assert.deepEqual([labels.length, replaced], [ALL_NAMES.length, ['ST']], source);
      }
      const empty = 'const key = process.env.';
      assert.deepEqual(offered(STRIPE_TS, empty, atEnd(empty, empty)).labels, ALL_NAMES);
      for (const source of ['const key = process.ST', 'const key = myprocess.env.ST', 'const key = env.ST']) {
        assert.deepEqual(complete(STRIPE_TS, source, atEnd(source, source)), [], source);
      }
    });

    it('offers names inside os.getenv("…"), os.environ["…"] and os.environ.get("…"), and in Go and Java reads', () => {
      for (const source of ['x = os.getenv("TW', "x = os.environ['TW", 'x = os.environ.get("TW', 'x = getenv("TW']) {
        assert.deepEqual(offered(TWILIO_PY, source, atEnd(source, source)).replaced, ['TW'], source);
      }
      assert.deepEqual(complete(TWILIO_PY, 'x = os.getenv(TW', { line: 0, character: 16 }), []);
      assert.deepEqual(offered('cmd/main.go', 'k := os.Getenv("TW', { line: 0, character: 18 }).replaced, ['TW']);
      assert.deepEqual(offered('src/Main.java', 'String k = System.getenv("TW', { line: 0, character: 28 }).replaced, ['TW']);
    });

    it('replaces the whole name when the cursor is inside it', () => {
      const source = texts[STRIPE_TS];
      const { replaced, items } = offered(STRIPE_TS, source, positionOf(source, 'STRIPE_API_KEY;', 6));
      assert.deepEqual(replaced, ['STRIPE_API_KEY']);
      assert.ok(items.some((item) => item.label === 'STRIPE_API_KEY'));
    });

    it('does not offer the half-typed name the index took from this very buffer', () => {
      const { index: live, texts: liveTexts } = indexClean({ [STRIPE_TS]: (text) => `${text}const x = process.env.STRIPE_SEC;\n` });
      const text = liveTexts[STRIPE_TS];
      const labels = completion(live, STRIPE_TS, text, atEnd(text, 'process.env.STRIPE_SEC'), defaultConfig()).map((item) => item.label);
      assert.ok(live.envVarNames().includes('STRIPE_SEC'));
      assert.ok(!labels.includes('STRIPE_SEC'));
      assert.deepEqual(labels, ALL_NAMES);
    });

    it('offers nothing in files no check is about', () => {
      assert.deepEqual(complete('README.md', 'process.env.', { line: 0, character: 12 }), []);
      assert.deepEqual(complete('notes.txt', 'STRI', { line: 0, character: 4 }), []);
    });
  });
});

function pick(item: CompletionItem | undefined): Pick<CompletionItem, 'kind' | 'detail'> | undefined {
  return item && { kind: item.kind, detail: item.detail };
}
