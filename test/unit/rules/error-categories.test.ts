import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/error-categories';
import { covered, fixAll, lintCase, replaceOnce, show } from '../../helpers';
import { applySuggestion } from './suggestion';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const ROW_400 = '| 400 | Bad Request | Log + retry NO |\n';
const ROW_401 = '| 401 | Unauthorized | Rotar API key y alertar |\n';
const ROW_402 = '| 402 | Card declined | Notificar al usuario, retry NO |\n';
const ROW_500 = '| 500 | Server Error | Retry 3 veces |\n';

const lint = (edit: (text: string) => string, path = STRIPE) => lintCase({ path, edit, rules: [rule] });
const without = (...rows: string[]) => (t: string) => rows.reduce((text, row) => replaceOnce(text, row, ''), t);

describe('int-doc/error-categories', () => {
  it('finds nothing in the clean docs (codes and 4xx/5xx classes), CRLF and BOM included', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
  });

  it('reports the missing categories in one finding and suggests the template rows', () => {
    const edit = without(ROW_401, ROW_500);
    const { text, findings } = lint(edit);
    assert.deepEqual(findings.map((f) => show(f)), [
      '47:1 int-doc/error-categories Expected rows for the error categories 4xx (a client error other than 401/429), 401, 429 and 5xx; missing 401, 5xx.',
    ]);
    assert.equal(covered(text, findings[0]), '| Codigo | Descripcion | Accion |');
    assert.deepEqual(findings[0].data, { missing: '401, 5xx' });
    assert.equal(findings[0].fixes[0].safe, false);
    assert.equal(fixAll({ path: STRIPE, edit, rules: [rule] }), text, '--fix leaves suggestions alone');

    const fixed = applySuggestion(text, findings[0]);
    assert.ok(
      fixed.includes(
        '| Timeout | Sin respuesta en 10s | Retry 1 vez |\n| 401 | Unauthorized | Refrescar token |\n| 500 | Server Error | Retry 3 veces |\n\n## Fallbacks',
      ),
    );
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('does not count 401 or 429 as the 4xx client category', () => {
    const edit = without(ROW_400, ROW_402);
    const { text, findings } = lint(edit);
    assert.deepEqual(findings.map((f) => show(f)), [
      '47:1 int-doc/error-categories Expected rows for the error categories 4xx (a client error other than 401/429), 401, 429 and 5xx; missing 4xx.',
    ]);
    const fixed = applySuggestion(text, findings[0]);
    assert.ok(fixed.includes('| Timeout | Sin respuesta en 10s | Retry 1 vez |\n| 400 | Bad Request | Log + retry NO |\n'));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('reads codes as people write them: "400/422", 4XX, "HTTP 503"', () => {
    const edit = (t: string) =>
      replaceOnce(replaceOnce(without(ROW_402)(t), '| 400 | Bad Request |', '| 400/422 | Bad Request |'), '| 500 | Server Error |', '| HTTP 503 | Server Error |');
    assert.deepEqual(lint(edit).findings, []);
    assert.deepEqual(lint((t) => replaceOnce(without(ROW_402)(t), '| 400 |', '| 4XX |')).findings, []);
  });

  it('only reads the Codigo column', () => {
    const edit = (t: string) => replaceOnce(without(ROW_500)(t), '| Timeout | Sin respuesta en 10s |', '| Timeout | Sin respuesta (como un 504) |');
    assert.equal(lint(edit).findings.length, 1);
  });

  it('reports on the heading, without a fix, when the section has no table', () => {
    const { text, findings } = lint((t) => {
      const table = t.slice(t.indexOf('| Codigo | Descripcion |'), t.indexOf('\n\n## Fallbacks') + 1);
      return replaceOnce(t, table, 'Se reintenta todo.\n');
    });
    assert.deepEqual(findings.map((f) => show(f)), [
      '45:4 int-doc/error-categories Expected rows for the error categories 4xx (a client error other than 401/429), 401, 429 and 5xx; missing 4xx, 401, 429, 5xx.',
    ]);
    assert.equal(covered(text, findings[0]), 'Manejo de Errores');
    assert.deepEqual(findings[0].fixes, []);
  });

  it('offers no rows for a table whose columns are not the template\'s', () => {
    const { findings } = lint((t) =>
      replaceOnce(without(ROW_500)(t), '| Codigo | Descripcion | Accion |\n|--------|', '| Codigo | Descripcion | Accion | Notas |\n|--------|--|'),
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].fixes, []);
  });

  it('appends with CRLF line endings in a CRLF document', () => {
    const edit = (t: string) => replaceOnce(t, '| 429 | Too Many Requests | Backoff exponencial |\r\n', '');
    const { text, findings } = lint(edit, WHATSAPP);
    assert.deepEqual(findings.map((f) => show(f)), [
      '45:1 int-doc/error-categories Expected rows for the error categories 4xx (a client error other than 401/429), 401, 429 and 5xx; missing 429.',
    ]);
    const fixed = applySuggestion(text, findings[0]);
    assert.ok(fixed.includes('| Network | Error de red | Retry con delay |\r\n| 429 | Rate Limited | Backoff exponencial |\r\n\r\n## Fallbacks'));
    assert.deepEqual(lint(() => fixed, WHATSAPP).findings, []);
  });
});
