import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../../server/src/engine/rules/inventory/schema';
import { CLEAN, readFixture } from '../../helpers';
import { fixInventory, fixture, lintInventory, seen } from './lint';

const check = (text: string) => seen(text, rule);
const ROOT = join(__dirname, '..', '..', '..');
const KEYS = 'nombre, proveedor, tipo, estado, multi_tenant, documentacion';

/** A valid entry, with `overrides` replacing or adding lines (`key: value`), or removing keys (`key: undefined`). */
function entry(overrides: Record<string, string | undefined> = {}): string {
  const fields: Record<string, string | undefined> = {
    nombre: '"Stripe"',
    proveedor: '"Stripe Inc"',
    tipo: '"pagos"',
    estado: '"activo"',
    multi_tenant: 'true',
    documentacion: '"docs/02-integraciones/INT-001-stripe.md"',
    ...overrides,
  };
  const lines = Object.entries(fields).flatMap(([key, value]) => (value === undefined ? [] : [`${key}: ${value}`]));
  return `integraciones:\n${lines.map((line, i) => `${i === 0 ? '  - ' : '    '}${line}`).join('\n')}\n`;
}

describe('inventory/schema', () => {
  it('finds nothing in valid inventories: the fixtures, the clean workspace\'s and one with an empty list', () => {
    assert.deepEqual(check(fixture('valid.yml')), []);
    assert.deepEqual(check(readFixture(CLEAN, 'MASTER_INVENTORY.yml')), []);
    assert.deepEqual(check(entry()), []);
    assert.deepEqual(check('integraciones: []\n'), []);
    // Other top-level sections belong to other registers sharing the file.
    assert.deepEqual(check(`${entry()}servicios:\n  - api\n`), []);
    // Anchors and aliases are YAML: what they expand to is checked.
    assert.deepEqual(check('base: &base\n  proveedor: "Twilio"\nintegraciones: []\n'), []);
  });

  it('leaves a file with syntax problems to inventory/syntax', () => {
    for (const name of ['bad-indentation.yml', 'tabs.yml', 'unclosed-quote.yml', 'duplicate-key.yml']) assert.deepEqual(check(fixture(name)), [], name);
  });

  it('reports an empty file and a file without the list', () => {
    assert.deepEqual(check(fixture('empty.yml')), ['1:1 inventory/schema Expected an "integraciones:" list (directive section 10.1); the file is empty. | ']);
    assert.deepEqual(check('# por completar\n'), ['1:1 inventory/schema Expected an "integraciones:" list (directive section 10.1); the file is empty. | ']);
    assert.deepEqual(check(fixture('no-integraciones.yml')), ['2:1 inventory/schema Expected a top-level "integraciones:" list; found none. | servicios']);
    assert.deepEqual(check('- nombre: "Stripe"\n'), [
      '1:1 inventory/schema Expected a map with an "integraciones:" list at the top level; found a list or a single value. | - nombre: "Stripe"',
    ]);
  });

  it('renames a misspelt top-level key (safe fix)', () => {
    for (const key of ['Integraciones', 'integracion', 'integraciónes']) {
      const text = `${key}: []\n`;
      assert.deepEqual(check(text), [`1:1 inventory/schema Expected the top-level key "integraciones"; found "${key}". | ${key}`], key);
      assert.equal(fixInventory(text, rule), 'integraciones: []\n', key);
    }
  });

  it('reports an empty or wrong "integraciones", suggesting [] for an empty one', () => {
    const { findings } = lintInventory('integraciones: # ninguna aun\n', rule);
    assert.deepEqual(check('integraciones: # ninguna aun\n'), [
      '1:1 inventory/schema Expected a list under "integraciones"; found an empty value. Write "integraciones: []" while there is no integration. | integraciones',
    ]);
    // Not applied on save: the author may be about to write the first item under it.
    assert.equal(findings[0].fixes[0].safe, false);
    assert.deepEqual(findings[0].fixes[0].edits, [{ range: { start: { line: 0, character: 14 }, end: { line: 0, character: 14 } }, newText: ' []' }]);
    assert.deepEqual(check('integraciones:\n  nombre: "Stripe"\n'), [
      '1:1 inventory/schema Expected a list of entries ("- nombre: ...") under "integraciones"; found a map or a single value. | integraciones',
    ]);
  });

  it('reports items that are not entries', () => {
    assert.deepEqual(check('integraciones:\n  - "Stripe"\n  -\n'), [
      `2:5 inventory/schema Expected each item of "integraciones" to be an entry with the keys ${KEYS}; this one is not. | "Stripe"`,
      `3:3 inventory/schema Expected each item of "integraciones" to be an entry with the keys ${KEYS}; this one is not. | -`,
    ]);
  });

  it('reports wrong types at the value, showing it as written', () => {
    assert.deepEqual(check(fixture('wrong-types.yml')), [
      '2:13 inventory/schema Expected nombre to be a text value; found 123. | 123',
      '5:5 inventory/schema Expected estado to have a value; found none. | estado',
      '6:19 inventory/schema Expected multi_tenant to be true or false, without quotes; found "true". | "true"',
      '9:16 inventory/schema Expected proveedor to be a single value; found a list or a map. | ["Twilio"]',
      '10:11 inventory/schema Expected tipo to have a value; found none. | ""',
      '12:19 inventory/schema Expected multi_tenant to be true or false, without quotes; found Si. | Si',
      '13:20 inventory/schema Expected documentacion to be the INT doc\'s path from the workspace root, with forward slashes, ending in .md (e.g. docs/02-integraciones/INT-001-stripe.md); found "/home/ana/docs/INT-002-twilio.txt". | "/home/ana/docs/INT-002-twilio.txt"',
    ]);
  });

  it('writes a quoted or Spanish boolean as the boolean (safe fix) and leaves other values alone', () => {
    for (const [written, value] of [['"true"', 'true'], ["'False'", 'false'], ['Si', 'true'], ['"sí"', 'true'], ['no', 'false'], ['"yes"', 'true']]) {
      const text = entry({ multi_tenant: written });
      const fixed = fixInventory(text, rule);
      assert.equal(fixed, entry({ multi_tenant: value }), written);
      assert.deepEqual(check(fixed), [], written);
    }
    const { findings } = lintInventory(entry({ multi_tenant: '"a veces"' }), rule);
    assert.deepEqual(findings.map((f) => f.fixes), [[]]);
    // A value over two lines: a fix on its first line would leave half of it behind.
    const multiline = lintInventory(entry({ multi_tenant: '"true\n      "' }), rule).findings;
    assert.deepEqual(multiline.map((f) => [f.message.args, f.fixes]), [[['multi_tenant', '"true'], []]]);
  });

  it('reports values that are too long or not a relative .md path', () => {
    assert.deepEqual(check(entry({ nombre: `"${'x'.repeat(101)}"` })), [
      `2:13 inventory/schema Expected nombre to be at most 100 characters long; found 101. | "${'x'.repeat(101)}"`,
    ]);
    for (const path of ['https://wiki.example.com/INT-001.md', 'C:/docs/INT-001-stripe.md', 'docs/02-integraciones/INT-001-stripe', '.md']) {
      const findings = lintInventory(entry({ documentacion: `"${path}"` }), rule).findings;
      assert.equal(findings.length, 1, path);
      assert.match(findings[0].message.template, /^Expected documentacion to be the INT doc's path/, path);
    }
    // Within the workspace, from a subfolder's inventory: still a relative path.
    assert.deepEqual(check(entry({ documentacion: '"../../docs/02-integraciones/INT-001-stripe.md"' })), []);
  });

  it('turns a Windows path\'s backslashes into slashes, keeping the quotes (safe fix)', () => {
    const text = entry({ documentacion: "'docs\\02-integraciones\\INT-001-stripe.md'" });
    assert.deepEqual(check(text), [
      "7:20 inventory/schema Expected documentacion to be the INT doc's path from the workspace root, with forward slashes, ending in .md (e.g. docs/02-integraciones/INT-001-stripe.md); found 'docs\\02-integraciones\\INT-001-stripe.md'. | 'docs\\02-integraciones\\INT-001-stripe.md'",
    ]);
    assert.equal(fixInventory(text, rule), entry({ documentacion: "'docs/02-integraciones/INT-001-stripe.md'" }));
  });

  it('reports unknown keys at the key and renames an obvious misspelling (safe fix)', () => {
    const text = fixture('unknown-keys.yml');
    assert.deepEqual(check(text), [
      `6:5 inventory/schema Expected only the keys ${KEYS} in an entry; found "multitenant". Did you mean "multi_tenant"? | multitenant`,
      `8:5 inventory/schema Expected only the keys ${KEYS} in an entry; found "responsable". | responsable`,
      `9:5 inventory/schema Expected every entry to have ${KEYS}; this one lacks documentacion. | nombre: "Twilio"`,
      `10:5 inventory/schema Expected only the keys ${KEYS} in an entry; found "provedor". Did you mean "proveedor"? | provedor`,
    ]);
    const fixed = fixInventory(text, rule);
    assert.equal(fixed, text.replace('multitenant:', 'multi_tenant:').replace('provedor:', 'proveedor:'));
    assert.deepEqual(check(fixed), [
      `8:5 inventory/schema Expected only the keys ${KEYS} in an entry; found "responsable". | responsable`,
      `9:5 inventory/schema Expected every entry to have ${KEYS}; this one lacks documentacion. | nombre: "Twilio"`,
    ]);
  });

  it('renames each spelling of a key: case, accents, separators, one slip', () => {
    for (const [written, key] of [
      ['Multi-Tenant', 'multi_tenant'],
      ['"multitenant"', 'multi_tenant'],
      ['documentación', 'documentacion'],
      ['mutli_tenant', 'multi_tenant'],
      ['Nombre', 'nombre'],
    ]) {
      const bare = written.replace(/"/g, '');
      const value = key === 'multi_tenant' ? 'true' : key === 'nombre' ? '"Stripe"' : '"docs/02-integraciones/INT-001-stripe.md"';
      const text = entry({ [key]: undefined, [written]: value });
      const findings = lintInventory(text, rule).findings;
      assert.deepEqual(findings.map((f) => f.data), [{ expected: key }], written);
      assert.equal(findings[0].message.args[1], bare);
      assert.equal(fixInventory(text, rule), text.replace(`${written}:`, `${key}:`), written);
    }
  });

  it('leaves two misspellings of one key to the author: renaming both would make a duplicate', () => {
    const text = entry({ nombre: undefined, Nombre: '"Stripe"', nombres: '"Stripe"' });
    assert.deepEqual(check(text), [
      `2:5 inventory/schema Expected every entry to have ${KEYS}; this one lacks nombre. | proveedor: "Stripe Inc"`,
      `7:5 inventory/schema Expected only the keys ${KEYS} in an entry; found "Nombre". | Nombre`,
      `8:5 inventory/schema Expected only the keys ${KEYS} in an entry; found "nombres". | nombres`,
    ]);
  });

  it('reports missing keys once per entry, on its first line', () => {
    assert.deepEqual(check('integraciones:\n  - nombre: "Stripe"\n    tipo: "pagos"\n'), [
      `2:5 inventory/schema Expected every entry to have ${KEYS}; this one lacks proveedor, estado, multi_tenant, documentacion. | nombre: "Stripe"`,
    ]);
  });

  it('reports an alias that cannot be resolved', () => {
    assert.deepEqual(check('integraciones:\n  - *stripe\n'), [
      '2:5 inventory/schema Expected every alias (*name) to repeat an anchor (&name) set before it, without expanding too far; this one cannot be resolved. | *stripe',
    ]);
  });

  it('keeps positions and line breaks right in a CRLF file with a BOM', () => {
    const text = fixture('crlf-bom.yml');
    assert.ok(text.startsWith('\ufeff') && text.includes('\r\n'));
    assert.deepEqual(check(text), ['6:19 inventory/schema Expected multi_tenant to be true or false, without quotes; found "true". | "true"']);
    const fixed = fixInventory(text, rule);
    assert.equal(fixed, text.replace('multi_tenant: "true"\r\n', 'multi_tenant: true\r\n'));
  });

  it('accepts 500 entries with no finding, and still finds the one wrong value among them', () => {
    const entries = Array.from({ length: 500 }, (_, i) => {
      const n = String(i + 1).padStart(3, '0');
      return [`  - nombre: "Proveedor ${n}"`, `    proveedor: "Proveedor ${n}"`, '    tipo: "pagos"', '    estado: "activo"', `    multi_tenant: ${i % 2 === 0}`, `    documentacion: "docs/02-integraciones/INT-${n}-proveedor-${n}.md"`].join('\n');
    });
    const text = `integraciones:\n${entries.join('\n')}\n`;
    assert.deepEqual(check(text), []);
    const broken = text.replace('multi_tenant: true\n    documentacion: "docs/02-integraciones/INT-499', 'multi_tenant: "true"\n    documentacion: "docs/02-integraciones/INT-499');
    assert.deepEqual(check(broken), ['2994:19 inventory/schema Expected multi_tenant to be true or false, without quotes; found "true". | "true"']);
  });
});

describe('schemas/master-inventory.schema.json', () => {
  it('is contributed to Red Hat\'s YAML extension for MASTER_INVENTORY.yml', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation?: Array<{ fileMatch: string[]; url: string }> } };
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: ['MASTER_INVENTORY.yml', 'MASTER_INVENTORY.yaml'], url: './schemas/master-inventory.schema.json' }]);
  });

  it('describes every key for hover, in the directive\'s order', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'master-inventory.schema.json'), 'utf8')) as {
      definitions: { integracion: { required: string[]; properties: Record<string, { description?: string }> } };
    };
    const { required, properties } = schema.definitions.integracion;
    assert.deepEqual(required, KEYS.split(', '));
    assert.deepEqual(Object.keys(properties), required);
    for (const key of required) assert.ok(properties[key].description, key);
  });
});
