import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../server/src/engine/config/config';
import { localize } from '../../server/src/engine/messages';
import brokenLink from '../../server/src/engine/rules/int-doc/broken-link';
import fileName from '../../server/src/engine/rules/int-doc/file-name';
import type { Rule } from '../../server/src/engine/rules/rule';
import { MAX_FILE_BYTES } from '../../server/src/workspace/check';
import { runCheck } from '../../server/src/workspace/run';
import { loadConfig } from '../../server/src/workspace/config-file';
import { CLEAN, show } from '../helpers';
import { copyWorkspace, removeTempDirs, tempDir, WORKSPACES } from './workspace';

const DOCS = 'docs/02-integraciones';

/**
 * A stand-in rule with a safe fix, so the fix loop is tested on its own:
 * it reports only the FIRST "TODO" per lint, so N of them need N passes.
 */
const todoRule: Rule = {
  meta: {
    id: 'test/todo',
    description: 'No TODO.',
    defaultSeverity: 'warning',
    fixable: true,
    hasSuggestions: false,
    messages: { todo: 'Expected no TODO; found one.', fix: 'Write HECHO' },
  },
  checkIntDoc({ doc, report }) {
    const at = doc.text.indexOf('TODO');
    if (at < 0) return;
    const range = doc.lines.rangeOf(at, at + 4);
    report({ messageId: 'todo', range, fixes: [{ messageId: 'fix', edits: [{ range, newText: 'HECHO' }], safe: true }] });
  },
};

function workspaceWith(files: Record<string, string | Buffer>): string {
  const root = tempDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('runCheck', () => {
  after(removeTempDirs);

  it('finds nothing in the clean workspace and lists the files it read', async () => {
    const result = await runCheck({ root: CLEAN, config: defaultConfig() });
    assert.deepEqual(result.findings.map((f) => show(f)), []);
    assert.equal(result.files.length, 7);
    assert.deepEqual(result.skipped, []);
  });

  it('reports findings with workspace-relative paths, sorted by file', async () => {
    const root = copyWorkspace('cli-defects');
    const loaded = loadConfig(root);
    assert.ok(loaded.ok);
    const result = await runCheck({ root, config: loaded.config, rules: [fileName] });
    // The messages are the rule's business (test/unit/rules); here, where and in what order.
    assert.deepEqual(
      result.findings.map((f) => `${f.file} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`),
      [`${DOCS}/INT-7-Pagos.md 1:1 int-doc/file-name`, `${DOCS}/INT-9-conservar.local.md 1:1 int-doc/file-name`],
    );
  });

  it('answers the rules\' questions about other files from disk', async () => {
    const root = workspaceWith({
      [`${DOCS}/INT-001-stripe.md`]: '# INT-001: Stripe\n\n[cliente](../../src/stripe.ts) y [otro](../../src/falta.ts)\n',
      'src/stripe.ts': 'export {};\n',
    });
    const result = await runCheck({ root, config: defaultConfig(), rules: [brokenLink] });
    assert.deepEqual(result.findings.map((f) => `${f.ruleId} ${localize(f.message)}`), [
      'int-doc/broken-link Link target "../../src/falta.ts" does not exist (resolved to "src/falta.ts").',
    ]);
  });

  it('skips a file larger than 5 MB without reading it, and says so', async () => {
    const root = workspaceWith({
      [`${DOCS}/INT-001-grande.md`]: Buffer.alloc(MAX_FILE_BYTES + 1, 0x61),
      [`${DOCS}/INT-002-normal.md`]: '# INT-002: Normal\n',
    });
    const result = await runCheck({ root, config: defaultConfig(), rules: [fileName] });
    assert.deepEqual(result.files, [`${DOCS}/INT-002-normal.md`]);
    assert.deepEqual(result.skipped.map((s) => `${s.path}: ${localize(s.message)}`), [`${DOCS}/INT-001-grande.md: Larger than 5 MB; not checked.`]);
  });

  describe('with fix', () => {
    it('applies safe fixes pass after pass and writes the file back', async () => {
      const root = workspaceWith({ [`${DOCS}/INT-001-a.md`]: '# INT-001: A\n\nTODO uno, TODO dos, TODO tres.\n' });
      const result = await runCheck({ root, config: defaultConfig(), rules: [todoRule], fix: true });
      assert.equal(readFileSync(join(root, DOCS, 'INT-001-a.md'), 'utf8'), '# INT-001: A\n\nHECHO uno, HECHO dos, HECHO tres.\n');
      assert.deepEqual(result.findings, []);
      assert.deepEqual(result.fixed, [{ file: `${DOCS}/INT-001-a.md`, applied: 3 }]);
    });

    it('keeps a BOM and CRLF line breaks', async () => {
      const root = workspaceWith({});
      mkdirSync(join(root, DOCS), { recursive: true });
      const path = join(root, DOCS, 'INT-003-twilio-whatsapp.md');
      cpSync(join(CLEAN, DOCS, 'INT-003-twilio-whatsapp.md'), path);
      const original = readFileSync(path);
      assert.deepEqual([...original.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the fixture has a BOM');
      writeFileSync(path, Buffer.concat([original, Buffer.from('TODO\r\n')]));

      await runCheck({ root, config: defaultConfig(), rules: [todoRule], fix: true });
      assert.deepEqual(readFileSync(path), Buffer.concat([original, Buffer.from('HECHO\r\n')]));
    });

    it('never rewrites a file that is not valid UTF-8', async () => {
      const bytes = Buffer.concat([Buffer.from('# INT-001: A\n\nTODO \xff\n', 'latin1')]);
      const root = workspaceWith({ [`${DOCS}/INT-001-a.md`]: bytes });
      const result = await runCheck({ root, config: defaultConfig(), rules: [todoRule], fix: true });
      assert.deepEqual(readFileSync(join(root, DOCS, 'INT-001-a.md')), bytes);
      assert.deepEqual(result.fixed, []);
      assert.deepEqual(result.findings.map((f) => f.ruleId), ['file/encoding', 'test/todo']);
    });

    it('leaves files with nothing to fix untouched', async () => {
      const root = workspaceWith({ [`${DOCS}/INT-001-a.md`]: '# INT-001: A\n' });
      const path = join(root, DOCS, 'INT-001-a.md');
      const before = statSync(path).mtimeMs;
      const result = await runCheck({ root, config: defaultConfig(), rules: [todoRule], fix: true });
      assert.deepEqual(result.fixed, []);
      assert.equal(statSync(path).mtimeMs, before);
    });
  });
});

describe('loadConfig', () => {
  after(removeTempDirs);

  it('uses the defaults when the folder has no config file', () => {
    const loaded = loadConfig(CLEAN);
    assert.deepEqual(loaded, { ok: true, config: defaultConfig(), findings: [], file: undefined });
  });

  it('reads simco-int.config.json at the root', () => {
    const loaded = loadConfig(join(WORKSPACES, 'cli-defects'));
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.config.ignore, ['legacy/**']);
    assert.equal(loaded.file, 'simco-int.config.json');
  });

  it('reports a named config file that does not exist', () => {
    const missing = join(tempDir(), 'nope.json');
    assert.deepEqual(loadConfig(CLEAN, { absolute: missing, shownAs: 'nope.json' }), { ok: false, file: 'nope.json', reason: 'ENOENT' });
  });

  it('returns an invalid file\'s problems at their location', () => {
    const loaded = loadConfig(join(WORKSPACES, 'cli-invalid-config'));
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.findings.map((f) => `${f.file} ${show(f)}`), [
      'simco-int.config.json 3:3 config/invalid Unknown setting "ignored" in the configuration.',
    ]);
  });
});
