import { strict as assert } from 'node:assert';
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../../package.json';
import { RULES } from '../../server/src/engine/rules';
import type { JsonFinding } from '../../server/src/formatters/json';
import { CLEAN } from '../helpers';
import { copyWorkspace, onlyRule, removeTempDirs, run, runProcess, tempDir, WORKSPACES, writeConfig } from './workspace';

const DOCS = 'docs/02-integraciones';
const HINT = 'Run "simco-int --help" for usage.';
const ANSI = /\u001b\[/;

/** cli-defects with only int-doc/file-name on, at `severity`: two findings whatever rules are added later. */
function defects(severity: 'error' | 'warning' | 'info' = 'error'): string {
  const root = copyWorkspace('cli-defects');
  writeConfig(root, onlyRule('int-doc/file-name', severity, { ignore: ['legacy/**'] }));
  return root;
}

const parseJson = (text: string): JsonFinding[] => JSON.parse(text) as JsonFinding[];

describe('simco-int CLI', () => {
  after(removeTempDirs);

  describe('exit code 0', () => {
    it('checks the clean workspace: no findings, a one-line summary, nothing on stderr', async () => {
      const result = (await run(['check', '.'], { cwd: CLEAN }));
      assert.deepEqual(result, { code: 0, stdout: '\u2714 No problems found in 7 files.\n', stderr: '' });
    });

    it('checks the current folder when none is given', async () => {
      assert.equal((await run(['check'], { cwd: CLEAN })).code, 0);
    });

    it('prints the help and the version', async () => {
      const help = (await run(['--help'], { cwd: CLEAN }));
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: simco-int check \[folder\] \[options\]\n/);
      for (const option of ['--format', '--output', '--max-warnings', '--fix', '--config', '--quiet', '--baseline', '--prune-baseline', '--locale', '--help', '--version']) {
        assert.ok(help.stdout.includes(option), option);
      }
      assert.deepEqual((await run(['check', '-h'], { cwd: CLEAN })), help);
      assert.deepEqual((await run(['--version'], { cwd: CLEAN })), { code: 0, stdout: `${version}\n`, stderr: '' });
    });

    it('allows warnings, and warnings up to --max-warnings', async () => {
      const root = defects('warning');
      assert.equal((await run(['check', root], { cwd: root })).code, 0);
      assert.equal((await run(['check', root, '--max-warnings', '2'], { cwd: root })).code, 0);
    });

    it('does not count infos as warnings', async () => {
      const root = defects('info');
      assert.equal((await run(['check', root, '--max-warnings', '0'], { cwd: root })).code, 0);
    });
  });

  describe('exit code 1', () => {
    it('reports errors in the stylish format, paths relative to where the user is', async () => {
      const root = defects();
      const result = (await run(['check', 'cli-defects'], { cwd: join(root, '..') }));
      assert.equal(result.code, 1);
      assert.equal(result.stderr, '');
      const lines = result.stdout.split('\n');
      assert.deepEqual(lines.filter((line) => !line.startsWith('  ')), [
        '',
        `cli-defects/${DOCS}/INT-7-Pagos.md`,
        '',
        `cli-defects/${DOCS}/INT-9-conservar.local.md`,
        '',
        '\u2716 2 problems (2 errors, 0 warnings, 0 infos)',
        '',
      ]);
      const rows = lines.filter((line) => line.startsWith('  '));
      assert.equal(rows.length, 2);
      for (const row of rows) assert.match(row, /^ {2}1:1 {2}error {2}Expected a file name like INT-\{NNN\}-\{nombre\}\.md.* {2}int-doc\/file-name$/);
    });

    it('fails on more warnings than --max-warnings, and says so on stderr', async () => {
      const root = defects('warning');
      const result = (await run(['check', '--max-warnings', '1'], { cwd: root }));
      assert.equal(result.code, 1);
      assert.equal(result.stderr, 'simco-int: Too many warnings: 2 found, --max-warnings allows 1.\n');
      assert.match(result.stdout, /\u2716 2 problems \(0 errors, 2 warnings, 0 infos\)/);
    });
  });

  describe('--quiet', () => {
    // One error (the file name) and one warning (file/encoding: invalid UTF-8 in a well-named doc).
    function mixed(): string {
      const root = copyWorkspace('cli-defects');
      const rules = JSON.parse(onlyRule('int-doc/file-name', 'error', { ignore: ['legacy/**', '**/*.local.md'] })) as { rules: Record<string, string> };
      rules.rules['file/encoding'] = 'warning';
      writeConfig(root, JSON.stringify(rules));
      writeFileSync(join(root, DOCS, 'INT-010-latin1.md'), Buffer.from('# INT-010: Latin1\n\nDescripci\xf3n\n', 'latin1'));
      return root;
    }

    it('reports errors only', async () => {
      const root = mixed();
      const all = parseJson((await run(['check', '--format', 'json'], { cwd: root })).stdout);
      assert.deepEqual(all.map((f) => `${f.severity} ${f.ruleId}`).sort(), ['error int-doc/file-name', 'warning file/encoding']);
      const quiet = (await run(['check', '--format', 'json', '--quiet'], { cwd: root }));
      assert.equal(quiet.code, 1);
      assert.deepEqual(parseJson(quiet.stdout).map((f) => `${f.severity} ${f.ruleId}`), ['error int-doc/file-name']);
    });

    it('still counts the hidden warnings against --max-warnings', async () => {
      const root = mixed();
      rmSync(join(root, DOCS, 'INT-7-Pagos.md')); // leaves the warning alone
      const result = (await run(['check', '-q', '--max-warnings', '0', '--format', 'json'], { cwd: root }));
      assert.deepEqual(parseJson(result.stdout), []);
      assert.equal(result.code, 1);
      assert.equal(result.stderr, 'simco-int: Too many warnings: 1 found, --max-warnings allows 0.\n');
    });

    it('says "no errors", not "no problems", when it hid warnings', async () => {
      const root = defects('warning');
      const result = (await run(['check', '--quiet'], { cwd: root }));
      assert.deepEqual(result, { code: 0, stdout: '\u2714 No errors found in 6 files.\n', stderr: '' });
    });
  });

  describe('--output', () => {
    it('writes the report to the file, creating its folder, and nothing to stdout', async () => {
      const root = defects();
      const result = (await run(['check', '--format', 'json', '--output', 'reports/simco.json'], { cwd: root }));
      assert.deepEqual(result, { code: 1, stdout: '', stderr: '' });
      const findings = parseJson(readFileSync(join(root, 'reports', 'simco.json'), 'utf8'));
      assert.deepEqual(findings.map((f) => f.file), [`${DOCS}/INT-7-Pagos.md`, `${DOCS}/INT-9-conservar.local.md`]);
    });

    it('never writes colors to the file', async () => {
      const root = defects();
      (await run(['check', '--output', 'report.txt'], { cwd: root, tty: true }));
      const report = readFileSync(join(root, 'report.txt'), 'utf8');
      assert.match(report, /2 problems/);
      assert.doesNotMatch(report, ANSI);
    });
  });

  describe('colors', () => {
    it('colors a terminal, and only a terminal', async () => {
      const root = defects();
      assert.match((await run(['check'], { cwd: root, tty: true })).stdout, ANSI);
      assert.doesNotMatch((await run(['check'], { cwd: root, tty: false })).stdout, ANSI);
    });

    it('respects NO_COLOR', async () => {
      const root = defects();
      assert.doesNotMatch((await run(['check'], { cwd: root, tty: true, env: { NO_COLOR: '1' } })).stdout, ANSI);
    });
  });

  describe('what it reads', () => {
    it('respects .gitignore files and the config\'s ignore globs', async () => {
      const root = copyWorkspace('cli-defects');
      const files = async (): Promise<string[]> => [...new Set(parseJson((await run(['check', '--format', 'json'], { cwd: root })).stdout).map((f) => f.file))];
      assert.deepEqual(await files(), [`${DOCS}/INT-7-Pagos.md`, `${DOCS}/INT-9-conservar.local.md`]);
      writeConfig(root, '{}\n');
      assert.deepEqual(await files(), [`${DOCS}/INT-7-Pagos.md`, `${DOCS}/INT-9-conservar.local.md`, 'legacy/INT-2-legacy.md']);
    });

    it('uses --config instead of the folder\'s own file', async () => {
      const root = defects();
      const config = join(tempDir(), 'other.json');
      writeFileSync(config, onlyRule('int-doc/file-name', 'off'));
      assert.deepEqual((await run(['check', root, '--config', config], { cwd: root })).code, 0);
    });

    it('terminates on a symbolic link loop and reports it on stderr', async () => {
      const root = defects();
      symlinkSync('..', join(root, 'docs', 'up'), 'dir');
      const result = (await run(['check', '--format', 'json'], { cwd: root }));
      assert.equal(result.code, 1);
      assert.equal(parseJson(result.stdout).length, 2);
      assert.equal(result.stderr, 'simco-int: Skipped "docs/up": A symbolic link back to "." (a loop); not followed.\n');
    });
  });

  describe('--fix', () => {
    it('rewrites the fixed file, keeping its BOM and CRLF line breaks', async () => {
      // A real rule's safe fix (int-doc/metadata-estado: case of a known Estado); the fix loop itself is tested in check.test.ts.
      const root = join(tempDir(), 'clean');
      cpSync(CLEAN, root, { recursive: true });
      const path = join(root, DOCS, 'INT-003-twilio-whatsapp.md');
      const original = readFileSync(path);
      const broken = Buffer.from(original.toString('utf8').replace('| Estado | Documentado |', '| Estado | documentado |'), 'utf8');
      assert.notDeepEqual(broken, original);
      writeFileSync(path, broken);

      assert.equal((await run(['check'], { cwd: root })).code, 1);
      assert.deepEqual(readFileSync(path), broken, 'without --fix nothing is written');

      const fixed = (await run(['check', '--fix'], { cwd: root }));
      assert.equal(fixed.code, 0);
      assert.deepEqual(readFileSync(path), original, 'the fix restores the original bytes, BOM and CRLF included');
      assert.match(fixed.stdout, /\u2714 Fixed 1 problem in 1 file\./);
    });
  });

  describe('exit code 2', () => {
    async function unusable(argv: string[], cwd: string, problem: string): Promise<void> {
      const result = (await run(argv, { cwd }));
      assert.deepEqual(result, { code: 2, stdout: '', stderr: `simco-int: ${problem}\n${HINT}\n` }, argv.join(' '));
    }

    it('for a missing or unknown command', async () => {
      await unusable([], CLEAN, 'Expected a command ("check"); found none.');
      await unusable(['lint'], CLEAN, 'Expected a command: check, baseline, new or ping; found "lint".');
    });

    it('for an unknown option, a missing value and a value for a flag', async () => {
      await unusable(['check', '--colour'], CLEAN, 'Unknown option "--colour".');
      await unusable(['check', '-x'], CLEAN, 'Unknown option "-x".');
      await unusable(['check', '--format'], CLEAN, 'Option "--format" needs a value.');
      await unusable(['check', '--fix=yes'], CLEAN, 'Option "--fix" does not take a value.');
    });

    it('for bad option values', async () => {
      await unusable(['check', '--format', 'xml'], CLEAN, 'Expected --format to be one of stylish, json, sarif; found "xml".');
      for (const bad of ['-1', 'many', '1.5', '']) {
        await unusable(['check', `--max-warnings=${bad}`], CLEAN, `Expected --max-warnings to be a whole number (0 or more); found "${bad}".`);
      }
      await unusable(['check', '--locale', 'fr'], CLEAN, 'Expected --locale to be one of en, es; found "fr".');
    });

    it('for more than one folder', async () => {
      await unusable(['check', 'a', 'b'], CLEAN, 'Expected at most one folder; found 2: "a", "b".');
    });

    it('for a folder that does not exist or is a file', async () => {
      await unusable(['check', 'nope'], CLEAN, 'Folder "nope" does not exist.');
      await unusable(['check', '.env.example'], CLEAN, 'Expected a folder; ".env.example" is a file.');
    });

    it('for a --config file that cannot be read', async () => {
      await unusable(['check', '--config', 'missing.json'], CLEAN, 'Cannot read the configuration file "missing.json" (ENOENT).');
    });

    it('for an invalid config, printing each problem at file:line:col', async () => {
      const cwd = join(WORKSPACES, '..');
      const result = (await run(['check', 'workspaces/cli-invalid-config'], { cwd }));
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.equal(
        result.stderr,
        'workspaces/cli-invalid-config/simco-int.config.json:3:3  Unknown setting "ignored" in the configuration.  config/invalid\n' +
          'simco-int: The configuration file "workspaces/cli-invalid-config/simco-int.config.json" is invalid (see above); fix it and run again.\n' +
          `${HINT}\n`,
      );
    });

    it('for an invalid --config file, named as given', async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'bad.json'), '{\n  "docsFolder": 5\n}\n');
      const result = (await run(['check', CLEAN, '--config', 'bad.json'], { cwd: dir }));
      assert.equal(result.code, 2);
      assert.equal(
        result.stderr,
        'bad.json:2:17  Expected string for docsFolder.  config/invalid\n' +
          'simco-int: The configuration file "bad.json" is invalid (see above); fix it and run again.\n' +
          `${HINT}\n`,
      );
    });

    it('for a report it cannot write', async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'blocker'), '');
      const result = (await run(['check', CLEAN, '--output', 'blocker/report.json'], { cwd: dir }));
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^simco-int: Cannot write the report to "blocker\/report\.json" \(E[A-Z]+\)\.\n/);
      assert.ok(!existsSync(join(dir, 'blocker', 'report.json')));
    });
  });

  describe('as a separate process', () => {
    it('exits 0 on the clean workspace', async () => {
      const result = runProcess(['check'], { cwd: CLEAN });
      assert.deepEqual(result, { code: 0, stdout: '\u2714 No problems found in 7 files.\n', stderr: '' });
    });

    it('exits 1 on errors, with the report on stdout', async () => {
      const root = defects();
      const result = runProcess(['check', '--format', 'json'], { cwd: root });
      assert.equal(result.code, 1);
      assert.equal(result.stderr, '');
      assert.equal(parseJson(result.stdout).length, 2);
    });

    it('exits 2 on bad usage, with the reason on stderr', async () => {
      const result = runProcess(['check', '--format', 'xml'], { cwd: CLEAN });
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, `simco-int: Expected --format to be one of stylish, json, sarif; found "xml".\n${HINT}\n`);
    });

    it('exits 2 on an invalid config', async () => {
      const result = runProcess(['check', join(WORKSPACES, 'cli-invalid-config')], { cwd: CLEAN });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /simco-int\.config\.json:3:3 {2}Unknown setting "ignored"/);
    });
  });

  it('lists every registered rule in --format sarif (the registry grows; the CLI must follow)', async () => {
    const log = JSON.parse((await run(['check', '--format', 'sarif'], { cwd: CLEAN })).stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } } }> };
    assert.deepEqual(log.runs[0].tool.driver.rules.map((rule) => rule.id), RULES.map((rule) => rule.meta.id));
  });
});
