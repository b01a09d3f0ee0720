// Times `simco-int check` over a generated workspace of 2,000 INT docs
// (whole process: wall time and peak RSS), cold and with a warm `--cache`,
// and, in the same run, a peer that reads the same files: markdownlint-cli2
// with its default rules.
// Usage: npm run build && npm run bench [-- --docs N --runs R]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorkspace } from './generate-workspace.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const { values } = parseArgs({ options: { docs: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } } });
const docs = Number(values.docs);
const runs = Number(values.runs);

const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
// The bin file is not in the package's exports map: find it beside the package's main entry.
const markdownlint = join(dirname(createRequire(import.meta.url).resolve('markdownlint-cli2')), 'markdownlint-cli2-bin.mjs');

const work = join(here, '.work');
const workspace = join(work, 'workspace');
mkdirSync(work, { recursive: true });
const { bytes } = generateWorkspace(workspace, docs);

function measure(args, cwd) {
  const rssFile = join(work, 'rss');
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', join(here, 'max-rss.cjs'), ...args], {
    cwd,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status === null || result.status > 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return { ms, rss: Number(readFileSync(rssFile, 'utf8')) };
}

function series(args, cwd) {
  measure(args, cwd); // warm the file cache
  const samples = Array.from({ length: runs }, () => measure(args, cwd));
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0], rss: Math.max(...samples.map((s) => s.rss)) };
}

const report = ['--format', 'json', '--output', join(work, 'findings.json')];
const simco = series([cli, 'check', workspace, ...report], root);
const cacheFile = join(work, 'simco-int-cache');
rmSync(cacheFile, { force: true });
const cached = series([cli, 'check', workspace, '--cache', '--cache-location', cacheFile, ...report], root);
const peer = series([markdownlint, 'apps/*/docs/02-integraciones/*.md'], workspace);
const findings = JSON.parse(readFileSync(join(work, 'findings.json'), 'utf8')).length;

const mb = (n) => (n / 1024 / 1024).toFixed(0);
console.log(`workspace: ${docs} INT docs in ${Math.ceil(docs / 500)} apps, ${(bytes / 1024 / 1024).toFixed(1)} MB of Markdown; ${runs} runs each after one warm-up; ${findings} findings`);
console.log(`simco-int check      median ${simco.median.toFixed(0)} ms (min ${simco.min.toFixed(0)} ms), peak RSS ${mb(simco.rss)} MB`);
console.log(`  with warm --cache  median ${cached.median.toFixed(0)} ms (min ${cached.min.toFixed(0)} ms), peak RSS ${mb(cached.rss)} MB`);
console.log(`markdownlint-cli2    median ${peer.median.toFixed(0)} ms (min ${peer.min.toFixed(0)} ms), peak RSS ${mb(peer.rss)} MB`);
console.log(`ratio simco/markdownlint: time ${(simco.median / peer.median).toFixed(2)}x, peak RSS ${(simco.rss / peer.rss).toFixed(2)}x`);
const met = (run) => (run.median < 3000 && run.rss < 300 * 1024 * 1024 ? 'met' : 'NOT met');
console.log(`target (under 3000 ms and 300 MB): cold ${met(simco)}, warm cache ${met(cached)}`);
