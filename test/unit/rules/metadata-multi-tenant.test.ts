import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/metadata-multi-tenant';
import { CLEAN, covered, fixAll, lintCase, readFixture, replaceOnce, show } from '../../helpers';
import { applySuggestion } from './suggestion';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const TWILIO_SMS = `${DOCS}/INT-002-twilio-sms.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const multiTenant = (value: string) => (text: string) => replaceOnce(text, '| Multi-tenant | Si |', `| Multi-tenant | ${value} |`);

describe('int-doc/metadata-multi-tenant', () => {
  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const path of [STRIPE, TWILIO_SMS, WHATSAPP]) {
      assert.deepEqual(lintCase({ path, rules: [rule] }).findings.map((f) => show(f)), [], path);
    }
  });

  it('fixes Si/No written in another case or with an accent, safely', () => {
    for (const [value, expected] of [['si', 'Si'], ['SI', 'Si'], ['Sí', 'Si'], ['sí', 'Si'], ['NO', 'No'], ['no', 'No']]) {
      const c = { path: STRIPE, edit: multiTenant(value), rules: [rule] };
      const { text, findings } = lintCase(c);
      assert.deepEqual(findings.map((f) => show(f)), [`11:18 int-doc/metadata-multi-tenant Expected Multi-tenant "${expected}"; found "${value}".`], value);
      assert.equal(covered(text, findings[0]), value);
      assert.deepEqual(findings[0].data, { expected });
      const fixed = fixAll(c);
      assert.equal(fixed, readFixture(CLEAN, STRIPE).replace('| Multi-tenant | Si |', `| Multi-tenant | ${expected} |`), value);
      assert.deepEqual(lintCase({ path: STRIPE, edit: () => fixed, rules: [rule] }).findings, []);
    }
  });

  it('suggests Si/No for English or boolean words, without applying it on --fix', () => {
    for (const [value, expected] of [['Yes', 'Si'], ['true', 'Si'], ['False', 'No'], ['Verdadero', 'Si']]) {
      const c = { path: STRIPE, edit: multiTenant(value), rules: [rule] };
      const { text, findings } = lintCase(c);
      assert.deepEqual(findings.map((f) => show(f)), [`11:18 int-doc/metadata-multi-tenant Expected Multi-tenant to be Si or No; found "${value}".`], value);
      assert.equal(findings[0].fixes[0].safe, false);
      assert.equal(fixAll(c), text, value);
      const fixed = applySuggestion(text, findings[0]);
      assert.equal(fixed, readFixture(CLEAN, STRIPE).replace('| Multi-tenant | Si |', `| Multi-tenant | ${expected} |`), value);
    }
  });

  it('reports other values without a fix', () => {
    for (const value of ['Parcial', 'Si (por tenant)', 'N/A']) {
      const { text, findings } = lintCase({ path: STRIPE, edit: multiTenant(value), rules: [rule] });
      assert.deepEqual(findings.map((f) => show(f)), [`11:18 int-doc/metadata-multi-tenant Expected Multi-tenant to be Si or No; found "${value}".`], value);
      assert.equal(covered(text, findings[0]), value);
      assert.deepEqual(findings[0].fixes, [], value);
    }
  });

  it('fixes in a CRLF document without touching its line endings', () => {
    const c = { path: WHATSAPP, edit: (t: string) => replaceOnce(t, '| Multi-tenant | No |', '| Multi-tenant | NO |'), rules: [rule] };
    assert.equal(lintCase(c).findings.length, 1);
    assert.equal(fixAll(c), readFixture(CLEAN, WHATSAPP));
  });

  it('leaves a missing row, an empty cell and the template placeholder to other rules', () => {
    assert.deepEqual(lintCase({ path: STRIPE, edit: (t) => replaceOnce(t, '| Multi-tenant | Si |\n', ''), rules: [rule] }).findings, []);
    assert.deepEqual(lintCase({ path: STRIPE, edit: multiTenant(''), rules: [rule] }).findings, []);
    assert.deepEqual(lintCase({ path: STRIPE, edit: multiTenant('{Si|No}'), rules: [rule] }).findings, []);
  });
});
