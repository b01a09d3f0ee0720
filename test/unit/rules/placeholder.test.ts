import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import rule from '../../../server/src/engine/rules/int-doc/placeholder';
import { covered, FIXTURES, lintCase, replaceOnce, show } from '../../helpers';

const STRIPE = 'docs/02-integraciones/INT-001-stripe.md';

describe('int-doc/placeholder', () => {
  it('finds every placeholder of the untouched template, where it stands', () => {
    const { text, findings } = lintCase({
      root: join(FIXTURES, 'workspaces', 'template'),
      path: 'docs/02-integraciones/INT-009-plantilla.md',
      rules: [rule],
    });
    assert.equal(findings.length, 28);
    assert.deepEqual(findings.slice(0, 2).map((f) => show(f)), [
      '1:7 int-doc/placeholder Template placeholder "{NNN}" left in the document; replace it with the real content.',
      '1:14 int-doc/placeholder Template placeholder "{Nombre Integracion}" left in the document; replace it with the real content.',
    ]);
    const texts = findings.map((f) => covered(text, f));
    for (const expected of ['{Nombre proveedor}', '{N}', '{descripcion}', '{url}', '{modulo}', '{comando para probar integracion}', '{Si|No}', '{YYYY-MM-DD}']) {
      assert.ok(texts.includes(expected), `${expected} not reported`);
    }
  });

  it('flags a placeholder left in a finished doc, in prose and in a code block line of its own', () => {
    const { text, findings } = lintCase({
      path: STRIPE,
      rules: [rule],
      edit: (t) =>
        replaceOnce(
          replaceOnce(t, '| Requests/seg (test) | 25 |', '| Requests/seg (test) | {N} |'),
          'npm run test:integration -- payments',
          '{comando para probar integracion}',
        ),
    });
    assert.deepEqual(findings.map((f) => `${show(f).split(' ')[0]} ${covered(text, f)}`), [
      '43:25 {N}',
      '86:1 {comando para probar integracion}',
    ]);
  });

  it('leaves alone braces that are syntax: path parameters, JSON, template strings, code', () => {
    const { findings } = lintCase({
      path: STRIPE,
      rules: [rule],
      edit: (t) =>
        replaceOnce(
          replaceOnce(t, '| Consultar cobro | GET /v1/payment_intents/:id |', '| Consultar cobro | GET /v1/payment_intents/{id} |'),
          'stripe listen --forward-to localhost:3000/webhooks/stripe',
          'const { id, status } = await stripe.paymentIntents.retrieve(`${STRIPE_PREFIX}_{id}`);\nprint(f"{url}")\n{"amount": 1000}',
        ) + '\nEl header `{ "type": "event" }` y `${STRIPE_API_KEY}` son ejemplos.\n',
    });
    assert.deepEqual(findings.map((f) => show(f)), []);
  });

  it('reports the template placeholders even inside inline code', () => {
    const { text, findings } = lintCase({
      path: STRIPE,
      rules: [rule],
      edit: (t) => replaceOnce(t, '| STRIPE_PUBLISHABLE_KEY |', '| `{PROVIDER}_PUBLISHABLE_KEY` |'),
    });
    assert.deepEqual(findings.map((f) => covered(text, f)), ['{PROVIDER}']);
  });

  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const path of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `docs/02-integraciones/${path}`, rules: [rule] }).findings, []);
    }
  });
});
