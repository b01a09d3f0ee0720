import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/obligatorio-value';
import { CLEAN, covered, fixAll, lintCase, readFixture, replaceOnce, show } from '../../helpers';
import { applySuggestion } from './suggestion';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const API_KEY = '| STRIPE_API_KEY | API Key secreta (sk_test_/sk_live_) | SI |';
const WEBHOOK = '| STRIPE_WEBHOOK_SECRET | Secret para verificar la firma de webhooks | SI |';
const PUBLISHABLE = '| STRIPE_PUBLISHABLE_KEY | Clave publica para el frontend | NO |';

/** Puts `value` in the Obligatorio cell of a row of Stripe's credentials table. */
const obligatorio = (row: string, value: string) => (t: string) => replaceOnce(t, row, row.replace(/\| (SI|NO) \|$/, `| ${value} |`));

const lint = (edit: (text: string) => string, path = STRIPE) => lintCase({ path, edit, rules: [rule] });

describe('int-doc/obligatorio-value', () => {
  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
  });

  it('fixes SI/NO written in another case or with an accent, safely', () => {
    const edit = (t: string) => obligatorio(PUBLISHABLE, 'no')(obligatorio(WEBHOOK, 'Sí')(obligatorio(API_KEY, 'Si')(t)));
    const { text, findings } = lint(edit);
    assert.deepEqual(findings.map((f) => show(f)), [
      '26:58 int-doc/obligatorio-value Expected SI or NO in the Obligatorio column; found "Si".',
      '27:72 int-doc/obligatorio-value Expected SI or NO in the Obligatorio column; found "Sí".',
      '28:61 int-doc/obligatorio-value Expected SI or NO in the Obligatorio column; found "no".',
    ]);
    assert.deepEqual(findings.map((f) => covered(text, f)), ['Si', 'Sí', 'no']);
    assert.deepEqual(findings.map((f) => f.fixes.map((fix) => fix.safe)), [[true], [true], [true]]);
    const fixed = fixAll({ path: STRIPE, edit, rules: [rule] });
    assert.equal(fixed, readFixture(CLEAN, STRIPE));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('keeps markup around the value it fixes', () => {
    const edit = obligatorio(API_KEY, '**si**');
    const fixed = fixAll({ path: STRIPE, edit, rules: [rule] });
    assert.ok(fixed.includes('| STRIPE_API_KEY | API Key secreta (sk_test_/sk_live_) | **SI** |'));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('suggests SI/NO for words that clearly mean it, without applying them on --fix', () => {
    const edit = (t: string) => obligatorio(PUBLISHABLE, 'Opcional')(obligatorio(API_KEY, 'Yes')(t));
    const { text, findings } = lint(edit);
    assert.deepEqual(findings.map((f) => show(f)), [
      '26:58 int-doc/obligatorio-value Expected SI or NO in the Obligatorio column; found "Yes".',
      '28:61 int-doc/obligatorio-value Expected SI or NO in the Obligatorio column; found "Opcional".',
    ]);
    assert.deepEqual(findings.map((f) => f.fixes.map((fix) => fix.safe)), [[false], [false]]);
    assert.deepEqual(findings.map((f) => f.data), [{ expected: 'SI' }, { expected: 'NO' }]);
    assert.equal(fixAll({ path: STRIPE, edit, rules: [rule] }), text);
    const fixed = applySuggestion(applySuggestion(text, findings[1]), findings[0]);
    assert.equal(fixed, readFixture(CLEAN, STRIPE));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('reports other values and empty cells without a fix', () => {
    const { text, findings } = lint((t) => obligatorio(WEBHOOK, '')(obligatorio(API_KEY, 'Depende del plan')(t)));
    assert.deepEqual(findings.map((f) => show(f)), [
      '26:58 int-doc/obligatorio-value Expected SI or NO in the Obligatorio column; found "Depende del plan".',
      '27:73 int-doc/obligatorio-value Expected SI or NO in the Obligatorio column; found an empty cell.',
    ]);
    assert.equal(covered(text, findings[0]), 'Depende del plan');
    assert.deepEqual(findings.map((f) => f.fixes), [[], []]);
  });

  it('finds the column by name and checks the credentials section under a near-miss heading', () => {
    const { findings } = lint((t) =>
      obligatorio(API_KEY, 'si')(replaceOnce(t, '## Credenciales Requeridas', '## Credenciales')),
    );
    assert.deepEqual(findings.map((f) => show(f)), ['26:58 int-doc/obligatorio-value Expected SI or NO in the Obligatorio column; found "si".']);
  });

  it('ignores Si/No in other tables', () => {
    assert.deepEqual(lint((t) => replaceOnce(t, '| Rate limit | % usado | >80% |', '| Rate limit | % usado | Si |')).findings, []);
  });

  it('fixes in a CRLF document without touching its line endings', () => {
    const edit = (t: string) => replaceOnce(t, '| TWILIO_AUTH_TOKEN | Token de autenticacion | SI |', '| TWILIO_AUTH_TOKEN | Token de autenticacion | si |');
    assert.deepEqual(lint(edit, WHATSAPP).findings.map((f) => show(f)), [
      '26:48 int-doc/obligatorio-value Expected SI or NO in the Obligatorio column; found "si".',
    ]);
    assert.equal(fixAll({ path: WHATSAPP, edit, rules: [rule] }), readFixture(CLEAN, WHATSAPP));
  });
});
