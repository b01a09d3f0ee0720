import { strict as assert } from 'node:assert';
import { findEnvReads } from '../../server/src/engine/env/source-reads';
import { LineIndex } from '../../server/src/engine/text';
import { CLEAN, readFixture } from '../helpers';

/** "NAME@line:start-end" (0-based), plus a check that the range covers exactly the name. */
function reads(path: string, text: string): string[] {
  const lines = new LineIndex(text);
  return findEnvReads(path, text, lines).map(({ name, range }) => {
    assert.equal(range.start.line, range.end.line);
    assert.equal(lines.lineText(range.start.line).slice(range.start.character, range.end.character), name);
    return `${name}@${range.start.line}:${range.start.character}-${range.end.character}`;
  });
}

describe('env/source-reads: findEnvReads', () => {
  it('finds the reads of the clean workspace with exact ranges', () => {
    assert.deepEqual(reads('src/payments/stripe.client.ts', readFixture(CLEAN, 'src/payments/stripe.client.ts')), [
      'STRIPE_API_KEY@3:29-43',
      'STRIPE_WEBHOOK_SECRET@8:42-63',
      'PORT@9:39-43',
    ]);
    assert.deepEqual(reads('src/notifications/twilio_client.py', readFixture(CLEAN, 'src/notifications/twilio_client.py')), [
      'TWILIO_ACCOUNT_SID@6:30-48',
      'TWILIO_AUTH_TOKEN@6:63-80',
      'TWILIO_PHONE_NUMBER@9:25-44',
    ]);
  });

  it('reads JS/TS: process.env.X, process.env["X"], import.meta.env.X, inside template literals', () => {
    const text = [
      'const a = process.env.A_KEY;',
      "const b = process.env['B_KEY'] ?? process.env[\"C_KEY\"];",
      'const c = import.meta.env.VITE_D_KEY + process.env?.E_KEY;',
      'const url = `https://api.example.com/${process.env.F_KEY}/v1`; const g = process.env.G_KEY;',
      'const h = globalThis.process.env.H_KEY;',
    ].join('\n');
    assert.deepEqual(reads('src/a.ts', text), [
      'A_KEY@0:22-27',
      'B_KEY@1:23-28',
      'C_KEY@1:47-52',
      'VITE_D_KEY@2:26-36',
      'E_KEY@2:52-57',
      'F_KEY@3:51-56',
      'G_KEY@3:85-90',
      'H_KEY@4:33-38',
    ]);
    for (const path of ['a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.tsx', 'a.mts', 'a.cts']) assert.deepEqual(reads(path, 'process.env.X'), ['X@0:12-13'], path);
  });

  it('skips JS/TS reads in comments and strings, and names that are not identifiers', () => {
    const text = [
      '// const old = process.env.OLD_KEY;',
      '/* process.env.BLOCK_KEY',
      '   process.env.BLOCK_KEY_2 */ const x = process.env.AFTER_BLOCK;',
      "const msg = 'set process.env.IN_STRING'; const url = 'https://x.com'; const y = process.env.AFTER_URL;",
      "const z = process.env['kebab-name'] ?? myprocess.env.NOT_IT ?? process.env.WITH$DOLLAR ?? process.environment;",
    ].join('\n');
    assert.deepEqual(reads('src/a.ts', text), ['AFTER_BLOCK@2:52-63', 'AFTER_URL@3:92-101']);
  });

  it('reads Python: os.environ[...], os.environ.get, os.getenv, environ/getenv imported, f-strings', () => {
    const text = [
      'import os',
      "# os.getenv('IN_COMMENT')",
      "a = os.environ['A_KEY']  # os.environ['TRAILING_COMMENT']",
      'b = os.environ.get("B_KEY", "default")',
      "c = os.getenv('C_KEY')",
      "d = environ['D_KEY'] or getenv('E_KEY')",
      "e = f\"Bearer {os.getenv('F_KEY')}\"",
      '"""',
      "os.getenv('IN_DOCSTRING')",
      '"""',
      "url = 'http://x#y'; g = os.getenv('G_KEY'); h = self.environ['NOT_OS']",
    ].join('\n');
    assert.deepEqual(reads('app/settings.py', text), [
      'A_KEY@2:16-21',
      'B_KEY@3:20-25',
      'C_KEY@4:15-20',
      'D_KEY@5:13-18',
      'E_KEY@5:32-37',
      'F_KEY@6:25-30',
      'G_KEY@10:35-40',
    ]);
  });

  it('reads Go: os.Getenv and os.LookupEnv, with double or raw quotes', () => {
    const text = [
      'key := os.Getenv("A_KEY") // os.Getenv("IN_COMMENT")',
      'sid, ok := os.LookupEnv(`B_KEY`)',
      's := "os.Getenv(\\"IN_STRING\\")"; t := os.Getenv("C_KEY")',
    ].join('\n');
    assert.deepEqual(reads('cmd/main.go', text), ['A_KEY@0:18-23', 'B_KEY@1:25-30', 'C_KEY@2:49-54']);
  });

  it('reads Java and Kotlin: System.getenv', () => {
    const java = [
      'String a = System.getenv("A_KEY"); // System.getenv("IN_COMMENT")',
      '/* System.getenv("IN_BLOCK") */ String b = java.lang.System.getenv("B_KEY");',
      'String t = """',
      'System.getenv("IN_TEXT_BLOCK")',
      '""";',
    ].join('\n');
    assert.deepEqual(reads('src/Main.java', java), ['A_KEY@0:26-31', 'B_KEY@1:68-73']);
    assert.deepEqual(reads('src/Main.kt', 'val a = System.getenv("A_KEY")'), ['A_KEY@0:23-28']);
    assert.deepEqual(reads('build.gradle.kts', 'val a = System.getenv("A_KEY")'), ['A_KEY@0:23-28']);
  });

  it('keeps positions right in CRLF files', () => {
    assert.deepEqual(reads('a.ts', '// x\r\nconst a = 1;\r\nconst k = process.env.K_KEY;\r\n'), ['K_KEY@2:22-27']);
  });

  it('chooses the language by extension and reads nothing in other files', () => {
    assert.deepEqual(reads('a.py', 'process.env.JS_IN_PYTHON'), []);
    assert.deepEqual(reads('a.rb', 'ENV["X"]; process.env.X'), []);
    assert.deepEqual(reads('a.ts', 'os.getenv("PY_IN_TS")'), []);
  });

  it('survives unterminated comments, strings and template literals', () => {
    assert.deepEqual(reads('a.ts', 'const a = process.env.A_KEY; /* never closed process.env.B_KEY'), ['A_KEY@0:22-27']);
    assert.deepEqual(reads('a.ts', 'const a = `never closed ${process.env.A_KEY}'), ['A_KEY@0:38-43']);
    assert.deepEqual(reads('a.py', '"""never closed os.getenv("A_KEY")'), []);
    // An unclosed string runs to the end of its line (an apostrophe in JSX text, say): the next line is read again.
    assert.deepEqual(reads('a.ts', "const s = 'no end; process.env.LOST_KEY\nconst k = process.env.K_KEY;"), ['K_KEY@1:22-27']);
  });
});
