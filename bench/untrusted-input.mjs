// Times what issue 9's hardening guards against, with the figures behind its
// limits: regexes rewritten because they backtracked (old form vs new on the
// input that hurt them), the glob wildcard limits of simco-int.config.json
// (the slowest glob accepted vs the first rejected), and the bundled CLI on
// a hostile config (50 MB, 200,000 levels deep, the largest accepted).
//
// Usage: node bench/untrusted-input.mjs [--rebuild]
// Not part of `npm test` or CI: the "before" columns take seconds on purpose.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { tsImport } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
if (process.argv.includes('--rebuild')) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
const engine = (path) => tsImport(join(root, 'server/src/engine', path), import.meta.url);

/** Milliseconds of the fastest of `runs` calls. */
function time(work, runs = 3) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}
const ms = (value) => `${value < 10 ? value.toFixed(2) : Math.round(value)} ms`;
const row = (...cells) => console.log(cells.map((cell, i) => String(cell).padEnd(i === 0 ? 64 : 14)).join(''));

console.log('\nRegexes rewritten for ReDoS: old form vs new code, on the input that hurt the old one');
row('what (input)', 'before', 'after');
const { parseIntDoc } = await engine('intdoc/model.ts');
const { findUrls } = await engine('hosts.ts');
const { envPrefixesFor } = await engine('catalog/providers.ts');
const { trimEnd } = await engine('linear-search.ts');
const blanks = `# Titulo${' '.repeat(600)}x`;
row('heading closing #s (600 blanks; after: the whole doc parse)', ms(time(() => /[ \t]*(?:[ \t]#+)?[ \t]*$/.exec(blanks), 1)), ms(time(() => parseIntDoc('INT-001-x.md', `${blanks}\n`))));
const dotted = 'a.'.repeat(20_000);
const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/(?:\[[0-9a-f:.]+\])?[^\s|<>"'`()[\]]*|\blocalhost(?::\d{1,5})?(?:\/[^\s|<>"'`()[\]]*)?|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?:\/[^\s|<>"'`()[\]]*)?/gi;
row('URLs in a text ("a." x 20,000)', ms(time(() => [...dotted.matchAll(URL_LIKE)], 1)), ms(time(() => findUrls(dotted))));
const company = `Acme${' '.repeat(400)}s`;
const COMPANY = /\s*,?\s*\b(?:inc|llc|ltd|corp|corporation|gmbh|s\.?\s?a\.?(?:\s+de\s+c\.?\s?v\.?)?|s\.?\s?r\.?\s?l\.?)\.?\s*$/i;
row('company suffix of a Proveedor (400 blanks)', ms(time(() => company.replace(COMPANY, ''), 1)), ms(time(() => envPrefixesFor(company))));
const slashes = `${'/'.repeat(20_000)}x`;
row('trailing slashes (20,000 slashes, then x)', ms(time(() => slashes.replace(/\/+$/, ''), 1)), ms(time(() => trimEnd(slashes, '/'))));

console.log('\nGlobs of simco-int.config.json: one path that does not match, per glob (picomatch)');
row('glob (path)', 'time', 'accepted');
const { isSlowGlob } = await engine('config/untrusted.ts');
const segment = 'a'.repeat(255);
const deep = Array.from({ length: 1_900 }, () => 'a').join('/');
for (const [glob, path] of [
  ['**/*.generated.ts', `${deep}/${segment}`],
  ['*a*a*b', segment],
  ['**/a/**/*a*b', `${deep}/${segment}`],
  ['*a*a*a*b', segment],
  ['**/a/**/*a*a*b', `${deep}/${segment}`],
]) {
  const regex = picomatch.makeRe(glob, { dot: true });
  row(`${glob} (${path.length} characters)`, ms(time(() => regex.test(path), 1)), isSlowGlob(glob) ? 'no' : 'yes');
}

console.log('\nThe bundled CLI on a hostile simco-int.config.json (clean fixture workspace)');
row('config', 'exit', 'wall time');
const work = mkdtempSync(join(tmpdir(), 'simco-bench-untrusted-'));
try {
  const ws = join(work, 'ws');
  cpSync(join(root, 'test/fixtures/workspaces/clean'), ws, { recursive: true });
  const largest = JSON.stringify({ tipos: Array.from({ length: 200 }, (_, i) => `Tipo${i}`), nonIntegrationVars: Array.from({ length: 1000 }, (_, i) => `VAR_${i}_${'X'.repeat(180)}`) }).slice(0, 250 * 1024);
  for (const [what, text] of [
    ['none', undefined],
    ['50 MB of blanks (refused unread)', Buffer.alloc(50 * 1024 * 1024, ' ')],
    ['200,000 levels of [ (refused before parsing)', `{"tipos": ${'['.repeat(200_000)}`],
    ['about 250 KiB, the largest kind accepted', largest.endsWith(']}') ? largest : `${largest.slice(0, largest.lastIndexOf('",') + 1)}]}`],
  ]) {
    rmSync(join(ws, 'simco-int.config.json'), { force: true });
    if (text !== undefined) writeFileSync(join(ws, 'simco-int.config.json'), text);
    let code;
    const wall = time(() => (code = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'check', ws], { encoding: 'utf8' }).status), 3);
    row(what, code, ms(wall));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
