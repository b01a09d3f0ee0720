import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import type { Locale } from '../../server/src/engine/messages';
import { CLEAN, replaceOnce } from '../helpers';
import { TestClient } from '../lsp/client';
import { removeTempDirs, run, tempDir } from './workspace';

// No output ever holds a secret (issue 6, DESIGN habit 8). Distinctive fake
// secrets are planted in every kind of file the scanner reads, and every
// output of both shells, in both languages, is searched for each secret and
// for any 8 characters of it: the CLI's three formats and its streams, the
// baseline, the cache, and over LSP the published diagnostics, the code
// actions offered for them and the hovers. Only a provider's published
// prefix (`sk_live_`) may show, as the redacted form does (`sk_live_…9fQx`).

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const random = (length: number): string => Array.from(randomBytes(length), (byte) => ALNUM[byte % ALNUM.length]).join('');

interface Planted {
  /** The workspace file that holds it. */
  path: string;
  languageId: string;
  secret: string;
  /** The format's published start, which says what the secret is and may be shown. */
  prefix: string;
  /** The rule expected to flag it: proof that each secret was found, so the search is not vacuous. */
  ruleId: string;
}

/**
 * Built at run time, each part from its own pieces, so no file of the
 * repository holds a token in a provider's format (push protection).
 */
function plant(): Planted[] {
  return [
    { path: 'src/payments/keys.ts', languageId: 'typescript', prefix: 'sk_' + 'live_', secret: 'sk_' + 'live_' + random(40), ruleId: 'secret/live-credential' },
    { path: 'src/db.ts', languageId: 'typescript', prefix: '', secret: 'Pw' + random(22), ruleId: 'secret/url-credentials' },
    { path: 'config/app.yaml', languageId: 'yaml', prefix: 'gh' + 'p_', secret: 'gh' + 'p_' + random(36), ruleId: 'secret/live-credential' },
    { path: 'config/app.yaml', languageId: 'yaml', prefix: '', secret: random(40), ruleId: 'secret/generic' },
    { path: '.env.example', languageId: 'dotenv', prefix: 'wh' + 'sec_', secret: 'wh' + 'sec_' + random(32), ruleId: 'env/example-value' },
    { path: 'docs/02-integraciones/INT-002-twilio-sms.md', languageId: 'markdown', prefix: 'S' + 'G.', secret: 'S' + 'G.' + random(22) + '.' + random(43), ruleId: 'secret/live-credential' },
  ];
}

/**
 * The clean workspace with the secrets written into a TS source, a YAML
 * file, .env.example and an INT doc's code block. With `.env` gitignored the
 * editor offers "Move to .env"; without, the fix that gitignores it first.
 */
function workspace(planted: Planted[], gitignoresEnv: boolean): string {
  const [stripe, password, github, generic, webhook, sendgrid] = planted.map((p) => p.secret);
  const root = join(tempDir(), 'ws');
  cpSync(CLEAN, root, { recursive: true });
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('src/payments/keys.ts', `import Stripe from "stripe";\n\nexport const stripe = new Stripe("${stripe}");\n`);
  write('src/db.ts', `export const url = "postgres://app:${password}@db.internal:5432/app";\n`);
  write('config/app.yaml', `github:\n  token: ${github}\nsearch:\n  apiKey: "${generic}"\n`);
  const example = readFileSync(join(root, '.env.example'), 'utf8');
  write('.env.example', replaceOnce(example, 'STRIPE_WEBHOOK_SECRET=whsec_xxxxx', `STRIPE_WEBHOOK_SECRET=${webhook}`));
  const doc = 'docs/02-integraciones/INT-002-twilio-sms.md';
  const sample = `\n## Ejemplo de envio\n\n\`\`\`bash\ncurl -H "Authorization: Bearer ${sendgrid}" https://api.sendgrid.com/v3/mail/send\n\`\`\`\n`;
  write(doc, readFileSync(join(root, doc), 'utf8') + sample);
  if (gitignoresEnv) write('.gitignore', '.env\n');
  return root;
}

/** Each secret, and every 8 characters of it that are not just its published prefix. */
function leaksIn(output: string, planted: readonly Planted[]): string[] {
  const leaks: string[] = [];
  for (const { secret, prefix } of planted) {
    for (let start = 0; start + 8 <= secret.length; start++) {
      if (start + 8 <= prefix.length) continue;
      const piece = secret.slice(start, start + 8);
      if (output.includes(piece)) leaks.push(`${piece} (of the secret in ${planted.find((p) => p.secret === secret)?.path})`);
    }
  }
  return leaks;
}

function assertNoLeak(what: string, output: string, planted: readonly Planted[]): void {
  assert.ok(output.length > 0, `${what}: there is output to search`);
  assert.deepEqual(leaksIn(output, planted), [], `${what} holds part of a secret`);
}

describe('no output holds a secret', function () {
  this.timeout(60000);
  after(removeTempDirs);

  const planted = plant();
  let root: string;
  let gitignored: string;
  before(() => {
    root = workspace(planted, false);
    gitignored = workspace(planted, true);
  });

  it('the search finds a secret where one is (the check is not vacuous)', () => {
    assert.deepEqual(leaksIn(`text ${planted[2].secret.slice(10, 18)} text`, planted).length, 1);
    assert.deepEqual(leaksIn(`redacted: ${planted[0].prefix}\u2026${planted[0].secret.slice(-4)}`, planted), []);
  });

  for (const locale of ['en', 'es'] as Locale[]) {
    it(`CLI (${locale}): stylish, json and sarif, their standard error, the baseline and the cache`, async () => {
      const outputs: Array<[string, string]> = [];
      const json = await run(['check', '--format', 'json', '--locale', locale], { cwd: root });
      const flagged = (JSON.parse(json.stdout) as Array<{ file: string; ruleId: string }>).map((f) => `${f.file} ${f.ruleId}`);
      for (const { path, ruleId } of planted) assert.ok(flagged.includes(`${path} ${ruleId}`), `${ruleId} flags the secret in ${path}`);

      for (const format of ['stylish', 'json', 'sarif']) {
        const result = await run(['check', '--format', format, '--locale', locale, '--cache'], { cwd: root });
        assert.equal(result.code, 1);
        outputs.push([`${format} report and standard error`, result.stdout + result.stderr]);
      }
      outputs.push(['cache file', readFileSync(join(root, '.simco-int-cache'), 'utf8')]);

      const recorded = await run(['baseline', '--locale', locale], { cwd: root });
      outputs.push(['baseline output', recorded.stdout + recorded.stderr], ['baseline file', readFileSync(join(root, '.simco-int-baseline.json'), 'utf8')]);
      for (const format of ['stylish', 'json', 'sarif']) {
        const result = await run(['check', '--baseline', '.simco-int-baseline.json', '--format', format, '--locale', locale], { cwd: root });
        outputs.push([`${format} report with --baseline`, result.stdout + result.stderr]);
      }
      for (const [what, output] of outputs) assertNoLeak(`${what} (${locale})`, output, planted);
    });

    for (const [actions, gitignoresEnv] of [['gitignore .env', false], ['move to .env', true]] as const) {
      it(`LSP (${locale}): published diagnostics, code action titles (${actions}) and hovers`, async () => {
        await checkOverLsp(gitignoresEnv ? gitignored : root, locale);
      });
    }
  }

  async function checkOverLsp(folder: string, locale: Locale): Promise<void> {
    const client = await TestClient.start({ root: folder, locale });
    try {
      await client.indexed;
      const seen: unknown[] = [];
      const titles: string[] = [];
      for (const path of new Set(planted.map((p) => p.path))) {
        const expected = planted.filter((p) => p.path === path).map((p) => p.ruleId);
        const { languageId } = planted.find((p) => p.path === path)!;
        const uri = await client.open(path, readFileSync(join(folder, path), 'utf8'), languageId);
        const diagnostics: Diagnostic[] = await client.diagnostics(uri, (p) => expected.every((id) => p.diagnostics.some((d) => d.code === id)));
        for (const diagnostic of diagnostics) {
          const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
          titles.push(...actions.map((action) => action.title));
        seen.push(actions.map((action) => ({ title: action.title, kind: action.kind, diagnostics: action.diagnostics })));
          seen.push(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: diagnostic.range.start }));
        }
      }
      // The actions that name the secret (redacted) were offered: the search covers them.
      assert.ok(titles.some((title) => title.includes(`${planted[0].prefix}\u2026`)), titles.join('\n'));
      assertNoLeak(`published diagnostics (${locale})`, JSON.stringify(client.published), planted);
      assertNoLeak(`code actions and hovers (${locale})`, JSON.stringify(seen), planted);
    } finally {
      await client.stop();
    }
  }
});
