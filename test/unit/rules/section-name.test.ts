import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/section-name';
import { CLEAN, covered, fixAll, lintCase, readFixture, replaceOnce, show } from '../../helpers';
import { applySuggestion } from './suggestion';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const lint = (edit: (text: string) => string, path = STRIPE) => lintCase({ path, edit, rules: [rule] });

describe('int-doc/section-name', () => {
  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
  });

  it('reports case and accent variants on the heading text and renames them safely', () => {
    const edit = (t: string) => replaceOnce(replaceOnce(t, '## Descripcion', '## Descripción'), '## Rate Limits', '## rate limits');
    const { text, findings } = lint(edit);
    assert.deepEqual(findings.map((f) => show(f)), [
      '16:4 int-doc/section-name Expected the heading "## Descripcion"; found "## Descripción".',
      '38:4 int-doc/section-name Expected the heading "## Rate Limits"; found "## rate limits".',
    ]);
    assert.deepEqual(findings.map((f) => covered(text, f)), ['Descripción', 'rate limits']);
    assert.deepEqual(findings[0].data, { expected: 'Descripcion', kind: 'variant' });
    assert.equal(fixAll({ path: STRIPE, edit, rules: [rule] }), readFixture(CLEAN, STRIPE));
  });

  it("reports the template's near misses with the expected name and renames them safely", () => {
    const edit = (t: string) =>
      replaceOnce(replaceOnce(replaceOnce(t, '## Rate Limits', '## Rate limit'), '## Credenciales Requeridas', '## Credenciales'), '## Monitoreo', '## Monitoring');
    assert.deepEqual(lint(edit).findings.map((f) => show(f)), [
      '22:4 int-doc/section-name Expected the heading "## Credenciales Requeridas"; found "## Credenciales".',
      '38:4 int-doc/section-name Expected the heading "## Rate Limits"; found "## Rate limit".',
      '90:4 int-doc/section-name Expected the heading "## Monitoreo"; found "## Monitoring".',
    ]);
    const fixed = fixAll({ path: STRIPE, edit, rules: [rule] });
    assert.equal(fixed, readFixture(CLEAN, STRIPE));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('offers a rename for a typo as a suggestion only', () => {
    const edit = (t: string) =>
      replaceOnce(replaceOnce(replaceOnce(t, '## Monitoreo', '## Monitoero'), '## Fallbacks', '## Falbacks'), '## Referencias', '## Referenicas');
    const { text, findings } = lint(edit);
    assert.deepEqual(findings.map((f) => show(f)), [
      '56:4 int-doc/section-name Expected the heading "## Fallbacks"; found "## Falbacks".',
      '90:4 int-doc/section-name Expected the heading "## Monitoreo"; found "## Monitoero".',
      '98:4 int-doc/section-name Expected the heading "## Referencias"; found "## Referenicas".',
    ]);
    assert.deepEqual(findings.map((f) => f.fixes[0].safe), [false, false, false]);
    assert.equal(fixAll({ path: STRIPE, edit, rules: [rule] }), text, '--fix leaves guesses alone');
    const fixed = findings.reduceRight((current, finding) => applySuggestion(current, finding), text);
    assert.equal(fixed, readFixture(CLEAN, STRIPE));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it("leaves the team's own headings alone, even one letter from a template name", () => {
    const extra = '## Notas internas\n\nTexto.\n\n## Callbacks\n\nTexto.\n\n## Hosting\n\nTexto.\n\n## Preferencias\n\nTexto.\n\n';
    assert.deepEqual(lint((t) => replaceOnce(t, '## Referencias', `${extra}## Referencias`)).findings, []);
  });

  it('leaves alone a near-miss heading when the section is also there by its exact name', () => {
    const { findings } = lint((t) => replaceOnce(t, '## Fallbacks', '## Limites\n\nLimites internos del equipo.\n\n## Fallbacks'));
    assert.deepEqual(findings, []);
  });

  it('accepts "## Webhooks" and "## Webhooks (No aplica)" silently, and names a case variant of "Webhooks" after it', () => {
    assert.deepEqual(lint((t) => replaceOnce(t, '## Webhooks (si aplica)', '## Webhooks')).findings, []);
    assert.deepEqual(lint((t) => replaceOnce(t, '## Webhooks (si aplica)', '## Webhooks (No aplica)')).findings, []);
    const edit = (t: string) => replaceOnce(t, '## Webhooks (si aplica)', '## webhooks');
    assert.deepEqual(lint(edit).findings.map((f) => show(f)), [
      '70:4 int-doc/section-name Expected the heading "## Webhooks"; found "## webhooks".',
    ]);
    assert.equal(fixAll({ path: STRIPE, edit, rules: [rule] }), replaceOnce(readFixture(CLEAN, STRIPE), '## Webhooks (si aplica)', '## Webhooks'));
  });

  it("checks Testing's subsections the same way", () => {
    const edit = (t: string) => replaceOnce(replaceOnce(t, '### Sandbox/Test Mode', '### Sandbox / test mode'), '### Comandos de Test', '### Comandos');
    const { text, findings } = lint(edit);
    assert.deepEqual(findings.map((f) => show(f)), [
      '79:5 int-doc/section-name Expected the heading "### Sandbox/Test Mode"; found "### Sandbox / test mode".',
      '83:5 int-doc/section-name Expected the heading "### Comandos de Test"; found "### Comandos".',
    ]);
    assert.deepEqual(findings.map((f) => covered(text, f)), ['Sandbox / test mode', 'Comandos']);
    assert.equal(fixAll({ path: STRIPE, edit, rules: [rule] }), readFixture(CLEAN, STRIPE));
  });

  it('renames in a CRLF document without touching its line endings', () => {
    const edit = (t: string) => replaceOnce(t, '## Manejo de Errores', '## Manejo de errores');
    const { findings } = lint(edit, WHATSAPP);
    assert.deepEqual(findings.map((f) => show(f)), [
      '43:4 int-doc/section-name Expected the heading "## Manejo de Errores"; found "## Manejo de errores".',
    ]);
    const fixed = fixAll({ path: WHATSAPP, edit, rules: [rule] });
    assert.equal(fixed, readFixture(CLEAN, WHATSAPP));
    assert.ok(fixed.includes('\r\n## Manejo de Errores\r\n'));
  });
});
