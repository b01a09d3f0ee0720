// The language server under load, over stdio as an editor drives it (what
// test/hardening/lsp-load.test.ts asserts with generous bounds, measured):
//  - 2,000 incremental keystrokes sent back to back to a 2,000-line INT doc,
//    push diagnostics with VS Code's default debounce (150 ms) and with none,
//    then pull diagnostics: the latency of a hover (push) or a pull issued
//    after edit 1,000, and the time from the last edit sent to the last
//    version's diagnostics ("settle");
//  - 200 INT docs opened at once while the workspace is indexed: time until
//    each has its diagnostics after indexing;
//  - simco-int.config.json and the editor settings flipping every 5 ms while
//    a 5,000-file workspace is indexed: flips sent, time to settle after;
//  - pull diagnostics cancelled at once behind a burst of edits: how long
//    the answer (RequestCancelled) takes.
// Before and after each scenario: the server's VmRSS and VmHWM (peak) from
// /proc/<pid>/status.
// Usage: npm run build && node bench/lsp-load.mjs
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CancellationTokenSource, createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateWorkspace } from './generate-workspace.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const work = join(here, '.work', 'lsp-load');
const EDITS = 2000;
const FIXTURE_DOC = join(root, 'test', 'fixtures', 'workspaces', 'clean', 'docs', '02-integraciones', 'INT-001-stripe.md');

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field) => (Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)[1]) / 1024).toFixed(0);
  return `VmRSS ${mb('VmRSS')} MB, VmHWM ${mb('VmHWM')} MB`;
}

async function startServer(workspace, { pull = false, debounceMs = 0 } = {}) {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  const last = { at: 0, count: 0 };
  const errors = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    last.at = performance.now();
    last.count++;
    for (const w of [...waiters]) if (w.test(params)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(performance.now()));
  });
  connection.onNotification('window/logMessage', (params) => params.type === 1 && errors.push(params.message));
  let indexed;
  const indexedPromise = new Promise((resolve) => (indexed = resolve));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', (params) => params.value?.kind === 'end' && indexed(performance.now()));
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).toString(),
    workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'bench' }],
    capabilities: { window: { workDoneProgress: true }, ...(pull ? { textDocument: { diagnostic: { dynamicRegistration: false } } } : {}) },
    initializationOptions: { settings: { debounceMs } },
  });
  connection.sendNotification('initialized', {});
  const published = (uri, test) => new Promise((resolve) => waiters.push({ test: (p) => p.uri === uri && test(p), resolve }));
  const stop = async () => {
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    await new Promise((resolve) => child.once('exit', resolve));
    if (errors.length > 0) console.log(`  server errors: ${errors.join(' | ')}`);
  };
  /** Resolves with the time of the last publication once none came for `ms`. */
  const quiet = async (ms = 1000) => {
    for (let count = -1; count !== last.count; ) {
      count = last.count;
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    return last.at;
  };
  return { connection, pid: child.pid, indexedPromise, published, stop, quiet };
}

function bigDoc() {
  const base = readFileSync(FIXTURE_DOC, 'utf8');
  const rows = Array.from({ length: 1900 }, (_, i) => `| Operacion ${i} | GET /v1/resource${i}/:id | Consulta ${i} del recurso con reintentos |`);
  return base.replace('| Crear suscripcion | POST /v1/subscriptions | Alta del plan del tenant |', rows.join('\n'));
}

/** Keystrokes at a cursor that sometimes jumps: typing, backspaces, newlines (deterministic). */
function keystrokes(text, count) {
  let seed = 9;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let cursor = text.indexOf('| Estado |');
  const storm = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    if (r < 0.05) cursor = Math.floor(next() * text.length);
    const document = TextDocument.create('untitled:x', 'markdown', 0, text);
    if (r < 0.75 || cursor === 0) {
      const typed = r < 0.7 ? 'abcdefghij |'[Math.floor(next() * 12)] : '\n';
      storm.push([{ range: { start: document.positionAt(cursor), end: document.positionAt(cursor) }, text: typed }]);
      text = text.slice(0, cursor) + typed + text.slice(cursor);
      cursor++;
    } else {
      storm.push([{ range: { start: document.positionAt(cursor - 1), end: document.positionAt(cursor) }, text: '' }]);
      text = text.slice(0, cursor - 1) + text.slice(cursor);
      cursor--;
    }
  }
  return storm;
}

function editWorkspace() {
  const workspace = join(work, 'edit');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(join(workspace, 'docs', '02-integraciones'), { recursive: true });
  const text = bigDoc();
  writeFileSync(join(workspace, 'docs', '02-integraciones', 'INT-001-stripe.md'), text);
  return { workspace, text, uri: pathToFileURL(join(workspace, 'docs', '02-integraciones', 'INT-001-stripe.md')).toString() };
}

async function storm({ pull, debounceMs }) {
  const { workspace, text, uri } = editWorkspace();
  const server = await startServer(workspace, { pull, debounceMs });
  await server.indexedPromise;
  const opened = pull ? Promise.resolve() : server.published(uri, (p) => p.version === 1);
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await opened;
  const before = memory(server.pid);
  const edits = keystrokes(text, EDITS);
  const last = EDITS + 1;
  const settledPush = pull ? undefined : server.published(uri, (p) => p.version === last);
  let mid;
  for (const [i, contentChanges] of edits.entries()) {
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges });
    if (i === EDITS / 2) {
      const start = performance.now();
      const request = pull
        ? server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })
        : server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 3 } });
      mid = request.then(() => performance.now() - start);
    }
  }
  const sent = performance.now();
  const settledAt = pull ? await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }).then(() => performance.now()) : await settledPush;
  const midMs = await mid;
  const after = memory(server.pid);
  await server.stop();
  const mode = pull ? 'pull' : `push, debounce ${debounceMs} ms`;
  console.log(`${EDITS} incremental edits, ${text.split('\n').length}-line INT doc, ${mode}:`);
  console.log(`  before: ${before}`);
  console.log(`  ${pull ? 'pull' : 'hover'} issued after edit ${EDITS / 2}: answered in ${midMs.toFixed(0)} ms`);
  console.log(`  settle (last edit sent -> ${pull ? 'pull for the last version answered' : `version ${last} published`}): ${(settledAt - sent).toFixed(0)} ms`);
  console.log(`  after:  ${after}`);
}

async function openAtOnce() {
  const workspace = join(work, 'open');
  generateWorkspace(workspace, 200);
  const docs = join(workspace, 'apps', 'app-1', 'docs', '02-integraciones');
  const files = readdirSync(docs).map((name) => join(docs, name));
  const server = await startServer(workspace);
  const before = memory(server.pid);
  const start = performance.now();
  for (const file of files) {
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(file).toString(), languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') } });
  }
  const indexedAt = await server.indexedPromise;
  // After indexing, every document is checked again with the workspace rules: the last publication ends that round.
  const settledAt = await server.quiet();
  const uris = files.map((file) => pathToFileURL(file).toString());
  const start2 = performance.now();
  await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uris[0] }, position: { line: 0, character: 2 } });
  const hoverMs = performance.now() - start2;
  const after = memory(server.pid);
  await server.stop();
  console.log(`200 INT docs opened at once while a 200-doc workspace is indexed (push, debounce 0):`);
  console.log(`  before: ${before}`);
  console.log(`  indexing ended after ${(indexedAt - start).toFixed(0)} ms; last diagnostics published after ${(settledAt - start).toFixed(0)} ms`);
  console.log(`  hover afterwards: ${hoverMs.toFixed(0)} ms`);
  console.log(`  after:  ${after}`);
}

async function configFlips() {
  const workspace = join(work, 'flip');
  generateWorkspace(workspace, 200);
  const src = join(workspace, 'apps', 'app-1', 'src', 'modules');
  for (let i = 0; i < 4800; i++) {
    const folder = join(src, `module-${Math.floor(i / 50)}`);
    if (i % 50 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `service-${i}.ts`), `export const key${i} = process.env.STRIPE_API_KEY;\nexport const url${i} = process.env.API_URL;\n`);
  }
  const docs = join(workspace, 'apps', 'app-1', 'docs', '02-integraciones');
  const file = join(docs, readdirSync(docs)[0]);
  const uri = pathToFileURL(file).toString();
  const configUri = pathToFileURL(join(workspace, 'simco-int.config.json')).toString();
  const configs = [{ docsFolder: 'apps/*/docs/02-integraciones' }, { docsFolder: 'apps/*/docs/02-integraciones', rules: { 'int-doc/title': 'off' } }, { docsFolder: 'docs' }];
  const server = await startServer(workspace);
  const before = memory(server.pid);
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') } });
  let indexing = true;
  const indexedAt = server.indexedPromise.then((at) => ((indexing = false), at));
  const start = performance.now();
  let flips = 0;
  for (; indexing && flips < 2000; flips++) {
    writeFileSync(join(workspace, 'simco-int.config.json'), JSON.stringify(configs[flips % configs.length]));
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { 'simco-int': flips % 2 ? { rules: { 'int-doc/footer': 'off' } } : {} } });
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  writeFileSync(join(workspace, 'simco-int.config.json'), JSON.stringify(configs[0]));
  server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
  server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { 'simco-int': {} } });
  // Issued right behind the last flip: it waits for whatever the flips still have the server do.
  const startHover = performance.now();
  await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
  const hoverMs = performance.now() - startHover;
  const indexedMs = (await indexedAt) - start;
  await server.quiet();
  const after = memory(server.pid);
  await server.stop();
  console.log(`config flipping every 5 ms while a 5,000-file workspace is indexed (push, debounce 0):`);
  console.log(`  before: ${before}`);
  console.log(`  ${flips} flips (file + settings) while indexing, which took ${indexedMs.toFixed(0)} ms`);
  console.log(`  hover issued right after the last flip: answered in ${hoverMs.toFixed(0)} ms`);
  console.log(`  after:  ${after}`);
}

async function cancelled() {
  const { workspace, text, uri } = editWorkspace();
  const server = await startServer(workspace, { pull: true });
  await server.indexedPromise;
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const before = memory(server.pid);
  const edits = keystrokes(text, 100);
  const samples = [];
  const outcomes = { cancelled: 0, result: 0 };
  let version = 1;
  for (let round = 0; round < 20; round++) {
    for (const contentChanges of edits.slice(0, 20)) server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges });
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
    const source = new CancellationTokenSource();
    const start = performance.now();
    const request = server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    source.cancel();
    await request.then(
      () => outcomes.result++,
      () => outcomes.cancelled++,
    );
    samples.push(performance.now() - start);
  }
  const after = memory(server.pid);
  await server.stop();
  samples.sort((a, b) => a - b);
  console.log(`pull cancelled at once behind 20 edits (2,000-line doc), 20 times:`);
  console.log(`  before: ${before}`);
  console.log(`  answered: ${outcomes.cancelled} RequestCancelled, ${outcomes.result} results; median ${samples[10].toFixed(0)} ms, max ${samples.at(-1).toFixed(0)} ms`);
  console.log(`  after:  ${after}`);
}

mkdirSync(work, { recursive: true });
await storm({ pull: false, debounceMs: 150 });
await storm({ pull: false, debounceMs: 0 });
await storm({ pull: true, debounceMs: 0 });
await openAtOnce();
await configFlips();
await cancelled();
