import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import type { JsonBaselineReport, JsonFinding } from '../../server/src/formatters/json';
import type { Baseline } from '../../server/src/workspace/baseline';
import { CLEAN } from '../helpers';
import { removeTempDirs, run, tempDir } from './workspace';

// `simco-int baseline` and `check --baseline`: a team adopts the tool on an
// old repository by recording today's findings; CI then fails only on new
// ones. Entries are keyed by content, so lines added above a secret keep it
// baselined, and a secret replaced on the same line is new.

const BASELINE = '.simco-int-baseline.json';
const KEYS = 'src/payments/keys.ts';
const HINT = 'Run "simco-int --help" for usage.';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Fake keys built at run time: no file of the repository holds one (push protection). */
const fakeKey = (mode: 'live' | 'test'): string => 'sk_' + `${mode}_` + Array.from(randomBytes(40), (byte) => ALNUM[byte % ALNUM.length]).join('');
const keyLine = (name: string, key: string): string => `export const ${name} = "${key}";\n`;

/** The clean workspace (no findings) plus a source file holding the given lines. */
function workspace(lines: string): string {
  const root = join(tempDir(), 'ws');
  cpSync(CLEAN, root, { recursive: true });
  writeSource(root, lines);
  return root;
}

function writeSource(root: string, lines: string): void {
  mkdirSync(join(root, 'src', 'payments'), { recursive: true });
  writeFileSync(join(root, KEYS), lines);
}

const readBaselineFile = (root: string): Baseline => JSON.parse(readFileSync(join(root, BASELINE), 'utf8')) as Baseline;
const about = (findings: JsonFinding[]): string[] => findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);

async function checkJson(root: string, ...extra: string[]): Promise<{ code: number | null; report: JsonBaselineReport; stderr: string }> {
  const result = await run(['check', '--format', 'json', '--baseline', BASELINE, ...extra], { cwd: root });
  return { code: result.code, report: JSON.parse(result.stdout) as JsonBaselineReport, stderr: result.stderr };
}

describe('simco-int baseline and check --baseline', () => {
  after(removeTempDirs);

  it('records every finding as sorted, stable JSON: rule, file and fingerprint, no message, secret or line', async () => {
    const live = fakeKey('live');
    const test = fakeKey('test');
    const root = workspace(keyLine('a', live) + keyLine('b', live) + keyLine('c', test));
    const recorded = await run(['baseline'], { cwd: root });
    assert.deepEqual(recorded, { code: 0, stdout: `Baseline written to "${BASELINE}"; findings recorded: 3.\n`, stderr: '' });

    const text = readFileSync(join(root, BASELINE), 'utf8');
    const baseline = JSON.parse(text) as Baseline;
    assert.equal(baseline.version, 1);
    for (const entry of baseline.entries) assert.deepEqual(Object.keys(entry), ['ruleId', 'file', 'fingerprint']);
    assert.deepEqual(baseline.entries.map((e) => `${e.file} ${e.ruleId}`), [`${KEYS} secret/live-credential`, `${KEYS} secret/live-credential`, `${KEYS} secret/test-credential`]);
    const sorted = [...baseline.entries].sort((x, y) => (x.ruleId + x.fingerprint < y.ruleId + y.fingerprint ? -1 : 1));
    assert.deepEqual(baseline.entries, sorted);
    for (const secret of [live, test]) assert.ok(!text.includes(secret.slice(8, 16)));
    assert.doesNotMatch(text, /line|message/i);

    // The same findings give the same bytes; the entries are the findings' fingerprints.
    assert.equal((await run(['baseline'], { cwd: root })).code, 0);
    assert.equal(readFileSync(join(root, BASELINE), 'utf8'), text);
    const checked = JSON.parse((await run(['check', '--format', 'json'], { cwd: root })).stdout) as JsonFinding[];
    assert.deepEqual(checked.map((f) => f.fingerprint).sort(), baseline.entries.map((e) => e.fingerprint).sort());
  });

  it('writes where --output says, creating its folder', async () => {
    const root = workspace(keyLine('a', fakeKey('live')));
    const result = await run(['baseline', root, '--output', 'ci/baseline.json'], { cwd: join(root, '..') });
    assert.deepEqual(result, { code: 0, stdout: 'Baseline written to "ci/baseline.json"; findings recorded: 1.\n', stderr: '' });
    assert.equal((JSON.parse(readFileSync(join(root, '..', 'ci', 'baseline.json'), 'utf8')) as Baseline).entries.length, 1);
  });

  it('keeps a baselined secret quiet when the file grows above it, and reports a new one', async () => {
    const key = fakeKey('live');
    const root = workspace(keyLine('a', key));
    await run(['baseline'], { cwd: root });

    writeSource(root, `// Payments.\nimport { env } from "node:process";\n\n${keyLine('a', key)}`);
    const grown = await run(['check', '--baseline', BASELINE], { cwd: root });
    assert.deepEqual(grown, { code: 0, stdout: `\u2714 No problems found in 8 files.\n  Not shown, held by the baseline "${BASELINE}": 1.\n`, stderr: '' });

    writeSource(root, `// Payments.\nimport { env } from "node:process";\n\n${keyLine('a', key)}${keyLine('b', fakeKey('live'))}`);
    const added = await checkJson(root);
    assert.equal(added.code, 1);
    assert.deepEqual(about(added.report.findings), [`${KEYS}:5 secret/live-credential`]);
    assert.deepEqual({ ...added.report.baseline, stale: added.report.baseline.stale.length }, { file: BASELINE, baselined: 1, stale: 0, pruned: false });
  });

  it('reports a secret replaced on the same line, calls its old entry stale, and --prune-baseline removes that entry', async () => {
    const root = workspace(keyLine('a', fakeKey('live')) + keyLine('b', fakeKey('live')));
    await run(['baseline'], { cwd: root });
    const before = readBaselineFile(root);
    const kept = readFileSync(join(root, KEYS), 'utf8').split('\n')[1];
    writeSource(root, `${keyLine('a', fakeKey('live'))}${kept}\n`);

    const replaced = await checkJson(root);
    assert.equal(replaced.code, 1);
    assert.deepEqual(about(replaced.report.findings), [`${KEYS}:1 secret/live-credential`]);
    assert.equal(replaced.report.baseline.baselined, 1);
    assert.equal(replaced.report.baseline.stale.length, 1);
    const [stale] = replaced.report.baseline.stale;
    assert.ok(before.entries.some((entry) => entry.fingerprint === stale.fingerprint));
    assert.notEqual(replaced.report.findings[0].fingerprint, stale.fingerprint);
    assert.equal(
      replaced.stderr,
      `simco-int: Entries of the baseline "${BASELINE}" that match no finding any more (fixed or changed): 1. Run with --prune-baseline to remove them.\n`,
    );

    const pruned = await checkJson(root, '--prune-baseline');
    assert.equal(pruned.code, 1);
    assert.deepEqual({ stale: pruned.report.baseline.stale, pruned: pruned.report.baseline.pruned }, { stale: [stale], pruned: true });
    assert.equal(pruned.stderr, `simco-int: Removed from the baseline "${BASELINE}" the entries that matched no finding: 1.\n`);
    assert.deepEqual(readBaselineFile(root).entries, before.entries.filter((entry) => entry.fingerprint !== stale.fingerprint));

    // Nothing stale any more: no notice, and pruning again leaves the file alone.
    const text = readFileSync(join(root, BASELINE), 'utf8');
    const again = await checkJson(root, '--prune-baseline');
    assert.deepEqual({ stale: again.report.baseline.stale, stderr: again.stderr }, { stale: [], stderr: '' });
    assert.equal(readFileSync(join(root, BASELINE), 'utf8'), text);
  });

  it('counts only the findings the baseline does not hold for the exit code; --quiet makes no entry stale', async () => {
    const root = workspace(keyLine('a', fakeKey('live')));
    await run(['baseline'], { cwd: root });
    writeSource(root, readFileSync(join(root, KEYS), 'utf8') + keyLine('b', fakeKey('test')));

    const warned = await run(['check', '--baseline', BASELINE], { cwd: root });
    assert.equal(warned.code, 0, 'a baselined error and a new warning');
    assert.match(warned.stdout, /1 problem \(0 errors, 1 warning, 0 infos\)/);
    assert.equal((await run(['check', '--baseline', BASELINE, '--max-warnings', '0'], { cwd: root })).code, 1);

    await run(['baseline'], { cwd: root });
    const quiet = await run(['check', '--baseline', BASELINE, '--quiet'], { cwd: root });
    assert.deepEqual({ code: quiet.code, stderr: quiet.stderr }, { code: 0, stderr: '' });
  });

  it('gives findings of the workspace rules fingerprints too, distinct within each file', async () => {
    const root = workspace('');
    writeFileSync(join(root, '.env.example'), '# Stripe (Pagos)\nSTRIPE_API_KEY=sk_test_xxxxx\n');
    const checked = JSON.parse((await run(['check', '--format', 'json'], { cwd: root })).stdout) as JsonFinding[];
    assert.ok(checked.some((f) => f.ruleId === 'env/missing-in-example'), 'the workspace rule reports');
    assert.ok(checked.every((f) => /^[0-9a-f]{32}$/.test(f.fingerprint ?? '')));
    assert.equal(new Set(checked.map((f) => f.fingerprint)).size, checked.length);
    await run(['baseline'], { cwd: root });
    assert.deepEqual(await run(['check', '--baseline', BASELINE, '--quiet'], { cwd: root }), { code: 0, stdout: '\u2714 No errors found in 8 files.\n  Not shown, held by the baseline ".simco-int-baseline.json": 8.\n', stderr: '' });
  });

  it('works with --cache: cached findings keep their fingerprints', async () => {
    const root = workspace(keyLine('a', fakeKey('live')));
    await run(['baseline', '--cache'], { cwd: root });
    writeSource(root, readFileSync(join(root, KEYS), 'utf8') + keyLine('b', fakeKey('live')));
    const first = await checkJson(root, '--cache');
    const second = await checkJson(root, '--cache');
    assert.deepEqual(second, first);
    assert.deepEqual(about(first.report.findings), [`${KEYS}:2 secret/live-credential`]);
    const cache = JSON.parse(readFileSync(join(root, '.simco-int-cache'), 'utf8')) as { entries: Record<string, { findings: Array<{ fingerprint?: string }> }> };
    assert.deepEqual(cache.entries[KEYS].findings.map((f) => f.fingerprint), [readBaselineFile(root).entries[0].fingerprint, first.report.findings[0].fingerprint]);
  });

  it('gives SARIF results the same fingerprints as partialFingerprints', async () => {
    const root = workspace(keyLine('a', fakeKey('live')) + keyLine('b', fakeKey('test')));
    await run(['baseline'], { cwd: root });
    const log = JSON.parse((await run(['check', '--format', 'sarif'], { cwd: root })).stdout) as Log;
    const fingerprints = (log.runs[0].results ?? []).map((result) => result.partialFingerprints?.['simcoInt/v1']);
    assert.deepEqual(fingerprints.sort(), readBaselineFile(root).entries.map((e) => e.fingerprint).sort());
  });

  describe('refuses with exit code 2 and one clear line', () => {
    const refused = async (root: string, argv: string[], problem: string): Promise<void> => {
      const result = await run(argv, { cwd: root });
      assert.deepEqual(result, { code: 2, stdout: '', stderr: `simco-int: ${problem}\n${HINT}\n` });
    };

    it('a missing or malformed baseline, never quoting the file', async () => {
      const key = fakeKey('live');
      const root = workspace(keyLine('a', key));
      await refused(root, ['check', '--baseline', 'none.json'], 'Cannot read the baseline "none.json" (ENOENT); create it with "simco-int baseline".');
      // A wrong file given as the baseline, say the .env: its text must not reach the message.
      writeFileSync(join(root, 'wrong.env'), `STRIPE_API_KEY=${key}\n`);
      await refused(root, ['check', '--baseline', 'wrong.env'], 'The baseline "wrong.env" is not valid JSON; create it again with "simco-int baseline".');
      const shapes: Array<[unknown, string]> = [
        [[], '/'],
        [{ version: 2, entries: [] }, '/version'],
        [{ version: 1 }, '/entries'],
        [{ version: 1, entries: [{ ruleId: 'secret/generic', file: 'a.ts' }] }, '/entries/0/fingerprint'],
      ];
      for (const [data, pointer] of shapes) {
        writeFileSync(join(root, 'bad.json'), JSON.stringify(data));
        await refused(
          root,
          ['check', '--baseline', 'bad.json'],
          `Expected the baseline "bad.json" to hold {"version": 1, "entries": [{"ruleId", "file", "fingerprint"}, ...]}; found something else at "${pointer}". Create it again with "simco-int baseline".`,
        );
      }
    });

    it('options that do not go together', async () => {
      const root = workspace('');
      await refused(root, ['baseline', '--format', 'json'], 'Option "--format" does not apply to the command "baseline".');
      await refused(root, ['baseline', '--fix'], 'Option "--fix" does not apply to the command "baseline".');
      await refused(root, ['check', '--prune-baseline'], 'Option "--prune-baseline" needs --baseline FILE.');
    });
  });
});
