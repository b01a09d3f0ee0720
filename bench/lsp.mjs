// The language server through the protocol, as an editor drives it:
//  - didChange -> publishDiagnostics on a 2,000-line INT doc (200 edits,
//    debounce 0): median and p95, against markdownlint (library, same text,
//    same machine) as the peer;
//  - initial indexing of a 5,000-file workspace (from initialize to the end
//    of the server's $/progress): 200 INT docs (a large integration
//    portfolio), their apps' .env.example files, and source files that read
//    env vars, the mix of a real monorepo;
//  - the server's peak RSS.
// Usage: npm run build && node bench/lsp.mjs
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { generateWorkspace } from './generate-workspace.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const work = join(here, '.work', 'lsp');
const EDITS = 200;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function startServer(workspace) {
  const rssFile = join(work, `rss-${Date.now()}`);
  const child = spawn(process.execPath, ['--require', join(here, 'max-rss.cjs'), join(root, 'dist', 'server.js'), '--stdio'], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map();
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    published.set(params.uri, params);
    for (const w of [...waiters]) if (w.uri === params.uri && w.version === params.version) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
  });
  let indexed;
  const indexedPromise = new Promise((resolve) => (indexed = resolve));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', (params) => {
    if (params.value?.kind === 'end') indexed(performance.now());
  });
  connection.listen();
  const started = performance.now();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).toString(),
    workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'bench' }],
    capabilities: { window: { workDoneProgress: true } },
    initializationOptions: { settings: { debounceMs: 0 } },
  });
  connection.sendNotification('initialized', {});
  const waitFor = (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve }));
  const stop = async () => {
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    await new Promise((resolve) => child.once('exit', resolve));
    return Number(readFileSync(rssFile, 'utf8'));
  };
  return { connection, started, indexedPromise, waitFor, stop };
}

function bigDoc() {
  const base = readFileSync(join(root, 'test', 'fixtures', 'workspaces', 'clean', 'docs', '02-integraciones', 'INT-001-stripe.md'), 'utf8');
  const rows = Array.from({ length: 1900 }, (_, i) => `| Operacion ${i} | GET /v1/resource${i}/:id | Consulta ${i} del recurso con reintentos |`);
  return base.replace('| Crear suscripcion | POST /v1/subscriptions | Alta del plan del tenant |', rows.join('\n'));
}

async function editLatency() {
  const workspace = join(work, 'edit');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(join(workspace, 'docs', '02-integraciones'), { recursive: true });
  const text = bigDoc();
  const path = join(workspace, 'docs', '02-integraciones', 'INT-001-stripe.md');
  writeFileSync(path, text);
  const server = await startServer(workspace);
  const uri = pathToFileURL(path).toString();
  const opened = server.waitFor(uri, 1);
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await opened;
  const line = text.split('\n').findIndex((l) => l.startsWith('| Estado |'));
  const samples = [];
  for (let version = 2; version < EDITS + 2; version++) {
    const value = version % 2 ? 'Implementado' : 'Terminadoo12';
    const published = server.waitFor(uri, version);
    const start = performance.now();
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 11 }, end: { line, character: 23 } }, text: value }],
    });
    await published;
    samples.push(performance.now() - start);
  }
  const rss = await server.stop();
  return { samples: samples.sort((a, b) => a - b), rss, lines: text.split('\n').length, text };
}

async function peerLatency(text) {
  // markdownlint as markdownlint-cli2 (a devDependency) re-exports it.
  const { lint } = await import('markdownlint-cli2/markdownlint/promise');
  const samples = [];
  for (let i = 0; i < EDITS; i++) {
    const start = performance.now();
    await lint({ strings: { doc: text } });
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

const INDEX_DOCS = 200;
const INDEX_FILES = 5000;

/** generateWorkspace's docs, plus source files up to INDEX_FILES in all. */
function indexWorkspace() {
  const workspace = join(work, 'index');
  generateWorkspace(workspace, INDEX_DOCS);
  const src = join(workspace, 'apps', 'app-1', 'src', 'modules');
  const existing = INDEX_DOCS + 1 + 8 + 1; // docs, .env.example, the app's 8 clients, the config
  for (let i = 0; i < INDEX_FILES - existing; i++) {
    const folder = join(src, `module-${Math.floor(i / 50)}`);
    if (i % 50 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, `service-${i}.ts`),
      `import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class Service${i} {\n  private readonly url = process.env.API_URL ?? 'http://localhost';\n` +
        `  private readonly key = process.env.STRIPE_API_KEY;\n\n  async find(id: string): Promise<unknown> {\n    return fetch(\`\${this.url}/items/\${id}\`);\n  }\n}\n`,
    );
  }
  return workspace;
}

async function indexing() {
  const workspace = indexWorkspace();
  const server = await startServer(workspace);
  const end = await server.indexedPromise;
  const rss = await server.stop();
  return { ms: end - server.started, rss };
}

mkdirSync(work, { recursive: true });
const edit = await editLatency();
const peer = await peerLatency(edit.text);
const index = await indexing();
const mb = (n) => (n / 1024 / 1024).toFixed(0);
const median = (s) => percentile(s, 50).toFixed(1);
console.log(`didChange -> publishDiagnostics, ${edit.lines}-line INT doc, ${EDITS} edits, debounce 0:`);
console.log(`  simco-int-server   median ${median(edit.samples)} ms, p95 ${percentile(edit.samples, 95).toFixed(1)} ms (target p95 < 30 ms)`);
console.log(`  markdownlint lint  median ${median(peer)} ms, p95 ${percentile(peer, 95).toFixed(1)} ms (library call, no protocol)`);
console.log(`  ratio p95 simco/markdownlint: ${(percentile(edit.samples, 95) / percentile(peer, 95)).toFixed(2)}x`);
console.log(`initial indexing, ${INDEX_FILES} files (${INDEX_DOCS} INT docs): ${index.ms.toFixed(0)} ms (target < 2000 ms)`);
console.log(`server peak RSS: editing ${mb(edit.rss)} MB, indexing ${mb(index.rss)} MB (target < 200 MB)`);
