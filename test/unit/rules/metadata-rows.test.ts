import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import rule from '../../../server/src/engine/rules/int-doc/metadata-rows';
import { CLEAN, covered, FIXTURES, fixAll, lintCase, readFixture, replaceOnce, show } from '../../helpers';
import { applySuggestion } from './suggestion';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

const lint = (edit: (text: string) => string, path = STRIPE) => lintCase({ path, edit, rules: [rule] });
const clean = (path: string) => readFixture(CLEAN, path);

describe('int-doc/metadata-rows', () => {
  it('finds nothing in the clean docs, CRLF and BOM included, nor in the untouched template', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
    const template = lintCase({ root: join(FIXTURES, 'workspaces', 'template'), path: `${DOCS}/INT-009-plantilla.md`, rules: [rule] });
    assert.deepEqual(template.findings, []);
  });

  it('accepts field names in another case or with accents, and extra rows of the team\'s own', () => {
    const { findings } = lint((t) =>
      replaceOnce(replaceOnce(t, '| Fecha integracion |', '| Fecha integración |'), '| Codigo | INT-001 |', '| CÓDIGO | INT-001 |\n| Responsable | Equipo pagos |'),
    );
    assert.deepEqual(findings, []);
  });

  it('reports a missing row on the table and suggests the template row at its place', () => {
    const { text, findings } = lint((t) => replaceOnce(t, '| Estado | Implementado |\n', ''));
    assert.deepEqual(findings.map((f) => show(f)), ['5:1 int-doc/metadata-rows Expected a "Estado" row in the Metadata table; found none.']);
    assert.equal(covered(text, findings[0]), '| Campo | Valor |');
    assert.equal(findings[0].fixes[0].safe, false);
    assert.equal(fixAll({ path: STRIPE, edit: () => text, rules: [rule] }), text, 'a suggestion is not applied by --fix');
    const fixed = applySuggestion(text, findings[0]);
    assert.ok(fixed.includes('| Tipo | Pagos |\n| Estado | {Implementado|Documentado|Pendiente} |\n| Multi-tenant | Si |\n'));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('inserts a missing first row right after the delimiter row, with the file\'s own code', () => {
    const { text, findings } = lint((t) => replaceOnce(t, '| Codigo | INT-001 |\n', ''));
    assert.deepEqual(findings.map((f) => show(f)), ['5:1 int-doc/metadata-rows Expected a "Codigo" row in the Metadata table; found none.']);
    assert.equal(applySuggestion(text, findings[0]), clean(STRIPE));
  });

  it('inserts a missing last row after the last row, and each missing row where it belongs', () => {
    const { text, findings } = lint((t) => replaceOnce(replaceOnce(t, '| Fecha integracion | 2026-02-03 |\n', ''), '| Proveedor | Stripe |\n', ''));
    assert.deepEqual(findings.map((f) => f.data?.expected), ['Proveedor', 'Fecha integracion']);
    const fixed = applySuggestion(applySuggestion(text, findings[1]), findings[0]);
    assert.ok(fixed.includes('| Codigo | INT-001 |\n| Proveedor | {Nombre proveedor} |\n| Tipo | Pagos |\n'));
    assert.ok(fixed.includes('| Multi-tenant | Si |\n| Fecha integracion | {YYYY-MM-DD} |\n\n---\n'));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('inserts with CRLF line endings in a CRLF document', () => {
    const { text, findings } = lint((t) => replaceOnce(t, '| Tipo | Notificaciones |\r\n', ''), WHATSAPP);
    assert.deepEqual(findings.map((f) => show(f)), ['5:1 int-doc/metadata-rows Expected a "Tipo" row in the Metadata table; found none.']);
    const fixed = applySuggestion(text, findings[0]);
    assert.ok(fixed.includes('| Proveedor | Twilio |\r\n| Tipo | {Pagos|Auth|Notificaciones|Storage|Analytics|etc} |\r\n| Estado | Documentado |\r\n'));
    assert.ok(!/[^\r]\n/.test(fixed));
  });

  it('reports a duplicate at its second row and suggests removing it', () => {
    const { text, findings } = lint((t) => replaceOnce(t, '| Multi-tenant | Si |\n', '| Multi-tenant | Si |\n| Estado | Pendiente |\n'));
    assert.deepEqual(findings.map((f) => show(f)), ['12:3 int-doc/metadata-rows Expected one "Estado" row; found another one here (the first is on line 10).']);
    assert.equal(covered(text, findings[0]), 'Estado');
    assert.equal(findings[0].fixes[0].safe, false);
    const fixed = applySuggestion(text, findings[0]);
    assert.equal(fixed, clean(STRIPE));
  });

  it('counts a case variant of a field as the same field when looking for duplicates', () => {
    const { findings } = lint((t) => replaceOnce(t, '| Tipo | Pagos |\n', '| Tipo | Pagos |\n| TIPO | Auth |\n'));
    assert.deepEqual(findings.map((f) => show(f)), ['10:3 int-doc/metadata-rows Expected one "Tipo" row; found another one here (the first is on line 9).']);
  });

  it('reports an empty value on its field, for an empty cell and a missing one', () => {
    const { text, findings } = lint((t) => replaceOnce(replaceOnce(t, '| Proveedor | Stripe |', '| Proveedor |  |'), '| Tipo | Pagos |', '| Tipo |'));
    assert.deepEqual(findings.map((f) => show(f)), [
      '8:3 int-doc/metadata-rows Expected a value for "Proveedor"; found an empty cell.',
      '9:3 int-doc/metadata-rows Expected a value for "Tipo"; found an empty cell.',
    ]);
    assert.deepEqual(findings.map((f) => covered(text, f)), ['Proveedor', 'Tipo']);
    assert.deepEqual(findings.map((f) => f.fixes), [[], []]);
  });

  it('renames a field whose name is off by more than case, safely', () => {
    const c = {
      path: STRIPE,
      edit: (t: string) => replaceOnce(replaceOnce(t, '| Multi-tenant |', '| Multitenant |'), '| Fecha integracion |', '| Fecha de integración |'),
      rules: [rule],
    };
    const { text, findings } = lintCase(c);
    assert.deepEqual(findings.map((f) => show(f)), [
      '11:3 int-doc/metadata-rows Expected the field name "Multi-tenant"; found "Multitenant".',
      '12:3 int-doc/metadata-rows Expected the field name "Fecha integracion"; found "Fecha de integración".',
    ]);
    assert.deepEqual(findings.map((f) => covered(text, f)), ['Multitenant', 'Fecha de integración']);
    const fixed = fixAll(c);
    assert.equal(fixed, clean(STRIPE));
  });

  it('reports a missing Metadata table on the Metadata heading, or on the title', () => {
    const table = '| Campo | Valor |\n|-------|-------|\n| Codigo | INT-001 |\n| Proveedor | Stripe |\n| Tipo | Pagos |\n| Estado | Implementado |\n| Multi-tenant | Si |\n| Fecha integracion | 2026-02-03 |\n\n';
    const { text, findings } = lint((t) => replaceOnce(t, table, ''));
    assert.deepEqual(findings.map((f) => show(f)), [
      '3:4 int-doc/metadata-rows Expected a Metadata table (| Campo | Valor |) with the rows Codigo, Proveedor, Tipo, Estado, Multi-tenant, Fecha integracion; found none.',
    ]);
    assert.equal(covered(text, findings[0]), 'Metadata');

    const noSection = lint((t) => replaceOnce(t, `## Metadata\n\n${table}`, ''));
    assert.deepEqual(noSection.findings.map((f) => show(f).split(' ')[0]), ['1:3']);
    assert.equal(covered(noSection.text, noSection.findings[0]), 'INT-001: Stripe');

    const nothing = lint(() => 'Solo texto.\n');
    assert.deepEqual(nothing.findings.map((f) => show(f).split(' ')[0]), ['1:1']);
  });

  it('reports every row of a table that has only its header', () => {
    const rows = '| Codigo | INT-001 |\n| Proveedor | Stripe |\n| Tipo | Pagos |\n| Estado | Implementado |\n| Multi-tenant | Si |\n| Fecha integracion | 2026-02-03 |\n';
    const { text, findings } = lint((t) => replaceOnce(t, rows, ''));
    assert.equal(findings.length, 6);
    let fixed = text;
    for (const finding of [...findings].reverse()) fixed = applySuggestion(fixed, finding);
    assert.ok(fixed.includes('|-------|-------|\n| Codigo | INT-001 |\n| Proveedor | {Nombre proveedor} |\n'));
    assert.ok(fixed.includes('| Multi-tenant | {Si|No} |\n| Fecha integracion | {YYYY-MM-DD} |\n\n---'));
  });
});
