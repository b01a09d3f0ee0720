import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/metadata-estado';
import { CLEAN, covered, fixAll, lintCase, readFixture, replaceOnce, show } from '../../helpers';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const estado = (value: string) => (text: string) => replaceOnce(text, '| Estado | Implementado |', `| Estado | ${value} |`);

describe('int-doc/metadata-estado', () => {
  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
  });

  it('accepts the three values of the template', () => {
    for (const value of ['Implementado', 'Documentado', 'Pendiente']) {
      assert.deepEqual(lintCase({ path: STRIPE, edit: estado(value), rules: [rule] }).findings, [], value);
    }
  });

  it('fixes a case or accent variant to the template\'s spelling, safely', () => {
    for (const value of ['implementado', 'IMPLEMENTADO', 'Implementádo']) {
      const c = { path: STRIPE, edit: estado(value), rules: [rule] };
      const { text, findings } = lintCase(c);
      assert.deepEqual(findings.map((f) => show(f)), [`10:12 int-doc/metadata-estado Expected Estado "Implementado"; found "${value}".`], value);
      assert.equal(covered(text, findings[0]), value);
      const fixed = fixAll(c);
      assert.equal(fixed, readFixture(CLEAN, STRIPE), value);
      assert.deepEqual(lintCase({ path: STRIPE, edit: () => fixed, rules: [rule] }).findings, []);
    }
  });

  it('reports any other value as an error without a fix', () => {
    for (const value of ['Activo', 'En progreso', 'Implemented']) {
      const { text, findings } = lintCase({ path: STRIPE, edit: estado(value), rules: [rule] });
      assert.deepEqual(findings.map((f) => show(f)), [
        `10:12 int-doc/metadata-estado Expected Estado to be one of Implementado, Documentado, Pendiente; found "${value}".`,
      ]);
      assert.equal(findings[0].severity, 'error');
      assert.equal(covered(text, findings[0]), value);
      assert.deepEqual(findings[0].fixes, []);
    }
  });

  it('fixes in a CRLF document without touching its line endings', () => {
    const c = { path: WHATSAPP, edit: (t: string) => replaceOnce(t, '| Estado | Documentado |', '| Estado | documentado |'), rules: [rule] };
    assert.equal(lintCase(c).findings.length, 1);
    assert.equal(fixAll(c), readFixture(CLEAN, WHATSAPP));
  });

  it('leaves a missing row, an empty cell and the template placeholder to other rules', () => {
    assert.deepEqual(lintCase({ path: STRIPE, edit: (t) => replaceOnce(t, '| Estado | Implementado |\n', ''), rules: [rule] }).findings, []);
    assert.deepEqual(lintCase({ path: STRIPE, edit: estado(''), rules: [rule] }).findings, []);
    assert.deepEqual(lintCase({ path: STRIPE, edit: estado('{Implementado|Documentado|Pendiente}'), rules: [rule] }).findings, []);
  });
});
