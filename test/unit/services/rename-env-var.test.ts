import { strict as assert } from 'node:assert';
import { renameEnvVarEdits } from '../../../server/src/engine/services/rename-env-var';
import { replaceOnce } from '../../helpers';
import { applyEdits, ENV, indexClean, SMS_DOC, STRIPE_DOC, STRIPE_TS, TWILIO_PY, WHATSAPP_DOC } from './workspace';

/** Each file's text after the rename, for the files the rename touches. */
function renamed(texts: Record<string, string>, edits: ReturnType<typeof renameEnvVarEdits>): Record<string, string> {
  return Object.fromEntries(Object.entries(edits).map(([path, fileEdits]) => [path, applyEdits(texts[path], fileEdits)]));
}

describe('services/rename-env-var', () => {
  it('renames STRIPE_API_KEY in the INT doc cell, the .env.example key and the source read, and nothing else', () => {
    const { index, texts } = indexClean();
    const edits = renameEnvVarEdits(index, 'STRIPE_API_KEY', 'STRIPE_SECRET_KEY');
    assert.deepEqual(Object.keys(edits).sort(), [ENV, STRIPE_DOC, STRIPE_TS]);
    assert.deepEqual(renamed(texts, edits), {
      [STRIPE_DOC]: replaceOnce(texts[STRIPE_DOC], '| STRIPE_API_KEY |', '| STRIPE_SECRET_KEY |'),
      [ENV]: replaceOnce(texts[ENV], 'STRIPE_API_KEY=', 'STRIPE_SECRET_KEY='),
      // The error message that mentions the name is prose: it stays.
      [STRIPE_TS]: replaceOnce(texts[STRIPE_TS], 'process.env.STRIPE_API_KEY;', 'process.env.STRIPE_SECRET_KEY;'),
    });
    assert.ok(renamed(texts, edits)[STRIPE_TS].includes("'STRIPE_API_KEY is not set'"));
  });

  it('renames every read in every source file, and leaves the index consistent once re-read', () => {
    const { index, texts } = indexClean({
      [TWILIO_PY]: (text) => `${text}STRIPE_KEY = os.getenv("STRIPE_API_KEY")  # STRIPE_API_KEY for refunds\n`,
    });
    const edits = renameEnvVarEdits(index, 'STRIPE_API_KEY', 'STRIPE_SECRET_KEY');
    const after = renamed(texts, edits);
    assert.deepEqual(Object.keys(after).sort(), [ENV, STRIPE_DOC, TWILIO_PY, STRIPE_TS]);
    assert.equal(
      after[TWILIO_PY],
      replaceOnce(texts[TWILIO_PY], 'os.getenv("STRIPE_API_KEY")', 'os.getenv("STRIPE_SECRET_KEY")'),
    );
    for (const [path, text] of Object.entries(after)) index.update(path, text);
    assert.deepEqual(index.uses('STRIPE_API_KEY'), []);
    assert.deepEqual(index.uses('STRIPE_SECRET_KEY').map((use) => `${use.kind} ${use.path}`), [
      `env ${ENV}`,
      `int-doc ${STRIPE_DOC}`,
      `source ${TWILIO_PY}`,
      `source ${STRIPE_TS}`,
    ]);
  });

  it('renames a name between backticks without touching the backticks', () => {
    const { index, texts } = indexClean({ [STRIPE_DOC]: (text) => replaceOnce(text, '| STRIPE_API_KEY |', '| `STRIPE_API_KEY` |') });
    const after = renamed(texts, renameEnvVarEdits(index, 'STRIPE_API_KEY', 'STRIPE_SECRET_KEY'));
    assert.equal(after[STRIPE_DOC], replaceOnce(texts[STRIPE_DOC], '| `STRIPE_API_KEY` |', '| `STRIPE_SECRET_KEY` |'));
  });

  it('renames in both Twilio docs, keeping the CRLF doc CRLF', () => {
    const { index, texts } = indexClean();
    const after = renamed(texts, renameEnvVarEdits(index, 'TWILIO_AUTH_TOKEN', 'TWILIO_API_SECRET'));
    assert.deepEqual(Object.keys(after).sort(), [ENV, SMS_DOC, WHATSAPP_DOC, TWILIO_PY]);
    assert.equal(after[WHATSAPP_DOC], replaceOnce(texts[WHATSAPP_DOC], '| TWILIO_AUTH_TOKEN |', '| TWILIO_API_SECRET |'));
    assert.ok(after[WHATSAPP_DOC].includes('| TWILIO_API_SECRET | Token de autenticacion | SI |\r\n'));
    assert.equal(after[TWILIO_PY], replaceOnce(texts[TWILIO_PY], 'os.getenv("TWILIO_AUTH_TOKEN")', 'os.getenv("TWILIO_API_SECRET")'));
  });

  it('renames every key of a .env file that assigns the name twice', () => {
    const { index, texts } = indexClean({ [ENV]: (text) => `${text}STRIPE_API_KEY=sk_test_other\n` });
    const after = renamed(texts, renameEnvVarEdits(index, 'STRIPE_API_KEY', 'STRIPE_SECRET_KEY'));
    assert.equal(after[ENV].match(/^STRIPE_SECRET_KEY=/gm)?.length, 2);
    assert.ok(!after[ENV].includes('STRIPE_API_KEY'));
  });

  it('returns no edits for an unknown name or a rename to the same name', () => {
    const { index } = indexClean();
    assert.deepEqual(renameEnvVarEdits(index, 'NOT_THERE', 'STILL_NOT'), {});
    assert.deepEqual(renameEnvVarEdits(index, 'STRIPE_API_KEY', 'STRIPE_API_KEY'), {});
  });
});
