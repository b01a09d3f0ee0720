import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { defaultConfig } from '../../server/src/engine/config/config';
import { WorkspaceIndex } from '../../server/src/engine/workspace/index';
import { CLEAN, readFixture, replaceOnce } from '../helpers';
import { CLEAN_FILES, ENV, indexClean, SMS_DOC, STRIPE_DOC, STRIPE_TS, textAt, TWILIO_PY, WHATSAPP_DOC } from './services/workspace';

/** "kind path: covered text" for each use, so a test reads what a rename would touch. */
function showUses(texts: Record<string, string>, uses: ReturnType<WorkspaceIndex['uses']>): string[] {
  return uses.map((use) => `${use.kind} ${use.path}:${use.range.start.line}:${use.range.start.character} ${textAt(texts[use.path], use.range)}`);
}

describe('workspace/index: WorkspaceIndex', () => {
  it('indexes every file of the clean workspace and summarises its INT docs', () => {
    const { index } = indexClean();
    assert.deepEqual(index.paths(), [...CLEAN_FILES]);
    assert.deepEqual(index.intDocs(), [
      { path: STRIPE_DOC, code: 'INT-001', title: 'INT-001: Stripe', proveedor: 'Stripe' },
      { path: SMS_DOC, code: 'INT-002', title: 'INT-002: Twilio SMS', proveedor: 'Twilio' },
      { path: WHATSAPP_DOC, code: 'INT-003', title: 'INT-003: Twilio WhatsApp', proveedor: 'Twilio' },
    ]);
    assert.equal(index.kindOf(ENV), 'env');
    assert.equal(index.kindOf('README.md'), 'text');
  });

  it('finds the credential rows that document a variable, with the row and the name', () => {
    const { index, texts } = indexClean();
    const rows = index.documentation('TWILIO_AUTH_TOKEN');
    assert.deepEqual(
      rows.map((row) => ({ ...row, rowRange: textAt(texts[row.path], row.rowRange), variableRange: textAt(texts[row.path], row.variableRange) })),
      [SMS_DOC, WHATSAPP_DOC].map((path, i) => ({
        path,
        code: `INT-00${i + 2}`,
        title: i === 0 ? 'INT-002: Twilio SMS' : 'INT-003: Twilio WhatsApp',
        proveedor: 'Twilio',
        rowRange: '| TWILIO_AUTH_TOKEN | Token de autenticacion | SI |',
        variableRange: 'TWILIO_AUTH_TOKEN',
        descripcion: 'Token de autenticacion',
        obligatorio: 'SI',
      })),
    );
    // INT-003 is CRLF: the same row sits at the same line and columns.
    assert.deepEqual(rows[0].variableRange, rows[1].variableRange);
    assert.deepEqual(rows[0].variableRange, { start: { line: 25, character: 2 }, end: { line: 25, character: 19 } });
    assert.deepEqual(index.documentation('PORT'), []);
    assert.deepEqual(index.documentation('NOT_THERE'), []);
  });

  it('finds every use of a name: doc cells, .env keys and source reads, and nothing else', () => {
    const { index, texts } = indexClean();
    assert.deepEqual(showUses(texts, index.uses('STRIPE_API_KEY')), [
      'env .env.example:5:0 STRIPE_API_KEY',
      `int-doc ${STRIPE_DOC}:25:2 STRIPE_API_KEY`,
      `source ${STRIPE_TS}:3:29 STRIPE_API_KEY`,
    ]);
    assert.deepEqual(showUses(texts, index.uses('TWILIO_PHONE_NUMBER')), [
      'env .env.example:12:0 TWILIO_PHONE_NUMBER',
      `int-doc ${SMS_DOC}:26:2 TWILIO_PHONE_NUMBER`,
      `int-doc ${WHATSAPP_DOC}:26:2 TWILIO_PHONE_NUMBER`,
      `source ${TWILIO_PY}:9:25 TWILIO_PHONE_NUMBER`,
    ]);
    assert.deepEqual(showUses(texts, index.uses('PORT')), ['env .env.example:15:0 PORT', `source ${STRIPE_TS}:9:39 PORT`]);
  });

  it('lists every name documented, declared or read', () => {
    const { index } = indexClean();
    assert.deepEqual(index.envVarNames(), [
      'DATABASE_URL', 'NODE_ENV', 'PORT',
      'STRIPE_API_KEY', 'STRIPE_PUBLISHABLE_KEY', 'STRIPE_WEBHOOK_SECRET',
      'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_PHONE_NUMBER',
    ]);
  });

  it('replaces what it knew about a file on update and forgets it on remove', () => {
    const { index, texts } = indexClean();
    index.update(STRIPE_DOC, replaceOnce(texts[STRIPE_DOC], '| STRIPE_API_KEY |', '| STRIPE_SECRET_KEY |'));
    assert.deepEqual(index.uses('STRIPE_API_KEY').map((use) => use.kind), ['env', 'source']);
    assert.deepEqual(index.documentation('STRIPE_SECRET_KEY').map((row) => row.path), [STRIPE_DOC]);

    index.remove(ENV);
    assert.ok(!index.paths().includes(ENV));
    assert.deepEqual(index.uses('PORT').map((use) => use.path), [STRIPE_TS]);
    assert.ok(!index.envVarNames().includes('NODE_ENV'));
    assert.ok(!index.envVarNames().includes('DATABASE_URL'));

    index.remove(STRIPE_TS);
    assert.ok(!index.envVarNames().includes('PORT'));
    assert.ok(!index.envVarNames().includes('STRIPE_API_KEY'));
    index.remove('never/indexed.ts');
  });

  it('reads the variable cell as env/naming does: backticks stripped, prose and placeholders skipped', () => {
    const { index, texts } = indexClean({
      [STRIPE_DOC]: (text) =>
        replaceOnce(
          replaceOnce(text, '| STRIPE_API_KEY |', '| `STRIPE_API_KEY` |'),
          '| STRIPE_PUBLISHABLE_KEY | Clave publica para el frontend | NO |',
          '| {PROVIDER}_PUBLIC_KEY | Clave publica | NO |\n| Ver .env.example | - | NO |',
        ),
    });
    const [row] = index.documentation('STRIPE_API_KEY');
    assert.equal(textAt(texts[STRIPE_DOC], row.variableRange), 'STRIPE_API_KEY');
    assert.equal(textAt(texts[STRIPE_DOC], row.rowRange), '| `STRIPE_API_KEY` | API Key secreta (sk_test_/sk_live_) | SI |');
    assert.deepEqual(
      index.uses('STRIPE_PUBLISHABLE_KEY').map((use) => use.kind),
      ['env'],
    );
    assert.ok(!index.envVarNames().some((name) => name.includes('PROVIDER') || name.includes('Ver')));
  });

  it("finds the credentials table under a near-miss heading, and only that section's table", () => {
    const { index } = indexClean({
      [STRIPE_DOC]: (text) =>
        replaceOnce(
          replaceOnce(text, '## Credenciales Requeridas', '## Credenciales'),
          '## Fallbacks\n',
          '## Fallbacks\n\n| Variable de Entorno | Descripcion |\n|---|---|\n| STRIPE_BACKUP_KEY | Llave de respaldo |\n',
        ),
    });
    assert.deepEqual(index.documentation('STRIPE_API_KEY').map((row) => row.path), [STRIPE_DOC]);
    assert.deepEqual(index.documentation('STRIPE_BACKUP_KEY'), []);
  });

  it('takes text with a BOM as the editor shows it (without)', () => {
    const index = new WorkspaceIndex(defaultConfig());
    const raw = readFileSync(join(CLEAN, WHATSAPP_DOC), 'utf8');
    assert.equal(raw.charCodeAt(0), 0xfeff);
    index.update(WHATSAPP_DOC, raw);
    const [row] = index.documentation('TWILIO_ACCOUNT_SID');
    assert.equal(textAt(readFixture(CLEAN, WHATSAPP_DOC), row.variableRange), 'TWILIO_ACCOUNT_SID');
    assert.deepEqual(index.intDocs()[0].title, 'INT-003: Twilio WhatsApp');
  });

  it('falls back to the file name for the code when the Codigo row is missing', () => {
    const { index } = indexClean({ [SMS_DOC]: (text) => replaceOnce(text, '| Codigo | INT-002 |\n', '') });
    assert.equal(index.intDocs()[1].code, 'INT-002');
  });

  it('on a config change, drops docs that left the docs folder and names the files to read again', () => {
    const index = new WorkspaceIndex(defaultConfig());
    const doc = readFixture(CLEAN, STRIPE_DOC);
    index.update('docs/02-integraciones/stripe.md', doc);
    index.update('guides/stripe.md', doc);
    assert.deepEqual(index.intDocs().map((d) => d.path), ['docs/02-integraciones/stripe.md']);

    const stale = index.setConfig({ ...defaultConfig(), docsFolder: 'guides' });
    assert.deepEqual(stale, ['guides/stripe.md']);
    assert.deepEqual(index.intDocs(), []);
    index.update('guides/stripe.md', doc);
    assert.deepEqual(index.intDocs().map((d) => d.path), ['guides/stripe.md']);
    assert.deepEqual(index.documentation('STRIPE_API_KEY').map((row) => row.path), ['guides/stripe.md']);

    // Back again: the old folder's doc is known and comes back as stale.
    assert.deepEqual(index.setConfig(defaultConfig()), ['docs/02-integraciones/stripe.md']);
    assert.deepEqual(index.intDocs(), []);
  });

  it('never holds a .env value or a file text', () => {
    const { index } = indexClean();
    const held = inspect(index, { depth: null, maxArrayLength: null, maxStringLength: null });
    for (const secret of ['sk_test_xxxxx', 'whsec_xxxxx', 'ACxxxxx', 'postgres://']) assert.ok(!held.includes(secret), secret);
    assert.ok(!held.includes('Cobros con tarjeta'));
  });
});
