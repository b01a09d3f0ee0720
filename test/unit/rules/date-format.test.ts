import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/date-format';
import { CLEAN, covered, fixAll, lintCase, readFixture, replaceOnce, show } from '../../helpers';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const fecha = (value: string) => (text: string) => replaceOnce(text, '| Fecha integracion | 2026-02-03 |', `| Fecha integracion | ${value} |`);
const footer = (value: string) => (text: string) => replaceOnce(text, '**Ultima actualizacion:** 2026-03-15', `**Ultima actualizacion:** ${value}`);
const lint = (edit: (text: string) => string) => lintCase({ path: STRIPE, edit, rules: [rule] });
const messages = (edit: (text: string) => string) => lint(edit).findings.map((f) => show(f));

describe('int-doc/date-format', () => {
  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
  });

  it('accepts real days, leap days included', () => {
    for (const value of ['2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30']) assert.deepEqual(messages(fecha(value)), [], value);
  });

  it('reports days that do not exist, with a real leap-year check', () => {
    for (const value of ['2026-02-30', '2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-01-00']) {
      assert.deepEqual(messages(fecha(value)), [`12:23 int-doc/date-format Expected a real calendar date; found "${value}", a day that does not exist.`], value);
    }
    const { findings } = lint(fecha('2026/02/30'));
    assert.deepEqual(findings.map((f) => f.message.template), [rule.meta.messages.nonexistent]);
    assert.deepEqual(findings[0].fixes, []);
  });

  it('rewrites unambiguous spellings of a day as YYYY-MM-DD, safely', () => {
    for (const [value, iso] of [
      ['2026/02/03', '2026-02-03'],
      ['2026.2.3', '2026-02-03'],
      ['2026-2-3', '2026-02-03'],
      ['2026-02-03T10:00:00Z', '2026-02-03'],
      ['2026-02-03T23:30:00-05:00', '2026-02-03'],
      ['2026-02-03 10:00', '2026-02-03'],
      ['15/01/2026', '2026-01-15'],
      ['01/15/2026', '2026-01-15'],
      ['05.05.2026', '2026-05-05'],
    ]) {
      const c = { path: STRIPE, edit: fecha(value), rules: [rule] };
      const { text, findings } = lintCase(c);
      assert.deepEqual(findings.map((f) => show(f)), [`12:23 int-doc/date-format Expected a date written YYYY-MM-DD; found "${value}" (that is ${iso}).`], value);
      assert.equal(covered(text, findings[0]), value);
      assert.deepEqual(findings[0].data, { expected: iso });
      const fixed = fixAll(c);
      assert.equal(fixed, readFixture(CLEAN, STRIPE).replace('| Fecha integracion | 2026-02-03 |', `| Fecha integracion | ${iso} |`), value);
      assert.deepEqual(lint(() => fixed).findings, [], value);
    }
  });

  it('says a day/month that reads both ways is ambiguous and does not guess', () => {
    const { findings } = lint(fecha('05/01/2026'));
    assert.deepEqual(findings.map((f) => show(f)), [
      '12:23 int-doc/date-format Expected a date written YYYY-MM-DD; found "05/01/2026", which is ambiguous (day/month or month/day): write it as YYYY-MM-DD.',
    ]);
    assert.deepEqual(findings[0].fixes, []);
  });

  it('reports text that is not a date without a fix', () => {
    for (const value of ['3 de febrero de 2026', 'Q1 2026', '2026', '26-02-03']) {
      const { findings } = lint(fecha(value));
      assert.deepEqual(findings.map((f) => show(f)), [`12:23 int-doc/date-format Expected a date written YYYY-MM-DD; found "${value}".`], value);
      assert.deepEqual(findings[0].fixes, []);
    }
  });

  it('checks the footer date the same way', () => {
    const c = { path: STRIPE, edit: footer('15/03/2026'), rules: [rule] };
    const { text, findings } = lintCase(c);
    assert.deepEqual(findings.map((f) => show(f)), ['106:27 int-doc/date-format Expected a date written YYYY-MM-DD; found "15/03/2026" (that is 2026-03-15).']);
    assert.equal(covered(text, findings[0]), '15/03/2026');
    assert.equal(fixAll(c), readFixture(CLEAN, STRIPE));
    assert.deepEqual(messages(footer('2026-02-31')), ['106:27 int-doc/date-format Expected a real calendar date; found "2026-02-31", a day that does not exist.']);
  });

  it('fixes both dates in a CRLF document without touching its line endings', () => {
    const c = {
      path: WHATSAPP,
      edit: (t: string) => replaceOnce(replaceOnce(t, '| Fecha integracion | 2026-04-20 |', '| Fecha integracion | 2026/4/20 |'), '**Ultima actualizacion:** 2026-04-20', '**Ultima actualizacion:** 20.04.2026'),
      rules: [rule],
    };
    assert.equal(lintCase(c).findings.length, 2);
    assert.equal(fixAll(c), readFixture(CLEAN, WHATSAPP));
  });

  it('leaves placeholders, empty cells and a missing row to other rules', () => {
    assert.deepEqual(messages((t) => footer('{YYYY-MM-DD}')(fecha('{YYYY-MM-DD}')(t))), []);
    assert.deepEqual(messages(fecha('')), []);
    assert.deepEqual(messages((t) => replaceOnce(t, '| Fecha integracion | 2026-02-03 |\n', '')), []);
  });
});
