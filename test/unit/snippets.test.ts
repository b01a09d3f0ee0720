import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { defaultConfig } from '../../server/src/engine/config/config';
import { applyEdits } from '../../server/src/engine/generate/plan';
import { lintText } from '../../server/src/engine/lint';
import placeholderRule from '../../server/src/engine/rules/int-doc/placeholder';
import { covered, show } from '../helpers';

// The snippets under snippets/, as VS Code expands them when the user only
// presses Tab: every default taken, every choice's first option. Expanded
// that way (and, for the INT doc, with the template's placeholders written
// as an author would), they must pass the checks the tool itself runs.

const ROOT = join(__dirname, '..', '..');
const SNIPPETS = join(ROOT, 'snippets');

interface Snippet {
  prefix: string;
  body: string | string[];
  description: string;
}

const files = readdirSync(SNIPPETS).filter((name) => name.endsWith('.json'));
const load = (file: string): Record<string, Snippet> => JSON.parse(readFileSync(join(SNIPPETS, file), 'utf8')) as Record<string, Snippet>;
const byPrefix = (file: string, prefix: string): Snippet => {
  const found = Object.values(load(file)).find((snippet) => snippet.prefix === prefix);
  assert.ok(found, `${file} has no snippet "${prefix}"`);
  return found;
};

const VARIABLES: Readonly<Record<string, string>> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '05', CURRENT_DATE: '04' };

type Node = string | { stop: number; content?: Node[]; choices?: string[] } | { variable: string; content?: Node[] };

/** Parses a snippet body with VS Code's grammar (tab stops, placeholders, choices, variables, escapes); throws where it is malformed. */
function parseSnippet(body: string): Node[] {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(body.slice(Math.max(0, i - 20), i + 20))}`);
  };
  const parse = (inside: boolean): Node[] => {
    const nodes: Node[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push(text);
      text = '';
    };
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
        text += body[i + 1];
        i += 2;
      } else if (c === '}' && inside) {
        flush();
        return nodes;
      } else if (c === '$') {
        flush();
        nodes.push(dollar());
      } else {
        text += c;
        i++;
      }
    }
    if (inside) fail('unclosed placeholder');
    flush();
    return nodes;
  };
  const dollar = (): Node => {
    i++;
    const bare = /^(\d+|[A-Z_]+)/.exec(body.slice(i));
    if (bare) {
      i += bare[0].length;
      return /^\d/.test(bare[0]) ? { stop: Number(bare[0]) } : { variable: bare[0] };
    }
    if (body[i] !== '{') return '$';
    i++;
    const head = /^(\d+|[A-Z_]+)/.exec(body.slice(i)) ?? fail('expected a tab stop or a variable');
    i += head[0].length;
    const numbered = /^\d/.test(head[0]);
    if (body[i] === '}') {
      i++;
      return numbered ? { stop: Number(head[0]) } : { variable: head[0] };
    }
    if (body[i] === ':') {
      i++;
      const content = parse(true);
      i++;
      return numbered ? { stop: Number(head[0]), content } : { variable: head[0], content };
    }
    if (body[i] === '|' && numbered) {
      const end = body.indexOf('|}', i + 1);
      if (end < 0) fail('unclosed choice');
      const choices = body.slice(i + 1, end).split(/(?<!\\),/).map((choice) => choice.replace(/\\([,|\\$}])/g, '$1'));
      i = end + 2;
      return { stop: Number(head[0]), choices };
    }
    return fail('malformed placeholder');
  };
  return parse(false);
}

/** The text VS Code inserts when every tab stop keeps its default: a mirror shows its placeholder's default. */
function expand(body: string | string[]): string {
  const nodes = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  const defaults = new Map<number, Node[]>();
  const collect = (list: Node[]): void => {
    for (const node of list) {
      if (typeof node === 'string') continue;
      if ('stop' in node) {
        const value = node.choices ? [node.choices[0]] : node.content;
        if (value && !defaults.has(node.stop)) defaults.set(node.stop, value);
      }
      if (node.content) collect(node.content);
    }
  };
  collect(nodes);
  const render = (list: Node[]): string =>
    list
      .map((node) => {
        if (typeof node === 'string') return node;
        if ('variable' in node) {
          const value = VARIABLES[node.variable];
          assert.ok(value !== undefined || node.content, `unknown variable ${node.variable}`);
          return value ?? render(node.content!);
        }
        return render(defaults.get(node.stop) ?? []);
      })
      .join('');
  return render(nodes);
}

/** What an author writes in place of each placeholder the validator reports. */
const FILLERS: Readonly<Record<string, string>> = {
  '{NNN}': '001',
  '{Nombre Integracion}': 'Acme Pagos',
  '{Nombre proveedor}': 'Acme',
  '{PROVIDER}': 'ACME',
  '{provider}': 'acme',
  '{N}': '100',
  '{url}': 'https://example.com/docs',
  '{modulo}': 'pagos',
  '{event.type}': 'payment.created',
  '{comando para probar integracion}': 'npm run test:integration',
};

const DOC = 'docs/02-integraciones/INT-001-acme-pagos.md';
const everywhere = { exists: () => true };

function fill(text: string): string {
  const findings = lintText(DOC, text, { config: defaultConfig(), workspace: everywhere, rules: [placeholderRule] });
  return applyEdits(text, findings.map((finding) => ({ range: finding.range, newText: FILLERS[covered(text, finding)] ?? 'Contenido escrito por el equipo' })));
}

const findingsOf = (path: string, text: string): string[] => lintText(path, text, { config: defaultConfig(), workspace: everywhere }).map((finding) => show(finding));

/** The whole template, expanded and filled in. */
const filledDoc = (): string => `${fill(expand(byPrefix('markdown.json', 'int-doc').body))}\n`;

/** The doc with one section (from its `## ` heading to the next) replaced. */
function replaceSection(doc: string, heading: string, section: string): string {
  const start = doc.indexOf(`\n${heading}\n`) + 1;
  assert.ok(start > 0, heading);
  const next = doc.indexOf('\n## ', start + 1);
  const end = next < 0 ? doc.indexOf('\n---\n\n**Ultima', start) : next;
  return `${doc.slice(0, start)}${section}\n${doc.slice(end)}`;
}

describe('snippets', () => {
  it('are valid snippet files: a prefix, a description and a body that parses, prefixes unique', () => {
    assert.deepEqual(files.sort(), ['dotenv.json', 'markdown.json', 'typescript.json', 'yaml.json']);
    const prefixes = new Set<string>();
    for (const file of files) {
      for (const [name, snippet] of Object.entries(load(file))) {
        assert.match(snippet.prefix, /^int-[a-z-]+$/, `${file}: ${name}`);
        assert.ok(snippet.description, `${file}: ${name}`);
        assert.ok(!prefixes.has(`${file}:${snippet.prefix}`), snippet.prefix);
        prefixes.add(`${file}:${snippet.prefix}`);
        assert.doesNotThrow(() => expand(snippet.body), `${file}: ${name}`);
      }
    }
  });

  it('are contributed per language in package.json, and shipped', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: Array<{ language: string; path: string }> } };
    assert.deepEqual(
      manifest.contributes.snippets.map((entry) => `${entry.language} ${entry.path}`),
      ['markdown ./snippets/markdown.json', 'yaml ./snippets/yaml.json', 'dotenv ./snippets/dotenv.json', 'plaintext ./snippets/dotenv.json', 'typescript ./snippets/typescript.json', 'typescriptreact ./snippets/typescript.json'],
    );
    assert.ok(readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes('!snippets/*.json'));
  });

  describe('markdown', () => {
    it('int-doc: the template, whose placeholders are all the validator reports, and which passes every rule once filled', () => {
      const expanded = expand(byPrefix('markdown.json', 'int-doc').body);
      assert.ok(expanded.includes('| Tipo | Pagos |\n| Estado | Pendiente |\n| Multi-tenant | No |\n| Fecha integracion | 2026-05-04 |'));
      assert.deepEqual([...new Set(lintText(DOC, `${expanded}\n`, { config: defaultConfig(), workspace: everywhere }).map((f) => f.ruleId))], ['int-doc/placeholder']);
      assert.deepEqual(findingsOf(DOC, filledDoc()), []);
    });

    it('each section, in place of the template\'s, keeps the doc valid', () => {
      const doc = filledDoc();
      const sections = Object.values(load('markdown.json')).filter((snippet) => snippet.prefix !== 'int-doc' && !snippet.prefix.startsWith('int-row-'));
      assert.equal(sections.length, 13);
      for (const snippet of sections) {
        const section = fill(expand(snippet.body));
        const heading = section.split('\n')[0];
        const replaced = heading === '---' ? doc.slice(0, doc.lastIndexOf('\n---\n') + 1) + section + '\n' : replaceSection(doc, heading, section);
        assert.ok(replaced.includes(section), snippet.prefix);
        assert.deepEqual(findingsOf(DOC, replaced), [], snippet.prefix);
      }
    });

    it('each table row fits its table', () => {
      const doc = filledDoc();
      const tables: Record<string, string> = {
        'int-row-credencial': '## Credenciales Requeridas',
        'int-row-endpoint': '## Endpoints/SDK Utilizados',
        'int-row-rate-limit': '## Rate Limits',
        'int-row-error': '## Manejo de Errores',
        'int-row-webhook': '## Webhooks (si aplica)',
        'int-row-metrica': '## Monitoreo',
      };
      for (const [prefix, heading] of Object.entries(tables)) {
        const row = fill(expand(byPrefix('markdown.json', prefix).body));
        // After the table's last row.
        const start = doc.indexOf(`\n${heading}\n`);
        const tableEnd = doc.indexOf('\n\n', doc.indexOf('\n|', start) + 1);
        const withRow = `${doc.slice(0, tableEnd)}\n${row}${doc.slice(tableEnd)}`;
        assert.deepEqual(findingsOf(DOC, withRow), [], prefix);
      }
    });
  });

  it('yaml: an inventory entry that matches the schema', () => {
    const entry = expand(byPrefix('yaml.json', 'int-inventario').body);
    const inventory = `integraciones:\n${entry.split('\n').map((line) => `  ${line}`).join('\n')}\n`;
    assert.deepEqual(findingsOf('MASTER_INVENTORY.yml', inventory), []);
  });

  it('dotenv: a provider block with its banner, and one under an existing banner', () => {
    const withBanner = `${expand(byPrefix('dotenv.json', 'int-env').body)}\n`;
    assert.ok(withBanner.startsWith('# ========================================\n# INTEGRACIONES EXTERNAS\n'));
    assert.deepEqual(findingsOf('.env.example', withBanner), []);
    const block = expand(byPrefix('dotenv.json', 'int-env-block').body);
    assert.equal(block, '# Stripe (Pagos)\nSTRIPE_API_KEY=sk_test_xxxxx\nSTRIPE_WEBHOOK_SECRET=whsec_xxxxx');
    assert.deepEqual(findingsOf('.env.example', `${withBanner}\n${block.replace(/Stripe/g, 'Acme').replace(/STRIPE/g, 'ACME').replace(/sk_test_xxxxx|whsec_xxxxx/g, 'xxxxx')}\n`), []);
  });

  it('typescript: each pattern type-checks (strict), with the app\'s own pieces it calls declared', () => {
    /** What a snippet expects the app to have: its logger, its exception, the retry snippet's helpers. */
    const preludes: Record<string, string> = {
      'int-error-handling': [
        'declare const logger: { error(message: string, context: Record<string, unknown>): void };',
        'declare function isRetryable(error: unknown): boolean;',
        'declare function callWithRetry<T>(fn: () => Promise<T>): Promise<T>;',
        'declare class ExternalServiceException extends Error { constructor(cause: unknown); }',
      ].join('\n'),
      'int-tenant-credentials': [
        'interface PaymentRequest { amount: number; currency: string }',
        'declare const credentialsService: { getForTenant(tenantId: string, provider: string): Promise<{ apiKey: string }> };',
        'declare class StripeClient { constructor(apiKey: string); call(request: PaymentRequest): Promise<unknown>; }',
      ].join('\n'),
      'int-rate-limit': 'declare const logger: { warn(message: string, context: Record<string, unknown>): void };',
    };
    const dir = mkdtempSync(join(tmpdir(), 'simco-int-snippets-'));
    try {
      const snippets = Object.values(load('typescript.json'));
      assert.deepEqual(snippets.map((s) => s.prefix), ['int-config', 'int-retry', 'int-error-handling', 'int-tenant-credentials', 'int-rate-limit', 'int-webhook-signature']);
      const rootNames = snippets.map((snippet) => {
        const file = join(dir, `${snippet.prefix}.ts`);
        writeFileSync(file, `${expand(snippet.body)}\n${preludes[snippet.prefix] ?? ''}\nexport {};\n`);
        return file;
      });
      const program = ts.createProgram({
        rootNames,
        options: { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')], skipLibCheck: true },
      });
      const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.slice(dir.length + 1) ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      assert.deepEqual(problems, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('typescript: callWithRetry backs off 1s, 2s, 4s on 429, honours Retry-After, and does not retry other 4xx', async () => {
    const source = ts.transpileModule(expand(byPrefix('typescript.json', 'int-retry').body), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const waits: number[] = [];
    const fakeTimeout = (resolve: () => void, ms: number) => {
      waits.push(ms);
      resolve();
    };
    const exports: Record<string, unknown> = {};
    new Function('exports', 'setTimeout', source)(exports, fakeTimeout);
    const { callWithRetry, ExternalServiceError } = exports as {
      callWithRetry: <T>(fn: () => Promise<T>) => Promise<T>;
      ExternalServiceError: new (message: string, status?: number, code?: string, retryAfter?: string | null) => Error;
    };
    const failing = (errors: Error[]) => async () => {
      const error = errors.shift();
      if (error) throw error;
      return 'ok';
    };
    assert.equal(await callWithRetry(failing([0, 1, 2].map(() => new ExternalServiceError('rate limited', 429)))), 'ok');
    assert.deepEqual(waits.splice(0), [1000, 2000, 4000]);
    assert.equal(await callWithRetry(failing([new ExternalServiceError('rate limited', 429, undefined, '7')])), 'ok');
    assert.deepEqual(waits.splice(0), [7000]);
    await assert.rejects(callWithRetry(failing([new ExternalServiceError('bad request', 400)])), /bad request/);
    await assert.rejects(callWithRetry(failing([Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }), Object.assign(new Error('timeout again'), { code: 'ETIMEDOUT' })])), /timeout again/);
    assert.deepEqual(waits.splice(0), [1000]);
  });
});
