import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  HoverRequest,
  LogTraceNotification,
  SetTraceNotification,
  ShowMessageNotification,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { defaultConfig } from '../../server/src/engine/config/config';
import { lintText } from '../../server/src/engine/lint';
import { localize } from '../../server/src/engine/messages';
import type { Rule } from '../../server/src/engine/rules/rule';
import { PING_COMMAND } from '../../server/src/lsp/ping';
import { removeTempDirs, spawnRun, tempDir, type Run } from '../cli/workspace';
import { CLEAN, diskFacts, replaceOnce } from '../helpers';
import { TestClient, SERVER } from '../lsp/client';
import { MockProvider, randomText } from '../ping/mock-provider';

// Issue 9: a test plants distinctive secrets and greps every output for them.
// test/cli/redaction.test.ts covers the reports, the baseline, the cache, and
// the diagnostics, code actions and hovers over LSP. Here: the language
// server's logs (window/logMessage, $/logTrace with the trace at verbose,
// window/showMessage, its standard error), the messages about files that do
// not parse (a YAML inventory, a .env, the JSON config, an INT doc's tables)
// with the secret inside the broken part, the sandbox ping's reports (text and
// JSON, CLI and server) when the provider echoes the key back, and crash paths
// (a rule or a parser that throws with the file's text in its error).

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

/** A secret in a provider's format, built at run time (no file of the repository holds one). */
function secret(kind: 'live' | 'test' | 'github'): { value: string; prefix: string } {
  const prefix = kind === 'github' ? 'gh' + 'p_' : `sk_${kind}_`;
  return { value: prefix + randomText(kind === 'github' ? 36 : 32), prefix };
}

/** Letters and digits only, lower-cased: a secret turned into `GHP_ZW_QIT_...` (a suggested name) still shows. */
const folded = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Every 8 letters and digits of each secret after its published prefix
 * (`sk_live_` may be shown, as in `sk_live_…9fQx`), found in the output
 * however it was cased or punctuated.
 */
function leaksIn(output: string, planted: ReadonlyArray<{ value: string; prefix: string }>): string[] {
  const text = folded(output);
  const leaks: string[] = [];
  for (const { value, prefix } of planted) {
    const secretText = folded(value);
    const prefixLength = folded(prefix).length;
    for (let start = prefixLength; start + 8 <= secretText.length; start++) {
      const piece = secretText.slice(start, start + 8);
      if (text.includes(piece)) leaks.push(`${piece} (of ${prefix}…)`);
    }
  }
  return leaks;
}

function assertNoLeak(what: string, output: string, planted: ReadonlyArray<{ value: string; prefix: string }>): void {
  assert.ok(output.length > 0, `${what}: there is output to search`);
  const leaks = leaksIn(output, planted);
  if (leaks.length === 0) return;
  // Around the first leak, in the output as it is (letters and digits may have been spread out by punctuation).
  const piece = leaks[0].slice(0, 8);
  const at = output.toLowerCase().indexOf(piece);
  assert.fail(`${what} holds part of a secret (${leaks.length} pieces): ${at >= 0 ? output.slice(Math.max(0, at - 300), at + 100) : output.slice(0, 2000)}`);
}

function cli(args: string[], cwd: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The bundled CLI without blocking this process (the mock provider answers from it). */
function cliAsync(args: string[], cwd: string): Promise<Run> {
  return spawnRun(process.execPath, [CLI, ...args], cwd);
}

function copyClean(): string {
  const root = join(tempDir(), 'ws');
  cpSync(CLEAN, root, { recursive: true });
  return root;
}

describe('hardening: no secret in logs, error messages, ping reports or crash reports', function () {
  this.timeout(120_000);
  after(removeTempDirs);

  describe('messages about files that do not parse', () => {
    // One secret per broken spot, so a leak says where it came from.
    const planted = Array.from({ length: 12 }, (_, i) => secret(i % 3 === 0 ? 'github' : 'live'));
    const [yamlBare, yamlQuote, yamlKey, envKey, envExport, envNoEquals, docEstado, docRow, docProveedor, configKey, configRule, configBroken] = planted.map((p) => p.value);

    function brokenWorkspace(): string {
      const root = copyClean();
      writeFileSync(
        join(root, 'MASTER_INVENTORY.yml'),
        `integraciones:\n  - nombre: Stripe\n    ${yamlBare}\n    token: "${yamlQuote}\n  - ${yamlKey}: [abierto\n`,
      );
      writeFileSync(join(root, '.env'), `${envKey}=1\nexport ${envExport}\nSTRIPE_API_KEY ${envNoEquals}\n`);
      const doc = 'docs/02-integraciones/INT-001-stripe.md';
      let text = readFileSync(join(root, doc), 'utf8');
      text = text.replace(/^\| Estado \|[^\n]*$/m, `| Estado | ${docEstado} |`);
      text = text.replace(/^\| Proveedor \|[^\n]*$/m, `| Proveedor | ${docProveedor} |`);
      text = replaceOnce(text, '## Metadata\n', `## Metadata\n`);
      text = text.replace(/(\n\| [^\n]*\|\n\|[-| :]+\|\n)/, `$1| ${docRow} | a | b | c | d | e | f |\n`);
      writeFileSync(join(root, doc), text);
      return root;
    }

    it('the bundled CLI (stylish, json, sarif): findings on the broken lines, none quoting the secret in them', () => {
      const root = brokenWorkspace();
      const json = cli(['check', '--format', 'json'], root);
      assert.equal(json.code, 1, json.stderr);
      const findings = JSON.parse(json.stdout) as Array<{ file: string; ruleId: string; line: number; message: string }>;
      const flagged = new Set(findings.map((f) => `${f.file} ${f.ruleId}`));
      for (const expected of ['MASTER_INVENTORY.yml inventory/syntax', '.env env/naming', 'docs/02-integraciones/INT-001-stripe.md int-doc/metadata-estado']) {
        assert.ok(flagged.has(expected), `${expected} in ${[...flagged].join(', ')}`);
      }
      for (const format of ['stylish', 'json', 'sarif']) {
        for (const locale of ['en', 'es']) {
          const result = cli(['check', '--format', format, '--locale', locale], root);
          assertNoLeak(`${format} (${locale})`, result.stdout + result.stderr, planted);
        }
      }
    });

    it('the bundled CLI: a config that does not parse, or names unknown keys, is reported without quoting a secret', () => {
      const root = copyClean();
      writeFileSync(join(root, 'simco-int.config.json'), JSON.stringify({ rules: { [configRule]: 'off' }, [configKey]: true }, null, 2));
      const unknown = cli(['check'], root);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /simco-int\.config\.json:3:5 {2}Unknown rule id "sk_live_…\w{4}"\. /);
      assert.match(unknown.stderr, /simco-int\.config\.json:5:3 {2}Unknown setting "ghp_…\w{4}" in the configuration\. /);
      assertNoLeak('unknown keys', unknown.stderr + unknown.stdout, planted);
      writeFileSync(join(root, 'simco-int.config.json'), `{"docsFolder": "docs", ${configBroken} }`);
      const broken = cli(['check'], root);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /simco-int\.config\.json:1:\d+ {2}Invalid JSON in the configuration/);
      assertNoLeak('broken JSON', broken.stderr + broken.stdout, planted);
    });

    it('the language server: diagnostics, code action titles and hovers on the broken files', async () => {
      const root = brokenWorkspace();
      writeFileSync(join(root, 'simco-int.config.json'), JSON.stringify({ rules: { [configRule]: 'off' }, [configKey]: true }, null, 2));
      const client = await TestClient.start({ root });
      try {
        await client.indexed;
        const seen: unknown[] = [];
        for (const [path, languageId] of [['MASTER_INVENTORY.yml', 'yaml'], ['.env', 'dotenv'], ['docs/02-integraciones/INT-001-stripe.md', 'markdown']]) {
          const uri = await client.open(path, readFileSync(join(root, path), 'utf8'), languageId);
          const diagnostics: Diagnostic[] = await client.diagnostics(uri);
          assert.ok(diagnostics.length > 0, path);
          for (const diagnostic of diagnostics) {
            // What the editor shows of an action: its title (its edits write into the very file that holds the secret).
            const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
            seen.push(actions.map((action) => ({ title: action.title, kind: action.kind, diagnostics: action.diagnostics })));
            seen.push(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: diagnostic.range.start }));
          }
        }
        assertNoLeak('published diagnostics', JSON.stringify(client.published), planted);
        assertNoLeak('code actions and hovers', JSON.stringify(seen), planted);
      } finally {
        await client.stop();
      }
    });
  });
  describe('the sandbox ping, with the key echoed back by the provider', () => {
    let mock: MockProvider;
    before(async () => {
      mock = await MockProvider.start();
    });
    after(() => mock.close());

    const key = secret('test');
    /** The provider's answers quote the key, in the body and a header, as some APIs do on a bad key. */
    const echoing = (): void => {
      mock.script(
        { status: 401, json: { error: { message: `Invalid API Key provided: ${key.value}`, type: 'invalid_request_error' } }, headers: { 'X-Echo': key.value } },
        { status: 500, body: `upstream failed for key=${key.value}` },
      );
    };
    function pingWorkspace(): string {
      const root = copyClean();
      writeFileSync(join(root, '.env'), `STRIPE_API_KEY=${key.value}\n`);
      return root;
    }

    it('CLI: the text and JSON reports of a failed ping', async () => {
      const root = pingWorkspace();
      for (const format of ['text', 'json']) {
        echoing();
        const result = await cliAsync(['ping', 'stripe', '--base-url', mock.url, '--format', format], root);
        assert.equal(result.code, 1, result.stdout + result.stderr);
        assert.ok(mock.received.some((request) => request.headers.authorization !== undefined), 'the key was sent, so the mock could echo it');
        assertNoLeak(`ping --format ${format}`, result.stdout + result.stderr, [key]);
      }
      echoing();
      const retried = await cliAsync(['ping', 'stripe', '--base-url', mock.url, '--format', 'json'], root);
      assertNoLeak('ping JSON after retries', retried.stdout + retried.stderr, [key]);
    });

    it('server: the ping command\'s result and the attempts it logs', async () => {
      const root = pingWorkspace();
      const client = await TestClient.start({ root });
      try {
        await client.indexed;
        echoing();
        const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: PING_COMMAND, arguments: [{ provider: 'stripe', baseUrl: mock.url }] });
        assert.match(JSON.stringify(result), /"ok":false/);
        assert.ok(client.logs.length > 0);
        assertNoLeak('ping command result', JSON.stringify(result), [key]);
        assertNoLeak('server log during the ping', JSON.stringify(client.logs), [key]);
      } finally {
        await client.stop();
      }
    });
  });

  describe('the language server\'s logs, with the trace at verbose', () => {
    it('window/logMessage, window/showMessage, $/logTrace and standard error, while it indexes, checks, edits and answers', async () => {
      const planted = [secret('live'), secret('github'), secret('live'), secret('test')];
      const [inSource, inYaml, inDoc, inEnv] = planted;
      const root = copyClean();
      writeFileSync(join(root, 'src.ts'), `export const stripe = "${inSource.value}";\n`);
      writeFileSync(join(root, 'config.yaml'), `github:\n  token: ${inYaml.value}\n  broken: "${inYaml.value}\n`);
      writeFileSync(join(root, '.env'), `STRIPE_API_KEY=${inEnv.value}\n${inEnv.value}\n`);
      const doc = 'docs/02-integraciones/INT-001-stripe.md';
      writeFileSync(join(root, doc), `${readFileSync(join(root, doc), 'utf8')}\n| ${inDoc.value} | x |\n`);
      const stderrFile = join(tempDir(), 'stderr.txt');
      writeFileSync(stderrFile, '');
      const client = await TestClient.start({ root, command: ['sh', '-c', `exec "${process.execPath}" "${SERVER}" --stdio 2>>"${stderrFile}"`] });
      const shown: unknown[] = [];
      const traces: unknown[] = [];
      client.connection.onNotification(ShowMessageNotification.type, (params) => shown.push(params));
      client.connection.onNotification(LogTraceNotification.type, (params) => traces.push(params));
      try {
        await client.connection.sendNotification(SetTraceNotification.type, { value: 'verbose' });
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { 'simco-int': { trace: { server: 'verbose' } } } });
        await client.indexed;
        for (const [path, languageId] of [['src.ts', 'typescript'], ['config.yaml', 'yaml'], ['.env', 'dotenv'], [doc, 'markdown']]) {
          const text = readFileSync(join(root, path), 'utf8');
          const uri = await client.open(path, text, languageId);
          const diagnostics = await client.diagnostics(uri);
          await client.change(uri, `${text}\n${text}`);
          await client.diagnostics(uri);
          for (const diagnostic of diagnostics) await client.codeActions(uri, diagnostic.range, [diagnostic]);
        }
        assert.ok(client.logs.length > 0, 'the server logged (its index summary at least)');
      } finally {
        await client.stop();
      }
      assertNoLeak('window/logMessage', JSON.stringify(client.logs), planted);
      assert.equal(leaksIn(JSON.stringify(shown) + JSON.stringify(traces) + readFileSync(stderrFile, 'utf8'), planted).length, 0, 'showMessage, $/logTrace and stderr');
    });
  });

  describe('crash paths: an error whose message quotes the file', () => {
    const planted = [secret('live')];
    const [inDoc] = planted;

    it('engine: a rule that throws is a finding naming the error\'s class and place, not its message', () => {
      const text = `# INT-001: Stripe\n\nkey: ${inDoc.value}\n`;
      const throwing: Rule = {
        meta: { id: 'test/throws', description: 'throws', defaultSeverity: 'error', fixable: false, hasSuggestions: false, messages: {} },
        checkIntDoc: () => {
          throw new TypeError(`cannot read ${text}`);
        },
      };
      const findings = lintText('docs/02-integraciones/INT-001-stripe.md', text, { config: defaultConfig(), workspace: diskFacts(CLEAN), rules: [throwing] });
      const crash = findings.find((finding) => finding.ruleId === 'test/throws');
      assert.ok(crash);
      assert.match(localize(crash.message), /^The rule test\/throws failed on this file \(TypeError at .+\); the other rules still ran\. Please report it\.$/);
      assertNoLeak('crash finding', JSON.stringify(findings), planted);
    });

    // A preloaded hook makes String.prototype.slice throw, quoting its string, when that string holds
    // the secret: the first code to cut the file's text (a parser, outside any rule) fails with it.
    function preload(): string {
      const file = join(tempDir(), 'throw-on-secret.js');
      writeFileSync(
        file,
        `const marker = process.env.SIMCO_CRASH_MARKER;
const slice = String.prototype.slice;
String.prototype.slice = function (...args) {
  if (marker && this.length > marker.length && String.prototype.includes.call(this, marker)) throw new Error('cannot slice ' + this);
  return slice.apply(this, args);
};
`,
      );
      return file;
    }

    it('the bundled CLI: "Unexpected failure" with the stack, exit code 2, and no text of the file', () => {
      const root = copyClean();
      const doc = 'docs/02-integraciones/INT-001-stripe.md';
      writeFileSync(join(root, doc), `${readFileSync(join(root, doc), 'utf8')}\nkey: ${inDoc.value}\n`);
      const result = cli(['check', '--format', 'json'], root, { NODE_OPTIONS: `--require ${preload()}`, SIMCO_CRASH_MARKER: inDoc.value });
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /^simco-int: Unexpected failure: Error\n {2}at /);
      assertNoLeak('crash report', result.stdout + result.stderr, planted);
    });

    for (const pull of [true, false]) {
    it(`the language server (${pull ? 'pull' : 'push'} diagnostics): what it logs, answers and writes to standard error when a file makes it fail`, async () => {
      const root = copyClean();
      const doc = 'docs/02-integraciones/INT-001-stripe.md';
      const text = `${readFileSync(join(root, doc), 'utf8')}\nkey: ${inDoc.value}\n`;
      const stderrFile = join(tempDir(), 'stderr.txt');
      writeFileSync(stderrFile, '');
      const hook = preload();
      const command = ['sh', '-c', `SIMCO_CRASH_MARKER='${inDoc.value}' exec "${process.execPath}" --require "${hook}" "${SERVER}" --stdio 2>>"${stderrFile}"`] as const;
      const client = await TestClient.start({ root, pull, command });
      const answers: unknown[] = [];
      try {
        await client.indexed;
        const uri = await client.open(doc, text);
        for (const request of [
          pull ? client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }) : Promise.resolve(null),
          client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } }),
          client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }),
        ]) {
          answers.push(await request.then((value) => ({ value }), (error: unknown) => ({ error: error instanceof Error ? { message: error.message, data: (error as { data?: unknown }).data } : error })));
        }
        await client.change(uri, `${text}\n`);
        if (pull) answers.push(await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }).then((value) => ({ value }), (error: Error) => ({ error: error.message })));
        // Another request after the failures: the server still answers.
        answers.push(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri('README.md') }, position: { line: 0, character: 0 } }));
      } finally {
        await client.stop();
      }
      const output = JSON.stringify(answers) + JSON.stringify(client.logs) + JSON.stringify(client.published) + readFileSync(stderrFile, 'utf8');
      assert.match(output, /Error\\n {2}at /, 'the failure is reported, with its stack (the check is not vacuous)');
      assertNoLeak('server answers, logs and standard error', output, planted);
    });
    }
  });
});
