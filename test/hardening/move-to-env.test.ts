import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { runInNewContext } from 'node:vm';
import dotenv from 'dotenv';
import fc from 'fast-check';
import ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse as parseYaml } from 'yaml';
import { moveToEnvFix } from '../../server/src/engine/secrets/move-to-env';
import { LineIndex } from '../../server/src/engine/text';
import type { Finding, Fix, TextEdit } from '../../server/src/engine/types';

// "Move to .env" keeps every secret (issue 9): random secret values (quotes,
// backslashes, $, #, blanks, =, unicode, very long) in a TypeScript, YAML or
// shell literal, moved into random existing .env files (comments, export,
// quoted values, CRLF, no final newline). When the action is offered, the
// program reads the very same value afterwards: dotenv's own parse (what
// users' apps run) gives it back under the chosen variable, every other
// variable keeps its value, the source no longer holds the secret, a
// variable holding another value is never overwritten, and a second move
// into the same .env keeps the first.

const RUNS = Number(process.env.MOVE_RUNS ?? 60);
const BOM = '\uFEFF';

// --- Secrets and where they are written ---

/** Characters that need quoting or escaping somewhere, and some that need none. */
const tricky = fc.constantFrom('"', "'", '`', '\\', '$', '${', '#', ' #', ' ', '\t', '=', ':', ',', '}', 'ñ', 'é', '\u0301', '😀', '€', '\\n', 'a', 'Z', '9', '_', '-', '/', '+');
/** A secret: a distinctive start (so "the source no longer holds it" means something), then anything, sometimes very long. */
const secrets = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9]{12}$/), fc.string({ unit: tricky, maxLength: 24 }), fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, fc.integer({ min: 1000, max: 20_000 })))
  .map(([start, rest, long]) => `Sk${start}${rest}${'x'.repeat(long)}`);

type Dialect = 'ts' | 'yaml' | 'shell';

interface Source {
  path: string;
  text: string;
  /** The literal's content as written (escapes included): the finding's range. */
  raw: string;
  /** What the program sees before the move, for the oracle. */
  read(text: string, env: Record<string, string>): string | undefined;
}

/** The secret written as a literal the dialect reads back as the same value; undefined when this quoting cannot hold it. */
function literal(dialect: Dialect, quote: string, value: string): string | undefined {
  switch (`${dialect} ${quote}`) {
    case 'ts "':
      return value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\t/g, '\\t');
    case "ts '":
      return value.replace(/[\\']/g, (c) => `\\${c}`).replace(/\t/g, '\\t');
    case 'yaml "':
      return value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\t/g, '\\t');
    case "yaml '":
      return value.replace(/'/g, "''");
    case "shell '":
      return value.includes("'") ? undefined : value;
    case 'shell "':
      return value.replace(/[\\"$`]/g, (c) => `\\${c}`);
    default:
      return undefined;
  }
}

const lineBreak = (crlf: boolean): string => (crlf ? '\r\n' : '\n');

function source(dialect: Dialect, quote: string, value: string, crlf: boolean): Source | undefined {
  const raw = literal(dialect, quote, value);
  if (raw === undefined) return undefined;
  const eol = lineBreak(crlf);
  if (dialect === 'ts') {
    return {
      path: 'src/payments/client.ts',
      text: [`import { connect } from './connect';`, '', `const apiKey = ${quote}${raw}${quote};`, 'export const client = connect(apiKey);', ''].join(eol),
      raw,
      read: (text, env) => runTs(text, env),
    };
  }
  if (dialect === 'yaml') {
    return {
      path: 'deploy/values.yaml',
      text: ['# Valores del despliegue', 'servicio:', `  api_key: ${quote}${raw}${quote}`, '  region: us-east-1', ''].join(eol),
      raw,
      read: (text, env) => interpolate((parseYaml(text) as { servicio: { api_key: string } }).servicio.api_key, env),
    };
  }
  return {
    path: 'scripts/deploy.sh',
    text: ['#!/bin/sh', `API_KEY=${quote}${raw}${quote}`, 'export API_KEY', ''].join(eol),
    raw,
    read: (text, env) => runShell(text, env),
  };
}

/** The TypeScript module run with `process.env` = env: what `apiKey` holds. */
function runTs(text: string, env: Record<string, string>): string | undefined {
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  const context = { process: { env }, exports: {}, require: () => ({ connect: (key: string) => key }) };
  return runInNewContext(`${js}\napiKey;`, context) as string | undefined;
}

/** Docker Compose's `${NAME}` interpolation, the only kind the action writes in YAML. */
function interpolate(value: string, env: Record<string, string>): string | undefined {
  const whole = /^\$\{(\w+)\}$/.exec(value);
  return whole ? env[whole[1]] : value;
}

/** The script run by a real shell with env as its environment: what API_KEY holds. */
function runShell(text: string, env: Record<string, string>): string | undefined {
  const result = spawnSync('/bin/sh', ['-c', `${text.replace(/\r\n/g, '\n')}\nprintf '%s' "$API_KEY"`], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
}

// --- Existing .env files ---

const names = fc.constantFrom('API_KEY', 'API_KEY_2', 'STRIPE_API_KEY', 'DATABASE_URL', 'PORT', 'A', 'b.c', 'x-y');
const plainValues = fc.stringMatching(/^[A-Za-z0-9_./:@+-]{0,12}$/);
const anyValues = fc.string({ unit: tricky, maxLength: 10 });
const envLines = fc.oneof(
  fc.tuple(names, plainValues).map(([k, v]) => `${k}=${v}`),
  fc.tuple(names, plainValues).map(([k, v]) => `export ${k}=${v}`),
  fc.tuple(names, plainValues).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(names, anyValues).map(([k, v]) => `${k}="${v.replace(/"/g, '')}"`),
  fc.tuple(names, anyValues).map(([k, v]) => `${k}='${v.replace(/'/g, '')}' # comentario`),
  fc.tuple(names, plainValues).map(([k, v]) => `${k}=${v} # ${v}`),
  names.map((k) => `${k}:`),
  names.map((k) => `${k}=`),
  names.map((k) => `${k}="linea uno\\nlinea dos"`),
  anyValues.map((v) => `# ${v}`),
  fc.constantFrom('', '   ', 'JUNK', 'export', '  # sangria'),
);
const envFiles = fc.record({
  lines: fc.array(envLines, { maxLength: 8 }),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  bom: fc.boolean(),
  absent: fc.boolean(),
});

function envText({ lines, crlf, finalNewline, bom, absent }: { lines: string[]; crlf: boolean; finalNewline: boolean; bom: boolean; absent: boolean }): string | undefined {
  if (absent && lines.length === 0) return undefined;
  const eol = lineBreak(crlf);
  return (bom ? BOM : '') + lines.join(eol) + (finalNewline && lines.length > 0 ? eol : '');
}

// --- Applying the action as an editor does ---

const strip = (text: string): string => (text.startsWith(BOM) ? text.slice(1) : text);
const apply = (text: string, edits: readonly TextEdit[]): string =>
  (text.startsWith(BOM) ? BOM : '') + TextDocument.applyEdits(TextDocument.create('file:///f', 'plaintext', 1, strip(text)), [...edits]);
const dotenvOf = (text: string | undefined): Record<string, string> => (text === undefined ? {} : dotenv.parse(strip(text)));

interface World {
  source: string;
  env: string | undefined;
  example: string | undefined;
}

/** The action for the literal holding `raw` in the source, or undefined when it is not offered. */
function moveAction(world: World, path: string, raw: string): Fix | undefined {
  const text = strip(world.source);
  const start = text.indexOf(raw);
  assert.ok(start >= 0);
  const lines = new LineIndex(text);
  const finding: Pick<Finding, 'ruleId' | 'range' | 'data'> = { ruleId: 'secret/generic', range: lines.rangeOf(start, start + raw.length), data: { redacted: 'Sk…' } };
  return moveToEnvFix({ path, text: world.source, finding, env: { path: '.env', text: world.env, git: 'ignored' }, example: { path: '.env.example', text: world.example } });
}

function applyAction(world: World, fix: Fix): World {
  const next = { ...world, source: apply(world.source, fix.edits) };
  for (const change of fix.changes ?? []) {
    const key = change.file === '.env' ? 'env' : change.file === '.env.example' ? 'example' : undefined;
    assert.ok(key, `the action edits only the source, .env and .env.example; found ${change.file}`);
    const before = world[key];
    assert.equal(change.create === true, before === undefined, `${change.file} is created exactly when it does not exist`);
    next[key] = apply(before ?? '', change.edits);
  }
  return next;
}

/** The variable the source reads after the move. */
function chosenName(fix: Fix): string {
  const read = fix.edits.map((e) => /process\.env\.(\w+)|\$\{(\w+)\}/.exec(e.newText)).find(Boolean);
  assert.ok(read, `the source edit reads an env var: ${JSON.stringify(fix.edits)}`);
  return read[1] ?? read[2];
}

/** Checks one move; returns the world after it and the variable chosen, or undefined when the action is not offered. */
function checkMove(world: World, src: Source, value: string): { after: World; name: string } | undefined {
  const fix = moveAction(world, src.path, src.raw);
  if (!fix) return undefined;
  const name = chosenName(fix);
  const envBefore = dotenvOf(world.env);
  assert.ok(envBefore[name] === undefined || envBefore[name] === value, `${name} holds another value in .env: it is never overwritten (${JSON.stringify(envBefore[name])})`);
  const after = applyAction(world, fix);
  const envAfter = dotenvOf(after.env);
  assert.equal(envAfter[name], value, `dotenv reads the secret back under ${name}`);
  for (const [key, kept] of Object.entries(envBefore)) if (key !== name) assert.equal(envAfter[key], kept, `.env's ${key} keeps its value`);
  if (after.env !== world.env) {
    // What was written survives lines the user adds after it.
    const later = `${strip(after.env!)}LATER_1='1'\nLATER_2="2"\nLATER_3=\`3\`\n`;
    assert.equal(dotenv.parse(later)[name], value, `${name} still reads back with lines added after it`);
  }
  const exampleBefore = dotenvOf(world.example);
  const exampleAfter = dotenvOf(after.example);
  for (const [key, kept] of Object.entries(exampleBefore)) assert.equal(exampleAfter[key], kept, `.env.example's ${key} keeps its value`);
  assert.ok(name in exampleAfter, `.env.example declares ${name}`);
  assert.ok(!Object.values(exampleAfter).some((v) => v.includes(value.slice(0, 14))), '.env.example gets a placeholder, not the secret');
  assert.ok(!strip(after.source).includes(src.raw) && !strip(after.source).includes(value.slice(0, 14)), 'the source no longer holds the secret');
  assert.equal(after.source.startsWith(BOM), world.source.startsWith(BOM), 'the source keeps its BOM (or its lack of one)');
  if (after.env !== undefined && world.env !== undefined) assert.equal(after.env.startsWith(BOM), world.env.startsWith(BOM), '.env keeps its BOM');
  assert.equal(src.read(strip(after.source), envAfter), value, 'the program reads the same value from the environment');
  return { after, name };
}

const EXAMPLE = '# Variables de entorno\nNODE_ENV=development\nPORT=3000\n';

describe('"Move to .env" keeps every secret (property tests with dotenv as the judge)', function () {
  this.timeout(300_000);

  it('the literal in the source reads back as the secret before any move (the generators are right)', () => {
    fc.assert(
      fc.property(secrets, fc.constantFrom<[Dialect, string]>(['ts', '"'], ['ts', "'"], ['yaml', '"'], ['yaml', "'"], ['shell', "'"], ['shell', '"']), fc.boolean(), (value, [dialect, quote], crlf) => {
        const src = source(dialect, quote, value, crlf);
        if (src) assert.equal(src.read(src.text, {}), value);
      }),
      { numRuns: 30 },
    );
  });

  it('moves random secrets into random .env files: dotenv reads them back, nothing else changes, nothing is overwritten', () => {
    const offered = new Map<Dialect, number>();
    let runs = 0;
    fc.assert(
      fc.property(
        secrets,
        secrets,
        fc.constantFrom<[Dialect, string]>(['ts', '"'], ['ts', "'"], ['yaml', '"'], ['yaml', "'"], ['shell', "'"], ['shell', '"']),
        envFiles,
        fc.boolean(),
        (value, second, [dialect, quote], env, crlf) => {
          runs++;
          const src = source(dialect, quote, value, crlf);
          if (!src) return;
          const world: World = { source: src.text, env: envText(env), example: EXAMPLE };
          const first = checkMove(world, src, value);
          if (!first) return;
          offered.set(dialect, (offered.get(dialect) ?? 0) + 1);
          // A second secret moved into the same .env: the first keeps its value (a value written must survive what is appended after it).
          const next = source(dialect, quote, second, crlf);
          if (!next) return;
          const moved = checkMove({ ...first.after, source: next.text }, next, second);
          if (moved) assert.equal(dotenvOf(moved.after.env)[first.name], value, `${first.name} keeps the first secret`);
        },
      ),
      { numRuns: RUNS },
    );
    const total = [...offered.values()].reduce((sum, n) => sum + n, 0);
    assert.ok(total > runs / 4, `the action was offered in ${total} of ${runs} runs: too few for the property to mean much`);
    assert.deepEqual([...offered.keys()].sort(), ['shell', 'ts', 'yaml'], 'offered in every dialect');
  });

  it('picks API_KEY_2 when .env holds API_KEY with another value, and reuses API_KEY when it holds the same one', () => {
    const src = source('ts', '"', 'SkSECRETvalue1234', false)!;
    const other = checkMove({ source: src.text, env: 'API_KEY=otra\n', example: EXAMPLE }, src, 'SkSECRETvalue1234')!;
    assert.equal(other.name, 'API_KEY_2');
    assert.equal(other.after.env, 'API_KEY=otra\nAPI_KEY_2=SkSECRETvalue1234\n');
    const same = checkMove({ source: src.text, env: 'API_KEY=SkSECRETvalue1234\n', example: EXAMPLE }, src, 'SkSECRETvalue1234')!;
    assert.equal(same.name, 'API_KEY');
    assert.equal(same.after.env, 'API_KEY=SkSECRETvalue1234\n', 'nothing is appended: the value is there');
    // dotenv reads "API_KEY:" and the line below as API_KEY=valor, a line the checks' own parser skips: the name is taken all the same.
    const colon = checkMove({ source: src.text, env: 'API_KEY:\nvalor\n', example: EXAMPLE }, src, 'SkSECRETvalue1234')!;
    assert.equal(colon.name, 'API_KEY_2');
    assert.deepEqual(dotenv.parse(colon.after.env!), { API_KEY: 'valor', API_KEY_2: 'SkSECRETvalue1234' });
  });

  it('is not offered when .env ends in "KEY:", which dotenv reads as taking the appended line as its value', () => {
    const src = source('ts', '"', 'SkSECRETvalue1234', false)!;
    // Appended after it, API_KEY=... (or API_KEY_2=...) became the value of the line above for dotenv, and the secret was lost.
    for (const env of ['PORT=3000\nAPI_KEY:', 'PORT=3000\nAPI_KEY:\n', 'OTHER:\r\n']) {
      assert.equal(moveAction({ source: src.text, env, example: EXAMPLE }, src.path, src.raw), undefined, JSON.stringify(env));
    }
  });
});
