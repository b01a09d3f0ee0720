import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { PROVIDERS } from '../../server/src/engine/catalog/providers';
import { DIALECT_REGEXES } from '../../server/src/engine/env/source-reads';
import { backtrackingOf, numberedGroups } from '../../server/src/engine/regex-safety';
import configSchema from '../../schemas/simco-int.config.schema.json';
import inventorySchema from '../../schemas/master-inventory.schema.json';

// Every regular expression of the server and the client is checked for
// catastrophic backtracking by redos-detector (through regex-safety.ts, the
// same judgement config load gives users' patterns): a sticky regex as if
// anchored, any other as searched through its input. They are found by the
// TypeScript parser, not listed by hand: every regex literal, and every
// `RegExp(...)` call. A call whose pattern is not a literal must be listed in
// BUILT below with how its regexes are checked instead; a string method that
// turns a string into a regex (`text.match(name)`) fails the test.

const REPO = join(__dirname, '..', '..');
const ROOTS = ['server/src', 'client/src'];

/** `RegExp(...)` calls whose pattern is built at run time, by file and argument text, and how their regexes are checked. */
const BUILT: ReadonlyArray<{ file: string; argument: string; checkedBy: string }> = [
  { file: 'server/src/engine/secrets/scan.ts', argument: 'format.pattern.source', checkedBy: 'catalog formats' },
  { file: 'server/src/engine/secrets/scan.ts', argument: '`^(?:${format.pattern.source})$`', checkedBy: 'catalog formats' },
  { file: 'server/src/engine/env/example-values.ts', argument: '`^(?:${format.pattern.source})$`', checkedBy: 'catalog formats' },
  { file: 'server/src/engine/secrets/scan.ts', argument: 'pattern.regex', checkedBy: 'user patterns at config load' },
  { file: 'server/src/engine/secrets/scan.ts', argument: 'source', checkedBy: 'user patterns at config load' },
  { file: 'server/src/engine/env/example-values.ts', argument: 'source', checkedBy: 'user patterns at config load' },
  { file: 'server/src/engine/secrets/settings.ts', argument: 'anchored ? `^(?:${source})` : source', checkedBy: 'user patterns at config load' },
  { file: 'server/src/engine/env/source-reads.ts', argument: "[...skip, read].join('|')", checkedBy: 'source-reads dialects, one attempt each' },
  { file: 'server/src/engine/env/source-reads.ts', argument: 'read', checkedBy: 'source-reads dialects, one attempt each' },
  { file: 'server/src/engine/rules/inventory/schema.ts', argument: 'schema.definitions.integracion.properties.documentacion.pattern', checkedBy: 'schema patterns' },
  { file: 'server/src/engine/regex-safety.ts', argument: 'numberedGroups(anchored)', checkedBy: 'the check itself' },
];

interface Found {
  where: string;
  regex: RegExp;
}

interface Scan {
  literals: Found[];
  /** Catalog formats' `pattern` literals: checked as the scanner runs them (sticky, or the whole value). */
  formatPatterns: number;
  built: Array<{ where: string; file: string; argument: string }>;
  implicit: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function regexOfLiteral(text: string): RegExp {
  const slash = text.lastIndexOf('/');
  return new RegExp(text.slice(1, slash), text.slice(slash + 1));
}

function isRegExpCall(node: ts.Node): node is ts.NewExpression | ts.CallExpression {
  return (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';
}

/** `"abc"` or `` `abc` `` without holes: a pattern known before run time. */
function constantText(node: ts.Expression | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

function scan(): Scan {
  const files = ROOTS.flatMap((root) => sourceFiles(join(REPO, root)));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    noEmit: true,
    resolveJsonModule: true,
    esModuleInterop: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const isString = (node: ts.Node): boolean => (checker.getTypeAtLocation(node).flags & ts.TypeFlags.StringLike) !== 0;
  const result: Scan = { literals: [], formatPatterns: 0, built: [], implicit: [] };
  for (const path of files) {
    const source = program.getSourceFile(path)!;
    const file = relative(REPO, path);
    const where = (node: ts.Node): string => `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const parent = node.parent;
        const isFormatPattern = file.endsWith('catalog/providers.ts') && ts.isPropertyAssignment(parent) && parent.name.getText(source) === 'pattern';
        if (isFormatPattern) result.formatPatterns++;
        else result.literals.push({ where: where(node), regex: regexOfLiteral(node.text) });
      } else if (isRegExpCall(node)) {
        const [pattern, flags] = node.arguments ?? [];
        const text = constantText(pattern);
        const flagText = flags === undefined ? '' : constantText(flags);
        if (text !== undefined && flagText !== undefined) result.literals.push({ where: where(node), regex: new RegExp(text, flagText) });
        else result.built.push({ where: where(node), file, argument: pattern?.getText(source) ?? '' });
      } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        // String.prototype.match/matchAll/search turn a string argument into a regex.
        const method = node.expression.name.text;
        const [argument] = node.arguments;
        if (['match', 'matchAll', 'search'].includes(method) && argument && isString(node.expression.expression) && isString(argument)) {
          result.implicit.push(`${where(node)} ${node.getText(source)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return result;
}

function assertLinear(regex: RegExp, where: string): void {
  const judged = backtrackingOf(regex);
  assert.ok(judged.safe, `${where}: ${String(regex)} can backtrack catastrophically (${judged.safe ? '' : judged.reason})`);
}

/** Every `pattern` of a JSON Schema: ajv runs each as `new RegExp(pattern, 'u')`, searched through the value. */
function schemaPatterns(schema: unknown, path = '#'): Found[] {
  if (typeof schema !== 'object' || schema === null) return [];
  return Object.entries(schema).flatMap(([key, value]) => {
    if (key === 'pattern' && typeof value === 'string') return [{ where: path, regex: new RegExp(value, 'u') }];
    return schemaPatterns(value, `${path}/${key}`);
  });
}

describe('ReDoS: every regex of the server and the client', function () {
  // The checker walks every path through each pattern: seconds for the whole set.
  this.timeout(300_000);
  let found: Scan;
  before(() => {
    found = scan();
  });

  it('finds the regexes (the scan is not vacuous)', () => {
    assert.ok(found.literals.length > 300, `${found.literals.length} literals`);
    const formats = PROVIDERS.flatMap((provider) => provider.secrets).filter((format) => format.type !== 'private-key').length;
    assert.equal(found.formatPatterns, formats, 'every `pattern` literal skipped in providers.ts is a catalog format checked below');
  });

  it('every regex literal, and every RegExp() of a constant pattern', () => {
    const unsafe = found.literals.filter(({ regex }) => !backtrackingOf(regex).safe).map(({ where, regex }) => `${where} ${String(regex)}`);
    assert.deepEqual(unsafe, []);
  });

  it('every RegExp() of a built pattern is listed with how it is checked, and the list holds nothing else', () => {
    const unlisted = found.built.filter(({ file, argument }) => !BUILT.some((entry) => entry.file === file && entry.argument === argument));
    assert.deepEqual(unlisted.map(({ where, argument }) => `${where} RegExp(${argument})`), []);
    const stale = BUILT.filter((entry) => !found.built.some(({ file, argument }) => entry.file === file && entry.argument === argument));
    assert.deepEqual(stale, []);
  });

  it('no string method turns a string into a regex', () => {
    assert.deepEqual(found.implicit, []);
  });

  it('catalog formats, as the scanner runs them: sticky at their prefix, or the whole assigned value', () => {
    for (const provider of PROVIDERS) {
      for (const format of provider.secrets) {
        if (format.type === 'token') assertLinear(new RegExp(format.pattern.source, 'y'), format.id);
        if (format.type === 'assigned') assertLinear(new RegExp(`^(?:${format.pattern.source})$`), format.id);
      }
    }
  });

  // A dialect's scanner is searched through a whole file, every alternative
  // at every offset. redos-detector judges a search by prefixing `[^]*`,
  // which rejects any unbounded run that can fail (`\s*` before a quote):
  // here each attempt is checked, and source-reads.ts's header says why no
  // attempt re-reads what another read (every alternative starts with its
  // own character, comments and strings never fail, a read stops at the first
  // character that cannot continue it).
  it('source-reads dialects: one attempt of each scanner and read regex, built from its parts', () => {
    assert.equal(DIALECT_REGEXES.length, 8);
    for (const regex of DIALECT_REGEXES) assertLinear(new RegExp(regex.source, `${regex.flags}y`), 'env/source-reads.ts');
  });

  it('schema patterns (the config and the inventory), as ajv runs them', () => {
    const patterns = [...schemaPatterns(configSchema, 'simco-int.config.schema.json#'), ...schemaPatterns(inventorySchema, 'master-inventory.schema.json#')];
    assert.ok(patterns.length >= 5);
    for (const { where, regex } of patterns) assertLinear(regex, where);
  });

  it('the check numbers named groups for the checker, which does not parse them', () => {
    assert.equal(numberedGroups(String.raw`(?<q>['"])(?<name>\w+)\k<q>(?<=a)(?<!b)[(?<x>]`), String.raw`(['"])(\w+)\1(?<=a)(?<!b)[(?<x>]`);
    assert.equal(backtrackingOf(/(?<a>x+)+y/).safe, false);
    assert.equal(backtrackingOf(/(?<q>['"])\w{1,20}\k<q>/y).safe, true);
  });
});
