import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/metadata-codigo';
import { CLEAN, covered, fixAll, lintCase, readFixture, replaceOnce, show } from '../../helpers';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const lint = (edit: (text: string) => string, path = STRIPE) => lintCase({ path, edit, rules: [rule] });
const codigo = (value: string) => (text: string) => replaceOnce(text, '| Codigo | INT-001 |', `| Codigo | ${value} |`);

describe('int-doc/metadata-codigo', () => {
  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
  });

  it('accepts the code with markup around it', () => {
    assert.deepEqual(lint(codigo('`INT-001`')).findings, []);
    assert.deepEqual(lint(codigo('**INT-001**')).findings, []);
  });

  it('reports a code that disagrees with the file name and writes the file\'s code', () => {
    const c = { path: STRIPE, edit: codigo('INT-002'), rules: [rule] };
    const { text, findings } = lintCase(c);
    assert.deepEqual(findings.map((f) => show(f)), ['7:12 int-doc/metadata-codigo Expected Codigo INT-001 (from the file name); found "INT-002".']);
    assert.equal(covered(text, findings[0]), 'INT-002');
    assert.deepEqual(findings[0].data, { expected: 'INT-001' });
    const fixed = fixAll(c);
    assert.equal(fixed, readFixture(CLEAN, STRIPE));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('replaces the whole cell, markup and other spellings included, with just the code', () => {
    for (const value of ['`INT-01`', 'int-001', 'INT001', '1']) {
      const c = { path: STRIPE, edit: codigo(value), rules: [rule] };
      const { text, findings } = lintCase(c);
      assert.equal(findings.length, 1, value);
      assert.equal(covered(text, findings[0]), value);
      assert.equal(fixAll(c), readFixture(CLEAN, STRIPE), value);
    }
  });

  it('fixes in a CRLF document without touching its line endings', () => {
    const c = { path: WHATSAPP, edit: (t: string) => replaceOnce(t, '| Codigo | INT-003 |', '| Codigo | INT-033 |'), rules: [rule] };
    assert.deepEqual(lintCase(c).findings.map((f) => show(f)), ['7:12 int-doc/metadata-codigo Expected Codigo INT-003 (from the file name); found "INT-033".']);
    assert.equal(fixAll(c), readFixture(CLEAN, WHATSAPP));
  });

  it('leaves a missing row, an empty cell and the template placeholder to other rules', () => {
    assert.deepEqual(lint((t) => replaceOnce(t, '| Codigo | INT-001 |\n', '')).findings, []);
    assert.deepEqual(lint(codigo('')).findings, []);
    assert.deepEqual(lint(codigo('INT-{NNN}')).findings, []);
  });

  it('skips the check when the file name breaks the pattern', () => {
    const stripe = readFixture(CLEAN, STRIPE);
    assert.deepEqual(lint(() => codigo('INT-002')(stripe), `${DOCS}/INT-1-stripe.md`).findings, []);
  });
});
