// The packaged extension as users get it:
//  - the production bundles (`node scripts/build.mjs --production`, run in a
//    temporary folder so dist/ stays as it is): bytes and gzip bytes of
//    client.js, server.js and cli.js, and the .vsix packaged from them;
//  - the activation time VS Code measures for it (code loading + the
//    activate() call, the figure "Developer: Show Running Extensions" shows),
//    in a real VS Code: code-server in chromium, as in the end-to-end tests
//    (test/e2e-web, installed by `bash scripts/e2e-setup.sh`), each run a
//    fresh code-server on the demo workspace. The peers are built-in
//    extensions measured in the same window: vscode.git (activated at
//    startup, like this one) and vscode.markdown-language-features (also a
//    language client, activated when the INT doc opens).
// Usage: npm run bench:extension [-- --runs N]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { require as tsxRequire } from 'tsx/cjs/api';

const { Editor, missingTools } = tsxRequire('../test/e2e-web/editor.ts', import.meta.url);
const { tempDir, removeTempDirs } = tsxRequire('../test/cli/workspace.ts', import.meta.url);

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
/** This extension first, then its peers. */
const EXTENSIONS = ['simco.simco-integraciones', 'vscode.git', 'vscode.markdown-language-features'];
const vsce = join(root, 'node_modules', '.bin', 'vsce');
const CODE_SERVER_PACKAGE = join(root, 'test', 'e2e-web', 'tools', 'code-server', 'node_modules', 'code-server');

/**
 * A copy of what the .vsix ships (as `vsce ls` lists it) with the sources
 * linked beside it, so build.mjs, which writes to ./dist, builds there and
 * vsce packages that build.
 */
function buildAndPackage() {
  const dir = join(tempDir(), 'package');
  mkdirSync(dir);
  const shipped = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').filter((file) => file && !file.startsWith('dist/'));
  for (const file of [...shipped, '.vscodeignore']) cpSync(join(root, file), join(dir, file));
  for (const sources of ['client', 'server']) symlinkSync(join(root, sources), join(dir, sources));
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: dir });
  const vsix = join(dir, 'simco-integraciones.vsix');
  execFileSync(vsce, ['package', '--no-dependencies', '--out', vsix], { cwd: dir, stdio: 'ignore' });
  return { dist: join(dir, 'dist'), vsix };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function reportSizes({ dist, vsix }) {
  console.log('production bundles (node scripts/build.mjs --production, built in a temporary folder):');
  for (const name of ['client.js', 'server.js', 'cli.js']) {
    const bytes = readFileSync(join(dist, name));
    console.log(`  dist/${name.padEnd(10)} ${kb(bytes.length).padStart(9)}   gzip -9 ${kb(gzipSync(bytes, { level: 9 }).length).padStart(9)}`);
  }
  console.log(`  ${'.vsix'.padEnd(15)} ${kb(statSync(vsix).size).padStart(9)}   (ships client.js and server.js, not cli.js)`);
}

/**
 * Opens "Developer: Show Running Extensions" and reads the activation time
 * of this extension and its peers, in ms, once each shows one: a row reads
 * "Activation: 123ms" or "Startup Activation: 123ms" ("Activating..." while
 * it activates). A row's aria-label is the extension's package name.
 */
async function activationTimes(editor) {
  await editor.runCommand('Developer: Show Running Extensions');
  const names = JSON.stringify(EXTENSIONS.map((id) => id.split('.')[1]));
  // Evaluated in the page (a string, as in test/e2e-web/editor.ts).
  const times = await editor.page.waitForFunction(
    `(() => {
      const times = ${names}.map((name) => {
        const text = document.querySelector('.runtime-extensions-editor .monaco-list-row[aria-label="' + name + '"] .activation-time')?.textContent ?? '';
        return Number(/Activation: (\\d+)ms/.exec(text)?.[1] ?? NaN);
      });
      return times.every(Number.isFinite) && times;
    })()`,
    undefined,
    { timeout: 60000 },
  );
  return times.jsonValue();
}

async function measureOnce(vsix) {
  const editor = await Editor.open(join(root, 'examples', 'demo-workspace'), { vsix, traceServer: false });
  try {
    // Tall enough for every activated extension's row (70 px each) to be rendered, not only those in view.
    await editor.page.setViewportSize({ width: 1400, height: 2400 });
    // Markdown's language features activate on the first Markdown file, as for a user opening an INT doc.
    await editor.openFile('INT-002-mercadopago.md');
    return await activationTimes(editor);
  } finally {
    await editor.close();
  }
}

function reportActivation(samples) {
  const version = JSON.parse(readFileSync(join(CODE_SERVER_PACKAGE, 'package.json'), 'utf8')).version;
  const vscode = JSON.parse(readFileSync(join(CODE_SERVER_PACKAGE, 'lib', 'vscode', 'package.json'), 'utf8')).version;
  console.log(`activation in code-server ${version} (VS Code ${vscode}), ${samples.length} runs after one warm-up, as Running Extensions shows it (code loading + activate() call):`);
  const medians = EXTENSIONS.map((id, i) => {
    const ms = samples.map((times) => times[i]).sort((x, y) => x - y);
    const median = ms[Math.floor(ms.length / 2)];
    console.log(`  ${id.padEnd(34)} min ${String(ms[0]).padStart(4)} ms   median ${String(median).padStart(4)} ms`);
    return median;
  });
  const ratios = EXTENSIONS.slice(1).map((id, i) => `${(medians[0] / medians[i + 1]).toFixed(2)}x ${id}`);
  console.log(`ratio of medians, this extension / peer: ${ratios.join(', ')}`);
}

const missing = missingTools();
if (missing) throw new Error(`${missing}; run \`bash scripts/e2e-setup.sh\` first`);
try {
  const built = buildAndPackage();
  reportSizes(built);
  await measureOnce(built.vsix); // warm-up: the first code-server start reads everything from disk
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await measureOnce(built.vsix));
  reportActivation(samples);
} finally {
  removeTempDirs();
}
