import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { defaultConfig, parseConfig } from '../../server/src/engine/config/config';
import { parseEnvFile } from '../../server/src/engine/env/parse';
import { findEnvReads } from '../../server/src/engine/env/source-reads';
import { parseIntDoc, type Section } from '../../server/src/engine/intdoc/model';
import { parseInventory } from '../../server/src/engine/inventory/parse';
import { lintBytes, lintFile, type LintOptions } from '../../server/src/engine/lint';
import { markdownExcess } from '../../server/src/engine/markdown/limits';
import { parseMarkdown, parseMarkdownWhole } from '../../server/src/engine/markdown/parse';
import { localize } from '../../server/src/engine/messages';
import { RULE_IDS } from '../../server/src/engine/rules';
import { scanSecrets } from '../../server/src/engine/secrets/scan';
import { findSuppressions } from '../../server/src/engine/suppressions';
import { LineIndex } from '../../server/src/engine/text';
import type { Finding, Range } from '../../server/src/engine/types';
import { WorkspaceIndex } from '../../server/src/engine/workspace/index';
import { settleWorkspaceFindings, workspaceFindings } from '../../server/src/engine/workspace/lint-workspace';
import { FIXTURES } from '../helpers';
import { fake } from '../unit/secrets/corpus';
import { CLEAN_TEXTS, decodedBytes, FIXTURE_FOR, hostileText, markdownLines, mutatedFixture, PATHS } from './fuzz-inputs';
import { factsProblems, findingProblems, printedBy, rangeProblem, textAt } from './fuzz-invariants';
import { PATHOLOGICAL } from './fuzz-pathological';

// Property-based and fuzz tests of every parser and rule (issue 9): random
// and hostile text, the clean fixtures mangled, invalid UTF-8 decoded as the
// shells decode it, and pathological files. Whatever the input, no exception
// escapes, no rule crashes, every range lies inside the file, every message
// has its slots filled, and a pathological file is checked in bounded time
// (the real timings: `node bench/fuzz.mjs`).
//
// Each property has a fixed seed, so CI runs the same inputs every time; on a
// failure fast-check prints the seed, the path to the shrunk counterexample
// and the counterexample itself. To explore further, run with FUZZ_RUNS=N
// (more inputs per property) and FUZZ_SEED=S (other inputs).

const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed);

/**
 * fast-check's settings for the property numbered `n`: its own seed, `runs`
 * inputs (times FUZZ_RUNS), and first the `examples` that once broke it.
 */
function params<T>(n: number, runs: number, examples: T[] = []): fc.Parameters<T> {
  return { seed: SEED + n, numRuns: Math.max(1, Math.round(runs * RUNS)), examples };
}

const config = defaultConfig();
/** Paths the broken-link rule may ask about: the clean workspace's files exist, nothing else does. */
const options: LintOptions = { config, workspace: { exists: (path) => CLEAN_TEXTS.has(path) } };

function assertNoProblems(problems: string[]): void {
  assert.deepEqual(problems, []);
}

/** Lints one file and checks everything lintFile returns. */
function lintProblems(path: string, text: string, lint: LintOptions = options): string[] {
  const { value: linted, printed } = printedBy(() => lintFile(path, text, lint));
  return [...findingProblems(path, text, linted.findings), ...factsProblems(text, linted.facts), ...printed.map((line) => `printed: ${line}`)];
}

function sectionRanges(sections: readonly Section[]): Array<[string, Range]> {
  return sections.flatMap((section) => [
    ['section', section.range] as [string, Range],
    ['heading', section.heading.range] as [string, Range],
    ['heading text', section.heading.textRange] as [string, Range],
    ...section.codeBlocks.map((code) => ['code block', code.range] as [string, Range]),
    ...section.tables.flatMap((table) => [table.range, ...table.header.map((cell) => cell.range), ...table.rows.flat().map((cell) => cell.range)]).map((range) => ['table', range] as [string, Range]),
    ...sectionRanges(section.subsections),
  ]);
}

describe('fuzz: parsers', function () {
  this.timeout(60_000);

  it('parseMarkdown (cut at headings, cached) gives the whole parse\'s tree', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(), markdownLines()), (text) => {
        assert.deepEqual(parseMarkdown(text).children, parseMarkdownWhole(text).children);
      }),
      // Cut where a whole parse sees no heading: after a lone \r (a line break to micromark, not to the cut, which
      // missed the fence it opened), inside `<?`, `<!DOCTYPE` or CDATA HTML, or away from a definition in a quote.
      params(1, 500, [['\r# \n# '], ['x\r```\n## inside\n```\n## after\n'], ['<?\n## H\n?>\n'], ['<![CDATA[\n# \n'], ['> [a]: http://x\n\n## H\n[a]\n']]),
    );
  });

  it('parseIntDoc: every range and offset of the model lies inside the doc', () => {
    const doc = 'docs/02-integraciones/INT-001-x.md';
    fc.assert(
      fc.property(fc.oneof(hostileText(), markdownLines(), mutatedFixture(FIXTURE_FOR[doc])), (text) => {
        const model = parseIntDoc(doc, text);
        const lines = new LineIndex(text);
        const ranges: Array<[string, Range]> = [
          ...(model.title ? [['title', model.title.range] as [string, Range], ['title text', model.title.textRange] as [string, Range]] : []),
          ...sectionRanges(model.sections),
          ...model.links.map((link) => ['link', link.range] as [string, Range]),
          ...model.codeBlocks.map((code) => ['code block', code.range] as [string, Range]),
          ...(model.footer ? [['footer', model.footer.range] as [string, Range]] : []),
          ...(model.footer?.date ? [['footer date', model.footer.date.range] as [string, Range]] : []),
          ...(model.metadata?.rows ?? []).flatMap((row) => [['field', row.field.range] as [string, Range], ['value', row.value.range] as [string, Range]]),
        ];
        const problems = ranges.flatMap(([what, range]) => (rangeProblem(range, lines) ? [`${what}: ${rangeProblem(range, lines)}`] : []));
        for (const code of model.codeBlocks) if (code.valueOffset < 0 || code.valueOffset > text.length) problems.push(`code value offset ${code.valueOffset}`);
        for (const [start, end] of model.inlineCode) if (!(start >= 0 && start <= end && end <= text.length)) problems.push(`inline code [${start}, ${end})`);
        assertNoProblems(problems);
      }),
      // A row starting with U+2028 has a first cell micromark does not trim: its range came out backwards.
      params(2, 300, [['| Campo | Valor |\n|---|---|\n\u2028|x\n']]),
    );
  });

  it('parseInventory: never throws; every problem, entry, key and value range lies inside the file', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(), mutatedFixture('MASTER_INVENTORY.yml')), (text) => {
        const inventory = parseInventory('MASTER_INVENTORY.yml', text);
        const lines = new LineIndex(text);
        const ranges: Range[] = [
          ...inventory.problems.map((p) => p.range),
          ...(inventory.listKeyRange ? [inventory.listKeyRange] : []),
          ...inventory.entries.flatMap((entry) => [entry.range, ...[...entry.fields.values()].flatMap((field) => [field.keyRange, field.valueRange])]),
        ];
        assertNoProblems(ranges.flatMap((range) => rangeProblem(range, lines) ?? []));
      }),
      // yaml points an error at the \n of a CRLF: its position was one past the line's end.
      params(3, 400, [['integraciones:\n  - documentacion: "\r\n# docs"\n']]),
    );
  });

  it('parseEnvFile: every key range covers exactly its key; values, comments and problems lie inside the file', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(), mutatedFixture('.env.example')), (text) => {
        const env = parseEnvFile('.env', text);
        const lines = new LineIndex(text);
        const problems: string[] = [];
        for (const entry of env.entries) {
          for (const range of [entry.keyRange, entry.valueRange]) if (rangeProblem(range, lines)) problems.push(`${entry.key}: ${rangeProblem(range, lines)}`);
          if (!rangeProblem(entry.keyRange, lines) && textAt(lines, entry.keyRange) !== entry.key) problems.push(`key range covers ${JSON.stringify(textAt(lines, entry.keyRange))}, not ${entry.key}`);
        }
        for (const comment of env.comments) if (comment.line >= lines.lineCount) problems.push(`comment on line ${comment.line}`);
        for (const problem of env.problems) if (rangeProblem(problem.range, lines)) problems.push(`problem: ${rangeProblem(problem.range, lines)}`);
        assertNoProblems(problems);
      }),
      params(4, 600),
    );
  });

  it('findEnvReads: every read\'s range covers exactly its name, in every language', () => {
    const sources = ['src/a.ts', 'src/a.py', 'src/a.go', 'src/A.java'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.oneof(hostileText(), mutatedFixture('src/payments/stripe.client.ts'), mutatedFixture('src/notifications/twilio_client.py')), (path, text) => {
        const lines = new LineIndex(text);
        const problems = findEnvReads(path, text, lines).flatMap((read) => {
          const problem = rangeProblem(read.range, lines);
          if (problem) return [`${read.name}: ${problem}`];
          return textAt(lines, read.range) === read.name ? [] : [`range of ${read.name} covers ${JSON.stringify(textAt(lines, read.range))}`];
        });
        assertNoProblems(problems);
      }),
      params(5, 600),
    );
  });

  it('scanSecrets: every hit lies inside the text and its printable form does not hold the secret', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), hostileText(), (path, text) => {
        const problems = scanSecrets(text, path, config.secrets).flatMap((hit) => {
          if (!(hit.start >= 0 && hit.start <= hit.end && hit.end <= text.length)) return [`hit [${hit.start}, ${hit.end}) in ${text.length} characters`];
          const value = text.slice(hit.start, hit.end);
          return value.length >= 8 && hit.redacted.includes(value) ? [`${hit.kind} shown as ${hit.redacted}`] : [];
        });
        assertNoProblems(problems);
      }),
      params(6, 600),
    );
  });

  it('findSuppressions: the parse text keeps every offset and line break; comment offsets lie inside the file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), hostileText(), (path, text) => {
        const found = findSuppressions(path, text);
        const problems: string[] = [];
        if (found.parseText.length !== text.length) problems.push('parse text changed length');
        for (let i = 0; i < text.length; i++) {
          const c = text[i];
          if ((c === '\n' || c === '\r') !== (found.parseText[i] === '\n' || found.parseText[i] === '\r')) problems.push(`line break moved at ${i}`);
        }
        for (const comment of found.comments) {
          const offsets = [comment.directiveStart, comment.directiveEnd, comment.commentStart, comment.commentEnd, comment.removeStart, comment.removeEnd, ...comment.rules.flatMap((r) => [r.start, r.end])];
          if (offsets.some((o) => o < 0 || o > text.length)) problems.push(`comment offsets ${offsets.join(',')} outside ${text.length}`);
        }
        assertNoProblems(problems);
      }),
      params(7, 600),
    );
  });

  const VALID_CONFIG = JSON.stringify(
    {
      docsFolder: 'docs/02-integraciones',
      tipos: ['pagos', 'notificaciones'],
      providerAliases: { stripe: ['STRIPE'] },
      nonIntegrationVars: ['FEATURE_FLAGS'],
      rules: { 'env/naming': 'warning', 'int-doc/title': 'off' },
      ignore: ['legacy/**'],
      inventory: 'MASTER_INVENTORY.yml',
      secrets: { patterns: [{ id: 'acme-live', provider: 'Acme', regex: 'acme_live_[a-z0-9]{16}', mode: 'live' }], allowPatterns: ['^test_'] },
    },
    null,
    2,
  );

  it('parseConfig: never throws; findings lie inside the file; a config it accepts never breaks a check', () => {
    assert.deepEqual(parseConfig('simco-int.config.json', VALID_CONFIG, RULE_IDS).findings, [], 'the mutation base is a valid config');
    const configText = fc.oneof(
      hostileText(),
      fc.json({ depthSize: 'small' }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\0', '\uFEFF', '// x\n', 'null', '1e999', '"off"', '"**/"', '"(a+)+$"', '"../.."')), { maxLength: 6 }).map((edits) => {
        let text = VALID_CONFIG;
        for (const [at, insert] of edits) text = text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1));
        return text;
      }),
    );
    fc.assert(
      fc.property(configText, (text) => {
        const loaded = parseConfig('simco-int.config.json', text, RULE_IDS);
        // parseConfig counts a BOM as a character (the shell strips the file's own before).
        const problems = findingProblems('simco-int.config.json', text, loaded.findings, new Map(), new LineIndex(text));
        // Whatever configuration came out of it runs a check of the clean workspace without a crash.
        const lint: LintOptions = { config: loaded.config, workspace: options.workspace };
        for (const [path, fileText] of CLEAN_TEXTS) problems.push(...lintProblems(path, fileText, lint));
        assertNoProblems(problems);
      }),
      params(8, 150),
    );
  });
});

describe('fuzz: lintFile, every rule on every kind of file', function () {
  this.timeout(60_000);

  PATHS.forEach((path, i) => {
    it(`${path}: hostile text and the clean fixture mangled`, () => {
      fc.assert(
        fc.property(fc.oneof(hostileText(), hostileText(600), ...(path.endsWith('.md') ? [markdownLines()] : []), mutatedFixture(FIXTURE_FOR[path])), (text) => {
          assertNoProblems(lintProblems(path, text));
        }),
        // A flow sequence as a map key: yaml warned on the process's stderr, with the key's text.
        params(20 + i, 300, path === 'MASTER_INVENTORY.yml' ? [['[x]: http://a']] : []),
      );
    });
  });

  it('invalid UTF-8 and NUL bytes, decoded as the CLI and the server decode a file (lintBytes)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), decodedBytes(fc.oneof(hostileText(), ...[...new Set(Object.values(FIXTURE_FOR))].map((f) => mutatedFixture(f, 2)))), (path, { bytes, text }) => {
        assertNoProblems([...findingProblems(path, text, lintBytes(path, bytes, options)), ...lintProblems(path, text)]);
      }),
      params(40, 400),
    );
  });
});

describe('fuzz: the workspace phase', function () {
  this.timeout(60_000);

  /** Each clean file as it is, mangled, or replaced by hostile text; sometimes a second doc, a .env, a .gitignore. */
  const workspace = fc
    .tuple(
      fc.tuple(...[...CLEAN_TEXTS].map(([path, text]) => fc.oneof(fc.constant(text), mutatedFixture(path), hostileText()).map((t) => [path, t] as const))),
      fc.option(mutatedFixture('docs/02-integraciones/INT-001-stripe.md'), { nil: undefined }),
      fc.option(fc.oneof(mutatedFixture('.env.example'), hostileText()), { nil: undefined }),
      fc.option(fc.oneof(fc.constant('.env\n'), fc.constant('node_modules/\r\n'), hostileText(20)), { nil: undefined }),
      fc.boolean(),
    )
    .map(([files, secondDoc, env, gitignore, tracked]) => {
      const texts = new Map<string, string>(files);
      if (secondDoc !== undefined) texts.set('docs/02-integraciones/INT-004-segundo.md', secondDoc);
      if (env !== undefined) texts.set('.env', env);
      if (gitignore !== undefined) texts.set('.gitignore', gitignore);
      return { texts, tracked };
    });

  it('facts from fuzzed files, then the workspace rules: no crash, every finding and fix inside its file', () => {
    fc.assert(
      fc.property(workspace, ({ texts, tracked }) => {
        const index = new WorkspaceIndex(config);
        const problems: string[] = [];
        for (const [path, text] of texts) {
          const linted = lintFile(path, text, options);
          problems.push(...findingProblems(path, text, linted.findings, texts), ...factsProblems(text, linted.facts));
          index.set(path, linted.facts);
        }
        const { value: byFile, printed } = printedBy(() =>
          workspaceFindings(index, {
            config,
            repository: { trackedSecretEnvFiles: tracked && texts.has('.env') ? ['.env'] : [], isGitIgnored: (path) => path === '.env' && !tracked },
            readText: (path) => texts.get(path),
          }),
        );
        problems.push(...printed.map((line) => `printed: ${line}`));
        for (const [file, findings] of byFile) {
          const text = texts.get(file);
          if (text === undefined) {
            problems.push(`${findings.map((f) => f.ruleId).join(', ')} reported on ${file}, which is not in the workspace`);
            continue;
          }
          problems.push(...findingProblems(file, text, settleWorkspaceFindings(file, findings, text, config), texts));
        }
        assertNoProblems(problems);
      }),
      params(50, 250),
    );
  });
});

describe('an INT doc past the Markdown limits (markdown/limits.ts)', () => {
  const DOC = 'docs/02-integraciones/INT-001-x.md';
  const shown = (findings: Finding[]) => findings.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.ruleId} ${localize(f.message)}`);

  it('gets one file/encoding warning on the line past the limit instead of the INT doc rules, and its secrets scanned', () => {
    const nested = `${'- '.repeat(40)}x`;
    const findings = lintFile(DOC, `# INT-001: X\n${nested}\nSTRIPE_API_KEY=${fake('stripe-live')}\n`, options).findings;
    assert.deepEqual(shown(findings).slice(0, 1), [
      `1:0-1:${nested.length} file/encoding Expected at most 32 "-" where this line counts them (nested on the line, in its paragraph, or in the doc so far); found 40. Parsing this INT doc as Markdown would take too long: only its secrets were checked.`,
    ]);
    assert.deepEqual(findings.slice(1).map((f) => `${f.range.start.line} ${f.ruleId}`), ['2 secret/live-credential']);
  });

  it('says how large a doc is and what the limits are', () => {
    const text = `# INT-001: X\n${'texto\n'.repeat(3000)}`;
    assert.deepEqual(shown(lintFile(DOC, text, options).findings), [
      `0:0-0:0 file/encoding Expected an INT doc of at most 3000 lines and 524288 characters; found 3002 lines and ${text.length} characters. Only its secrets were checked: parsing it as Markdown would take too long.`,
    ]);
  });

  it('says which paragraph makes them too long together', () => {
    const text = `# INT-001: X\n\n${'a <!-- b '.repeat(3000)}\n`;
    assert.deepEqual(shown(lintFile(DOC, text, options).findings), [
      `2:0-2:27000 file/encoding Expected shorter paragraphs: with this one (27000 characters by this line), this INT doc's paragraphs are too long together to parse as Markdown in bounded time. Only its secrets were checked.`,
    ]);
  });

  it('keeps every doc of the fixtures and examples, and the largest the benchmarks use, inside the limits', () => {
    const markdown = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(dir, name), 'utf8'));
    const docs = [...markdown(FIXTURES), ...markdown(join(FIXTURES, '..', '..', 'examples'))];
    const stripe = CLEAN_TEXTS.get('docs/02-integraciones/INT-001-stripe.md')!;
    // bench/lsp.mjs's large integration doc: the template with 1,900 operations.
    const rows = Array.from({ length: 1900 }, (_, i) => `| Operacion ${i} | GET /v1/resource${i}/:id | Consulta ${i} del recurso con reintentos |`);
    docs.push(stripe.replace('| Crear suscripcion | POST /v1/subscriptions | Alta del plan del tenant |', rows.join('\n')));
    assert.ok(docs.length > 10 && docs[docs.length - 1].length > 150_000);
    for (const text of docs) assert.equal(markdownExcess(text), undefined);
  });
});

describe('pathological files: checked in bounded time, findings inside the file', function () {
  /** Generous: `node bench/fuzz.mjs` measures each case well under a tenth of it on a 2-core CI runner. */
  const BOUND_MS = 20_000;
  this.timeout(10 * BOUND_MS);

  for (const { name, paths, build, parsed } of PATHOLOGICAL) {
    it(parsed ? `${name} (parsed: inside the Markdown limits)` : name, () => {
      for (const path of paths) {
        const text = build(path);
        const started = performance.now();
        const linted = lintFile(path, text, options);
        const elapsed = performance.now() - started;
        assert.ok(elapsed < BOUND_MS, `${path}: ${Math.round(elapsed)} ms`);
        assertNoProblems([...findingProblems(path, text, linted.findings), ...factsProblems(text, linted.facts)].map((p) => `${path}: ${p}`));
        // The slowest input the limits let through must be parsed, or it times nothing.
        if (parsed) assert.deepEqual(linted.findings.filter((f) => f.ruleId === 'file/encoding').map((f) => f.message.template), []);
      }
    });
  }
});
