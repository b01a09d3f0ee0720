import { strict as assert } from 'node:assert';
import { findProvider } from '../../server/src/engine/catalog/providers';
import { appendEnvVarsEdit, type EnvExampleEdit, type EnvVarBlock } from '../../server/src/engine/env/example-edit';
import { parseEnvFile } from '../../server/src/engine/env/parse';
import { placeholderFor } from '../../server/src/engine/env/placeholders';
import { LineIndex } from '../../server/src/engine/text';
import { CLEAN, readFixture, DIRECTIVE_ENV_EXAMPLE } from '../helpers';


const BANNER = ['# ========================================', '# INTEGRACIONES EXTERNAS', '# ========================================'];

/** Applies the edits the way an editor applies a WorkspaceEdit (all against the original text). */
function apply(text: string, result: EnvExampleEdit): string {
  const lines = new LineIndex(text);
  return result.edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((out, edit) => out.slice(0, edit.start) + edit.newText + out.slice(edit.end), text);
}

/** A block whose placeholders come from placeholderFor, as the quick-fix builds it. */
function blockOf(providerName: string, tipoLabel: string, names: string[]): EnvVarBlock {
  return { providerName, tipoLabel, variables: names.map((name) => ({ name, placeholder: placeholderFor(name, findProvider(providerName)) })) };
}

const SENDGRID = blockOf('SendGrid', 'Email', ['SENDGRID_API_KEY', 'SENDGRID_FROM_EMAIL']);

function edited(text: string, block: EnvVarBlock): string {
  const result = appendEnvVarsEdit(text, block);
  assert.equal(result.create, undefined, 'an existing file is edited, not created');
  return apply(text, result);
}

describe('appendEnvVarsEdit', () => {
  it('creates the file with the banner and the block when there is none', () => {
    const result = appendEnvVarsEdit(undefined, blockOf('Stripe', 'Pagos', ['STRIPE_API_KEY', 'STRIPE_WEBHOOK_SECRET']));
    assert.equal(result.create, true);
    assert.deepEqual(result.edits.map((edit) => edit.range), [{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]);
    assert.equal(apply('', result), [...BANNER, '', '# Stripe (Pagos)', 'STRIPE_API_KEY=sk_test_xxxxx', 'STRIPE_WEBHOOK_SECRET=whsec_xxxxx', ''].join('\n'));
  });

  it('heads a provider whose name has its own parenthetical as the directive does ("# AWS S3 (Storage)"), and finds that block again', () => {
    const aws = (names: string[]): EnvVarBlock => blockOf('AWS (S3)', 'Storage', names);
    const created = apply('', appendEnvVarsEdit(undefined, aws(['AWS_REGION'])));
    assert.equal(created, [...BANNER, '', '# AWS S3 (Storage)', 'AWS_REGION=us-east-1', ''].join('\n'));
    assert.equal(edited(created, aws(['AWS_S3_BUCKET'])), created.replace('AWS_REGION=us-east-1\n', 'AWS_REGION=us-east-1\nAWS_S3_BUCKET=my-bucket\n'));
  });

  it('fills an empty file, and one holding only blank lines, with the same content', () => {
    const expected = [...BANNER, '', '# SendGrid (Email)', 'SENDGRID_API_KEY=SG.xxxxx', 'SENDGRID_FROM_EMAIL=noreply@example.com', ''].join('\n');
    assert.equal(edited('', SENDGRID), expected);
    assert.equal(edited('\n  \n\n', SENDGRID), expected);
  });

  it('adds a new provider block after the last block under the banner, before the variables that have none (clean fixture)', () => {
    const text = readFixture(CLEAN, '.env.example');
    assert.equal(
      edited(text, SENDGRID),
      text.replace('TWILIO_PHONE_NUMBER=+1234567890\n', 'TWILIO_PHONE_NUMBER=+1234567890\n\n# SendGrid (Email)\nSENDGRID_API_KEY=SG.xxxxx\nSENDGRID_FROM_EMAIL=noreply@example.com\n'),
    );
  });

  it('appends missing variables at the end of the provider\'s existing block, skipping those already declared', () => {
    const text = readFixture(CLEAN, '.env.example');
    const result = edited(text, blockOf('Stripe', 'Pagos', ['STRIPE_API_KEY', 'STRIPE_RESTRICTED_KEY', 'STRIPE_ACCOUNT_REGION']));
    assert.equal(result, text.replace('STRIPE_PUBLISHABLE_KEY=pk_test_xxxxx\n', 'STRIPE_PUBLISHABLE_KEY=pk_test_xxxxx\nSTRIPE_RESTRICTED_KEY=xxxxx\nSTRIPE_ACCOUNT_REGION=us-east-1\n'));
  });

  it('finds the block by the provider\'s name without case or accents, and by the catalog\'s other spellings', () => {
    const text = ['# mércado pago (pagos)', 'MERCADOPAGO_PUBLIC_KEY=TEST-xxxxx', '', '# AWS S3 (Storage)', 'AWS_REGION=us-east-1', ''].join('\n');
    assert.equal(
      edited(text, blockOf('MercadoPago', 'Pagos', ['MERCADOPAGO_ACCESS_TOKEN'])),
      text.replace('TEST-xxxxx\n', 'TEST-xxxxx\nMERCADOPAGO_ACCESS_TOKEN=TEST-xxxxx\n'),
      '"MercadoPago" is the catalog\'s spelling of "Mercado Pago"',
    );
    assert.equal(
      edited(text, blockOf('Amazon S3', 'Storage', ['AWS_S3_BUCKET'])),
      text.replace('AWS_REGION=us-east-1\n', 'AWS_REGION=us-east-1\nAWS_S3_BUCKET=my-bucket\n'),
    );
    assert.equal(
      edited(text, blockOf('Mercado-Pago', 'Pagos', ['MERCADOPAGO_WEBHOOK_SECRET'])),
      text.replace('TEST-xxxxx\n', 'TEST-xxxxx\nMERCADOPAGO_WEBHOOK_SECRET=xxxxx\n'),
    );
  });

  it('does not take a comment that merely mentions the provider for its block', () => {
    const text = ['# Used by the Stripe webhooks too', 'WEBHOOK_BASE_URL=https://example.com', ''].join('\n');
    assert.equal(
      edited(text, blockOf('Stripe', 'Pagos', ['STRIPE_API_KEY'])),
      [...text.split('\n').slice(0, 2), '', ...BANNER, '', '# Stripe (Pagos)', 'STRIPE_API_KEY=sk_test_xxxxx', ''].join('\n'),
    );
  });

  it('never adds a variable declared anywhere in the file, nor one listed twice; nothing to add is no edit', () => {
    const text = readFixture(CLEAN, '.env.example');
    assert.deepEqual(appendEnvVarsEdit(text, blockOf('Twilio', 'SMS', ['TWILIO_AUTH_TOKEN', 'STRIPE_API_KEY', 'NODE_ENV'])), { edits: [] });
    assert.equal(
      edited(text, blockOf('Twilio', 'SMS', ['TWILIO_API_KEY', 'STRIPE_API_KEY', 'TWILIO_API_KEY'])),
      text.replace('TWILIO_PHONE_NUMBER=+1234567890\n', 'TWILIO_PHONE_NUMBER=+1234567890\nTWILIO_API_KEY=SKxxxxx\n'),
    );
  });

  it('adds a block after the last one of the directive\'s 8.1 example', () => {
    assert.equal(
      edited(DIRECTIVE_ENV_EXAMPLE, blockOf('MercadoPago', 'Pagos', ['MERCADOPAGO_ACCESS_TOKEN', 'MERCADOPAGO_PUBLIC_KEY'])),
      `${DIRECTIVE_ENV_EXAMPLE}\n# MercadoPago (Pagos)\nMERCADOPAGO_ACCESS_TOKEN=TEST-xxxxx\nMERCADOPAGO_PUBLIC_KEY=xxxxx\n`,
    );
  });

  it('writes a block without a type as the directive does ("# WhatsApp Business")', () => {
    const text = 'PORT=3000\n';
    assert.equal(
      edited(text, { providerName: 'WhatsApp Business', variables: [{ name: 'WHATSAPP_ACCESS_TOKEN', placeholder: 'xxxxx' }] }),
      ['PORT=3000', '', ...BANNER, '', '# WhatsApp Business', 'WHATSAPP_ACCESS_TOKEN=xxxxx', ''].join('\n'),
    );
  });

  it('keeps a CRLF file CRLF', () => {
    const text = readFixture(CLEAN, '.env.example').replace(/\n/g, '\r\n');
    const result = edited(text, SENDGRID);
    assert.equal(result.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
    assert.equal(result, text.replace('+1234567890\r\n', '+1234567890\r\n\r\n# SendGrid (Email)\r\nSENDGRID_API_KEY=SG.xxxxx\r\nSENDGRID_FROM_EMAIL=noreply@example.com\r\n'));
    const inBlock = edited(text, blockOf('Stripe', 'Pagos', ['STRIPE_RESTRICTED_KEY']));
    assert.equal(inBlock, text.replace('pk_test_xxxxx\r\n', 'pk_test_xxxxx\r\nSTRIPE_RESTRICTED_KEY=xxxxx\r\n'));
  });

  it('handles a file without a final line break, leaving it without one', () => {
    assert.equal(edited('# Stripe (Pagos)\nSTRIPE_API_KEY=sk_test_xxxxx', blockOf('Stripe', 'Pagos', ['STRIPE_WEBHOOK_SECRET'])), '# Stripe (Pagos)\nSTRIPE_API_KEY=sk_test_xxxxx\nSTRIPE_WEBHOOK_SECRET=whsec_xxxxx');
    assert.equal(edited('# Stripe (Pagos)', blockOf('Stripe', 'Pagos', ['STRIPE_API_KEY'])), '# Stripe (Pagos)\nSTRIPE_API_KEY=sk_test_xxxxx');
    assert.equal(edited('PORT=3000', SENDGRID), ['PORT=3000', '', ...BANNER, '', '# SendGrid (Email)', 'SENDGRID_API_KEY=SG.xxxxx', 'SENDGRID_FROM_EMAIL=noreply@example.com'].join('\n'));
    const banner = [...BANNER, '', '# Stripe (Pagos)', 'STRIPE_API_KEY=sk_test_xxxxx'].join('\n');
    assert.equal(edited(banner, SENDGRID), `${banner}\n\n# SendGrid (Email)\nSENDGRID_API_KEY=SG.xxxxx\nSENDGRID_FROM_EMAIL=noreply@example.com`);
  });

  it('ends the block before the next provider\'s comment when blocks are not apart, and keeps them apart after a new one', () => {
    const text = ['# Stripe (Pagos)', '# Keys from the dashboard', 'STRIPE_API_KEY=sk_test_xxxxx', '# Twilio (SMS)', 'TWILIO_AUTH_TOKEN=xxxxx', ''].join('\n');
    assert.equal(edited(text, blockOf('Stripe', 'Pagos', ['STRIPE_WEBHOOK_SECRET'])), text.replace('sk_test_xxxxx\n', 'sk_test_xxxxx\nSTRIPE_WEBHOOK_SECRET=whsec_xxxxx\n'));
    assert.equal(edited(text, blockOf('Twilio', 'SMS', ['TWILIO_ACCOUNT_SID'])), `${text}TWILIO_ACCOUNT_SID=ACxxxxx\n`);
  });

  it('puts the first block right under a banner that has none, apart from what follows it', () => {
    const text = [...BANNER, 'NODE_ENV=development', ''].join('\n');
    assert.equal(edited(text, SENDGRID), [...BANNER, '', '# SendGrid (Email)', 'SENDGRID_API_KEY=SG.xxxxx', 'SENDGRID_FROM_EMAIL=noreply@example.com', '', 'NODE_ENV=development', ''].join('\n'));
  });

  it('stops at the next banner: a new block stays in the integrations section', () => {
    const text = [...BANNER, '', '# Stripe (Pagos)', 'STRIPE_API_KEY=sk_test_xxxxx', '', '# ====', '# INFRAESTRUCTURA PROPIA', '# ====', '', '# Base de datos', 'DATABASE_URL=postgres://localhost/app', ''].join('\n');
    assert.equal(edited(text, SENDGRID), text.replace('sk_test_xxxxx\n', 'sk_test_xxxxx\n\n# SendGrid (Email)\nSENDGRID_API_KEY=SG.xxxxx\nSENDGRID_FROM_EMAIL=noreply@example.com\n'));
  });

  it('keeps a multi-line quoted value, blank lines included, inside its block', () => {
    const text = ['# Apple (Auth)', 'APPLE_PRIVATE_KEY="-----BEGIN PRIVATE KEY-----', '', '-----END PRIVATE KEY-----"', '', 'PORT=3000', ''].join('\n');
    assert.equal(edited(text, blockOf('Apple', 'Auth', ['APPLE_KEY_ID'])), text.replace('KEY-----"\n', 'KEY-----"\nAPPLE_KEY_ID=xxxxx\n'));
  });

  it('measures positions after a BOM, like the rest of the engine', () => {
    const text = `\uFEFF${readFixture(CLEAN, '.env.example')}`;
    const result = appendEnvVarsEdit(text, blockOf('Stripe', 'Pagos', ['STRIPE_RESTRICTED_KEY']));
    assert.equal(apply(text.slice(1), result), text.slice(1).replace('pk_test_xxxxx\n', 'pk_test_xxxxx\nSTRIPE_RESTRICTED_KEY=xxxxx\n'));
  });

  it('produces a file the parser reads back with every variable and its placeholder', () => {
    const result = apply(DIRECTIVE_ENV_EXAMPLE, appendEnvVarsEdit(DIRECTIVE_ENV_EXAMPLE, blockOf('Slack', 'Notificaciones', ['SLACK_BOT_TOKEN', 'SLACK_WEBHOOK_URL'])));
    const env = parseEnvFile('.env.example', result);
    assert.deepEqual(env.problems, []);
    assert.deepEqual(env.entries.slice(-2).map((e) => `${e.key}=${e.value}`), ['SLACK_BOT_TOKEN=xoxb-xxxxx', 'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/xxxxx']);
  });
});

describe('placeholderFor', () => {
  it('gives every variable of the directive\'s 8.1 example the directive\'s own placeholder', () => {
    const env = parseEnvFile('.env.example', DIRECTIVE_ENV_EXAMPLE);
    assert.deepEqual(
      env.entries.map((e) => `${e.key}=${placeholderFor(e.key)}`),
      env.entries.map((e) => `${e.key}=${e.value}`),
    );
  });

  it('starts with the catalog format\'s published prefix, test mode first, and never a prefix dotenv would expand', () => {
    assert.equal(placeholderFor('STRIPE_API_KEY'), 'sk_test_xxxxx');
    assert.equal(placeholderFor('MERCADOPAGO_ACCESS_TOKEN'), 'TEST-xxxxx');
    assert.equal(placeholderFor('GITHUB_TOKEN'), 'ghp_xxxxx');
    assert.equal(placeholderFor('GOOGLE_CLIENT_SECRET'), 'GOCSPX-xxxxx');
    assert.equal(placeholderFor('PAYPAL_ACCESS_TOKEN'), 'xxxxx', 'access_token$sandbox$ would be expanded by dotenv-expand');
  });

  it('gives settings an obviously fake sample by the name\'s ending', () => {
    assert.deepEqual(
      ['GCP_STORAGE_BUCKET', 'ACME_REGION', 'ACME_SUPPORT_EMAIL', 'ACME_PHONE_NUMBER', 'GOOGLE_REDIRECT_URI', 'ACME_API_KEY', 'ACME_PHONE_NUMBER_ID'].map((name) => placeholderFor(name)),
      ['my-bucket', 'us-east-1', 'noreply@example.com', '+1234567890', 'https://example.com', 'xxxxx', 'xxxxx'],
    );
  });

  it('looks only at the given provider\'s formats', () => {
    assert.equal(placeholderFor('STRIPE_API_KEY', findProvider('Twilio')), 'xxxxx');
    assert.equal(placeholderFor('STRIPE_API_KEY', findProvider('Stripe')), 'sk_test_xxxxx');
  });
});
