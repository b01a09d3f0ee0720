import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../../../server/src/engine/config/config';
import { dotenvAssignment } from '../../../server/src/engine/env/dotenv-write';
import { parseEnvFile } from '../../../server/src/engine/env/parse';
import { lintText } from '../../../server/src/engine/lint';
import { localize } from '../../../server/src/engine/messages';
import { type EnvGitState, moveToEnvFix } from '../../../server/src/engine/secrets/move-to-env';
import type { Finding, Fix, TextEdit } from '../../../server/src/engine/types';
import { fake } from './corpus';
import { SECRET_RULES } from './rules';

// "Move to .env" applied the way an editor applies it: the source edit, then
// the other files (created when missing), and the source linted again.

const KEY = fake('stripe-live');
const TAIL = KEY.slice(-4);
/** A password the URL scanner takes for real (no default, no placeholder); not a provider format. */
const PASSWORD = 'Vq7dLx2pR9wz';

function lint(path: string, text: string): Finding[] {
  return lintText(path, text, { config: defaultConfig(), workspace: { exists: () => false }, rules: SECRET_RULES });
}

interface Files {
  env?: string;
  example?: string;
  gitignore?: string;
  git?: EnvGitState;
  name?: string;
  /** Which finding of the file to move (default: the only one). */
  rule?: string;
}

function fixFor(path: string, text: string, files: Files = {}): Fix | undefined {
  const findings = lint(path, text).filter((finding) => !files.rule || finding.ruleId === files.rule);
  assert.equal(findings.length, 1, findings.map((f) => f.ruleId).join(', '));
  return moveToEnvFix({
    path,
    text,
    finding: findings[0],
    ...(files.name ? { name: files.name } : {}),
    env: { path: '.env', text: files.env, git: files.git ?? 'ignored' },
    example: { path: '.env.example', text: files.example },
    gitignore: files.gitignore,
  });
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 1, text), [...edits]);
}

interface Moved {
  title: string;
  source: string;
  /** Each file's text after the fix; absent when the fix did not touch it. */
  files: Record<string, string>;
  created: string[];
}

function move(path: string, text: string, files: Files = {}): Moved {
  const fix = fixFor(path, text, files);
  assert.ok(fix, 'no Move to .env action');
  assert.equal(fix.safe, false, 'a suggestion, never applied by --fix or fix-all');
  const before: Record<string, string | undefined> = { '.env': files.env, '.env.example': files.example, '.gitignore': files.gitignore };
  const result: Moved = { title: localize(fix.title), source: apply(text, fix.edits), files: {}, created: [] };
  for (const change of fix.changes ?? []) {
    assert.equal(change.create === true, before[change.file] === undefined, `${change.file}: created only when missing, never overwritten`);
    if (change.create) result.created.push(change.file);
    result.files[change.file] = apply(before[change.file] ?? '', change.edits);
  }
  return result;
}

/** The moved source has no secret left, and `.env` gives back the value. */
function assertMoved(path: string, moved: Moved, name: string, value = KEY): void {
  assert.deepEqual(lint(path, moved.source).map((f) => f.ruleId), []);
  const env = parseEnvFile('.env', moved.files['.env']).entries.filter((entry) => entry.key === name);
  assert.deepEqual(env.map((entry) => entry.value), [value]);
  for (const text of [moved.title, moved.files['.env.example'] ?? '']) assert.ok(!text.includes(value), 'the secret shows only in .env');
}

describe('Move to .env', () => {
  describe('per language', () => {
    it('TypeScript: a literal the key fills becomes process.env, asserted to be a string as the literal was', () => {
      const path = 'src/billing.ts';
      const moved = move(path, `import Stripe from 'stripe';\nconst stripe = new Stripe('${KEY}');\n`);
      assert.equal(moved.title, `Move the value (sk_live_…${TAIL}) to .env as STRIPE_API_KEY`);
      assert.equal(moved.source, `import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_API_KEY!);\n`);
      assert.deepEqual(moved.created, ['.env', '.env.example']);
      assert.equal(moved.files['.env'], `STRIPE_API_KEY=${KEY}\n`);
      assert.equal(
        moved.files['.env.example'],
        '# ========================================\n# INTEGRACIONES EXTERNAS\n# ========================================\n\n# Stripe (Pagos)\nSTRIPE_API_KEY=sk_test_xxxxx\n',
      );
      assertMoved(path, moved, 'STRIPE_API_KEY');
    });

    it('JavaScript: a key inside a longer string stays in place, the string split around the read', () => {
      const path = 'src/client.js';
      const moved = move(path, `const headers = { Authorization: "Bearer ${KEY}" };\n`);
      assert.equal(moved.source, 'const headers = { Authorization: "Bearer " + process.env.STRIPE_API_KEY };\n');
      assertMoved(path, moved, 'STRIPE_API_KEY');
    });

    it('JavaScript: in a template literal the read goes in a placeholder; parentheses where a method follows the string', () => {
      assert.equal(move('a.js', `const auth = \`Bearer \${scheme} ${KEY}\`;\n`).source, 'const auth = `Bearer ${scheme} ${process.env.STRIPE_API_KEY}`;\n');
      assert.equal(move('a.js', `send("key=${KEY}".trim());\n`).source, 'send(("key=" + process.env.STRIPE_API_KEY).trim());\n');
    });

    it('Python without `import os`: the import is added with the module\'s imports, after the docstring', () => {
      const path = 'app/billing.py';
      const text = `"""Billing."""\nimport stripe\n\nstripe.api_key = "${KEY}"\n`;
      const moved = move(path, text);
      assert.equal(moved.source, `"""Billing."""\nimport os\nimport stripe\n\nstripe.api_key = os.environ["STRIPE_API_KEY"]\n`);
      assertMoved(path, moved, 'STRIPE_API_KEY');
    });

    it('Python without any import: `import os` after the header, apart from the code', () => {
      const moved = move('job.py', `#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nAPI_KEY = '${KEY}'\n`);
      assert.equal(moved.source, '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nimport os\n\nAPI_KEY = os.environ["STRIPE_API_KEY"]\n');
    });

    it('Python with `import os` (or `import os.path`): only the literal changes', () => {
      for (const head of ['import os\n', 'import sys, os\n', 'import os.path\n']) {
        const moved = move('a.py', `${head}client = Client(api_key=f"${KEY}")\n`);
        assert.equal(moved.source, `${head}client = Client(api_key=os.environ["STRIPE_API_KEY"])\n`);
      }
      // `import os as o` does not bind `os`.
      assert.match(move('a.py', `import os as o\nk = "${KEY}"\n`).source, /^import os\nimport os as o\n/);
    });

    it('Go: os.Getenv, "os" imported in order, a constant made a variable', () => {
      const path = 'cmd/api/main.go';
      const text = `package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\t"strings"\n)\n\nconst stripeKey = "${KEY}"\n`;
      const moved = move(path, text);
      assert.equal(moved.source, 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\t"os"\n\t"strings"\n)\n\nvar stripeKey = os.Getenv("STRIPE_API_KEY")\n');
      assertMoved(path, moved, 'STRIPE_API_KEY');
      assert.equal(
        move('main.go', `package main\n\nfunc main() {\n\tkey := "${KEY}"\n}\n`).source,
        'package main\n\nimport "os"\n\nfunc main() {\n\tkey := os.Getenv("STRIPE_API_KEY")\n}\n',
      );
    });

    it('Go: no action inside a const block, where a run-time value cannot go', () => {
      assert.equal(fixFor('a.go', `package main\n\nconst (\n\tstripeKey = "${KEY}"\n)\n`), undefined);
    });

    it('Java and Kotlin: System.getenv, no import needed; Kotlin drops `const`', () => {
      const java = move('src/main/java/Billing.java', `class Billing {\n  private static final String KEY = "${KEY}";\n}\n`);
      assert.equal(java.source, 'class Billing {\n  private static final String KEY = System.getenv("STRIPE_API_KEY");\n}\n');
      assertMoved('Billing.java', java, 'STRIPE_API_KEY');
      assert.equal(move('Billing.kt', `const val KEY = "${KEY}"\n`).source, 'val KEY = System.getenv("STRIPE_API_KEY")\n');
    });

    it('YAML / Compose: ${NAME} in place of the value, plain or quoted, in a mapping or an environment list', () => {
      const path = 'docker-compose.yml';
      const plain = move(path, `services:\n  api:\n    environment:\n      STRIPE_API_KEY: ${KEY} # live\n`);
      assert.equal(plain.source, 'services:\n  api:\n    environment:\n      STRIPE_API_KEY: ${STRIPE_API_KEY} # live\n');
      assertMoved(path, plain, 'STRIPE_API_KEY');
      assert.equal(move(path, `environment:\n  - STRIPE_API_KEY=${KEY}\n`).source, 'environment:\n  - STRIPE_API_KEY=${STRIPE_API_KEY}\n');
      assert.equal(move(path, `stripe: { key: ${KEY} }\n`).source, 'stripe: { key: "${STRIPE_API_KEY}" }\n');
    });

    it('shell and Dockerfile: "${NAME}" where the value was unquoted, ${NAME} inside double quotes, single quotes closed around it', () => {
      const sh = move('scripts/deploy.sh', `#!/bin/sh\nexport STRIPE_API_KEY=${KEY}\n`);
      assert.equal(sh.source, '#!/bin/sh\nexport STRIPE_API_KEY="${STRIPE_API_KEY}"\n');
      assertMoved('deploy.sh', sh, 'STRIPE_API_KEY');
      assert.equal(move('a.sh', `curl -H "Authorization: Bearer ${KEY}" "$URL"\n`).source, 'curl -H "Authorization: Bearer ${STRIPE_API_KEY}" "$URL"\n');
      assert.equal(move('a.sh', `curl -u '${KEY}:' "$URL"\n`).source, `curl -u "\${STRIPE_API_KEY}"':' "$URL"\n`);
      assert.equal(move('Dockerfile', `FROM node:20\nENV STRIPE_API_KEY=${KEY}\n`).source, 'FROM node:20\nENV STRIPE_API_KEY="${STRIPE_API_KEY}"\n');
    });

    it('offers nothing where there is no env read to write: Markdown, JSON, a comment, a CI workflow', () => {
      assert.equal(fixFor('README.md', `Use \`${KEY}\`.\n`), undefined);
      assert.equal(fixFor('config/keys.json', `{ "stripe": "${KEY}" }\n`), undefined);
      assert.equal(fixFor('a.ts', `// old key: '${KEY}'\nexport {};\n`), undefined);
      assert.equal(fixFor('.github/workflows/ci.yml', `env:\n  STRIPE_API_KEY: ${KEY}\n`), undefined);
    });
  });

  describe('what it writes', () => {
    it('a URL with a password moves whole, as DATABASE_URL, with a placeholder keeping its shape', () => {
      const path = 'src/db.ts';
      const url = `postgres://app:${PASSWORD}@db.internal:5432/app`;
      const moved = move(path, `export const pool = new Pool({ connectionString: "${url}" });\n`);
      assert.equal(moved.title, 'Move the value (postgres://app:…@db.internal) to .env as DATABASE_URL');
      assert.equal(moved.source, 'export const pool = new Pool({ connectionString: process.env.DATABASE_URL! });\n');
      assert.ok(moved.files['.env.example'].endsWith('# Otros\nDATABASE_URL=postgres://app:xxxxx@db.internal:5432/app\n'));
      assertMoved(path, moved, 'DATABASE_URL', url);
    });

    it('a URL assigned to a name that says which URL keeps that name; `jdbc:` moves with it', () => {
      assert.equal(move('a.py', `import os\nMONGO_URI = "mongodb://svc:${PASSWORD}@mongo:27017/app"\n`).source, 'import os\nMONGO_URI = os.environ["MONGO_URI"]\n');
      const java = move('Db.java', `String url = "jdbc:postgresql://app:${PASSWORD}@db:5432/app";\n`);
      assert.equal(java.source, 'String url = System.getenv("DATABASE_URL");\n');
      assert.equal(parseEnvFile('.env', java.files['.env']).entries[0].value, `jdbc:postgresql://app:${PASSWORD}@db:5432/app`);
    });

    it('a generic secret goes under the name it was assigned to; a value dotenv would change is quoted', () => {
      const password = 'p#ss$w0rd=Zq8!';
      const moved = move('src/db.ts', `const dbPassword = "${password}";\n`);
      assert.equal(moved.title, 'Move the value (…) to .env as DB_PASSWORD');
      assert.equal(moved.files['.env'], `DB_PASSWORD='${password}'\n`);
      assertMoved('src/db.ts', moved, 'DB_PASSWORD', password);
    });

    it('a private key with escaped line breaks goes to .env in double quotes, read back with its line breaks', () => {
      const pem = fake('pkcs8-key-json');
      const path = 'src/sign.js';
      const moved = move(path, `const privateKey = "${pem}\\n";\n`);
      assert.equal(moved.source, 'const privateKey = process.env.PRIVATE_KEY + "\\n";\n');
      assert.equal(moved.files['.env'], `PRIVATE_KEY="${pem}"\n`);
      assertMoved(path, moved, 'PRIVATE_KEY', pem.replace(/\\n/g, '\n'));
      // Over several lines in a template literal: the read goes in a placeholder, the trailing line break stays.
      const lines = fake('pkcs8-key');
      const template = move(path, `const privateKey = \`${lines}\n\`;\n`);
      assert.equal(template.source, 'const privateKey = `${process.env.PRIVATE_KEY}\n`;\n');
      assertMoved(path, template, 'PRIVATE_KEY', lines);
    });

    it('dotenvAssignment writes only what dotenv reads back unchanged', () => {
      assert.equal(dotenvAssignment('A', 'plain-value_1'), 'A=plain-value_1');
      assert.equal(dotenvAssignment('A', 'with space'), "A='with space'");
      assert.equal(dotenvAssignment('A', "it's $HOME"), 'A="it\'s $HOME"');
      assert.equal(dotenvAssignment('A', 'line1\nline2'), 'A="line1\\nline2"');
      assert.equal(dotenvAssignment('A', 'both \' and " and `\nand a break'), undefined);
    });
  });

  describe('.env and .env.example as they are', () => {
    it('appends to an existing .env and into the provider\'s block of .env.example, keeping CRLF', () => {
      const env = 'NODE_ENV=development\r\nPORT=3000';
      const example = '# Stripe (Pagos)\r\nSTRIPE_WEBHOOK_SECRET=whsec_xxxxx\r\n\r\nPORT=3000\r\n';
      const moved = move('src/a.ts', `const k = "${KEY}";\r\n`, { env, example });
      assert.deepEqual(moved.created, []);
      assert.equal(moved.files['.env'], `NODE_ENV=development\r\nPORT=3000\r\nSTRIPE_API_KEY=${KEY}\r\n`);
      assert.equal(moved.files['.env.example'], '# Stripe (Pagos)\r\nSTRIPE_WEBHOOK_SECRET=whsec_xxxxx\r\nSTRIPE_API_KEY=sk_test_xxxxx\r\n\r\nPORT=3000\r\n');
      assert.equal(moved.source, 'const k = process.env.STRIPE_API_KEY!;\r\n');
    });

    it('Python in a CRLF file gets `import os` with CRLF', () => {
      assert.equal(move('a.py', `import json\r\nKEY = "${KEY}"\r\n`).source, 'import os\r\nimport json\r\nKEY = os.environ["STRIPE_API_KEY"]\r\n');
    });

    it('.env already holding the variable with the same value: only the source changes', () => {
      const moved = move('src/a.ts', `const k = "${KEY}";\n`, { env: `STRIPE_API_KEY=${KEY}\n`, example: 'STRIPE_API_KEY=sk_test_xxxxx\n' });
      assert.equal(moved.title, `Replace the value (sk_live_…${TAIL}) with STRIPE_API_KEY, which .env already holds`);
      assert.deepEqual(Object.keys(moved.files), []);
      assert.equal(moved.source, 'const k = process.env.STRIPE_API_KEY!;\n');
    });

    it('.env holding the variable with another value: never overwritten, the value goes under NAME_2', () => {
      const other = fake('stripe-live', 'another key');
      const env = `STRIPE_API_KEY=${other}\n`;
      const moved = move('src/a.ts', `const k = "${KEY}";\n`, { env, example: 'STRIPE_API_KEY=sk_test_xxxxx\n' });
      assert.equal(moved.title, `Move the value (sk_live_…${TAIL}) to .env as STRIPE_API_KEY_2: STRIPE_API_KEY there holds another value`);
      assert.equal(moved.files['.env'], `${env}STRIPE_API_KEY_2=${KEY}\n`);
      assert.equal(moved.files['.env.example'], 'STRIPE_API_KEY=sk_test_xxxxx\n\n# ========================================\n# INTEGRACIONES EXTERNAS\n# ========================================\n\n# Stripe (Pagos)\nSTRIPE_API_KEY_2=sk_test_xxxxx\n');
      assert.equal(moved.source, 'const k = process.env.STRIPE_API_KEY_2!;\n');
      assertMoved('src/a.ts', moved, 'STRIPE_API_KEY_2');
    });

    it('uses the name the user chose', () => {
      assert.equal(move('a.ts', `const k = "${KEY}";\n`, { name: 'BILLING_STRIPE_KEY' }).source, 'const k = process.env.BILLING_STRIPE_KEY!;\n');
      assert.equal(fixFor('a.ts', `const k = "${KEY}";\n`, { name: 'not a name' }), undefined);
    });

    it('appends after a last line whose quote never closes, which dotenv reads as it was', () => {
      const pem = fake('pkcs8-key-json');
      const moved = move('a.js', `const privateKey = "${pem}";\n`, { env: 'CERT="abc' });
      assert.deepEqual(parseEnvFile('.env', moved.files['.env']).entries.map((entry) => entry.key), ['CERT', 'PRIVATE_KEY']);
      assertMoved('a.js', moved, 'PRIVATE_KEY', pem.replace(/\\n/g, '\n'));
    });
  });

  describe('git', () => {
    it('.env not ignored: the action adds it to .gitignore first, and moves nothing', () => {
      const fix = fixFor('src/a.ts', `const k = "${KEY}";\n`, { git: 'not-ignored', gitignore: 'node_modules/\n' });
      assert.ok(fix);
      assert.equal(localize(fix.title), `Add .env to .gitignore before moving the value (sk_live_…${TAIL}) there`);
      assert.deepEqual(fix.edits, []);
      assert.deepEqual(fix.changes?.map((c) => [c.file, apply('node_modules/\n', c.edits), c.create]), [['.gitignore', 'node_modules/\n/.env\n', undefined]]);
      const created = fixFor('src/a.ts', `const k = "${KEY}";\n`, { git: 'not-ignored' });
      assert.deepEqual(created?.changes?.map((c) => [c.file, apply('', c.edits), c.create]), [['.gitignore', '/.env\n', true]]);
    });

    it('.env tracked by git: nothing (env/committed says what to do)', () => {
      assert.equal(fixFor('src/a.ts', `const k = "${KEY}";\n`, { git: 'tracked' }), undefined);
    });
  });
});
