import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/error-resilience';
import { covered, fixAll, lintCase, replaceOnce, show } from '../../helpers';
import { applySuggestion } from './suggestion';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const TIMEOUT_ROW = '| Timeout | Sin respuesta en 10s | Retry 1 vez |';
const NETWORK_ROW = '| Network | Error de red | Retry con delay |';
const HINT = 'Expected a row for timeouts or network errors (directive 6.1: Timeout -> retry 1 vez, Network -> retry con delay); found none.';

const lint = (edit: (text: string) => string, path = STRIPE) => lintCase({ path, edit, rules: [rule] });
const noTimeout = (t: string) => replaceOnce(t, `${TIMEOUT_ROW}\n`, '');

describe('int-doc/error-resilience', () => {
  it('finds nothing in the clean docs (one has a Timeout row, the others a Network row), CRLF and BOM included', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
  });

  it('hints on the table header when no row covers timeouts or network errors, and suggests both rows', () => {
    const { text, findings } = lint(noTimeout);
    assert.deepEqual(findings.map((f) => show(f)), [`47:1 int-doc/error-resilience ${HINT}`]);
    assert.equal(findings[0].severity, 'info');
    assert.equal(covered(text, findings[0]), '| Codigo | Descripcion | Accion |');
    assert.equal(fixAll({ path: STRIPE, edit: noTimeout, rules: [rule] }), text, '--fix leaves suggestions alone');

    const fixed = applySuggestion(text, findings[0]);
    assert.ok(
      fixed.includes(
        '| 500 | Server Error | Retry 3 veces |\n| Timeout | Sin respuesta | Retry 1 vez |\n| Network | Error de red | Retry con delay |\n\n## Fallbacks',
      ),
    );
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('recognises timeouts and network errors in any cell, in the words people use', () => {
    const rows = ['| 504 | Gateway time out | Retry 1 vez |', '| ETIMEDOUT | Sin respuesta | Retry 1 vez |', '| Red | Fallo de conexion | Retry con delay |', '| ECONNRESET | Socket cerrado | Retry con delay |'];
    for (const row of rows) assert.deepEqual(lint((t) => replaceOnce(t, TIMEOUT_ROW, row)).findings, [], row);
  });

  it('does not take look-alike words for a network error', () => {
    const row = '| 307 | Redirect | Seguir la redireccion |';
    assert.equal(lint((t) => replaceOnce(t, TIMEOUT_ROW, row)).findings.length, 1);
  });

  it('says nothing when the section or its table is missing (other rules report that)', () => {
    assert.deepEqual(lint((t) => replaceOnce(t, '## Manejo de Errores', '## Notas')).findings, []);
  });

  it('appends with CRLF line endings in a CRLF document', () => {
    const edit = (t: string) => replaceOnce(t, `${NETWORK_ROW}\r\n`, '');
    const { text, findings } = lint(edit, WHATSAPP);
    assert.deepEqual(findings.map((f) => show(f)), [`45:1 int-doc/error-resilience ${HINT}`]);
    const fixed = applySuggestion(text, findings[0]);
    assert.ok(fixed.includes('| 5xx | Server Error | Retry 3 veces |\r\n| Timeout | Sin respuesta | Retry 1 vez |\r\n| Network | Error de red | Retry con delay |\r\n\r\n## Fallbacks'));
    assert.deepEqual(lint(() => fixed, WHATSAPP).findings, []);
  });
});
