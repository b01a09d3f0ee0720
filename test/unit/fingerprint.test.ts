import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { defaultConfig } from '../../server/src/engine/config/config';
import { withFingerprints } from '../../server/src/engine/fingerprint';
import { lintText } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';
import { SECRET_RULES } from './secrets/rules';

// Content fingerprints, the key of baselines and SARIF's partialFingerprints:
// they follow a secret when lines are added above it, tell a replaced secret
// from the old one on the same line, and tell two copies of a secret apart.

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fake live key built at run time: no file of the repository holds one (push protection). */
function fakeKey(): string {
  return 'sk_' + 'live_' + Array.from(randomBytes(40), (byte) => ALNUM[byte % ALNUM.length]).join('');
}

/** The secret findings of a TypeScript file, fingerprinted as the CLI does. */
function fingerprinted(text: string, path = 'src/billing.ts'): Finding[] {
  const findings = lintText(path, text, { config: defaultConfig(), workspace: { exists: () => false }, rules: SECRET_RULES });
  return withFingerprints(findings, text);
}

const line = (key: string): string => `const stripe = new Stripe("${key}");\n`;

describe('content fingerprints', () => {
  it('keep a secret\'s fingerprint when the file grows above it', () => {
    const key = fakeKey();
    const [before] = fingerprinted(`import Stripe from "stripe";\n${line(key)}`);
    const [after] = fingerprinted(`import Stripe from "stripe";\n// billing\n\nconst retries = 3;\n${line(key)}`);
    assert.equal(after.range.start.line, before.range.start.line + 3);
    assert.match(before.fingerprint ?? '', /^[0-9a-f]{32}$/);
    assert.equal(after.fingerprint, before.fingerprint);
  });

  it('give a different secret on the same line a different fingerprint', () => {
    const [old] = fingerprinted(line(fakeKey()));
    const [replaced] = fingerprinted(line(fakeKey()));
    assert.deepEqual(replaced.range, old.range);
    assert.notEqual(replaced.fingerprint, old.fingerprint);
  });

  it('give two identical secrets in one file distinct fingerprints, each kept when the other moves', () => {
    const key = fakeKey();
    const [first, second] = fingerprinted(`${line(key)}${line(key)}`);
    assert.notEqual(first.fingerprint, second.fingerprint);
    const [movedFirst, movedSecond] = fingerprinted(`// a\n${line(key)}// b\n${line(key)}`);
    assert.deepEqual([movedFirst.fingerprint, movedSecond.fingerprint], [first.fingerprint, second.fingerprint]);
  });

  it('depend on the rule and the file, and not on the line breaks (a CRLF checkout matches an LF one)', () => {
    const key = fakeKey();
    const [lf] = fingerprinted(`// billing\n${line(key)}`);
    const [crlf] = fingerprinted(`// billing\r\n${line(key).replace('\n', '\r\n')}`);
    const [elsewhere] = fingerprinted(`// billing\n${line(key)}`, 'src/other.ts');
    assert.equal(crlf.fingerprint, lf.fingerprint);
    assert.notEqual(elsewhere.fingerprint, lf.fingerprint);
    const asOtherRule = withFingerprints([{ ...lf, ruleId: 'secret/generic' }], `// billing\n${line(key)}`);
    assert.notEqual(asOtherRule[0].fingerprint, lf.fingerprint);
  });

  it('hold no part of the secret, and count a fingerprint already taken as an occurrence', () => {
    const key = fakeKey();
    const text = line(key);
    const [finding] = fingerprinted(text);
    const fingerprint = finding.fingerprint ?? '';
    for (let i = 0; i + 8 <= key.length; i++) assert.ok(!fingerprint.includes(key.slice(i, i + 8)));
    const [again] = withFingerprints([finding], text, [fingerprint]);
    assert.notEqual(again.fingerprint, fingerprint);
  });
});
