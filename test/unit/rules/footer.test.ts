import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/footer';
import { CLEAN, covered, fixAll, lintCase, readFixture, replaceOnce, show } from '../../helpers';
import { applySuggestion } from './suggestion';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const lint = (edit: (text: string) => string, path = STRIPE) => lintCase({ path, edit, rules: [rule] });
const footer = (value: string) => (text: string) => replaceOnce(text, '**Ultima actualizacion:** 2026-03-15', value);
const REFERENCES_END = '- [Variables de entorno](../../.env.example)';

describe('int-doc/footer', () => {
  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
  });

  it('accepts the label with accents, a footer date equal to Fecha integracion, and a placeholder date', () => {
    assert.deepEqual(lint(footer('**Última actualización:** 2026-03-15')).findings, []);
    assert.deepEqual(lint(footer('**Ultima actualizacion:** 2026-02-03')).findings, []);
    assert.deepEqual(lint(footer('**Ultima actualizacion:** {YYYY-MM-DD}')).findings, []);
  });

  it('reports a missing footer at the end of the document and suggests the template\'s closing lines', () => {
    const { text, findings } = lint(footer(''));
    assert.deepEqual(findings.map((f) => show(f)), [
      '104:4 int-doc/footer Expected the footer "**Ultima actualizacion:** YYYY-MM-DD" at the end of the document; found none.',
    ]);
    assert.equal(findings[0].fixes[0].safe, false);
    assert.equal(fixAll({ path: STRIPE, edit: () => text, rules: [rule] }), text, 'a suggestion is not applied by --fix');
    const fixed = applySuggestion(text, findings[0]);
    assert.equal(fixed, readFixture(CLEAN, STRIPE).replace('2026-03-15', '{YYYY-MM-DD}'));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('adds the rule before the footer when the document does not end with one', () => {
    const { text, findings } = lint((t) => replaceOnce(t, `${REFERENCES_END}\n\n---\n\n**Ultima actualizacion:** 2026-03-15\n`, REFERENCES_END));
    assert.deepEqual(findings.map((f) => show(f).split(' ')[0]), ['102:45']);
    const fixed = applySuggestion(text, findings[0]);
    assert.ok(fixed.endsWith(`${REFERENCES_END}\n\n---\n\n**Ultima actualizacion:** {YYYY-MM-DD}\n`));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('appends the footer with CRLF line endings in a CRLF document', () => {
    const { text, findings } = lint((t) => replaceOnce(t, '\r\n\r\n---\r\n\r\n**Ultima actualizacion:** 2026-04-20\r\n', ''), WHATSAPP);
    assert.equal(findings.length, 1);
    const fixed = applySuggestion(text, findings[0]);
    assert.equal(fixed, readFixture(CLEAN, WHATSAPP).replace('**Ultima actualizacion:** 2026-04-20', '**Ultima actualizacion:** {YYYY-MM-DD}'));
  });

  it('reports a footer without a date', () => {
    const { text, findings } = lint(footer('**Ultima actualizacion:**'));
    assert.deepEqual(findings.map((f) => show(f)), ['106:1 int-doc/footer Expected a date after "Ultima actualizacion:"; found none.']);
    assert.equal(covered(text, findings[0]), '**Ultima actualizacion:**');
    assert.deepEqual(findings[0].fixes, []);
  });

  it('reports a footer date earlier than Fecha integracion, on the footer date', () => {
    const { text, findings } = lint(footer('**Ultima actualizacion:** 2026-01-31'));
    assert.deepEqual(findings.map((f) => show(f)), ['106:27 int-doc/footer Expected a date on or after 2026-02-03; found 2026-01-31.']);
    assert.equal(covered(text, findings[0]), '2026-01-31');
    assert.deepEqual(findings[0].data, { expected: '2026-02-03' });
    assert.deepEqual(findings[0].fixes, []);
  });

  it('compares only well-formed dates: date-format reports the others', () => {
    assert.deepEqual(lint(footer('**Ultima actualizacion:** 01/31/2026')).findings, []);
    assert.deepEqual(lint(footer('**Ultima actualizacion:** 2026-01-32')).findings, []);
    assert.deepEqual(lint((t) => replaceOnce(footer('**Ultima actualizacion:** 2026-01-31')(t), '| Fecha integracion | 2026-02-03 |', '| Fecha integracion | {YYYY-MM-DD} |')).findings, []);
    assert.deepEqual(lint((t) => replaceOnce(footer('**Ultima actualizacion:** 2026-01-31')(t), '| Fecha integracion | 2026-02-03 |\n', '')).findings, []);
  });
});
