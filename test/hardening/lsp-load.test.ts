import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import {
  CancellationTokenSource,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  HoverRequest,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import type { JsonFinding } from '../../server/src/formatters/json';
import { tempDir } from '../cli/workspace';
import { replaceOnce } from '../helpers';
import { cleanWorkspace, serverPerTest, TestClient } from '../lsp/client';

// The language server under load, over stdio as an editor drives it: a storm
// of keystrokes, 200 files opened at once, the config flipping while the
// workspace is indexed, a cancelled pull. After each, the server must answer,
// say exactly what a fresh CLI check of the same text says, never publish an
// older version after a newer one, log no error and keep its memory bounded.
// Timings are measured by bench/lsp-load.mjs; the bounds here are generous.

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const STRIPE = 'docs/02-integraciones/INT-001-stripe.md';
const EDITS = 2000;
/** How long the server may take to answer once the storm is over: far above what the benchmark measures. */
const RESPONSIVE_MS = 10_000;
/** The server's resident memory after any scenario: a few times what the benchmark measures. */
const MAX_RSS_MB = 1024;

/** What the Problems panel shows of a diagnostic, 1-based like the CLI's JSON. */
const shown = (d: Diagnostic): string =>
  `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${['', 'error', 'warning', 'info'][d.severity ?? 0]} ${d.code} ${d.message}`;

/**
 * A fresh CLI check of the workspace with `path` holding `text` (a copy, the
 * original untouched): what the server must say about that text.
 */
function cliDiagnostics(root: string, path: string, text: string): string[] {
  const copy = join(tempDir(), 'ws');
  cpSync(root, copy, { recursive: true });
  writeFileSync(join(copy, path), text);
  const run = spawnSync(process.execPath, [CLI, 'check', copy, '--format', 'json'], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `the CLI exited ${run.status}: ${run.stderr}`);
  return (JSON.parse(run.stdout) as JsonFinding[])
    .filter((f) => f.file === path)
    .map(cliShown)
    .sort();
}

const cliShown = (f: JsonFinding): string => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId} ${f.message}`;

/** A small deterministic generator (mulberry32): the same storm on every run, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPED = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789_|-#*`:.,ñé';
const PASTED = ['| Estado | Terminado |\n', '| STRIPE_SECRET_KEY | Llave | SI |\n', '## Rate Limits\n', '\n---\n', '{placeholder}', 'process.env.stripeKey\n'];

/**
 * Keystrokes as VS Code sends them with incremental sync: mostly typing at a
 * cursor, backspaces, the cursor jumping elsewhere, newlines, pastes, and now
 * and then two cursors editing at once (two changes in one notification).
 * Each item is one didChange's content changes, from `initial` on.
 */
function keystrokes(initial: string, count: number, seed: number): TextDocumentContentChangeEvent[][] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  let text = initial;
  let cursor = text.indexOf('| Estado |');
  const edit = (offset: number, length: number, insert: string): TextDocumentContentChangeEvent => {
    const local = TextDocument.create('untitled:x', 'markdown', 0, text);
    const change = { range: { start: local.positionAt(offset), end: local.positionAt(offset + length) }, text: insert };
    text = text.slice(0, offset) + insert + text.slice(offset + length);
    return change;
  };
  const storm: TextDocumentContentChangeEvent[][] = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    if (r < 0.1) cursor = Math.floor(next() * (text.length + 1));
    if (r < 0.6) {
      storm.push([edit(cursor, 0, pick([...TYPED]))]);
      cursor += 1;
    } else if (r < 0.78 && cursor > 0) {
      storm.push([edit(cursor - 1, 1, '')]);
      cursor -= 1;
    } else if (r < 0.88) {
      storm.push([edit(cursor, 0, '\n')]);
      cursor += 1;
    } else if (r < 0.95) {
      const paste = pick(PASTED);
      storm.push([edit(cursor, 0, paste)]);
      cursor += paste.length;
    } else {
      // Two cursors: VS Code sends the later one first, so the earlier offset still holds.
      const other = Math.floor(next() * cursor);
      storm.push([edit(cursor, 0, 'x'), edit(other, 0, 'y')]);
      cursor += 2;
    }
  }
  return storm;
}

/** The text after the edits, as the editor has it. */
function textAfter(text: string, storm: readonly TextDocumentContentChangeEvent[][]): string {
  return storm.reduce((document, changes, i) => TextDocument.update(document, changes, i + 2), TextDocument.create('untitled:x', 'markdown', 1, text)).getText();
}

/** Sends the storm without waiting for anything between edits; `during` runs after edit `at`, mid-storm. */
async function sendStorm(client: TestClient, uri: string, storm: TextDocumentContentChangeEvent[][], at: number, during: () => void): Promise<number> {
  const sent: Array<Promise<void>> = [];
  let version = 1;
  for (const [i, contentChanges] of storm.entries()) {
    version++;
    sent.push(client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges }));
    if (i === at) during();
  }
  await Promise.all(sent);
  return version;
}

/** Resolves with the answer, or fails the test when the server has not answered within RESPONSIVE_MS. */
async function answered<T>(request: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the server did not answer ${what} within ${RESPONSIVE_MS} ms`)), RESPONSIVE_MS);
  });
  try {
    return await Promise.race([request, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resident memory of the server process, in MB, from the kernel (now and at its peak). */
function memoryMb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1]);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** What every scenario ends with: alive, answering, memory bounded, no error in its log, versions never going back. */
async function assertHealthy(client: TestClient, uri: string): Promise<void> {
  const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } });
  await answered(hover, 'a hover after the load');
  const pid = client.pid;
  assert.ok(pid !== undefined, 'the server exited');
  const { rss, hwm } = memoryMb(pid);
  assert.ok(rss < MAX_RSS_MB && hwm < MAX_RSS_MB, `server memory: VmRSS ${rss.toFixed(0)} MB, VmHWM ${hwm.toFixed(0)} MB (bound ${MAX_RSS_MB} MB)`);
  const errors = client.logs.filter((log) => log.type === MessageType.Error);
  assert.deepEqual(errors, [], 'the server logged errors');
  const versions = new Map<string, number>();
  for (const { uri: published, version } of client.published) {
    if (version === undefined) continue;
    const before = versions.get(published) ?? 0;
    assert.ok(version >= before, `${published}: version ${version} published after version ${before}`);
    versions.set(published, version);
  }
}

/** Waits until the server has published diagnostics for every one of `uris` at its version (push mode). */
function settled(client: TestClient, uris: ReadonlyMap<string, number>): Promise<void> {
  return Promise.all([...uris].map(([uri, version]) => client.diagnostics(uri, (p) => p.version === version))).then(() => undefined);
}

/** Resolves once the server has pushed exactly `expected` for `uri` (any version). */
function publishedAs(client: TestClient, uri: string, expected: readonly string[]): Promise<unknown> {
  return client.diagnostics(uri, (p) => JSON.stringify(p.diagnostics.map(shown).sort()) === JSON.stringify(expected));
}

/**
 * Resolves once no diagnostics have arrived for `ms` (at most RESPONSIVE_MS):
 * what is published last is then the server's final word, not one still on its way.
 */
async function quiet(client: TestClient, ms = 300): Promise<void> {
  const deadline = Date.now() + RESPONSIVE_MS;
  for (let count = -1; count !== client.published.length && Date.now() < deadline; ) {
    count = client.published.length;
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/** The last diagnostics the server pushed for `uri`. */
function lastPublished(client: TestClient, uri: string): { version: number | undefined; shown: string[] } {
  const last = client.published.filter((p) => p.uri === uri).at(-1);
  assert.ok(last, `nothing published for ${uri}`);
  return { version: last.version, shown: last.diagnostics.map(shown).sort() };
}

async function pullDiagnostics(client: TestClient, uri: string): Promise<string[]> {
  const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
  assert.equal(report.kind, 'full');
  return report.items.map(shown).sort();
}

/** An INT doc of the clean fixture's shape under another code; every tenth one has an Estado the directive does not know. */
function intDoc(stripe: string, n: number): { path: string; text: string } {
  const code = `INT-${String(n).padStart(3, '0')}`;
  let text = stripe.replace('# INT-001: Stripe', `# ${code}: Stripe ${n}`).replace('| Codigo | INT-001 |', `| Codigo | ${code} |`);
  if (n % 10 === 0) text = replaceOnce(text, '| Estado | Implementado |', '| Estado | Terminado |');
  return { path: `docs/02-integraciones/${code}-stripe-${n}.md`, text };
}

describe('language server under load (stdio)', function () {
  this.timeout(180_000);
  const startServer = serverPerTest();

  it(`publishes the last version's diagnostics, in version order, after ${EDITS} rapid incremental edits, and answers mid-storm`, async () => {
    const root = cleanWorkspace();
    const client = await startServer({ root });
    await client.indexed;
    const text = readFileSync(join(root, STRIPE), 'utf8');
    const uri = await client.open(STRIPE, text);
    await client.diagnostics(uri, (p) => p.version === 1);
    const storm = keystrokes(text, EDITS, 9);
    let midStorm: Promise<unknown> | undefined;
    const last = await sendStorm(client, uri, storm, EDITS / 2, () => {
      midStorm = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 3 } });
    });
    await answered(midStorm!, 'a hover sent mid-storm');
    await answered(settled(client, new Map([[uri, last]])), `diagnostics for version ${last}`);
    await assertHealthy(client, uri);

    const final = textAfter(text, storm);
    const expected = cliDiagnostics(root, STRIPE, final);
    assert.ok(expected.length > 0, 'the storm should leave findings to compare');
    assert.deepEqual(lastPublished(client, uri), { version: last, shown: expected });
  });

  it(`answers pull diagnostics for the latest text during and after ${EDITS} rapid edits, and pushes none`, async () => {
    const root = cleanWorkspace();
    const client = await startServer({ root, pull: true });
    await client.indexed;
    const text = readFileSync(join(root, STRIPE), 'utf8');
    const uri = await client.open(STRIPE, text);
    const storm = keystrokes(text, EDITS, 17);
    let midStorm: Promise<string[]> | undefined;
    const last = await sendStorm(client, uri, storm, EDITS / 2, () => {
      midStorm = pullDiagnostics(client!, uri);
    });
    const textAt = (edits: number): string => textAfter(text, storm.slice(0, edits));
    // The request came after edit EDITS/2 + 1 on the wire: it is answered for that text, not an older one.
    assert.deepEqual(await answered(midStorm!, 'a pull sent mid-storm'), cliDiagnostics(root, STRIPE, textAt(EDITS / 2 + 1)));
    const final = textAt(storm.length);
    assert.deepEqual(await answered(pullDiagnostics(client, uri), 'a pull after the storm'), cliDiagnostics(root, STRIPE, final));
    assert.equal(last, EDITS + 1);
    assert.deepEqual(client.published.filter((p) => p.uri === uri), []);
    await assertHealthy(client, uri);
  });

  it('answers a cancelled pull with RequestCancelled or the current result, never hangs, and goes on serving', async () => {
    const root = cleanWorkspace();
    const client = await startServer({ root, pull: true });
    await client.indexed;
    const text = replaceOnce(readFileSync(join(root, STRIPE), 'utf8'), '| Estado | Implementado |', '| Estado | Terminado |');
    const uri = await client.open(STRIPE, text);
    const expected = cliDiagnostics(root, STRIPE, text);
    assert.equal(expected.length, 1);
    // Cancelled at once, some while queued behind a burst of edits (the token is cancelled before the handler runs),
    // some on an idle server (the answer may already be on its way).
    const storm = keystrokes(text, 200, 5);
    const outcomes: string[] = [];
    for (let round = 0; round < 20; round++) {
      const busy = round % 2 === 0;
      // The edits go out and are undone again, so every request is for `text`.
      const version = 1 + round * 2;
      const changes = busy ? storm.slice(0, 50).flat() : [];
      if (busy) await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: version + 1 }, contentChanges: [...changes] });
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: version + 2 }, contentChanges: [{ text }] });
      const source = new CancellationTokenSource();
      const request = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
      source.cancel();
      try {
        const report = (await answered(request, 'a cancelled pull')) as FullDocumentDiagnosticReport;
        assert.deepEqual(report.items.map(shown).sort(), expected, 'a cancelled pull answered with a result that is not the document\'s');
        outcomes.push('result');
      } catch (error) {
        assert.ok(error instanceof ResponseError, String(error));
        assert.ok(
          error.code === LSPErrorCodes.RequestCancelled || error.code === LSPErrorCodes.ServerCancelled,
          `a cancelled pull answered with error ${error.code} ${error.message}`,
        );
        outcomes.push('cancelled');
      }
    }
    assert.ok(outcomes.includes('cancelled'), `no request was seen cancelled: ${outcomes}`);
    assert.deepEqual(await answered(pullDiagnostics(client, uri), 'a pull after the cancellations'), expected);
    await assertHealthy(client, uri);
  });

  it('publishes for 200 documents opened at once while indexing exactly what the CLI says of each', async () => {
    const root = cleanWorkspace();
    const stripe = readFileSync(join(root, STRIPE), 'utf8');
    const docs = Array.from({ length: 200 }, (_, i) => intDoc(stripe, i + 4));
    for (const { path, text } of docs) writeFileSync(join(root, path), text);
    const client = await startServer({ root });
    const c = client;
    const versions = new Map(docs.map(({ path }) => [c.uri(path), 1]));
    await Promise.all(
      docs.map(({ path, text }) =>
        c.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: c.uri(path), languageId: 'markdown', version: 1, text } }),
      ),
    );
    await answered(c.indexed, 'the end of indexing');
    await answered(settled(c, versions), 'diagnostics for 200 documents');

    // The disk holds what the editor does: one CLI run gives every document's expected diagnostics.
    const run = spawnSync(process.execPath, [CLI, 'check', root, '--format', 'json'], { encoding: 'utf8' });
    const findings = JSON.parse(run.stdout) as JsonFinding[];
    assert.ok(findings.some((f) => f.ruleId === 'int-doc/metadata-estado') && findings.some((f) => f.ruleId === 'inventory/unregistered-doc'));
    const expected = docs.map(({ path }) => findings.filter((f) => f.file === path).map(cliShown).sort());
    await answered(Promise.all(docs.map(({ path }, i) => publishedAs(c, c.uri(path), expected[i]))), 'the CLI\'s diagnostics for 200 documents');
    await quiet(c);
    const mismatched = docs.filter(({ path }, i) => JSON.stringify(lastPublished(c, c.uri(path))) !== JSON.stringify({ version: 1, shown: expected[i] }));
    assert.deepEqual(mismatched.map(({ path }) => path), []);
    await assertHealthy(c, c.uri(docs[0].path));
  });

  it('follows simco-int.config.json and the editor settings flipping while the workspace is indexed, and ends on the last config', async () => {
    const root = cleanWorkspace();
    const stripe = readFileSync(join(root, STRIPE), 'utf8');
    const docs = Array.from({ length: 100 }, (_, i) => intDoc(stripe, i + 4));
    for (const { path, text } of docs) writeFileSync(join(root, path), text);
    // A doc without an INT-NNN name: an INT doc only while docsFolder says its folder holds them.
    writeFileSync(join(root, 'docs/02-integraciones/pagos.md'), stripe);
    for (let m = 0; m < 40; m++) {
      const folder = join(root, 'src', 'modules', `module-${m}`);
      mkdirSync(folder, { recursive: true });
      for (let s = 0; s < 50; s++) {
        writeFileSync(join(folder, `service-${s}.ts`), `export const key${s} = process.env.STRIPE_API_KEY;\nexport const url${s} = process.env.PAGOS_URL_${m};\n`);
      }
    }
    const configs = [
      JSON.stringify({ rules: { 'int-doc/metadata-estado': 'off' } }),
      JSON.stringify({ docsFolder: 'docs/otros' }),
      '{ "rules": ',
      JSON.stringify({ rules: { 'env/naming': 'off', 'inventory/unregistered-doc': 'warning' } }),
    ];
    const settings = [{ rules: { 'int-doc/metadata-estado': 'error' } }, { docsFolder: 'docs' }, {}];
    const client = await startServer({ root });
    const c = client;
    const open = [docs[6], { path: 'docs/02-integraciones/pagos.md', text: stripe }];
    const uris = open.map(({ path }) => c.uri(path));
    for (const { path, text } of open) await c.open(path, text);
    let indexing = true;
    void c.indexed.then(() => (indexing = false));
    let flips = 0;
    let flipsWhileIndexing = 0;
    for (; flips < 60 || indexing; flips++) {
      if (indexing) flipsWhileIndexing++;
      writeFileSync(join(root, 'simco-int.config.json'), configs[flips % configs.length]);
      await c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: c.uri('simco-int.config.json'), type: FileChangeType.Changed }] });
      await c.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { 'simco-int': settings[flips % settings.length] } });
      await new Promise((resolve) => setTimeout(resolve, 5));
      assert.ok(flips < 5000, 'indexing never ended');
    }
    assert.ok(flipsWhileIndexing > 0, 'no flip arrived while the workspace was indexed');
    // The last word: the file's first config, no editor settings over it.
    writeFileSync(join(root, 'simco-int.config.json'), configs[0]);
    await c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: c.uri('simco-int.config.json'), type: FileChangeType.Changed }] });
    await c.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { 'simco-int': {} } });
    await answered(c.indexed, 'the end of indexing');
    const expected = open.map(({ path, text }) => cliDiagnostics(root, path, text));
    await answered(Promise.all(uris.map((uri, i) => publishedAs(c, uri, expected[i]))), 'diagnostics for the last config');
    await quiet(c);
    for (const [i, uri] of uris.entries()) assert.deepEqual(lastPublished(c, uri), { version: 1, shown: expected[i] }, open[i].path);
    await assertHealthy(c, uris[0]);
  });
});
