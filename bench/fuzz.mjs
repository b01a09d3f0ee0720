// Times lintFile on each pathological file of the fuzz test
// (test/hardening/fuzz-pathological.ts): 10 MB single lines, 10,000-level
// nesting, a 10,000 x 50 table, 100,000-line files, YAML alias bombs, and the
// largest INT doc of each slow shape the Markdown limits still parse
// (server/src/engine/markdown/limits.ts). The fuzz test asserts a generous
// bound on the same cases; this prints the real figures: ms and MB/s per case
// and kind of file, the fastest of --runs.
//
// With --why it also times micromark alone (the Markdown parser) on shapes
// past the limits, at growing sizes: what the limits keep the checks from.
// Those take minutes.
//
// Usage: node bench/fuzz.mjs [--runs 3] [--only TEXT] [--why]
// Not part of `npm test` or CI.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '3' }, only: { type: 'string' }, why: { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(options.runs));
const load = (path) => tsImport(join(root, path), import.meta.url);

const { PATHOLOGICAL } = await load('test/hardening/fuzz-pathological.ts');
const { lintFile } = await load('server/src/engine/lint.ts');
const { defaultConfig } = await load('server/src/engine/config/config.ts');
const { parseMarkdownWhole } = await load('server/src/engine/markdown/parse.ts');
const { MARKDOWN_LIMITS } = await load('server/src/engine/markdown/limits.ts');

const lintOptions = { config: defaultConfig(), workspace: { exists: () => false } };
const row = (...cells) => console.log(cells.map((cell, i) => String(cell).padEnd([104, 36, 8, 8, 8][i] ?? 8)).join(''));
const mb = (chars) => chars / 1024 / 1024;

/** The fastest of `runs` calls of `work`, in ms, and its last result. */
function time(work, times = runs) {
  let best = Infinity;
  let result;
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    result = work();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: best, result };
}

console.log(`lintFile on pathological files, fastest of ${runs} (Node ${process.version}); "limits" marks an INT doc the Markdown limits kept from the parser`);
row('case', 'file', 'MB', 'ms', 'MB/s', '');
let slowest = { ms: 0 };
for (const { name, paths, build } of PATHOLOGICAL) {
  if (options.only && !name.includes(options.only)) continue;
  for (const path of paths) {
    const text = build(path);
    const { ms, result } = time(() => lintFile(path, text, lintOptions));
    const refused = result.findings.some((f) => f.ruleId === 'file/encoding' && /too long/.test(f.message.template));
    row(name, path, mb(text.length).toFixed(2), ms.toFixed(0), (mb(text.length) / (ms / 1000)).toFixed(1), refused ? 'limits' : '');
    if (ms > slowest.ms) slowest = { ms, name, path };
  }
}
if (slowest.name) console.log(`\nSlowest: ${slowest.name} as ${slowest.path}, ${slowest.ms.toFixed(0)} ms (the fuzz test's bound is 20,000 ms).`);

if (options.why) {
  // Each shape at sizes past its limit: time grows faster than size.
  const shapes = [
    ['a list nested N levels on one line', (n) => `${'- '.repeat(n)}x`, [1000, 2000, 4000]],
    ['images nested N levels', (n) => `${'!['.repeat(n)}x${'](u)'.repeat(n)}`, [500, 1000, 2000]],
    ['N emphasis markers around a word, each side', (n) => `${'*'.repeat(n)}x${'*'.repeat(n)}`, [2500, 5000, 10000]],
    ['a list item and N lazy lines', (n) => `- x\n${'y\n'.repeat(n)}`, [5000, 10000, 20000]],
    ['N list items with a nested item each', (n) => '- a\n  - b\n'.repeat(n), [2500, 5000, 10000]],
    ['N setext headings', (n) => 'x\n=\n'.repeat(n), [2500, 5000, 10000]],
    ['one paragraph of N unclosed HTML comments', (n) => 'a <!-- b '.repeat(n), [2500, 5000, 10000]],
    ['a table of N rows and 50 columns', (n) => [`|${' h |'.repeat(50)}`, `|${'---|'.repeat(50)}`, ...Array.from({ length: n }, (_, r) => `|${` c${r} |`.repeat(50)}`)].join('\n'), [1000, 2000, 4000]],
  ];
  console.log(`\nmicromark alone (parseMarkdownWhole) past the limits, one run each; limits: ${JSON.stringify(MARKDOWN_LIMITS)}`);
  row('shape', 'N', 'KB', 'ms', '', '');
  for (const [name, make, sizes] of shapes) {
    for (const n of sizes) {
      const text = make(n);
      const { ms } = time(() => parseMarkdownWhole(text), 1);
      row(name, n, (text.length / 1024).toFixed(0), ms.toFixed(0), '', '');
    }
  }
}
