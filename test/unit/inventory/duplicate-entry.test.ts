import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/inventory/duplicate-entry';
import { CLEAN, readFixture } from '../../helpers';
import { fixture, lintInventory, seen } from './lint';

const check = (text: string) => seen(text, rule);

function inventory(entries: Array<[nombre: string, documentacion: string]>, eol = '\n'): string {
  const items = entries.map(([nombre, documentacion]) =>
    [`  - nombre: "${nombre}"`, '    proveedor: "Stripe"', '    tipo: "pagos"', '    estado: "activo"', '    multi_tenant: true', `    documentacion: "${documentacion}"`].join(eol),
  );
  return `integraciones:${eol}${items.join(eol)}${eol}`;
}

describe('inventory/duplicate-entry', () => {
  it('finds nothing when every entry has its own nombre and doc', () => {
    assert.deepEqual(check(fixture('valid.yml')), []);
    assert.deepEqual(check(readFixture(CLEAN, 'MASTER_INVENTORY.yml')), []);
  });

  it('reports a repeated nombre at the later value, naming the line of the first, whatever its case', () => {
    const text = inventory([
      ['Stripe', 'docs/02-integraciones/INT-001-stripe.md'],
      ['Twilio', 'docs/02-integraciones/INT-002-twilio.md'],
      ['stripe ', 'docs/02-integraciones/INT-003-stripe-connect.md'],
    ]);
    assert.deepEqual(check(text), [
      '14:13 inventory/duplicate-entry Expected each entry to have its own nombre; "stripe " is already the nombre of the entry on line 2. | "stripe "',
    ]);
    assert.deepEqual(lintInventory(text, rule).findings[0].fixes, []);
  });

  it('reports two entries pointing to one INT doc, however the path is written', () => {
    const text = inventory([
      ['Stripe', 'docs/02-integraciones/INT-001-stripe.md'],
      ['Stripe Connect', './docs/02-integraciones/INT-001-stripe.md'],
    ]);
    assert.deepEqual(check(text), [
      '13:20 inventory/duplicate-entry Expected each entry to point to its own INT doc; "./docs/02-integraciones/INT-001-stripe.md" is already registered by the entry on line 7. | "./docs/02-integraciones/INT-001-stripe.md"',
    ]);
  });

  it('reports every repeat against the first, in a CRLF file', () => {
    const text = inventory(
      [
        ['Stripe', 'docs/a.md'],
        ['Stripe', 'docs/b.md'],
        ['Stripe', 'docs/a.md'],
      ],
      '\r\n',
    );
    assert.deepEqual(check(text), [
      '8:13 inventory/duplicate-entry Expected each entry to have its own nombre; "Stripe" is already the nombre of the entry on line 2. | "Stripe"',
      '14:13 inventory/duplicate-entry Expected each entry to have its own nombre; "Stripe" is already the nombre of the entry on line 2. | "Stripe"',
      '19:20 inventory/duplicate-entry Expected each entry to point to its own INT doc; "docs/a.md" is already registered by the entry on line 7. | "docs/a.md"',
    ]);
  });

  it('ignores empty and non-text values: inventory/schema reports those', () => {
    assert.deepEqual(check('integraciones:\n  - nombre: ""\n  - nombre: ""\n  - nombre: 1\n  - nombre: 1\n  - nombre:\n  - nombre:\n'), []);
  });

  it('finds the one repeat among 500 entries', () => {
    const entries = Array.from({ length: 500 }, (_, i): [string, string] => [`Proveedor ${i}`, `docs/02-integraciones/INT-${String(i).padStart(3, '0')}-p.md`]);
    assert.deepEqual(check(inventory(entries)), []);
    entries.push(['Proveedor 7', 'docs/02-integraciones/INT-500-p.md']);
    assert.deepEqual(check(inventory(entries)), [
      '3002:13 inventory/duplicate-entry Expected each entry to have its own nombre; "Proveedor 7" is already the nombre of the entry on line 44. | "Proveedor 7"',
    ]);
  });
});
