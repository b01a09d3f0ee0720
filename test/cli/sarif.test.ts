import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import type { Log } from 'sarif';
import { version } from '../../package.json';
import { RULES } from '../../server/src/engine/rules';
import { copyWorkspace, onlyRule, removeTempDirs, run, writeConfig } from './workspace';

const DOCS = 'docs/02-integraciones';
const REPO_DOCS = join(__dirname, '..', '..', 'docs', 'rules');
const ROCKET_LINE = '\u{1F680} L\u00edmite: {N} solicitudes por segundo.';

/** The official SARIF 2.1.0 JSON Schema (draft-04), as shipped by Microsoft's SARIF test matchers. */
function officialSchemaValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  // ajv 8 speaks draft-07; this schema uses no draft-04-only keyword, so dropping the draft-04 markers is enough.
  // Its language-tag pattern has a stray "]" that only non-Unicode regular expressions accept.
  delete schema.$schema;
  delete schema.id;
  return new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
}

/** Errors, a warning and a note, a non-BMP character before a finding, a file name to percent-encode, a link loop. */
function workspace(): string {
  const root = copyWorkspace('cli-defects');
  const config = JSON.parse(onlyRule('int-doc/file-name', 'error', { ignore: ['legacy/**'] })) as { rules: Record<string, string> };
  config.rules['int-doc/placeholder'] = 'info';
  config.rules['file/encoding'] = 'warning';
  writeConfig(root, JSON.stringify(config));
  writeFileSync(join(root, DOCS, 'INT-010-pago ñ.md'), '# INT-010: Pago\n');
  writeFileSync(join(root, DOCS, 'INT-011-cohete.md'), `# INT-011: Cohete\n\n${ROCKET_LINE}\n`);
  writeFileSync(join(root, DOCS, 'INT-012-latin1.md'), Buffer.from('# INT-012: Latin1\n\nDescripci\xf3n\n', 'latin1'));
  symlinkSync('..', join(root, 'docs', 'up'), 'dir');
  return root;
}

describe('SARIF output', () => {
  after(removeTempDirs);

  let root: string;
  let log: Log;
  before(async () => {
    root = workspace();
    const result = (await run(['check', root, '--format', 'sarif'], { cwd: join(root, '..') }));
    assert.equal(result.code, 1);
    log = JSON.parse(result.stdout) as Log;
  });

  it('validates against the official SARIF 2.1.0 schema', async () => {
    const validate = officialSchemaValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(validate({ ...log, version: '2.0.0' }), false, 'the schema check is not vacuous');
  });

  it('reports cross-file findings like the rest: on the demo workspace, an inventory disagreement on both files, valid SARIF', async () => {
    const demo = join(__dirname, '..', '..', 'examples', 'demo-workspace');
    const result = await run(['check', demo, '--format', 'sarif'], { cwd: demo });
    const demoLog = JSON.parse(result.stdout) as Log;
    assert.ok(officialSchemaValidator()(demoLog));
    const mismatches = (demoLog.runs[0].results ?? [])
      .filter((r) => r.ruleId === 'inventory/metadata-mismatch')
      .map((r) => `${r.locations?.[0].physicalLocation?.artifactLocation?.uri}:${r.locations?.[0].physicalLocation?.region?.startLine} ${r.level}`);
    assert.deepEqual(mismatches, ['docs/02-integraciones/INT-001-stripe.md:10 error', 'MASTER_INVENTORY.yml:6 error']);
  });

  it('is version 2.1.0 with a $schema and one run that counts columns in UTF-16 code units', async () => {
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema ?? '', /^https:\/\/.*sarif-2\.1\.0.*\.json$/);
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
  });

  it('describes the tool and every registered rule, with a docs page behind each helpUri', async () => {
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'simco-int');
    assert.equal(driver.version, version);
    assert.match(driver.informationUri ?? '', /^https:\/\//);
    assert.deepEqual(driver.rules?.map((rule) => rule.id), RULES.map((rule) => rule.meta.id));
    const level = { error: 'error', warning: 'warning', info: 'note' } as const;
    for (const [index, rule] of (driver.rules ?? []).entries()) {
      const { meta } = RULES[index];
      assert.equal(rule.shortDescription?.text, meta.description);
      assert.equal(rule.helpUri, `https://github.com/simco/simco-integraciones/blob/main/docs/rules/${meta.id}.md`);
      assert.ok(existsSync(join(REPO_DOCS, `${meta.id}.md`)), `docs/rules/${meta.id}.md`);
      assert.equal(rule.defaultConfiguration?.level, level[meta.defaultSeverity]);
    }
  });

  it('gives each result a rule that exists, its index, a level and a message', async () => {
    const run0 = log.runs[0];
    const rules = run0.tool.driver.rules ?? [];
    const results = run0.results ?? [];
    assert.deepEqual(results.map((r) => `${r.ruleId} ${r.level}`).sort(), [
      'file/encoding warning',
      'int-doc/file-name error',
      'int-doc/file-name error',
      'int-doc/file-name error',
      'int-doc/placeholder note',
    ]);
    for (const result of results) {
      assert.equal(typeof result.ruleIndex, 'number');
      assert.equal(rules[result.ruleIndex as number].id, result.ruleId);
      assert.ok(result.message.text && result.message.text.length > 0);
    }
  });

  it('gives every result a content fingerprint as partialFingerprints, distinct within the run (the log above validates with them)', async () => {
    const fingerprints = (log.runs[0].results ?? []).map((result) => result.partialFingerprints?.['simcoInt/v1'] ?? '');
    assert.ok(fingerprints.length > 0);
    for (const fingerprint of fingerprints) assert.match(fingerprint, /^[0-9a-f]{32}$/);
    assert.equal(new Set(fingerprints).size, fingerprints.length);
  });

  it('locates results by URIs relative to SRCROOT, the checked folder, with forward slashes', async () => {
    const run0 = log.runs[0];
    const base = run0.originalUriBaseIds?.SRCROOT?.uri ?? '';
    assert.match(base, /^file:\/\/.*\/$/);
    assert.equal(fileURLToPath(base).replace(/[\\/]$/, ''), root);
    for (const result of run0.results ?? []) {
      const artifact = result.locations?.[0].physicalLocation?.artifactLocation;
      assert.equal(artifact?.uriBaseId, 'SRCROOT');
      const uri = artifact?.uri ?? '';
      assert.doesNotMatch(uri, /^\/|^[a-z]+:|\\|%5C/i, uri);
      assert.ok(existsSync(fileURLToPath(new URL(uri, base))), `${uri} resolves to a file under SRCROOT`);
    }
    const uris = (run0.results ?? []).map((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri);
    assert.ok(uris.includes(`${DOCS}/INT-010-pago%20%C3%B1.md`), 'a space and a non-ASCII letter are percent-encoded');
  });

  it('has 1-based regions, columns in UTF-16 code units', async () => {
    for (const result of log.runs[0].results ?? []) {
      const region = result.locations?.[0].physicalLocation?.region;
      assert.ok(region);
      const { startLine = 0, startColumn = 0, endLine = 0, endColumn = 0 } = region;
      for (const n of [startLine, startColumn, endLine, endColumn]) assert.ok(Number.isInteger(n) && n >= 1, JSON.stringify(region));
      assert.ok(endLine > startLine || (endLine === startLine && endColumn >= startColumn), JSON.stringify(region));
    }
    const placeholder = (log.runs[0].results ?? []).find((r) => r.ruleId === 'int-doc/placeholder');
    const column = ROCKET_LINE.indexOf('{N}') + 1; // the rocket is two UTF-16 code units
    assert.deepEqual(placeholder?.locations?.[0].physicalLocation?.region, { startLine: 3, startColumn: column, endLine: 3, endColumn: column + 3 });
  });

  it('reports what it skipped as tool notifications', async () => {
    const notifications = log.runs[0].invocations?.[0].toolExecutionNotifications ?? [];
    assert.equal(log.runs[0].invocations?.[0].executionSuccessful, true);
    assert.deepEqual(
      notifications.map((n) => [n.level, n.message.text, n.locations?.[0].physicalLocation?.artifactLocation?.uri]),
      [['warning', 'A symbolic link back to "." (a loop); not followed.', 'docs/up']],
    );
  });
});
