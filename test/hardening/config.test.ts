import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import schema from '../../schemas/simco-int.config.schema.json';
import { defaultConfig, MAX_CONFIG_BYTES, MAX_CONFIG_DEPTH, parseConfig, type LoadedConfig } from '../../server/src/engine/config/config';
import { localize } from '../../server/src/engine/messages';
import { RULE_IDS } from '../../server/src/engine/rules';
import { LineIndex } from '../../server/src/engine/text';
import { loadConfig } from '../../server/src/workspace/config-file';
import { CLEAN, show } from '../helpers';
import { removeTempDirs, tempDir } from '../cli/workspace';
import { TestClient } from '../lsp/client';

// A simco-int.config.json comes with the repository, as untrusted as its code.
// Whatever it holds (any JSON value at any key, 50 MB, 100,000 levels of
// nesting, regexes and globs that would hang, paths out of the workspace),
// reading it gives findings at the offending value and the defaults, never an
// exception; the bundled CLI stops with exit code 2 and says why; the
// language server shows the findings on the file and checks with the defaults.

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const FILE = 'simco-int.config.json';

function parse(value: unknown): LoadedConfig & { text: string } {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return { ...parseConfig(FILE, text, RULE_IDS), text };
}

/** Findings as `line:col message` in English, each one checked for a complete, localizable message inside the file. */
function shown(loaded: LoadedConfig & { text: string }): string[] {
  const lines = new LineIndex(loaded.text);
  for (const finding of loaded.findings) {
    assert.equal(finding.ruleId, 'config/invalid');
    assert.ok(finding.range.start.line < Math.max(1, lines.lineCount) && finding.range.end.line < Math.max(1, lines.lineCount), show(finding));
    for (const locale of ['en', 'es'] as const) assert.doesNotMatch(localize(finding.message, locale), /\{\d\}/, show(finding));
  }
  return loaded.findings.map((finding) => `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${localize(finding.message)}`);
}

function assertRejected(loaded: LoadedConfig & { text: string }, expected: RegExp[]): void {
  const messages = shown(loaded);
  for (const pattern of expected) assert.ok(messages.some((m) => pattern.test(m)), `${pattern} in\n${messages.join('\n')}`);
  assert.deepEqual(loaded.config, defaultConfig(), 'the defaults apply');
}

/** Every key the schema knows, as a path into the file, items and map values included. */
function schemaPaths(node: Record<string, unknown>, path: Array<string | number> = []): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = path.length > 0 ? [path] : [];
  const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [key, child] of Object.entries(properties ?? {})) found.push(...schemaPaths(child, [...path, key]));
  if (node.items && typeof node.items === 'object') found.push(...schemaPaths(node.items as Record<string, unknown>, [...path, 0]));
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    const key = path.join('.') === 'rules' ? 'int-doc/title' : path.join('.') === 'ping.baseUrls' ? 'stripe' : 'acme';
    found.push(...schemaPaths(node.additionalProperties as Record<string, unknown>, [...path, key]));
  }
  return found;
}

/** A config holding `value` at `path`, with the arrays and objects on the way. */
function withValueAt(path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const inner = withValueAt(rest, value);
  return typeof head === 'number' ? [inner] : { [head]: inner };
}

const SCHEMA_TYPE_OF: Record<string, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  array: Array.isArray,
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  integer: Number.isInteger,
};

function schemaAt(path: Array<string | number>): Record<string, unknown> {
  let node = schema as Record<string, unknown>;
  for (const key of path) {
    const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
    node = (typeof key === 'number' ? node.items : (properties?.[key] ?? node.additionalProperties)) as Record<string, unknown>;
  }
  return node;
}

describe('hardening: a malicious simco-int.config.json', function () {
  this.timeout(120_000);
  after(removeTempDirs);
  const paths = schemaPaths(schema as Record<string, unknown>);

  describe('engine', () => {
    it('knows every key of the schema (the fuzzing covers them)', () => {
      const names = paths.map((path) => path.join('.'));
      for (const key of ['docsFolder', 'rules.int-doc/title', 'ignore.0', 'secrets.patterns.0.regex', 'secrets.allowPatterns.0', 'ping.envFile', 'ping.timeoutMs', 'ping.baseUrls.stripe']) {
        assert.ok(names.includes(key), key);
      }
    });

    it('any JSON value at any key: findings at their place and the defaults, or a valid config; never an exception', () => {
      fc.assert(
        fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 4 }), (path, value) => {
          const loaded = parse(withValueAt(path, value));
          shown(loaded);
          if (loaded.findings.length > 0) assert.deepEqual(loaded.config, defaultConfig());
        }),
        { numRuns: 600 },
      );
    });

    it('a value of the wrong type at any typed key is rejected there', () => {
      const typed = paths.filter((path) => typeof schemaAt(path).type === 'string' && SCHEMA_TYPE_OF[schemaAt(path).type as string]);
      assert.ok(typed.length >= 15, `${typed.length} typed keys`);
      fc.assert(
        fc.property(fc.constantFrom(...typed), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
          const isType = SCHEMA_TYPE_OF[schemaAt(path).type as string];
          fc.pre(!isType(value));
          const loaded = parse(withValueAt(path, value));
          const line = new LineIndex(loaded.text);
          assert.ok(loaded.findings.length > 0, `${path.join('.')} = ${JSON.stringify(value)}`);
          assert.deepEqual(loaded.config, defaultConfig());
          assert.ok(loaded.findings.every((f) => f.range.end.line < line.lineCount));
        }),
        { numRuns: 400 },
      );
    });

    it('any text at all, and any JSON document: never an exception', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json({ maxDepth: 5 })), (text) => {
          shown(parse(text));
        }),
        { numRuns: 500 },
      );
    });

    it('100,000 levels of nesting: one finding where the nesting goes too deep (the parsers recursed until the stack overflowed)', () => {
      for (const text of ['['.repeat(100_000), `{"tipos": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, `{"x": ${'{"a": '.repeat(20_000)}1${'}'.repeat(20_000)}}`]) {
        const loaded = parse(text);
        assert.equal(loaded.findings.length, 1);
        assertRejected(loaded, [new RegExp(`^1:\\d+ Expected JSON nested at most ${MAX_CONFIG_DEPTH} levels deep; found deeper nesting here\\.$`)]);
      }
      // Brackets inside strings are text, not nesting.
      assert.deepEqual(shown(parse({ tipos: ['['.repeat(90)] })), []);
    });

    it('a file over the size limit is refused unread, with its size', () => {
      const huge = JSON.stringify({ tipos: Array.from({ length: 40_000 }, (_, i) => `Tipo${i}`) });
      assert.ok(huge.length > MAX_CONFIG_BYTES);
      assertRejected(parse(huge), [/^1:1 Expected a configuration of at most 256 KiB; found \d+ KiB\. It was not read\.$/]);
    });

    it('regexes that would hang, or do not compile, at every key that becomes a regex', () => {
      const loaded = parse({
        secrets: {
          patterns: [
            { id: 'nested', provider: 'Acme', regex: 'acme_(a+)+$', mode: 'live' },
            { id: 'named', provider: 'Acme', regex: '(?<x>\\w+\\s?)+$', mode: 'live' },
            { id: 'broken', provider: 'Acme', regex: 'acme_(live', mode: 'live' },
            { id: 'fine', provider: 'Acme', regex: 'acme_live_[0-9a-z]{32}', mode: 'live' },
          ],
          allowPatterns: ['(a|a)*$', '[', '^sk_test_docs'],
        },
      });
      assertRejected(loaded, [
        /^\d+:\d+ secrets\.patterns\.0\.regex can backtrack catastrophically/,
        /^\d+:\d+ secrets\.patterns\.1\.regex can backtrack catastrophically/,
        /^\d+:\d+ secrets\.patterns\.2\.regex is not a valid regular expression \(Unterminated group\)\.$/,
        /^\d+:\d+ secrets\.allowPatterns\.0 can backtrack catastrophically/,
        /^\d+:\d+ secrets\.allowPatterns\.1 is not a valid regular expression/,
      ]);
      assert.equal(loaded.findings.length, 5, 'the linear ones pass');
    });

    it('globs that would take seconds per path (they become regexes), at every key holding globs', () => {
      const loaded = parse({ docsFolder: '**/a/**/b/**/docs', ignore: ['*a*a*a*a*b', 'legacy/**', '**/*.generated.ts'], secrets: { allowPaths: ['**/x/**/*a*a*b'] } });
      assertRejected(loaded, [
        /^\d+:\d+ docsFolder has too many wildcards to match in bounded time; expected at most 3 "\*" in one path segment, 2 "\*\*", and 4 of both together\.$/,
        /^\d+:\d+ ignore\.0 has too many wildcards/,
        /^\d+:\d+ secrets\.allowPaths\.0 has too many wildcards/,
      ]);
      assert.equal(loaded.findings.length, 3, 'ordinary globs pass');
    });

    it('paths out of the workspace, at every key that names a file, folder or glob', () => {
      const loaded = parse({
        docsFolder: '../../docs',
        inventory: '/etc/MASTER_INVENTORY.yml',
        ignore: ['../../**', 'C:\\Users\\**'],
        secrets: { allowPaths: ['..\\..\\**'] },
        ping: { envFile: '../other-project/.env' },
      });
      assertRejected(loaded, [
        /^\d+:\d+ Expected docsFolder inside the workspace; found a path that leaves it with "\.\."\.$/,
        /^\d+:\d+ Expected inventory relative to the workspace root; found an absolute path\.$/,
        /^\d+:\d+ Expected ignore\.0 inside the workspace; found a path that leaves it with "\.\."\.$/,
        /^\d+:\d+ Expected ignore\.1 relative to the workspace root; found an absolute path\.$/,
        /^\d+:\d+ Expected secrets\.allowPaths\.0 inside the workspace/,
        /^\d+:\d+ Expected ping\.envFile inside the workspace; found a path that leaves it with "\.\."\.$/,
      ]);
      assert.equal(loaded.findings.length, 6);
      // A name that merely starts with two dots stays inside.
      assert.deepEqual(shown(parse({ ignore: ['..cache/**'], ping: { envFile: '..env' } })), []);
    });

    it('thousands of problems: the first 50 listed and the rest counted', () => {
      const rules = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`acme/rule-${i}`, 'off']));
      const messages = shown(parse({ rules }));
      assert.equal(messages.length, 51);
      assert.match(messages[50], /^1:1 \d+ more problems in the configuration are not listed\.$/);
    });
  });

  describe('the workspace shell: symbolic links out of the workspace', () => {
    it('a config path that resolves through a link outside the workspace is rejected, naming the key', () => {
      const outside = tempDir();
      writeFileSync(join(outside, '.env'), 'STRIPE_API_KEY=sk_test_x\n');
      mkdirSync(join(outside, 'docs'));
      const root = join(tempDir(), 'ws');
      mkdirSync(join(root, 'inside'), { recursive: true });
      symlinkSync(join(outside, '.env'), join(root, 'linked.env'));
      symlinkSync(join(outside, 'docs'), join(root, 'linked-docs'));
      symlinkSync(join(root, 'inside'), join(root, 'inner-link'));
      writeFileSync(join(root, FILE), JSON.stringify({ docsFolder: 'linked-docs', ping: { envFile: 'linked.env' } }, null, 2));
      const load = loadConfig(root);
      assert.ok(load.ok);
      assert.deepEqual(load.findings.map((f) => localize(f.message)), [
        'Expected docsFolder inside the workspace; found a symbolic link that leads outside it.',
        'Expected ping.envFile inside the workspace; found a symbolic link that leads outside it.',
      ]);
      assert.deepEqual(load.config, defaultConfig());
      // A link that stays inside, and a path that does not exist yet, are fine.
      writeFileSync(join(root, FILE), JSON.stringify({ docsFolder: 'inner-link', ping: { envFile: 'not-yet.env' } }));
      const fine = loadConfig(root);
      assert.ok(fine.ok && fine.findings.length === 0 && fine.config.docsFolder === 'inner-link');
    });
  });

  describe('the bundled CLI', () => {
    function cli(args: string[], cwd: string) {
      const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH }, maxBuffer: 64 * 1024 * 1024 });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    }
    function workspace(config: string | Buffer): string {
      const root = join(tempDir(), 'ws');
      cpSync(CLEAN, root, { recursive: true });
      writeFileSync(join(root, FILE), config);
      return root;
    }

    it('check: a config with problems everywhere stops with exit code 2 and names each problem where it is', () => {
      const root = workspace(JSON.stringify({ docsFolder: 42, ignore: ['../../**'], ping: { envFile: '/etc/passwd' }, secrets: { allowPatterns: ['(a+)+$'] } }, null, 2));
      const result = cli(['check', '.'], root);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^simco-int\.config\.json:2:17 {2}Expected string for docsFolder\. {2}config\/invalid$/m);
      assert.match(result.stderr, /^simco-int\.config\.json:4:5 {2}Expected ignore\.0 inside the workspace; found a path that leaves it with "\.\."\. {2}config\/invalid$/m);
      assert.match(result.stderr, /^simco-int\.config\.json:7:16 {2}Expected ping\.envFile relative to the workspace root; found an absolute path\. {2}config\/invalid$/m);
      assert.match(result.stderr, /secrets\.allowPatterns\.0 can backtrack catastrophically/);
      assert.match(result.stderr, /^simco-int: The configuration file "simco-int\.config\.json" is invalid \(see above\); fix it and run again\.$/m);
    });

    it('check: a 50 MB config is refused without being read, and a deeply nested one without a crash', () => {
      const huge = workspace(Buffer.alloc(50 * 1024 * 1024, ' '));
      const big = cli(['check', '.'], huge);
      assert.equal(big.code, 2);
      assert.match(big.stderr, /^simco-int\.config\.json:1:1 {2}Expected a configuration of at most 256 KiB; found 51200 KiB\. It was not read\. {2}config\/invalid$/m);
      const deep = cli(['check', '.'], workspace(`{"tipos": ${'['.repeat(200_000)}`));
      assert.equal(deep.code, 2);
      assert.match(deep.stderr, /^simco-int\.config\.json:1:\d+ {2}Expected JSON nested at most 32 levels deep; found deeper nesting here\. {2}config\/invalid$/m);
      assert.doesNotMatch(deep.stderr, /Unexpected failure|RangeError|stack/);
    });

    it('ping and new: a bad config is a message and exit code 2, not a request or a file written', () => {
      const root = workspace(JSON.stringify({ ping: { envFile: '../../.env', baseUrls: { stripe: 'http://127.0.0.1:9' } } }));
      const ping = cli(['ping', 'stripe'], root);
      assert.equal(ping.code, 2);
      assert.match(ping.stderr, /ping\.envFile inside the workspace/);
      const created = cli(['new', 'stripe', '--root', '.'], root);
      assert.equal(created.code, 2);
      assert.match(created.stderr, /simco-int\.config\.json/);
    });
  });

  describe('the language server', () => {
    it('shows the problems on the config file, checks with the defaults, and takes the fixed file', async () => {
      const root = join(tempDir(), 'ws');
      cpSync(CLEAN, root, { recursive: true });
      // The rules setting would switch int-doc/title off; with the file rejected, the default (error) applies.
      const bad = { rules: { 'int-doc/title': 'off' }, docsFolder: '../../docs', secrets: { patterns: [{ id: 'x', provider: 'X', regex: '(x+x+)+y', mode: 'live' }] }, tipos: '{'.repeat(10) };
      writeFileSync(join(root, FILE), `${JSON.stringify(bad, null, 2)}\n${' '.repeat(10)}`);
      const doc = 'docs/02-integraciones/INT-001-stripe.md';
      const text = (await import('node:fs')).readFileSync(join(root, doc), 'utf8').replace(/^# INT-001: Stripe$/m, '# Stripe');
      const client = await TestClient.start({ root });
      try {
        const configDiagnostics = await client.diagnostics(client.uri(FILE));
        assert.equal(configDiagnostics.length, 3, JSON.stringify(configDiagnostics));
        assert.equal(only(configDiagnostics, 'Expected docsFolder inside the workspace; found a path that leaves it with "..".'), '5:17');
        assert.equal(only(configDiagnostics, 'secrets.patterns.0.regex can backtrack catastrophically'), '11:18');
        assert.equal(only(configDiagnostics, 'Expected array for tipos.'), '16:12');
        await client.indexed;
        const uri = await client.open(doc, text);
        const withDefaults = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'int-doc/title'));
        assert.ok(withDefaults.some((d) => d.code === 'int-doc/title'), 'checked with the defaults');

        // The file fixed on disk: its problems go, and its rules apply.
        writeFileSync(join(root, FILE), JSON.stringify({ rules: { 'int-doc/title': 'off' } }));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri(FILE), type: FileChangeType.Changed }] });
        assert.deepEqual(await client.diagnostics(client.uri(FILE)), []);
        const fixed = await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'int-doc/title'));
        assert.ok(!fixed.some((d) => d.code === 'int-doc/title'));
      } finally {
        await client.stop();
      }
    });

    it('a 50 MB or 100,000-level config: one diagnostic, and the server goes on', async () => {
      for (const config of [Buffer.alloc(50 * 1024 * 1024, ' '), Buffer.from(`{"tipos": ${'['.repeat(100_000)}`)]) {
        const root = join(tempDir(), 'ws');
        cpSync(CLEAN, root, { recursive: true });
        writeFileSync(join(root, FILE), config);
        const client = await TestClient.start({ root });
        try {
          const diagnostics = await client.diagnostics(client.uri(FILE));
          assert.equal(diagnostics.length, 1);
          assert.match(diagnostics[0].message, /^Expected (a configuration of at most 256 KiB; found 51200 KiB\. It was not read|JSON nested at most 32 levels deep; found deeper nesting here)\.$/);
          await client.indexed;
          const uri = await client.open('docs/02-integraciones/INT-001-stripe.md');
          assert.ok(Array.isArray(await client.diagnostics(uri)), 'the server still answers');
        } finally {
          await client.stop();
        }
      }
    });
  });
});

/** Where the one diagnostic whose message starts with `start` is, as `line:col`. */
function only(diagnostics: Array<{ message: string; range: { start: { line: number; character: number } } }>, start: string): string {
  const matching = diagnostics.filter((d) => d.message.startsWith(start));
  assert.equal(matching.length, 1, `${start} in ${JSON.stringify(diagnostics.map((d) => d.message))}`);
  const [d] = matching;
  return `${d.range.start.line + 1}:${d.range.start.character + 1}`;
}
