import { markdownExcess, MARKDOWN_LIMITS as LIMITS } from '../../server/src/engine/markdown/limits';
import { CLEAN_TEXTS, FIXTURE_FOR, PATHS } from './fuzz-inputs';

// Files built to hurt a parser: huge single lines, deep nesting, huge tables,
// 100,000 lines, YAML alias bombs. The fuzz test checks each within a generous
// time bound; bench/fuzz.mjs times the same cases (it imports this list).

export interface Pathological {
  name: string;
  /** The kinds of file (lint.ts classify) it is checked as. */
  paths: readonly string[];
  build(path: string): string;
  /** Inside every Markdown limit (markdown/limits.ts): an INT doc that is parsed, the slowest of its shape. */
  parsed?: true;
}

const MB = 1024 * 1024;
const INT_DOC = 'docs/02-integraciones/INT-001-x.md';
const INVENTORY = 'MASTER_INVENTORY.yml';
const MARKDOWN = [INT_DOC, 'README.md'];
const SOURCE = ['src/a.ts', 'src/a.py', 'src/a.go', 'src/A.java'];
const YAML = [INVENTORY, 'config/app.yaml'];

/** `unit` repeated to `bytes` characters. */
function line(unit: string, bytes = 10 * MB): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** The clean fixture a path is mangled from, repeated to 100,000 lines. */
function hundredThousandLines(path: string): string {
  const fixture = CLEAN_TEXTS.get(FIXTURE_FOR[path as (typeof PATHS)[number]])!.split(/\r?\n/);
  return Array.from({ length: 100_000 }, (_, i) => fixture[i % fixture.length]).join('\n');
}

/** Same text for every path of a case: built once. */
function once(make: () => string): (path: string) => string {
  let text: string | undefined;
  return () => (text ??= make());
}

function table(rows: number, columns: number, cell = (r: number, c: number) => `celda ${r}.${c}`): string {
  const row = (text: (c: number) => string) => `| ${Array.from({ length: columns }, (_, c) => text(c)).join(' | ')} |`;
  return [row((c) => `Columna ${c}`), row(() => '---'), ...Array.from({ length: rows }, (_, r) => row((c) => cell(r, c)))].join('\n');
}

/** "Billion laughs": nine levels of nine aliases to the level before, 9^9 strings if expanded. */
function aliasBomb(): string {
  const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return `${levels.join('\n')}\nintegraciones:\n  - nombre: *i\n    proveedor: *i\n    tipo: *i\n`;
}

/** `block` repeated `times`, blocks apart by a blank line. */
function blocks(block: string, times: number): string {
  return Array(times).fill(block).join('\n\n');
}

/**
 * `make(n)` for the largest `n` the Markdown limits accept, found by
 * bisection with the engine's own check: the slowest INT doc of that shape
 * that is still parsed, whatever the limits are set to.
 */
function atTheLimit(make: (n: number) => string): (path: string) => string {
  return once(() => {
    const accepted = (n: number) => markdownExcess(make(n)) === undefined;
    let low = 1;
    let high = 2;
    while (accepted(high)) [low, high] = [high, high * 2];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (accepted(middle)) low = middle;
      else high = middle;
    }
    return make(low);
  });
}

const { nesting, emphasis } = LIMITS;

/** The largest INT doc the Markdown limits accept, of each shape micromark is slow on. */
const AT_THE_LIMITS: ReadonlyArray<Omit<Pathological, 'paths' | 'parsed'>> = [
  { name: 'paragraphs of prose', build: atTheLimit((n) => blocks('Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8), n)) },
  { name: 'a list item and lazy lines', build: atTheLimit((n) => `- x\n${'y\n'.repeat(n)}`) },
  { name: 'one paragraph of unclosed links', build: atTheLimit((n) => '[a]('.repeat(n)) },
  { name: 'one paragraph of backtick runs and backslashes', build: atTheLimit((n) => '``\\'.repeat(n)) },
  { name: 'paragraphs of unclosed HTML comments', build: atTheLimit((n) => blocks('a <!-- b '.repeat(400), n)) },
  { name: 'list items with a nested item each', build: atTheLimit((n) => '- a\n  - b\n'.repeat(n)) },
  { name: 'list items holding a quote each', build: atTheLimit((n) => '* >\n'.repeat(n)) },
  { name: 'setext headings', build: atTheLimit((n) => 'Titulo\n======\n'.repeat(n)) },
  { name: 'lines nested at the nesting limit', build: atTheLimit((n) => `${'- '.repeat(nesting)}x\n`.repeat(n)) },
  { name: 'a list nested to the nesting limit, then lines inside it', build: atTheLimit((n) => Array.from({ length: nesting / 2 }, (_, i) => `${'  '.repeat(i)}- nivel ${i}\n`).join('') + `${'  '.repeat(nesting / 2)}texto\n`.repeat(n)) },
  { name: 'quote lines nested at the nesting limit', build: atTheLimit((n) => `${'>'.repeat(nesting)} x\n`.repeat(n)) },
  { name: 'images nested at the nesting limit', build: atTheLimit((n) => blocks(`${'!['.repeat(nesting)}x${'](u)'.repeat(nesting)}`, n)) },
  { name: 'emphasis markers at the paragraph limit', build: atTheLimit((n) => blocks(`${'*a'.repeat(emphasis / 2)}${'b*'.repeat(emphasis / 2)}`, n)) },
  { name: 'underscores at the paragraph limit', build: atTheLimit((n) => blocks(`${' _a'.repeat(emphasis / 2)}${'b_ '.repeat(emphasis / 2)}`, n)) },
  { name: 'a table of 50 columns', build: atTheLimit((n) => table(n, 50, (r, c) => `${r}.${c}`)) },
  { name: 'a table of one-letter cells', build: atTheLimit((n) => `${'| a '.repeat(10)}|\n${'|---'.repeat(10)}|\n${`${'|a'.repeat(10)}|\n`.repeat(n)}`) },
];

export const PATHOLOGICAL: readonly Pathological[] = [
  ...AT_THE_LIMITS.map((shape) => ({ ...shape, name: `${shape.name}, the most the limits parse`, paths: [INT_DOC], parsed: true as const })),
  { name: 'a 10 MB single line', paths: PATHS, build: once(() => line('a')) },
  { name: "a 10 MB single line of 'sk_live_' repeated", paths: PATHS, build: once(() => line('sk_live_')) },
  { name: "a 10 MB single line of '|'", paths: PATHS, build: once(() => line('|')) },
  { name: 'a 10 MB minified line of env reads, strings and templates', paths: [...SOURCE, '.env.example'], build: once(() => line('x=process.env.STRIPE_API_KEY||os.getenv("A_B")+`${import.meta.env.C}`+"\\"";')) },
  { name: 'a list nested 10,000 levels deep (one line)', paths: [...MARKDOWN, '.env.example', 'src/a.ts'], build: once(() => `${'- '.repeat(10_000)}x\n`) },
  { name: 'an ordered list nested 10,000 levels deep', paths: MARKDOWN, build: once(() => `${'1. '.repeat(10_000)}x\n`) },
  { name: 'a block quote nested 10,000 levels deep', paths: MARKDOWN, build: once(() => `${'>'.repeat(10_000)} x\n`) },
  { name: 'a list nested 1,000 levels deep, one item per line', paths: MARKDOWN, build: once(() => Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- nivel ${i}`).join('\n')) },
  { name: 'emphasis nested 10,000 levels deep', paths: MARKDOWN, build: once(() => `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}\n`) },
  { name: 'a table of 10,000 rows and 50 columns', paths: [...MARKDOWN, 'src/a.ts', '.env.example'], build: once(() => table(10_000, 50)) },
  { name: 'a 100,000-line file (its kind\'s fixture repeated)', paths: PATHS, build: hundredThousandLines },
  { name: '100,000 headings', paths: MARKDOWN, build: once(() => Array.from({ length: 100_000 }, (_, i) => `${'#'.repeat(1 + (i % 6))} Seccion ${i}`).join('\n')) },
  {
    name: '100,000 suppression comments',
    paths: [INT_DOC, '.env.example', 'src/a.ts', 'src/a.py'],
    build: (path) => {
      const comment = path.endsWith('.md') ? '<!-- simco-int-disable-next-line env/naming -->' : path.endsWith('.ts') ? '// simco-int-disable-next-line env/naming' : '# simco-int-disable-next-line env/naming';
      return Array.from({ length: 100_000 }, (_, i) => (i % 2 ? 'stripeKey=1' : comment)).join('\n');
    },
  },
  { name: 'YAML nested 10,000 levels deep (flow)', paths: YAML, build: once(() => `integraciones: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`) },
  { name: 'YAML maps nested 1,000 levels deep', paths: YAML, build: once(() => `integraciones:\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} x\n`) },
  { name: 'a YAML alias bomb ("billion laughs")', paths: YAML, build: once(aliasBomb) },
  { name: '100,000 YAML aliases to one entry', paths: YAML, build: once(() => `integraciones:\n  - &e {nombre: Stripe, proveedor: Stripe}\n${'  - *e\n'.repeat(100_000)}`) },
];
