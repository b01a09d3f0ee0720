import { strict as assert } from 'node:assert';
import { addEntryEdit, updateFieldEdit, type AddEntryResult } from '../../../server/src/engine/inventory/edit';
import type { NewEntry } from '../../../server/src/engine/inventory/entry-keys';
import { parseInventory } from '../../../server/src/engine/inventory/parse';
import schemaRule from '../../../server/src/engine/rules/inventory/schema';
import syntaxRule from '../../../server/src/engine/rules/inventory/syntax';
import { LineIndex } from '../../../server/src/engine/text';
import type { TextEdit } from '../../../server/src/engine/types';
import { CLEAN, readFixture } from '../../helpers';
import { fixture, lintInventory } from './lint';

const SENDGRID: NewEntry = {
  nombre: 'SendGrid',
  proveedor: 'Twilio SendGrid',
  tipo: 'notificaciones',
  estado: 'pendiente',
  multi_tenant: false,
  documentacion: 'docs/02-integraciones/INT-004-sendgrid.md',
};

function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  for (const e of offsets) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

function edited(text: string, result: AddEntryResult | undefined): string {
  assert.ok(result && 'edits' in result, 'expected edits');
  return apply(text, result.edits);
}

/** The result is valid YAML, holds the new entry last, and the inventory's own rules find nothing in it. */
function assertRegistered(text: string, entry: NewEntry = SENDGRID): void {
  const inventory = parseInventory('MASTER_INVENTORY.yml', text);
  assert.deepEqual(inventory.problems, []);
  const list = (inventory.document.toJS() as { integraciones: unknown[] }).integraciones;
  assert.deepEqual(list[list.length - 1], entry);
  // Some originals hold sketchy entries on purpose; only the new one must be flawless.
  const newEntryLine = inventory.entries[inventory.entries.length - 1].range.start.line;
  for (const rule of [syntaxRule, schemaRule]) {
    assert.deepEqual(lintInventory(text, rule).findings.filter((f) => f.range.start.line >= newEntryLine), [], rule.meta.id);
  }
}

/** An insertion, and nothing else: taking the inserted text out gives the original back byte for byte. */
function assertOnlyInserted(original: string, result: AddEntryResult | undefined): string {
  assert.ok(result && 'edits' in result);
  assert.equal(result.edits.length, 1);
  const [edit] = result.edits;
  assert.deepEqual(edit.range.start, edit.range.end, 'an insertion');
  const text = apply(original, result.edits);
  const at = new LineIndex(original).offsetAt(edit.range.start);
  assert.equal(text.slice(0, at) + text.slice(at + edit.newText.length), original);
  return text;
}

describe('inventory edits: addEntryEdit', () => {
  it('creates the file in the directive\'s layout when there is none', () => {
    const result = addEntryEdit(undefined, SENDGRID);
    assert.deepEqual(result, {
      create: [
        'integraciones:',
        '  - nombre: "SendGrid"',
        '    proveedor: "Twilio SendGrid"',
        '    tipo: "notificaciones"',
        '    estado: "pendiente"',
        '    multi_tenant: false',
        '    documentacion: "docs/02-integraciones/INT-004-sendgrid.md"',
        '',
      ].join('\n'),
    });
    assertRegistered((result as { create: string }).create);
  });

  it('appends after the last entry, keeping comments, blank lines and the other entries byte for byte', () => {
    const original = fixture('valid.yml');
    const text = assertOnlyInserted(original, addEntryEdit(original, SENDGRID));
    assertRegistered(text);
    assert.ok(
      text.endsWith(
        '    documentacion: "docs/02-integraciones/INT-002-twilio.md"\n  - nombre: "SendGrid"\n    proveedor: "Twilio SendGrid"\n    tipo: "notificaciones"\n' +
          '    estado: "pendiente"\n    multi_tenant: false\n    documentacion: "docs/02-integraciones/INT-004-sendgrid.md"\n',
      ),
    );
    const clean = readFixture(CLEAN, 'MASTER_INVENTORY.yml');
    assertRegistered(assertOnlyInserted(clean, addEntryEdit(clean, SENDGRID)));
  });

  it('goes after a trailing comment on the last line and before the comments and sections that follow the list', () => {
    const original = 'integraciones:\n  - nombre: "Stripe"\n    multi_tenant: true # revisar\n\n# Otros registros\nservicios:\n  - api\n';
    const text = assertOnlyInserted(original, addEntryEdit(original, SENDGRID));
    assert.ok(text.startsWith('integraciones:\n  - nombre: "Stripe"\n    multi_tenant: true # revisar\n  - nombre: "SendGrid"\n'));
    assert.ok(text.endsWith('    documentacion: "docs/02-integraciones/INT-004-sendgrid.md"\n\n# Otros registros\nservicios:\n  - api\n'));
  });

  it('follows a 4-space layout with the dash indented, and plain values', () => {
    const original = 'integraciones:\n    -   nombre: Stripe\n        proveedor: Stripe Inc\n        multi_tenant: true\n';
    const text = assertOnlyInserted(original, addEntryEdit(original, { ...SENDGRID, nombre: 'true', proveedor: 'Twilio: SendGrid' }));
    assert.equal(
      text.slice(original.length),
      '    -   nombre: "true"\n        proveedor: "Twilio: SendGrid"\n        tipo: notificaciones\n        estado: pendiente\n' +
        '        multi_tenant: false\n        documentacion: docs/02-integraciones/INT-004-sendgrid.md\n',
    );
    // Plain style where it reads back the same; quotes where plain would not ("true" is a boolean, ": " starts a map).
    assertRegistered(text, { ...SENDGRID, nombre: 'true', proveedor: 'Twilio: SendGrid' });
  });

  it('follows a dash at the key\'s column, single quotes and CRLF line breaks, without a final line break', () => {
    const original = "integraciones:\r\n- nombre: 'Stripe'\r\n  proveedor: 'Stripe Inc'\r\n  documentacion: 'docs/02-integraciones/INT-001-stripe.md'";
    const text = assertOnlyInserted(original, addEntryEdit(original, { ...SENDGRID, nombre: "O'Reilly" }));
    assert.equal(
      text.slice(original.length),
      "\r\n- nombre: 'O''Reilly'\r\n  proveedor: 'Twilio SendGrid'\r\n  tipo: 'notificaciones'\r\n  estado: 'pendiente'\r\n" +
        "  multi_tenant: false\r\n  documentacion: 'docs/02-integraciones/INT-004-sendgrid.md'",
    );
    assert.ok(!/[^\r]\n/.test(text), 'every line break is CRLF');
  });

  it('keeps a BOM out of its positions', () => {
    const original = '\ufeffintegraciones:\n  - nombre: "Stripe"\n';
    const result = addEntryEdit(original, SENDGRID);
    assert.ok(result && 'edits' in result);
    assert.deepEqual(result.edits[0].range.start, { line: 1, character: 20 });
  });

  it('fills an empty list: "integraciones:", "integraciones: []" and "~", keeping a comment on that line', () => {
    const lines = [
      '  - nombre: "SendGrid"',
      '    proveedor: "Twilio SendGrid"',
      '    tipo: "notificaciones"',
      '    estado: "pendiente"',
      '    multi_tenant: false',
      '    documentacion: "docs/02-integraciones/INT-004-sendgrid.md"',
    ].join('\n');
    const bare = 'integraciones:\n# Ver docs/02-integraciones\n';
    const text = assertOnlyInserted(bare, addEntryEdit(bare, SENDGRID));
    assert.equal(text, `integraciones:\n${lines}\n# Ver docs/02-integraciones\n`);
    assertRegistered(text);
    for (const empty of ['[]', '~', 'null']) {
      const original = `# Inventario\nintegraciones: ${empty} # ninguna aun\notros: 1\n`;
      const result = edited(original, addEntryEdit(original, SENDGRID));
      assert.equal(result, `# Inventario\nintegraciones: # ninguna aun\n${lines}\notros: 1\n`, empty);
    }
  });

  it('adds the list to a file without one: empty, comments only, other sections, no final line break', () => {
    assertRegistered(edited('', addEntryEdit('', SENDGRID)));
    const commented = '# Inventario del proyecto\n';
    assertRegistered(assertOnlyInserted(commented, addEntryEdit(commented, SENDGRID)));
    const noEol = '# Inventario del proyecto';
    const text = assertOnlyInserted(noEol, addEntryEdit(noEol, SENDGRID));
    assert.ok(text.startsWith('# Inventario del proyecto\nintegraciones:\n  - nombre: "SendGrid"\n'));
    // The file's own indentation step (4 here) is kept.
    const sections = 'servicios:\n    - api\n';
    const withSections = assertOnlyInserted(sections, addEntryEdit(sections, SENDGRID));
    assert.ok(withSections.endsWith('integraciones:\n    - nombre: "SendGrid"\n      proveedor: "Twilio SendGrid"\n      tipo: "notificaciones"\n' +
      '      estado: "pendiente"\n      multi_tenant: false\n      documentacion: "docs/02-integraciones/INT-004-sendgrid.md"\n'));
    assertRegistered(withSections);
  });

  it('adds a flow map to a flow list, on its line', () => {
    const original = 'integraciones: [{ nombre: "Stripe" }] # compacto\n';
    const text = assertOnlyInserted(original, addEntryEdit(original, SENDGRID));
    assert.equal(
      text,
      'integraciones: [{ nombre: "Stripe" }, { nombre: "SendGrid", proveedor: "Twilio SendGrid", tipo: "notificaciones", estado: "pendiente", multi_tenant: false, ' +
        'documentacion: "docs/02-integraciones/INT-004-sendgrid.md" }] # compacto\n',
    );
  });

  it('writes values that need escapes in double quotes, whatever the file uses', () => {
    const original = "integraciones:\n  - nombre: 'Stripe'\n";
    const text = edited(original, addEntryEdit(original, { ...SENDGRID, nombre: 'Send\tGrid' }));
    assert.ok(text.includes('  - nombre: "Send\\tGrid"\n'));
    assertRegistered(text, { ...SENDGRID, nombre: 'Send\tGrid' });
  });

  it('declines what it cannot edit without losing something: syntax errors, a list that is not one, a top-level list', () => {
    assert.equal(addEntryEdit(fixture('tabs.yml'), SENDGRID), undefined);
    assert.equal(addEntryEdit('integraciones: "ninguna"\n', SENDGRID), undefined);
    assert.equal(addEntryEdit('integraciones:\n  stripe: {}\n', SENDGRID), undefined);
    assert.equal(addEntryEdit('- nombre: "Stripe"\n', SENDGRID), undefined);
  });
});

describe('inventory edits: updateFieldEdit', () => {
  const original = [
    '# Inventario',
    'integraciones:',
    '  - nombre: "Stripe" # principal',
    "    proveedor: 'Stripe Inc'",
    '    tipo: pagos',
    '    estado:',
    '    multi_tenant: true',
    '  - "no es una entrada"',
    '  - nombre: "Twilio"',
    '    proveedor: [Twilio]',
    '',
  ].join('\n');
  const inventory = parseInventory('MASTER_INVENTORY.yml', original);
  const update = (index: number, key: string, value: string | boolean) => {
    const edit = updateFieldEdit(inventory, index, key, value);
    return edit && apply(original, [edit]);
  };

  it('replaces only the value, keeping its quoting and the comment after it', () => {
    assert.equal(update(0, 'nombre', 'Stripe Payments'), original.replace('nombre: "Stripe" # principal', 'nombre: "Stripe Payments" # principal'));
    assert.equal(update(0, 'proveedor', "Stripe's"), original.replace("proveedor: 'Stripe Inc'", "proveedor: 'Stripe''s'"));
    assert.equal(update(0, 'tipo', 'Pagos'), original.replace('tipo: pagos', 'tipo: Pagos'));
    // Plain style cannot hold "a: b": it gets quotes.
    assert.equal(update(0, 'tipo', 'a: b'), original.replace('tipo: pagos', 'tipo: "a: b"'));
    assert.equal(update(0, 'multi_tenant', false), original.replace('multi_tenant: true', 'multi_tenant: false'));
  });

  it('fills an empty value after its colon, in the inventory\'s usual quoting', () => {
    assert.equal(update(0, 'estado', 'activo'), original.replace('    estado:\n', '    estado: "activo"\n'));
  });

  it('adds a missing key after the entry\'s last line, at its keys\' indentation', () => {
    const text = update(0, 'documentacion', 'docs/02-integraciones/INT-001-stripe.md');
    assert.equal(text, original.replace('    multi_tenant: true\n', '    multi_tenant: true\n    documentacion: "docs/02-integraciones/INT-001-stripe.md"\n'));
    const crlf = parseInventory('MASTER_INVENTORY.yml', 'integraciones:\r\n  - nombre: "Stripe"\r\n');
    const edit = updateFieldEdit(crlf, 0, 'tipo', 'pagos');
    assert.equal(edit && apply(crlf.lines.text, [edit]), 'integraciones:\r\n  - nombre: "Stripe"\r\n    tipo: "pagos"\r\n');
  });

  it('declines an item that is not an entry, a value that is a list, and an index past the end', () => {
    assert.equal(updateFieldEdit(inventory, 1, 'nombre', 'x'), undefined);
    assert.equal(updateFieldEdit(inventory, 2, 'proveedor', 'Twilio'), undefined);
    assert.equal(updateFieldEdit(inventory, 3, 'nombre', 'x'), undefined);
  });
});
