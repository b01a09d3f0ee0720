import { strict as assert } from 'node:assert';
import { hover } from '../../../server/src/engine/services/hover';
import { replaceOnce } from '../../helpers';
import { ENV, indexClean, positionOf, STRIPE_DOC, STRIPE_TS, textAt, TWILIO_PY, WHATSAPP_DOC } from './workspace';

const STRIPE_API_KEY_HOVER = [
  '`STRIPE_API_KEY`',
  '',
  'Documented in INT-001: Stripe (`docs/02-integraciones/INT-001-stripe.md`)',
  '- Proveedor: Stripe',
  '- Descripcion: API Key secreta (sk\\_test\\_/sk\\_live\\_)',
  '- Obligatorio: SI',
  '',
  'Declared in `.env.example`',
  '',
  'Read in `src/payments/stripe.client.ts`',
].join('\n');

describe('services/hover', () => {
  const { index, texts } = indexClean();
  const hoverAt = (path: string, needle: string, offset = 1) => hover(index, path, texts[path], positionOf(texts[path], needle, offset));

  it('on a read in source, names the INT doc that documents the variable and its row', () => {
    const result = hoverAt(STRIPE_TS, 'STRIPE_API_KEY;', 3);
    assert.ok(result);
    assert.equal(result.contents, STRIPE_API_KEY_HOVER);
    assert.equal(textAt(texts[STRIPE_TS], result.range), 'STRIPE_API_KEY');
    assert.deepEqual(result.range, { start: { line: 3, character: 29 }, end: { line: 3, character: 43 } });
  });

  it('says the same on the .env key and on the doc cell', () => {
    const onKey = hoverAt(ENV, 'STRIPE_API_KEY=');
    assert.equal(onKey?.contents, STRIPE_API_KEY_HOVER);
    assert.equal(textAt(texts[ENV], onKey.range), 'STRIPE_API_KEY');
    const onCell = hoverAt(STRIPE_DOC, '| STRIPE_API_KEY |', 5);
    assert.equal(onCell?.contents, STRIPE_API_KEY_HOVER);
    assert.equal(textAt(texts[STRIPE_DOC], onCell.range), 'STRIPE_API_KEY');
  });

  it('lists every doc that documents the variable, from a CRLF doc too', () => {
    const result = hoverAt(WHATSAPP_DOC, '| TWILIO_AUTH_TOKEN |', 2);
    assert.equal(
      result?.contents,
      [
        '`TWILIO_AUTH_TOKEN`',
        '',
        'Documented in INT-002: Twilio SMS (`docs/02-integraciones/INT-002-twilio-sms.md`)',
        '- Proveedor: Twilio',
        '- Descripcion: Token de autenticacion',
        '- Obligatorio: SI',
        '',
        'Documented in INT-003: Twilio WhatsApp (`docs/02-integraciones/INT-003-twilio-whatsapp.md`)',
        '- Proveedor: Twilio',
        '- Descripcion: Token de autenticacion',
        '- Obligatorio: SI',
        '',
        'Declared in `.env.example`',
        '',
        'Read in `src/notifications/twilio_client.py`',
      ].join('\n'),
    );
    assert.equal(textAt(texts[WHATSAPP_DOC], result.range), 'TWILIO_AUTH_TOKEN');
  });

  it('says when no INT doc documents a variable, and never shows a .env value', () => {
    const result = hoverAt(ENV, 'DATABASE_URL=');
    assert.equal(
      result?.contents,
      [
        '`DATABASE_URL`',
        '',
        "No INT doc documents this variable: add it to the Credenciales Requeridas table of its provider's INT doc.",
        '',
        'Declared in `.env.example`',
      ].join('\n'),
    );
    assert.ok(!result.contents.includes('postgres'));
    assert.ok(!hoverAt(ENV, 'STRIPE_WEBHOOK_SECRET=')?.contents.includes('whsec_'));
  });

  it('answers from the start to the end of the name, and nowhere else', () => {
    const line = texts[TWILIO_PY].split('\n')[6];
    const start = line.indexOf('TWILIO_ACCOUNT_SID');
    const at = (character: number) => hover(index, TWILIO_PY, texts[TWILIO_PY], { line: 6, character })?.range;
    assert.deepEqual(at(start), { start: { line: 6, character: start }, end: { line: 6, character: start + 18 } });
    assert.deepEqual(at(start + 18), at(start));
    assert.equal(at(start - 2), undefined);
    // A message that mentions the name is not a read; nor is a doc's Descripcion cell or a .env value.
    assert.equal(hoverAt(STRIPE_TS, "'STRIPE_API_KEY is not set'", 3), undefined);
    assert.equal(hoverAt(STRIPE_DOC, 'API Key secreta', 2), undefined);
    assert.equal(hoverAt(ENV, 'sk_test_xxxxx', 2), undefined);
    assert.equal(hover(index, 'README.md', 'STRIPE_API_KEY', { line: 0, character: 1 }), undefined);
  });

  it('reads the editor text, which may be ahead of the index', () => {
    const edited = replaceOnce(texts[STRIPE_TS], 'const apiKey = process.env.STRIPE_API_KEY;', 'const apiKey = process.env.TWILIO_AUTH_TOKEN;');
    const result = hover(index, STRIPE_TS, edited, positionOf(edited, 'TWILIO_AUTH_TOKEN', 1));
    assert.ok(result?.contents.startsWith('`TWILIO_AUTH_TOKEN`\n\nDocumented in INT-002: Twilio SMS'));
  });

  it("shows a cell's text as text: the markup is gone and what would read as markup is escaped", () => {
    const { index: edited, texts: editedTexts } = indexClean({
      [STRIPE_DOC]: (text) => replaceOnce(text, 'API Key secreta (sk_test_/sk_live_)', 'Llave *secreta* \\| <b>x</b>'),
    });
    const result = hover(edited, ENV, editedTexts[ENV], positionOf(editedTexts[ENV], 'STRIPE_API_KEY', 1));
    assert.ok(result?.contents.includes('\n- Descripcion: Llave secreta \\| \\<b\\>x\\</b\\>\n'), result?.contents);
  });
});
