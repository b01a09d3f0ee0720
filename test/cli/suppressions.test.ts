import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonFinding } from '../../server/src/formatters/json';
import { replaceOnce } from '../helpers';
import { copyWorkspace, removeTempDirs, run } from './workspace';

const SUPPRESSED = '# simco-int-disable-next-line env/naming -- el SDK antiguo lee este nombre\nAPI_KEY_STRIPE_LEGACY=sk_test_xxxxx\n';
const UNUSED = '# simco-int-disable-next-line env/naming\nSTRIPE_LEGACY_KEY=sk_test_xxxxx\n';

describe('simco-int check and suppression comments', () => {
  after(removeTempDirs);

  it('honours a suppression, reports an unused one and removes it with --fix', async () => {
    const root = copyWorkspace('clean');
    const envPath = join(root, '.env.example');
    const original = readFileSync(envPath, 'utf8');
    const edited = replaceOnce(original, 'NODE_ENV=development\n', `${SUPPRESSED}${UNUSED}NODE_ENV=development\n`);
    const about = (findings: JsonFinding[]) =>
      findings.filter((f) => f.ruleId === 'env/naming' || f.ruleId.startsWith('suppression/')).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`);

    writeFileSync(envPath, replaceOnce(edited, SUPPRESSED, SUPPRESSED.split('\n')[1] + '\n'));
    const unsuppressed = await run(['check', '--format', 'json'], { cwd: root });
    assert.deepEqual(about(JSON.parse(unsuppressed.stdout) as JsonFinding[]), ['.env.example:15:1 error env/naming', '.env.example:16:31 warning suppression/unused']);

    writeFileSync(envPath, edited);
    const checked = await run(['check', '--format', 'json'], { cwd: root });
    assert.deepEqual(about(JSON.parse(checked.stdout) as JsonFinding[]), ['.env.example:17:31 warning suppression/unused']);

    const fixed = await run(['check', '--fix', '--format', 'json'], { cwd: root });
    assert.deepEqual(about(JSON.parse(fixed.stdout) as JsonFinding[]), []);
    assert.equal(readFileSync(envPath, 'utf8'), replaceOnce(original, 'NODE_ENV=development\n', `${SUPPRESSED}STRIPE_LEGACY_KEY=sk_test_xxxxx\nNODE_ENV=development\n`));
  });
});
