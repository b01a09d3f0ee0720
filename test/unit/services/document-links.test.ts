import { strict as assert } from 'node:assert';
import { parseIntDoc } from '../../../server/src/engine/intdoc/model';
import { documentLinks } from '../../../server/src/engine/services/document-links';
import { replaceOnce } from '../../helpers';
import { indexClean, STRIPE_DOC, textAt, WHATSAPP_DOC } from './workspace';

describe('services/document-links', () => {
  const { texts } = indexClean();
  const links = (path: string, text = texts[path]) =>
    documentLinks(parseIntDoc(path, text)).map((link) => `${textAt(text, link.range)} -> ${link.target}`);

  it("links the template's relative links to workspace paths, not the external ones", () => {
    assert.deepEqual(links(STRIPE_DOC), [
      '[Modulo backend](../../src/payments/) -> src/payments',
      '[Variables de entorno](../../.env.example) -> .env.example',
    ]);
    const [first] = documentLinks(parseIntDoc(STRIPE_DOC, texts[STRIPE_DOC]));
    assert.deepEqual(first.range, { start: { line: 100, character: 2 }, end: { line: 100, character: 39 } });
  });

  it('gives exact ranges in a CRLF doc', () => {
    assert.deepEqual(links(WHATSAPP_DOC), [
      '[Modulo backend](../../src/notifications/) -> src/notifications',
      '[Variables de entorno](../../.env.example) -> .env.example',
    ]);
  });

  it('resolves like int-doc/broken-link: anchors, queries and escapes; nothing outside the workspace or a placeholder', () => {
    const text = replaceOnce(
      texts[STRIPE_DOC],
      '- [Documentacion oficial](https://docs.stripe.com/api)\n',
      [
        '- [Testing](#testing)',
        '- [Otro doc](INT-002-twilio-sms.md#credenciales-requeridas)',
        '- [Raiz](/README.md?plain=1)',
        '- [Con espacio](../../src/mis%20pagos/)',
        '- [Fuera](../../../otro-repo/README.md)',
        '- [Plantilla](../../src/{modulo}/)',
        '',
      ].join('\n'),
    );
    assert.deepEqual(links(STRIPE_DOC, text), [
      '[Otro doc](INT-002-twilio-sms.md#credenciales-requeridas) -> docs/02-integraciones/INT-002-twilio-sms.md',
      '[Raiz](/README.md?plain=1) -> README.md',
      '[Con espacio](../../src/mis%20pagos/) -> src/mis pagos',
      '[Modulo backend](../../src/payments/) -> src/payments',
      '[Variables de entorno](../../.env.example) -> .env.example',
    ]);
  });
});
