import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { replaceOnce } from '../helpers';
import { cleanWorkspace, serverPerTest, type TestClient } from './client';

// "Move to .env" through the protocol: the WorkspaceEdit the server returns,
// applied the way an editor applies document changes, must leave the source
// reading the env var, the value in .env, a placeholder in .env.example,
// and the source free of secret findings.

const SOURCE = 'src/payments/charge.ts';

/** A fake live key built at run time: no file of the repository holds one (push protection). */
function fakeStripeKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return 'sk_' + 'live_' + Array.from(randomBytes(40), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Applies a WorkspaceEdit's document changes to the files on disk, as an editor would (a CreateFile never overwrites). */
function applyToDisk(edit: WorkspaceEdit | undefined): void {
  assert.ok(edit?.documentChanges, 'the action edits several files: document changes');
  for (const change of edit.documentChanges) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create');
      const path = fileURLToPath(change.uri);
      assert.ok(!existsSync(path), `${path} exists: a CreateFile with overwrite: false must not replace it`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, '');
      continue;
    }
    const path = fileURLToPath(change.textDocument.uri);
    const document = TextDocument.create(change.textDocument.uri, 'plaintext', 1, readFileSync(path, 'utf8'));
    writeFileSync(path, TextDocument.applyEdits(document, change.edits.filter((e) => 'range' in e)));
  }
}

const isSecret = (d: Diagnostic): boolean => String(d.code).startsWith('secret/');

describe('Move to .env (stdio)', function () {
  this.timeout(20000);
  const startServer = serverPerTest();

  async function secretActions(root: string, text: string): Promise<{ client: TestClient; uri: string; diagnostic: Diagnostic; actions: CodeAction[] }> {
    mkdirSync(join(root, 'src', 'payments'), { recursive: true });
    writeFileSync(join(root, SOURCE), text);
    const client = await startServer({ root });
    await client.indexed;
    const uri = await client.open(SOURCE, text, 'typescript');
    const diagnostic = (await client.diagnostics(uri, (p) => p.diagnostics.some(isSecret))).find(isSecret)!;
    return { client, uri, diagnostic, actions: await client.codeActions(uri, diagnostic.range, [diagnostic]) };
  }

  it('moves a hardcoded key: the source reads process.env, .env holds the value, .env.example the placeholder', async () => {
    const root = cleanWorkspace();
    writeFileSync(join(root, '.gitignore'), 'node_modules/\n.env\n');
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    writeFileSync(join(root, '.env.example'), replaceOnce(example, 'STRIPE_API_KEY=sk_test_xxxxx\n', ''));
    const key = fakeStripeKey();
    const { client, uri, diagnostic, actions } = await secretActions(root, `import Stripe from 'stripe';\n\nexport const stripe = new Stripe('${key}');\n`);

    assert.equal(diagnostic.code, 'secret/live-credential');
    const redacted = `sk_live_…${key.slice(-4)}`;
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
      [`Move the value (${redacted}) to .env as STRIPE_API_KEY`, false],
      ['Suppress secret/live-credential here with a comment', undefined],
    ]);
    assert.ok(!JSON.stringify(actions.map((a) => a.title)).includes(key), 'titles never show the secret');
    applyToDisk(actions[0].edit);

    const source = readFileSync(join(root, SOURCE), 'utf8');
    assert.equal(source, "import Stripe from 'stripe';\n\nexport const stripe = new Stripe(process.env.STRIPE_API_KEY!);\n");
    assert.equal(readFileSync(join(root, '.env'), 'utf8'), `STRIPE_API_KEY=${key}\n`);
    // Into Stripe's block, after its last variable.
    const withoutKey = replaceOnce(example, 'STRIPE_API_KEY=sk_test_xxxxx\n', '');
    assert.equal(readFileSync(join(root, '.env.example'), 'utf8'), replaceOnce(withoutKey, 'STRIPE_PUBLISHABLE_KEY=pk_test_xxxxx\n', 'STRIPE_PUBLISHABLE_KEY=pk_test_xxxxx\nSTRIPE_API_KEY=sk_test_xxxxx\n'));

    const version = await client.change(uri, source);
    const after = await client.diagnostics(uri, (p) => p.version === version);
    assert.deepEqual(after.filter(isSecret), []);
  });

  it('offers only "Add .env to .gitignore" while .env is not ignored, and the move once it is', async () => {
    const root = cleanWorkspace();
    const key = fakeStripeKey();
    const { client, uri, diagnostic, actions } = await secretActions(root, `export const key = "${key}";\n`);
    const redacted = `sk_live_…${key.slice(-4)}`;
    assert.deepEqual(actions.map((a) => a.title), [`Add .env to .gitignore before moving the value (${redacted}) there`, 'Suppress secret/live-credential here with a comment']);
    applyToDisk(actions[0].edit);
    assert.equal(readFileSync(join(root, '.gitignore'), 'utf8'), '/.env\n');
    assert.ok(!existsSync(join(root, '.env')), 'nothing is written to .env before it is ignored');

    const again = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    assert.equal(again[0].title, `Move the value (${redacted}) to .env as STRIPE_API_KEY`);
  });

  it('is never part of source.fixAll', async () => {
    const root = cleanWorkspace();
    writeFileSync(join(root, '.gitignore'), '.env\n');
    const { client, uri } = await secretActions(root, `export const key = "${fakeStripeKey()}";\n`);
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.simco-int']);
    assert.deepEqual(actions, []);
  });
});
