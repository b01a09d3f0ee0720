import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/inventory/syntax';
import { CLEAN, readFixture } from '../../helpers';
import { fixInventory, fixture, lintInventory, seen } from './lint';

const check = (text: string) => seen(text, rule);

describe('inventory/syntax', () => {
  it('finds nothing in valid inventories: the fixtures, the clean workspace\'s, the directive\'s example', () => {
    assert.deepEqual(check(fixture('valid.yml')), []);
    assert.deepEqual(check(fixture('crlf-bom.yml')), []);
    assert.deepEqual(check(readFixture(CLEAN, 'MASTER_INVENTORY.yml')), []);
    // Empty files and missing lists are inventory/schema's: they are valid YAML.
    assert.deepEqual(check(fixture('empty.yml')), []);
    assert.deepEqual(check(fixture('no-integraciones.yml')), []);
  });

  it('reports a key indented differently from its siblings, at the indentation', () => {
    assert.deepEqual(check(fixture('bad-indentation.yml')), [
      '4:1 inventory/syntax Expected this line to line up with the keys above it; its indentation puts it in no entry. |      ',
    ]);
    // One space short of the entry's keys: yaml reads a list item without its dash.
    assert.deepEqual(check('integraciones:\n  - nombre: "Stripe"\n   proveedor: "Stripe Inc"\n'), [
      '3:1 inventory/syntax Expected this line to line up with the keys above it; its indentation puts it in no entry. |    ',
    ]);
  });

  it('reports a tab as indentation once, not the lines yaml misreads after it', () => {
    assert.deepEqual(check(fixture('tabs.yml')), [
      '4:1 inventory/syntax Expected spaces for indentation; found a tab (YAML does not allow tabs there). | \t',
    ]);
  });

  it('reports an unclosed quote at the value it opens, double or single', () => {
    assert.deepEqual(check(fixture('unclosed-quote.yml')), [
      '2:13 inventory/syntax Expected a closing " for the value that starts here; found the end of the line. | "Stripe',
    ]);
    assert.deepEqual(check("integraciones:\n  - nombre: 'Stripe\n    tipo: pagos\n"), [
      "2:13 inventory/syntax Expected a closing ' for the value that starts here; found the end of the line. | 'Stripe",
    ]);
  });

  it('reports a duplicate key at the repeated key, naming the line of the first', () => {
    assert.deepEqual(check(fixture('duplicate-key.yml')), [
      '5:5 inventory/syntax Expected each key once per map; found "nombre" again (first on line 2). YAML keeps only one of them. | nombre',
    ]);
    assert.deepEqual(check('integraciones: []\nintegraciones: []\n'), [
      '2:1 inventory/syntax Expected each key once per map; found "integraciones" again (first on line 1). YAML keeps only one of them. | integraciones',
    ]);
  });

  it('reports every duplicate key, as they do not derail the reading of the file', () => {
    const text = 'integraciones:\n  - nombre: a\n    nombre: b\n  - tipo: c\n    tipo: d\n';
    assert.deepEqual(check(text), [
      '3:5 inventory/syntax Expected each key once per map; found "nombre" again (first on line 2). YAML keeps only one of them. | nombre',
      '5:5 inventory/syntax Expected each key once per map; found "tipo" again (first on line 4). YAML keeps only one of them. | tipo',
    ]);
  });

  it('explains the other common slips in words, never yaml\'s', () => {
    const cases: Array<[string, string]> = [
      ['integraciones:\n  - nombre: x\n    proveedor\n', '3:5 inventory/syntax Expected "proveedor: value"; found "proveedor" without ":". | proveedor'],
      [
        'integraciones:\n  - nombre "Stripe"\n    tipo: pagos\n',
        '2:5 inventory/syntax Expected a key on one line, followed by ":"; found a key that runs onto the next line (a ":" is probably missing). | nombre "Stripe"',
      ],
      [
        'integraciones:\n  - nombre: Stripe: pagos\n',
        '2:13 inventory/syntax Expected one "key: value" per line; found another ": " in this value. Quote the value if it contains ": ". | Stripe: pagos',
      ],
      [
        'integraciones: [{nombre: "Stripe"}\notra: 1\n',
        '1:16 inventory/syntax Expected the "[" that starts here to be closed by "]", with its lines indented under its key. | [',
      ],
      [
        'integraciones:\n  - documentacion: "docs\\02-integraciones\\INT-001-stripe.md"\n',
        '2:42 inventory/syntax Expected a valid escape in double quotes (\\", \\\\, \\n, \\t, \\uXXXX); found "\\I". Use single quotes to keep backslashes as written. | \\I',
      ],
      ['integraciones: []\n---\notra: 1\n', '2:1 inventory/syntax Expected one YAML document; found a "---" line that starts another. | ---'],
    ];
    for (const [text, expected] of cases) assert.deepEqual(check(text), [expected], text);
  });

  it('names an unexplained problem by yaml\'s code in words', () => {
    assert.deepEqual(check('integraciones: &a &b []\n'), [
      '1:19 inventory/syntax Expected valid YAML here; found a problem YAML calls "multiple anchors". | &b',
    ]);
  });

  it('inserts the space a comment needs after a quoted value (safe fix)', () => {
    const text = 'integraciones:\n  - nombre: "Stripe"# pagos\n';
    assert.deepEqual(check(text), [
      '2:21 inventory/syntax Expected a space before "#" to start a comment; found "#" right after the value. | #',
    ]);
    const fixed = fixInventory(text, rule);
    assert.equal(fixed, 'integraciones:\n  - nombre: "Stripe" # pagos\n');
    assert.deepEqual(check(fixed), []);
  });

  it('quotes a value that starts with a reserved character (safe fix)', () => {
    const text = 'integraciones:\n  - nombre: @stripe\n    tipo: `pagos` # cobros\n';
    assert.deepEqual(check(text), [
      '2:13 inventory/syntax Expected quotes around a value that starts with "@"; YAML reserves that character. | @stripe',
      '3:11 inventory/syntax Expected quotes around a value that starts with "`"; YAML reserves that character. | `pagos`',
    ]);
    const fixed = fixInventory(text, rule);
    assert.equal(fixed, 'integraciones:\n  - nombre: "@stripe"\n    tipo: "`pagos`" # cobros\n');
    assert.deepEqual(check(fixed), []);
  });

  it('keeps positions right in a CRLF file with a BOM', () => {
    const text = fixture('crlf-bom-syntax.yml');
    assert.ok(text.startsWith('\ufeff') && text.includes('\r\n'));
    // A tab and an unclosed quote both derail the reading: the quote, which swallows lines, is reported first.
    assert.deepEqual(check(text), [
      '5:13 inventory/syntax Expected a closing " for the value that starts here; found the end of the line. | "Twilio',
    ]);
    assert.deepEqual(check(text.replace('  - nombre: "Twilio\r\n', '')), [
      '4:1 inventory/syntax Expected spaces for indentation; found a tab (YAML does not allow tabs there). | \t',
    ]);
  });

  it('offers no fix for structural problems: only the author knows what was meant', () => {
    for (const name of ['bad-indentation.yml', 'tabs.yml', 'unclosed-quote.yml', 'duplicate-key.yml']) {
      for (const finding of lintInventory(fixture(name), rule).findings) assert.deepEqual(finding.fixes, [], name);
    }
  });
});
