import { strict as assert } from 'node:assert';
import { PROVIDERS } from '../../../server/src/engine/catalog/providers';
import { defaultConfig, type Config } from '../../../server/src/engine/config/config';
import { conformsToEnvNaming } from '../../../server/src/engine/env/naming';
import { lintText } from '../../../server/src/engine/lint';
import { envPrefixesFor } from '../../../server/src/engine/catalog/providers';
import { redact } from '../../../server/src/engine/secrets/redact';
import { literalPrefix, type SecretsConfig } from '../../../server/src/engine/secrets/settings';
import type { Finding } from '../../../server/src/engine/types';
import { covered, show } from '../../helpers';
import { fake } from './corpus';
import { SECRET_RULES } from './rules';

function lint(path: string, text: string, secrets?: Partial<SecretsConfig>): Finding[] {
  const config: Config = { ...defaultConfig() };
  if (secrets) config.secrets = { ...config.secrets, ...secrets };
  return lintText(path, text, { config, workspace: { exists: () => false }, rules: SECRET_RULES });
}

describe('secret scanner', () => {
  it('redacts to a recognisable prefix and at most the last four characters', () => {
    assert.equal(redact(`sk_${'live'}_abcdefghij0123456789ABCD9fQx`, 'sk_live_'), 'sk_live_…9fQx');
    assert.equal(redact('short-secret', ''), '…');
    assert.equal(redact('0123456789abcdefWXYZ'), '…WXYZ');
    assert.equal(redact('AKIA0123', 'AKIA'), 'AKIA…');
  });

  it('reports at the exact characters of the secret in a CRLF file, with the data shells need and never the secret', () => {
    const key = fake('stripe-live');
    const text = `// billing\r\nconst other = 1;\r\nconst stripe = new Stripe("${key}");\r\n`;
    const [finding, ...rest] = lint('src/billing.ts', text);
    assert.deepEqual(rest, []);
    assert.equal(show(finding), `3:28 secret/live-credential Stripe live secret key (sk_live_…${key.slice(-4)}) in source: move it to an environment variable (STRIPE_API_KEY).`);
    assert.equal(covered(text, finding), key);
    assert.deepEqual(finding.data, { kind: 'secret key', redacted: `sk_live_…${key.slice(-4)}`, mode: 'live', provider: 'Stripe', envVar: 'STRIPE_API_KEY', format: 'stripe-secret-key-live' });
    assert.equal(finding.severity, 'error');
  });

  it('gives test keys a warning and live ones an error', () => {
    const findings = lint('a.py', `live = "${fake('stripe-live')}"\ntest = "${fake('stripe-test')}"\n`);
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.severity}`), ['secret/live-credential error', 'secret/test-credential warning']);
  });

  it('leaves a line marked simco-int:allow alone', () => {
    const text = `const a = "${fake('github-pat')}"; // simco-int:allow docs sample\nconst b = "${fake('github-pat', 'other')}";\n`;
    assert.deepEqual(lint('a.ts', text).map((f) => f.range.start.line), [1]);
  });

  it('skips allowlisted paths and values from the configuration', () => {
    const key = fake('slack-bot');
    const text = `token: ${key}\n`;
    assert.equal(lint('fixtures/slack.yaml', text).length, 1);
    assert.deepEqual(lint('fixtures/slack.yaml', text, { allowPaths: ['fixtures/**'] }), []);
    assert.deepEqual(lint('fixtures/slack.yaml', text, { allowPatterns: [`^xoxb-${key.slice(5, 17)}`] }), []);
  });

  it("finds a team's own format from the configuration, with or without a literal prefix", () => {
    const text = 'const a = "acme_live_0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d";\nconst b = "ZX-9f8e7d6c5b4a";\n';
    const findings = lint('a.ts', text, {
      patterns: [
        { id: 'acme-live', provider: 'Acme Pay', regex: 'acme_live_[0-9a-f]{32}(?![0-9a-f])', mode: 'live', kind: 'API key', envVar: 'ACME_PAY_API_KEY' },
        { id: 'zx-token', provider: 'stripe', regex: '[A-Z]{2}-[0-9a-f]{12}', mode: 'test' },
      ],
    });
    assert.deepEqual(findings.map((f) => show(f)), [
      '1:12 secret/live-credential Acme Pay live API key (acme_live_…4c5d) in source: move it to an environment variable (ACME_PAY_API_KEY).',
      '2:12 secret/test-credential Stripe test secret (…) in source: even test keys go in an environment variable.',
    ]);
    assert.equal(literalPrefix('acme_live_[0-9a-f]{32}'), 'acme_live_');
    assert.equal(literalPrefix('ACME\\.[A-Z]{8}'), 'ACME.');
    assert.equal(literalPrefix('abc?d'), 'ab');
    assert.equal(literalPrefix('(a|b)c'), '');
  });

  it('trusts only prefixed formats on minified lines', () => {
    const filler = 'var a=1;'.repeat(200);
    const text = `${filler}var c={apiKey:"Kf93mZx2Qw8Lp4Vt7Rb1Ns6Hd0Jg5Cy3",k:"${fake('sendgrid')}",db:"postgres://u:Hx7kQ2mZ9vLp4@db.internal/x"};\n`;
    assert.deepEqual(lint('dist/app.js', text).map((f) => f.ruleId), ['secret/live-credential']);
    assert.deepEqual(lint('src/app.ts', 'const c = { apiKey: "Kf93mZx2Qw8Lp4Vt7Rb1Ns6Hd0Jg5Cy3" };\n').map((f) => f.ruleId), ['secret/generic']);
  });

  it('attributes Meta Graph tokens to WhatsApp only when the line says WhatsApp', () => {
    const token = fake('meta-token');
    const names = (text: string) => lint('a.env.example', text).map((f) => f.data?.provider);
    assert.deepEqual(names(`WHATSAPP_ACCESS_TOKEN=${token}\n`), ['WhatsApp Business']);
    assert.deepEqual(names(`FB_PAGE_TOKEN=${token}\n`), ['Facebook']);
  });

  it('reads a value through a type annotation and a string prefix, and only there', () => {
    const value = fake('base64-40');
    const found = (path: string, line: string): string[] => lint(path, `${line}\n`).map((f) => `${f.ruleId} ${covered(line, f)}`);
    for (const [path, line] of [
      ['a.py', `api_key: str = "${value}"`],
      ['a.ts', `const clientSecret: string = '${value}';`],
      ['a.py', `api_key: typing.Optional[str] = "${value}"`],
      ['a.ts', `let apiKey: Secret<string>|null = "${value}";`],
      ['a.py', `secret_token = f"${value}"`],
      ['a.py', `secret_token = R'${value}'`],
      ['a.cs', `var apiKey = @"${value}";`],
    ]) {
      assert.deepEqual(found(path, line), [`secret/generic ${value}`], line);
    }
    for (const [path, line] of [
      ['a.py', `api_key: str == "${value}"`],
      ['a.py', `secret_token = x"${value}"`],
      ['a.ts', `const clientSecret: (string) = '${value}';`],
    ]) {
      assert.deepEqual(found(path, line), [], line);
    }
  });

  it('leaves placeholders, env reads and comparisons alone', () => {
    const text = [
      'const a = process.env.STRIPE_API_KEY;',
      'const b = "sk_test_XXXXXXXXXXXXXXXXXXXXXXXX";',
      'if (token === "a8F3kL9qZ2xV7mN4pR6tY1wB5cD0eG3h") {}',
      'const apiKey = `${prefix}-a8F3kL9qZ2xV7mN4pR6tY1wB5cD0eG3h`;',
      'const password = "your-password-here";',
      'const c = "AKIAIOSFODNN7EXAMPLE";',
    ].join('\n');
    assert.deepEqual(lint('a.ts', text), []);
  });

  it('scans a minified line of a megabyte without slow paths', () => {
    // Characters every candidate check walks over: a long word, many secret-ish words, many "://".
    const text = `${'a'.repeat(200_000)}${'apiKey=token;'.repeat(20_000)}${'x://y'.repeat(50_000)}${'-----BEGIN '.repeat(10_000)}`;
    const started = process.hrtime.bigint();
    lint('big.min.js', text);
    // A generous bound: only catastrophic behaviour (seconds) fails it.
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 2000);
  });
});

describe('catalog: secret formats', () => {
  it("names env vars that conform to each provider's naming, and unique format ids", () => {
    const ids = PROVIDERS.flatMap((p) => p.secrets.map((f) => f.id));
    assert.equal(new Set(ids).size, ids.length);
    for (const provider of PROVIDERS) {
      for (const format of provider.secrets) {
        if (format.envVar) assert.ok(conformsToEnvNaming(format.envVar, envPrefixesFor(provider.name)), `${format.id}: ${format.envVar}`);
      }
    }
  });

  it('matches no documented example value with a secret format', () => {
    for (const provider of PROVIDERS) {
      for (const example of provider.examples) {
        assert.deepEqual(lint('docs.ts', `const value = "${example}";\n`), [], `${provider.id}: ${example}`);
      }
    }
  });
});
