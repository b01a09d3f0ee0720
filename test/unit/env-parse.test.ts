import { strict as assert } from 'node:assert';
import dotenv from 'dotenv';
import { parseEnvFile, type EnvFile } from '../../server/src/engine/env/parse';
import type { Range } from '../../server/src/engine/types';
import { CLEAN, readFixture } from '../helpers';

/** The text a range covers, lines joined with \n. */
function under(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  const { start, end } = range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

function asObject(env: EnvFile): Record<string, string> {
  const values: Record<string, string> = {};
  for (const entry of env.entries) values[entry.key] = entry.value;
  return values;
}

const TRICKY: Record<string, string> = {
  'plain, export, colon, spaces': 'A=1\nexport B=2\nC: 3\nD = " spaced "\n  E=indented\n',
  'quotes of every kind': 'A=\'single # not a comment\'\nB=`back`\nC="double"\nD=""\nE=\'\'\nF=`a "b" \'c\'`\n',
  'multiline double quotes with \\n expansion': 'A="line one\nline two"\nB="a\\nb\\r"\nC=\'a\\nb\'\nD=`a\\nb`\nAFTER=yes\n',
  'inline comments and hashes': 'A=x # comment\nB=x#y\nC=#empty\nD="a#b" # c\nE="x"#c\nURL=https://example.com/#frag\n',
  'empty values': 'A=\nB=   \nC= # only a comment\nD=""\n',
  'escaped quotes and broken quotes': 'A="a\\"b"\nB="abc" junk\nC=\'a\'b\'\nD="unclosed\nE=after\nF="first\\" still\nG=2"\nH=3\n',
  'keys with dots and dashes, export as a key': 'stripe-api-key=1\nStripe.ApiKey=2\nexport=3\nexport  X.Y=4\n',
  'CRLF line breaks': 'A=1\r\nB="x\r\ny"\r\n# c\r\nC=3\r\n',
  'lone CR line breaks': 'A=1\rB=2\r',
  'comments, blanks and junk lines': '# c\n\n  # indented\nnot an assignment\nKEY\nKEY:no-space\n\tA=1\n',
  'no trailing newline': 'A=1\nB="x"',
};

describe('env/parse: parseEnvFile', () => {
  for (const [name, text] of Object.entries(TRICKY)) {
    it(`agrees with dotenv.parse: ${name}`, () => {
      assert.deepEqual(asObject(parseEnvFile('.env', text)), dotenv.parse(text));
    });
  }

  it('puts keyRange exactly on the key and valueRange on the value as written', () => {
    const text = 'export STRIPE_API_KEY = "sk_test_1"  # test key\nTWILIO_SID=AC1 # sid\nEMPTY=\n';
    const env = parseEnvFile('.env', text);
    assert.deepEqual(env.entries.map((e) => [under(text, e.keyRange), under(text, e.valueRange), e.value]), [
      ['STRIPE_API_KEY', '"sk_test_1"', 'sk_test_1'],
      ['TWILIO_SID', 'AC1', 'AC1'],
      ['EMPTY', '', ''],
    ]);
    assert.deepEqual(env.entries[0].keyRange, { start: { line: 0, character: 7 }, end: { line: 0, character: 21 } });
    assert.deepEqual(env.entries[2].valueRange, { start: { line: 2, character: 6 }, end: { line: 2, character: 6 } });
  });

  it('keeps positions in CRLF files and across a multiline value', () => {
    const text = 'A=1\r\nB="x\r\ny"\r\nC=3\r\n';
    const env = parseEnvFile('.env', text);
    assert.deepEqual(env.entries.map((e) => [e.key, e.keyRange.start.line, e.keyRange.start.character]), [
      ['A', 0, 0],
      ['B', 1, 0],
      ['C', 3, 0],
    ]);
    assert.equal(env.entries[1].value, 'x\ny');
    assert.deepEqual(env.entries[1].valueRange, { start: { line: 1, character: 2 }, end: { line: 2, character: 2 } });
    assert.equal(under(text, env.entries[1].valueRange), '"x\ny"');
  });

  it('does not read lines inside a multiline value as keys', () => {
    const env = parseEnvFile('.env', 'CERT="-----BEGIN-----\nNOT_A_KEY=1\n-----END-----"\nNEXT=2\n');
    assert.deepEqual(env.entries.map((e) => e.key), ['CERT', 'NEXT']);
    assert.deepEqual(env.problems, []);
  });

  it('records comments with their line, for the provider banners', () => {
    const text = readFixture(CLEAN, '.env.example');
    const env = parseEnvFile('.env.example', text);
    assert.deepEqual(env.comments.filter((c) => !c.text.startsWith('=')), [
      { text: 'INTEGRACIONES EXTERNAS', line: 1 },
      { text: 'Stripe (Pagos)', line: 4 },
      { text: 'Twilio (SMS)', line: 9 },
    ]);
    assert.deepEqual(env.entries.map((e) => e.key), [
      'STRIPE_API_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PUBLISHABLE_KEY',
      'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_PHONE_NUMBER',
      'NODE_ENV', 'PORT', 'DATABASE_URL',
    ]);
    assert.deepEqual(env.problems, []);
  });

  it('records the lines dotenv skips as problems, on their content', () => {
    const text = 'A=1\n  not an assignment  \nKEY\n# fine\n\nKEY:no-space\r\n';
    const env = parseEnvFile('.env', text);
    assert.deepEqual(env.problems.map((p) => [p.text, under(text, p.range), p.range.start.line]), [
      ['not an assignment', 'not an assignment', 1],
      ['KEY', 'KEY', 2],
      ['KEY:no-space', 'KEY:no-space', 5],
    ]);
  });

  it('never throws on empty, binary-looking or unterminated input', () => {
    for (const text of ['', '\n\n', '=', '"', 'A="', 'A=\'\\', '\u0000\u0001=\uFFFD', '\uFEFFA=1', 'A=`'.repeat(50)]) {
      const env = parseEnvFile('.env', text);
      assert.deepEqual(asObject(env), dotenv.parse(text), JSON.stringify(text));
    }
  });
});
