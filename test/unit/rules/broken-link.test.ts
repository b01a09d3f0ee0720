import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/broken-link';
import { covered, lintCase, replaceOnce, show } from '../../helpers';

const STRIPE = 'docs/02-integraciones/INT-001-stripe.md';

describe('int-doc/broken-link', () => {
  it('flags a relative link whose file or folder does not exist', () => {
    const { text, findings } = lintCase({
      path: STRIPE,
      rules: [rule],
      edit: (t) => replaceOnce(t, '(../../src/payments/)', '(../../src/pagos/)'),
    });
    assert.deepEqual(findings.map((f) => show(f)), [
      '101:3 int-doc/broken-link Link target "../../src/pagos/" does not exist (resolved to "src/pagos").',
    ]);
    assert.equal(covered(text, findings[0]), '[Modulo backend](../../src/pagos/)');
  });

  it("flags the template's own `../.env.example`, which from docs/02-integraciones points into docs/", () => {
    const { findings } = lintCase({
      path: STRIPE,
      rules: [rule],
      edit: (t) => replaceOnce(t, '(../../.env.example)', '(../.env.example)'),
    });
    assert.deepEqual(findings.map((f) => show(f)), [
      '102:3 int-doc/broken-link Link target "../.env.example" does not exist (resolved to "docs/.env.example").',
    ]);
  });

  it('flags a link that leaves the workspace', () => {
    const { findings } = lintCase({
      path: STRIPE,
      rules: [rule],
      edit: (t) => replaceOnce(t, '(../../.env.example)', '(../../../secrets/.env)'),
    });
    assert.deepEqual(findings.map((f) => show(f)), ['102:3 int-doc/broken-link Link target "../../../secrets/.env" points outside the workspace.']);
  });

  it('resolves root-relative links, fragments and escapes, and skips web links, anchors and placeholders', () => {
    const { findings } = lintCase({
      path: STRIPE,
      rules: [rule],
      edit: (t) =>
        t +
        '\n- [raiz](/src/payments/stripe.client.ts#L3)\n- [esc](../../src/payments/stripe%2Eclient.ts)\n- [web](https://stripe.com)\n' +
        '- [mail](mailto:pagos@example.com)\n- [ancla](#metadata)\n- [plantilla](../apps/backend/src/modules/{modulo}/)\n',
    });
    assert.deepEqual(findings.map((f) => show(f)), []);
  });

  it('finds nothing in the clean docs', () => {
    for (const path of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `docs/02-integraciones/${path}`, rules: [rule] }).findings, []);
    }
  });
});
