import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/metadata-tipo';
import { CLEAN, covered, fixAll, lintCase, readFixture, replaceOnce, show } from '../../helpers';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const tipo = (value: string) => (text: string) => replaceOnce(text, '| Tipo | Pagos |', `| Tipo | ${value} |`);

describe('int-doc/metadata-tipo', () => {
  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
  });

  it('accepts every value of the directive\'s list', () => {
    for (const value of ['Pagos', 'Auth', 'Notificaciones', 'Storage', 'Analytics', '**Pagos**']) {
      assert.deepEqual(lintCase({ path: STRIPE, edit: tipo(value), rules: [rule] }).findings, [], value);
    }
  });

  it('warns about a value outside the list, naming the known values, without a fix', () => {
    const { text, findings } = lintCase({ path: STRIPE, edit: tipo('Mensajeria'), rules: [rule] });
    assert.deepEqual(findings.map((f) => show(f)), [
      '9:10 int-doc/metadata-tipo Expected a Tipo from Pagos, Auth, Notificaciones, Storage, Analytics; found "Mensajeria". Add it to "tipos" in simco-int.config.json if it is intended.',
    ]);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(covered(text, findings[0]), 'Mensajeria');
    assert.deepEqual(findings[0].fixes, []);
  });

  it('accepts the configured extra types and names them in the message', () => {
    const config = { tipos: ['Mensajeria', 'IA'] };
    assert.deepEqual(lintCase({ path: STRIPE, edit: tipo('Mensajeria'), rules: [rule], config }).findings, []);
    const { findings } = lintCase({ path: STRIPE, edit: tipo('CRM'), rules: [rule], config });
    assert.deepEqual(findings.map((f) => show(f)), [
      '9:10 int-doc/metadata-tipo Expected a Tipo from Pagos, Auth, Notificaciones, Storage, Analytics, Mensajeria, IA; found "CRM". Add it to "tipos" in simco-int.config.json if it is intended.',
    ]);
  });

  it('fixes a case or accent variant to the canonical spelling, safely', () => {
    for (const value of ['pagos', 'PAGOS', 'Págos']) {
      const c = { path: STRIPE, edit: tipo(value), rules: [rule] };
      const { text, findings } = lintCase(c);
      assert.deepEqual(findings.map((f) => show(f)), [`9:10 int-doc/metadata-tipo Expected Tipo "Pagos"; found "${value}".`], value);
      assert.equal(covered(text, findings[0]), value);
      assert.deepEqual(findings[0].data, { expected: 'Pagos' });
      const fixed = fixAll(c);
      assert.equal(fixed, readFixture(CLEAN, STRIPE), value);
      assert.deepEqual(lintCase({ path: STRIPE, edit: () => fixed, rules: [rule] }).findings, []);
    }
  });

  it('fixes a variant of a configured type to the configured spelling', () => {
    const c = { path: STRIPE, edit: tipo('ia'), rules: [rule], config: { tipos: ['IA'] } };
    assert.equal(fixAll(c), readFixture(CLEAN, STRIPE).replace('| Tipo | Pagos |', '| Tipo | IA |'));
  });

  it('fixes in a CRLF document without touching its line endings', () => {
    const c = { path: WHATSAPP, edit: (t: string) => replaceOnce(t, '| Tipo | Notificaciones |', '| Tipo | notificaciones |'), rules: [rule] };
    assert.equal(lintCase(c).findings.length, 1);
    assert.equal(fixAll(c), readFixture(CLEAN, WHATSAPP));
  });

  it('leaves a missing row, an empty cell and the template placeholder to other rules', () => {
    assert.deepEqual(lintCase({ path: STRIPE, edit: (t) => replaceOnce(t, '| Tipo | Pagos |\n', ''), rules: [rule] }).findings, []);
    assert.deepEqual(lintCase({ path: STRIPE, edit: tipo(''), rules: [rule] }).findings, []);
    assert.deepEqual(lintCase({ path: STRIPE, edit: tipo('{Pagos|Auth|Notificaciones|Storage|Analytics|etc}'), rules: [rule] }).findings, []);
  });
});
