import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/multi-tenant-model';
import { covered, lintCase, replaceOnce, show } from '../../helpers';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const SMS = `${DOCS}/INT-002-twilio-sms.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const STRIPE_MODEL = 'Modelo de credenciales: **Por Tenant**. Cada tenant conecta su propia cuenta\nde Stripe; las llaves se guardan cifradas en `tenant_integrations`.';
const STRIPE_BULLETS = '- Credenciales por tenant, nunca globales\n';
const NO_MODEL = (value: string) =>
  `61:4 int-doc/multi-tenant-model Multi-tenant is "${value}"; expected the Multi-tenant section to state the credential model (Global, Por Tenant or Hibrido); found none.`;

/** Stripe's Multi-tenant section with its own words replaced by `body`. */
const stripeSays = (body: string) => (t: string) => replaceOnce(replaceOnce(t, STRIPE_MODEL, body), STRIPE_BULLETS, '');

const lint = (edit: (text: string) => string, path = STRIPE) => lintCase({ path, edit, rules: [rule] });

describe('int-doc/multi-tenant-model', () => {
  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
  });

  it('reports a multi-tenant doc whose section does not name the credential model, on its heading', () => {
    const { text, findings } = lint(stripeSays('Cada tenant conecta su cuenta de Stripe.'));
    assert.deepEqual(findings.map((f) => show(f)), [NO_MODEL('Si')]);
    assert.equal(covered(text, findings[0]), 'Multi-tenant');
    assert.deepEqual(findings[0].fixes, []);
  });

  it("does not take the template's own topic bullets for a stated model", () => {
    const bullets = '{Como se maneja en contexto multi-tenant}\n\n- Credenciales por tenant vs globales\n- Configuracion por tenant';
    assert.deepEqual(lint(stripeSays(bullets)).findings.map((f) => show(f)), [NO_MODEL('Si')]);
  });

  it('accepts each model, in any case and with or without accents', () => {
    for (const body of ['Modelo: Global.', 'Modelo: **Híbrido** (global con override por tenant).', 'modelo hibrido', 'Credenciales POR TENANT.', 'Usamos credenciales globales.']) {
      assert.deepEqual(lint(stripeSays(body)).findings, [], body);
    }
  });

  it('checks the metadata value case-insensitively and leaves "No" alone', () => {
    const body = stripeSays('Cada tenant conecta su cuenta.');
    for (const value of ['si', 'SI', 'Sí']) {
      const findings = lint((t) => replaceOnce(body(t), '| Multi-tenant | Si |', `| Multi-tenant | ${value} |`)).findings;
      assert.deepEqual(findings.map((f) => show(f)), [NO_MODEL(value)]);
    }
    assert.deepEqual(lint((t) => replaceOnce(body(t), '| Multi-tenant | Si |', '| Multi-tenant | No |')).findings, []);
  });

  it('reports on the metadata value when the Multi-tenant section is missing', () => {
    const edit = (t: string) => replaceOnce(replaceOnce(t, '| Multi-tenant | No |', '| Multi-tenant | Si |'), '## Multi-tenant\n\nNo aplica: una sola cuenta global de Twilio para toda la plataforma.\n\n', '');
    const { text, findings } = lint(edit, SMS);
    assert.deepEqual(findings.map((f) => show(f)), [
      '11:18 int-doc/multi-tenant-model Multi-tenant is "Si"; expected a "## Multi-tenant" section stating the credential model (Global, Por Tenant or Hibrido); found none.',
    ]);
    assert.equal(covered(text, findings[0]), 'Si');
  });

  it('finds the section under a near-miss heading, in a CRLF document', () => {
    const edit = (t: string) => replaceOnce(replaceOnce(t, '| Multi-tenant | No |', '| Multi-tenant | Si |'), '## Multi-tenant', '## Multitenant');
    assert.deepEqual(lint(edit, WHATSAPP).findings, [], 'the section says "una sola cuenta global"');
    const vague = (t: string) => replaceOnce(edit(t), 'No aplica: una sola cuenta global de Twilio para toda la plataforma.', 'Una cuenta de Twilio.');
    assert.deepEqual(lint(vague, WHATSAPP).findings.map((f) => show(f)), [
      '58:4 int-doc/multi-tenant-model Multi-tenant is "Si"; expected the Multi-tenant section to state the credential model (Global, Por Tenant or Hibrido); found none.',
    ]);
  });
});
