import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import rule from '../../../server/src/engine/rules/int-doc/table-columns';
import { covered, FIXTURES, lintCase, replaceOnce, show } from '../../helpers';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const lint = (edit: (text: string) => string, path = STRIPE) => lintCase({ path, edit, rules: [rule] });

describe('int-doc/table-columns', () => {
  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
  });

  it("leaves the untouched template's choice placeholders ({Si|No}) to int-doc/placeholder", () => {
    const template = lintCase({ root: join(FIXTURES, 'workspaces', 'template'), path: `${DOCS}/INT-009-plantilla.md`, rules: [rule] });
    assert.deepEqual(template.findings, []);
  });

  it('accepts header cells that differ only in case or accents', () => {
    const { findings } = lint((t) => replaceOnce(t, '| Variable de Entorno | Descripcion | Obligatorio |', '| Variable de entorno | Descripción | obligatorio |'));
    assert.deepEqual(findings, []);
  });

  it('reports the first header cell that differs, with the expected columns', () => {
    const { text, findings } = lint((t) => replaceOnce(t, '| Codigo | Descripcion | Accion |', '| Code | Descripcion | Accion |'));
    assert.deepEqual(findings.map((f) => show(f)), [
      '47:3 int-doc/table-columns Expected the columns | Codigo | Descripcion | Accion |; found | Code | Descripcion | Accion |.',
    ]);
    assert.equal(covered(text, findings[0]), 'Code');
    assert.deepEqual(findings[0].data, { section: 'Manejo de Errores', expected: 'Codigo | Descripcion | Accion' });
  });

  it('reports columns in the wrong order', () => {
    const { text, findings } = lint((t) =>
      replaceOnce(t, '| Limite | Valor | Accion si excede |', '| Valor | Limite | Accion si excede |'),
    );
    assert.deepEqual(findings.map((f) => covered(text, f)), ['Valor']);
  });

  it('reports an extra column on its header cell, and the rows that lack it', () => {
    const edit = (t: string) =>
      replaceOnce(t, '| Metrica | Descripcion | Alerta |\n|---------|-------------|--------|', '| Metrica | Descripcion | Alerta | Owner |\n|---|---|---|---|');
    const { text, findings } = lint(edit);
    assert.deepEqual(findings.map((f) => show(f)), [
      '92:36 int-doc/table-columns Expected the columns | Metrica | Descripcion | Alerta |; found | Metrica | Descripcion | Alerta | Owner |.',
      '94:1 int-doc/table-columns Expected 4 cells in this row, one per column; found 3.',
      '95:1 int-doc/table-columns Expected 4 cells in this row, one per column; found 3.',
      '96:1 int-doc/table-columns Expected 4 cells in this row, one per column; found 3.',
    ]);
    assert.equal(covered(text, findings[0]), 'Owner');
  });

  it('reports a missing column on the header line', () => {
    const edit = (t: string) =>
      replaceOnce(t, '| Campo | Valor |\n|-------|-------|', '| Campo |\n|-------|');
    const { text, findings } = lint(edit);
    assert.equal(show(findings[0]), '5:1 int-doc/table-columns Expected the columns | Campo | Valor |; found | Campo |.');
    assert.equal(covered(text, findings[0]), '| Campo |');
  });

  it('reports rows with missing or extra cells on the row', () => {
    const { text, findings } = lint((t) =>
      replaceOnce(
        replaceOnce(t, '| 401 | Unauthorized | Rotar API key y alertar |', '| 401 | Unauthorized |'),
        '| STRIPE_PUBLISHABLE_KEY | Clave publica para el frontend | NO |',
        '| STRIPE_PUBLISHABLE_KEY | Clave publica | para el frontend | NO |',
      ),
    );
    assert.deepEqual(findings.map((f) => show(f)), [
      '28:1 int-doc/table-columns Expected 3 cells in this row, one per column; found 4.',
      '50:1 int-doc/table-columns Expected 3 cells in this row, one per column; found 2.',
    ]);
    assert.deepEqual(findings.map((f) => covered(text, f)), [
      '| STRIPE_PUBLISHABLE_KEY | Clave publica | para el frontend | NO |',
      '| 401 | Unauthorized |',
    ]);
  });

  it('reports a section without its table on the heading', () => {
    const { text, findings } = lint((t) =>
      replaceOnce(
        t,
        '| Limite | Valor | Accion si excede |\n|--------|-------|------------------|\n| Requests/seg (live) | 100 | Retry con backoff |\n| Requests/seg (test) | 25 | Retry con backoff |',
        'Stripe permite 100 requests por segundo.',
      ),
    );
    assert.deepEqual(findings.map((f) => show(f)), [
      '38:4 int-doc/table-columns Expected a table with the columns | Limite | Valor | Accion si excede | in "## Rate Limits"; found none.',
    ]);
    assert.equal(covered(text, findings[0]), 'Rate Limits');
  });

  it('lets the optional Webhooks section say it does not apply instead of having a table', () => {
    const webhooks =
      '| Evento | Endpoint | Descripcion |\n|--------|----------|-------------|\n| payment_intent.succeeded | /webhooks/stripe | Marca la orden como pagada |\n| customer.subscription.deleted | /webhooks/stripe | Suspende el plan del tenant |';
    assert.deepEqual(lint((t) => replaceOnce(t, webhooks, 'No aplica: esta integracion no recibe webhooks.')).findings, []);
    assert.deepEqual(lint((t) => replaceOnce(replaceOnce(t, webhooks, 'Stripe no envia eventos.'), '(si aplica)', '(No aplica)')).findings, []);
    assert.deepEqual(lint((t) => replaceOnce(t, webhooks, 'Se reciben los eventos de pago.')).findings.map((f) => show(f)), [
      '70:4 int-doc/table-columns Expected a table with the columns | Evento | Endpoint | Descripcion | in "## Webhooks (si aplica)"; found none.',
    ]);
  });

  it('checks the table of a section whose heading is a near miss', () => {
    const { findings } = lint((t) =>
      replaceOnce(replaceOnce(t, '## Credenciales Requeridas', '## Credenciales'), '| Variable de Entorno |', '| Variable |'),
    );
    assert.deepEqual(findings.map((f) => show(f)), [
      '24:3 int-doc/table-columns Expected the columns | Variable de Entorno | Descripcion | Obligatorio |; found | Variable | Descripcion | Obligatorio |.',
    ]);
  });

  it('points at the right characters in a CRLF document', () => {
    const { text, findings } = lint((t) => replaceOnce(t, '| 401 | Unauthorized | Refrescar token |', '| 401 | Unauthorized |'), WHATSAPP);
    assert.deepEqual(findings.map((f) => show(f)), ['48:1 int-doc/table-columns Expected 3 cells in this row, one per column; found 2.']);
    assert.equal(covered(text, findings[0]), '| 401 | Unauthorized |');
  });
});
