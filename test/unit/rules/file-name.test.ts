import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/file-name';
import { lintCase, readFixture, CLEAN, show } from '../../helpers';

const stripe = readFixture(CLEAN, 'docs/02-integraciones/INT-001-stripe.md');
const lint = (path: string) => lintCase({ path, edit: () => stripe, rules: [rule] }).findings.map((f) => show(f));

describe('int-doc/file-name', () => {
  it('accepts INT-{NNN}-{nombre}.md in the docs folder', () => {
    assert.deepEqual(lint('docs/02-integraciones/INT-001-stripe.md'), []);
    assert.deepEqual(lint('docs/02-integraciones/INT-120-mercado-pago-v2.md'), []);
  });

  it('flags a name that breaks the pattern and suggests the conforming one', () => {
    assert.deepEqual(lint('docs/02-integraciones/INT-7-MercadoPago.md'), [
      '1:1 int-doc/file-name Expected a file name like INT-{NNN}-{nombre}.md; found "INT-7-MercadoPago.md". Rename it to "INT-007-mercadopago.md".',
    ]);
    assert.deepEqual(lint('docs/02-integraciones/INT-0001-stripe.md'), [
      '1:1 int-doc/file-name Expected a file name like INT-{NNN}-{nombre}.md (three digits, lowercase kebab-case name); found "INT-0001-stripe.md".',
    ]);
    assert.deepEqual(lint('docs/02-integraciones/int_001_stripe.md'), [
      '1:1 int-doc/file-name Expected a file name like INT-{NNN}-{nombre}.md; found "int_001_stripe.md". Rename it to "INT-001-stripe.md".',
    ]);
  });

  it('flags an INT doc outside the docs folder', () => {
    assert.deepEqual(lint('docs/integraciones/INT-001-stripe.md'), [
      '1:1 int-doc/file-name INT docs belong in the docs folder "docs/02-integraciones"; this one is in "docs/integraciones".',
    ]);
  });

  it('follows a configured docs folder glob', () => {
    const findings = lintCase({
      path: 'apps/api/docs/02-integraciones/INT-001-stripe.md',
      edit: () => stripe,
      rules: [rule],
      config: { docsFolder: '**/docs/02-integraciones' },
    }).findings;
    assert.deepEqual(findings, []);
  });

  it('shows the message in Spanish', () => {
    const [finding] = lintCase({ path: 'docs/integraciones/INT-001-stripe.md', edit: () => stripe, rules: [rule] }).findings;
    assert.equal(
      show(finding, 'es'),
      '1:1 int-doc/file-name Los documentos INT van en la carpeta de documentacion "docs/02-integraciones"; este esta en "docs/integraciones".',
    );
  });
});
