import assert from 'node:assert/strict';
import fc from 'fast-check';
import { envVarName, nameWords, secretNameKind } from '../../../server/src/engine/secrets/names';

// nameWords splits every candidate name the scanner meets, so it works on
// character codes and slices; these tests hold it to the words a reader sees
// and to the first, character-at-a-time version.

/** Reference: the word built one character at a time. */
function referenceWords(name: string): string[] {
  const words: string[] = [];
  let word = '';
  const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z';
  const isLower = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (!isUpper(c) && !isLower(c)) {
      if (word) words.push(word);
      word = '';
      continue;
    }
    const previous = name[i - 1] ?? '';
    const next = name[i + 1] ?? '';
    if (word && isUpper(c) && (isLower(previous) || (isUpper(previous) && next >= 'a' && next <= 'z'))) {
      words.push(word);
      word = '';
    }
    word += c.toLowerCase();
  }
  if (word) words.push(word);
  return words;
}

describe('secret names', () => {
  it('splits camelCase, snake, kebab, dotted names and acronyms into lowercase words', () => {
    assert.deepEqual(nameWords('stripeApiKey'), ['stripe', 'api', 'key']);
    assert.deepEqual(nameWords('DB_PASSWORD'), ['db', 'password']);
    assert.deepEqual(nameWords('APIKey'), ['api', 'key']);
    assert.deepEqual(nameWords('x-api-key'), ['x', 'api', 'key']);
    assert.deepEqual(nameWords('config.auth.token2FA'), ['config', 'auth', 'token2', 'fa']);
    assert.deepEqual(nameWords('__'), []);
    assert.equal(envVarName('stripeApiKey'), 'STRIPE_API_KEY');
    assert.equal(secretNameKind('dbPassword'), 'password');
    assert.equal(secretNameKind('apiKeyHeader'), undefined);
  });

  it('agrees with a character-at-a-time reference on random names', () => {
    const name = fc.array(fc.constantFrom('a', 'k', 'Z', 'K', '0', '9', '_', '-', '.', ' ', 'é', 'İ'), { maxLength: 24 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(name, (value) => assert.deepEqual(nameWords(value), referenceWords(value), value)),
      { seed: 20261129, numRuns: 2000 },
    );
  });
});
