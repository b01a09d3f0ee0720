import { strict as assert } from 'node:assert';
import { definition } from '../../../server/src/engine/services/definition';
import { ENV, indexClean, positionOf, SMS_DOC, STRIPE_DOC, STRIPE_TS, textAt, TWILIO_PY, WHATSAPP_DOC } from './workspace';

describe('services/definition', () => {
  const { index, texts } = indexClean();
  /** "path: row | name" for each target, read from the target doc's text. */
  const targets = (path: string, needle: string, offset = 1) =>
    definition(index, path, texts[path], positionOf(texts[path], needle, offset)).map(
      (t) => `${t.path}: ${textAt(texts[t.path], t.range)} | ${textAt(texts[t.path], t.selectionRange)}`,
    );

  it('goes from a read in source to the row of the INT doc that documents it', () => {
    assert.deepEqual(targets(STRIPE_TS, 'STRIPE_WEBHOOK_SECRET'), [
      `${STRIPE_DOC}: | STRIPE_WEBHOOK_SECRET | Secret para verificar la firma de webhooks | SI | | STRIPE_WEBHOOK_SECRET`,
    ]);
    const [target] = definition(index, STRIPE_TS, texts[STRIPE_TS], positionOf(texts[STRIPE_TS], 'STRIPE_WEBHOOK_SECRET', 1));
    assert.deepEqual(target.range, { start: { line: 26, character: 0 }, end: { line: 26, character: 75 } });
    assert.deepEqual(target.selectionRange, { start: { line: 26, character: 2 }, end: { line: 26, character: 23 } });
  });

  it('goes to every doc that documents it, the CRLF one included', () => {
    assert.deepEqual(targets(TWILIO_PY, 'TWILIO_AUTH_TOKEN'), [
      `${SMS_DOC}: | TWILIO_AUTH_TOKEN | Token de autenticacion | SI | | TWILIO_AUTH_TOKEN`,
      `${WHATSAPP_DOC}: | TWILIO_AUTH_TOKEN | Token de autenticacion | SI | | TWILIO_AUTH_TOKEN`,
    ]);
  });

  it('goes from a .env key, and from a doc cell to the rows documenting the same name', () => {
    assert.deepEqual(targets(ENV, 'STRIPE_PUBLISHABLE_KEY='), [
      `${STRIPE_DOC}: | STRIPE_PUBLISHABLE_KEY | Clave publica para el frontend | NO | | STRIPE_PUBLISHABLE_KEY`,
    ]);
    assert.deepEqual(targets(SMS_DOC, 'TWILIO_ACCOUNT_SID').map((t) => t.split(':')[0]), [SMS_DOC, WHATSAPP_DOC]);
  });

  it('goes from an inventory entry\'s documentacion to the INT doc\'s title', () => {
    assert.deepEqual(targets('MASTER_INVENTORY.yml', 'INT-002-twilio-sms.md', 3), [`${SMS_DOC}: INT-002: Twilio SMS | INT-002: Twilio SMS`]);
    assert.deepEqual(targets('MASTER_INVENTORY.yml', 'nombre: "Twilio SMS"', 2), []);
  });

  it('has nowhere to go for an undocumented variable or off a name', () => {
    assert.deepEqual(targets(STRIPE_TS, 'PORT'), []);
    assert.deepEqual(targets(STRIPE_TS, 'createStripeClient'), []);
    assert.deepEqual(targets(STRIPE_DOC, 'Proveedor'), []);
  });
});
