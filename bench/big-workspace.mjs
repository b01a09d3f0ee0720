// A 50,000-file monorepo (the tree of test/hardening/odd-workspaces.ts: the
// clean fixture in 200 packages of small sources, notes, data and
// .env.example files) through both shells, as processes:
//  - `simco-int check` without a cache, cold (`--cache`, empty cache) and
//    warm (`--cache`, nothing changed): wall time and peak RSS of the whole
//    process, workers included;
//  - the language server over stdio: wall time from spawn to the end of its
//    indexing progress, and its peak RSS.
// Each figure is the median (wall) and the maximum (RSS) of --runs runs.
// Usage: npm run build && node bench/big-workspace.mjs [--files N] [--runs R]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const { values } = parseArgs({ options: { files: { type: 'string', default: '50000' }, runs: { type: 'string', default: '3' } } });
const files = Number(values.files);
const runs = Number(values.runs);

const cli = join(root, 'dist', 'cli.js');
const server = join(root, 'dist', 'server.js');
if (!existsSync(cli) || !existsSync(server)) throw new Error('dist/ is missing: run `npm run build` first');
const maxRss = join(here, 'max-rss.cjs');

const work = join(here, '.work', 'big-workspace');
const workspace = join(work, 'ws');
const rssFile = join(work, 'rss');
const cacheFile = join(workspace, '.simco-int-cache');

const { writeBigWorkspace } = await tsImport('../test/hardening/odd-workspaces.ts', import.meta.url);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const generated = performance.now();
writeBigWorkspace(workspace, files);
console.log(`generated ${files} files in ${((performance.now() - generated) / 1000).toFixed(1)} s`);

function check(...args) {
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--require', maxRss, cli, 'check', '.', '--format', 'json', ...args], {
    cwd: workspace,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (result.status !== 0 || result.stderr) throw new Error(`check ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, rss: Number(readFileSync(rssFile, 'utf8')), findings: JSON.parse(result.stdout).length };
}

async function index() {
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const child = spawn(process.execPath, ['--require', maxRss, server, '--stdio'], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs = [];
  const indexed = new Promise((resolve) => {
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', (params) => params.value?.kind === 'end' && resolve(performance.now()));
  });
  connection.onNotification('window/logMessage', (params) => logs.push(params.message));
  connection.listen();
  const uri = pathToFileURL(workspace).toString();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: { window: { workDoneProgress: true } } });
  connection.sendNotification('initialized', {});
  const end = await indexed;
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  await new Promise((resolve) => child.once('exit', resolve));
  connection.dispose();
  return { ms: end - start, rss: Number(readFileSync(rssFile, 'utf8')), log: logs.join(' | ') };
}

const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
function report(label, samples, extra = '') {
  const wall = median(samples.map((s) => s.ms));
  const rss = Math.max(...samples.map((s) => s.rss));
  console.log(`${label.padEnd(28)} files ${files}  wall ${(wall / 1000).toFixed(2)} s (median of ${samples.length})  peak RSS ${mb(rss)} MB${extra}`);
}

const plain = [];
const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  rmSync(cacheFile, { force: true });
  plain.push(check());
  cold.push(check('--cache'));
  warm.push(check('--cache'));
}
report('CLI check', plain, `  findings ${plain[0].findings}`);
report('CLI check --cache, cold', cold, `  findings ${cold[0].findings}`);
report('CLI check --cache, warm', warm, `  findings ${warm[0].findings}`);

const lsp = [];
for (let i = 0; i < runs; i++) lsp.push(await index());
report('LSP initialize -> indexed', lsp, `  log "${lsp[0].log}"`);
