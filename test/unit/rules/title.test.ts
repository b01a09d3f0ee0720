import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/title';
import { CLEAN, covered, fixAll, lintCase, readFixture, replaceOnce, show } from '../../helpers';
import { applySuggestion } from './suggestion';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const TWILIO_SMS = `${DOCS}/INT-002-twilio-sms.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const lint = (edit: (text: string) => string, path = STRIPE) => lintCase({ path, edit, rules: [rule] });
const retitle = (title: string) => (text: string) => replaceOnce(text, '# INT-001: Stripe', title);

describe('int-doc/title', () => {
  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const path of [STRIPE, TWILIO_SMS, WHATSAPP]) assert.deepEqual(lintCase({ path, rules: [rule] }).findings.map((f) => show(f)), [], path);
  });

  it('accepts names that agree loosely: case, accents, spaces, extra words', () => {
    for (const title of ['# INT-001: stripe', '# INT-001: Stripe Payments', '# INT-001: Strípe', '# INT-001: `Stripe`']) {
      assert.deepEqual(lint(retitle(title)).findings.map((f) => show(f)), [], title);
    }
    const mercadoPago = `${DOCS}/INT-007-mercadopago.md`;
    assert.deepEqual(lint(() => '# INT-007: Mercado Pago\n', mercadoPago).findings, []);
    assert.deepEqual(lint(() => '# INT-008: Mercado-Pago (Checkout Pro)\n', `${DOCS}/INT-008-mercado-pago.md`).findings, []);
  });

  it('reports a missing title at 1:1', () => {
    const { findings } = lint((t) => replaceOnce(t, '# INT-001: Stripe\n\n', ''));
    assert.deepEqual(findings.map((f) => show(f)), ['1:1 int-doc/title Expected a level-1 title "# INT-{NNN}: {Nombre}"; found none.']);
    assert.deepEqual(findings[0].fixes, []);
  });

  it('does not take a level-2 heading for the title', () => {
    const { findings } = lint(retitle('## INT-001: Stripe'));
    assert.deepEqual(findings.map((f) => show(f)), ['1:1 int-doc/title Expected a level-1 title "# INT-{NNN}: {Nombre}"; found none.']);
  });

  it('reports a code that disagrees with the file name and replaces just the code', () => {
    const c = { path: STRIPE, edit: retitle('# INT-004: Stripe'), rules: [rule] };
    const { text, findings } = lintCase(c);
    assert.deepEqual(findings.map((f) => show(f)), ['1:3 int-doc/title Expected the title code INT-001 (from the file name); found INT-004.']);
    assert.equal(covered(text, findings[0]), 'INT-004');
    assert.deepEqual(findings[0].data, { expected: 'INT-001' });
    const fixed = fixAll(c);
    assert.ok(fixed.startsWith('# INT-001: Stripe\n\n## Metadata\n'));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('keeps markup around the code when it fixes it', () => {
    const c = { path: STRIPE, edit: retitle('# **INT-009**: Stripe'), rules: [rule] };
    assert.ok(fixAll(c).startsWith('# **INT-001**: Stripe\n'));
  });

  it('fixes the code in a CRLF document without touching its line endings', () => {
    const c = { path: WHATSAPP, edit: (t: string) => replaceOnce(t, '# INT-003:', '# INT-030:'), rules: [rule] };
    const { text, findings } = lintCase(c);
    assert.deepEqual(findings.map((f) => show(f)), ['1:3 int-doc/title Expected the title code INT-003 (from the file name); found INT-030.']);
    const fixed = fixAll(c);
    assert.equal(fixed, text.replace('# INT-030:', '# INT-003:'));
    assert.ok(fixed.startsWith('# INT-003: Twilio WhatsApp\r\n\r\n## Metadata\r\n'));
  });

  it('reports a name that disagrees with the file name, on the name, without a fix', () => {
    const { text, findings } = lint(retitle('# INT-001: PayPal'));
    assert.deepEqual(findings.map((f) => show(f)), ['1:12 int-doc/title Expected the title\'s name to match the file name "stripe"; found "PayPal".']);
    assert.equal(covered(text, findings[0]), 'PayPal');
    assert.deepEqual(findings[0].fixes, []);
    const sms = lint((t) => replaceOnce(t, '# INT-002: Twilio SMS', '# INT-002: Twilio'), TWILIO_SMS);
    assert.deepEqual(sms.findings.map((f) => show(f)), ['1:12 int-doc/title Expected the title\'s name to match the file name "twilio-sms"; found "Twilio".']);
  });

  it('reports code and name together when both disagree', () => {
    const { findings } = lint(retitle('# INT-002: Twilio SMS'));
    assert.deepEqual(findings.map((f) => show(f)), [
      '1:3 int-doc/title Expected the title code INT-001 (from the file name); found INT-002.',
      '1:12 int-doc/title Expected the title\'s name to match the file name "stripe"; found "Twilio SMS".',
    ]);
  });

  it('rewrites a title whose code and name can be read into the template form', () => {
    for (const [title, expected] of [
      ['# INT-1: Stripe', '# INT-001: Stripe'],
      ['# INT-001 - Stripe', '# INT-001: Stripe'],
      ['# INT-001 Stripe', '# INT-001: Stripe'],
      ['# int_001: Stripe', '# INT-001: Stripe'],
      ['# INT-001:Stripe', '# INT-001: Stripe'],
    ]) {
      const c = { path: STRIPE, edit: retitle(title), rules: [rule] };
      const { text, findings } = lintCase(c);
      assert.deepEqual(findings.map((f) => show(f)), [`1:3 int-doc/title Expected the title to read "INT-{NNN}: {Nombre}"; found "${title.slice(2)}".`], title);
      assert.equal(covered(text, findings[0]), title.slice(2));
      const fixed = fixAll(c);
      assert.ok(fixed.startsWith(`${expected}\n\n## Metadata`), title);
      assert.deepEqual(lint(() => fixed).findings, [], title);
    }
  });

  it('rewrites the form first and the code on the next pass, as --fix does', () => {
    const fixed = fixAll({ path: STRIPE, edit: retitle('# INT-4 - Stripe'), rules: [rule] });
    assert.ok(fixed.startsWith('# INT-001: Stripe\n'));
  });

  it('suggests the file\'s code for a title without one', () => {
    const { text, findings } = lint(retitle('# Stripe'));
    assert.deepEqual(findings.map((f) => show(f)), ['1:3 int-doc/title Expected the title to read "INT-{NNN}: {Nombre}"; found "Stripe".']);
    assert.equal(findings[0].fixes[0].safe, false);
    assert.equal(fixAll({ path: STRIPE, edit: () => text, rules: [rule] }), text, 'a suggestion is not applied by --fix');
    const fixed = applySuggestion(text, findings[0]);
    assert.ok(fixed.startsWith('# INT-001: Stripe\n\n## Metadata'));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('reports a title it cannot read without offering a guess', () => {
    for (const title of ['# INT-0001: Stripe', '# INT-001:', '# **Stripe**']) {
      const { findings } = lint(retitle(title));
      assert.equal(findings.length, 1, title);
      assert.equal(findings[0].message.template, rule.meta.messages.malformed, title);
      assert.deepEqual(findings[0].fixes, [], title);
    }
  });

  it('leaves the template\'s own placeholders to int-doc/placeholder', () => {
    assert.deepEqual(lint(retitle('# INT-{NNN}: {Nombre Integracion}')).findings, []);
    assert.deepEqual(lint(retitle('# INT-001: {Nombre Integracion}')).findings, []);
  });

  it('skips the agreement checks when the file name breaks the pattern', () => {
    const stripe = readFixture(CLEAN, STRIPE);
    const { findings } = lint(() => retitle('# INT-004: PayPal')(stripe), `${DOCS}/INT-1-Stripe.md`);
    assert.deepEqual(findings, []);
  });
});
