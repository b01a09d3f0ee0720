import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidCloseTextDocumentNotification, ResponseError, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { localize, message } from '../../server/src/engine/messages';
import { RESOLVE_TEMPLATES } from '../../server/src/lsp/code-actions';
import { removeTempDirs } from '../cli/workspace';
import { replaceOnce } from '../helpers';
import { cleanWorkspace, TestClient } from '../lsp/client';
import { ALL, brokenDoc, KEY, SOURCE, STRIPE } from './lsp-actions';

// Stale code actions in VS Code (issue 9): vscode-languageclient drops the
// document versions of a code action's edit, so an edit computed for an
// earlier text would be applied to the new one. A client that resolves edits
// (as VS Code declares) is offered actions without edits; the edit is made
// when one is picked (codeAction/resolve), and refused with ContentModified
// when the document changed since it was offered. Over stdio, bundled server.

const FIX_ALL = ['source.fixAll.simco-int'];
const CONTENT_MODIFIED = -32801;

/** A clean workspace with .env ignored, a source holding a live key, and nothing else changed on disk. */
function workspace(): string {
  const root = cleanWorkspace();
  writeFileSync(join(root, '.gitignore'), '.env\n');
  writeFileSync(join(root, SOURCE), `export const stripeKey = '${KEY}';\n`);
  return root;
}

/** Every file of the workspace with its text: what must not change when an action is refused. */
function snapshot(root: string): Record<string, string> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(files.map((entry) => [join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'utf8')]));
}

/** Applies an edit's changes to one document's text, as an editor applies them to its buffer. */
function applyTo(uri: string, text: string, edit: WorkspaceEdit | undefined): string {
  assert.ok(edit?.documentChanges, 'the edit is document changes');
  const edits = edit.documentChanges.flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits : []));
  assert.ok(edits.length > 0, `the edit changes ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}

/** What the editor shows of an action before it is picked: all of it but the edit and the data. */
const shown = ({ title, kind, isPreferred, diagnostics }: CodeAction) => ({ title, kind, isPreferred, diagnostics });

/** The error a refused resolve ends with, as the client receives it. */
async function refusal(c: TestClient, action: CodeAction): Promise<{ code: number; message: string }> {
  try {
    await c.resolveCodeAction(action);
    // Not the edit: Move to .env's holds the key.
    assert.fail(`"${action.title}" was resolved instead of refused`);
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return { code: error.code, message: error.message };
  }
}

describe('stale code actions over LSP: a client that resolves edits gets them only for the version it was offered', function () {
  this.timeout(30_000);
  const clients: TestClient[] = [];
  const start = async (root: string, options: { resolveEdits?: boolean; locale?: string } = {}): Promise<TestClient> => {
    const c = await TestClient.start({ root, ...options });
    clients.push(c);
    await c.indexed;
    return c;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.stop();
  });
  after(removeTempDirs);

  /** A client (resolving edits, as VS Code) with the broken doc and the source with a key open, their diagnostics in. */
  async function opened(root: string, options: { resolveEdits?: boolean; locale?: string } = {}): Promise<{ c: TestClient; doc: string; source: string; text: string; diagnostics: Diagnostic[] }> {
    const c = await start(root, options);
    const text = brokenDoc(root);
    const doc = await c.open(STRIPE, text);
    const source = await c.open(SOURCE, readFileSync(join(root, SOURCE), 'utf8'), 'typescript');
    const diagnostics = await c.diagnostics(doc);
    await c.diagnostics(source);
    return { c, doc, source, text, diagnostics };
  }

  it('offers the same actions as to a client that does not resolve, without edits; resolved, each has the very edit the other client got inline', async () => {
    const root = workspace();
    const lazy = await opened(root);
    const inline = await opened(root, { resolveEdits: false });
    assert.equal(lazy.c.initialized.capabilities.codeActionProvider && typeof lazy.c.initialized.capabilities.codeActionProvider === 'object' && lazy.c.initialized.capabilities.codeActionProvider.resolveProvider, true);
    for (const [uri, only] of [[lazy.doc, undefined], [lazy.doc, FIX_ALL], [lazy.source, undefined]] as const) {
      const offered = await lazy.c.offeredCodeActions(uri, ALL, [], only && [...only]);
      const given = await inline.c.offeredCodeActions(uri, ALL, [], only && [...only]);
      assert.deepEqual(offered.map(shown), given.map(shown), 'titles, kinds, preference and diagnostics as before');
      for (const [i, action] of offered.entries()) {
        assert.equal(action.edit, undefined, `${action.title}: offered without its edit`);
        assert.equal(given[i].data, undefined, `${action.title}: inline, no data`);
        assert.ok(given[i].edit, `${action.title}: inline, with its edit`);
        assert.deepEqual(
          { uri: (action.data as { uri: string }).uri, version: (action.data as { version: number }).version },
          { uri, version: 1 },
          `${action.title}: its data names the document and the version it was offered for`,
        );
        const resolved = await lazy.c.resolveCodeAction(action);
        assert.deepEqual({ ...resolved, edit: undefined }, { ...action, edit: undefined }, `${action.title}: resolving changes nothing but the edit`);
        assert.deepEqual(resolved.edit, given[i].edit, `${action.title}: the same edit`);
      }
      // Not vacuous: the actions were there.
      assert.ok(offered.length > 0, `actions for ${uri} ${only ?? ''}`);
    }
    const titles = (await lazy.c.offeredCodeActions(lazy.source, ALL)).map((action) => action.title);
    assert.ok(titles.some((title) => title.startsWith('Move the value')), titles.join('\n'));
  });

  it('applies a resolved quick fix and fix-all at the version they were offered: the text is fixed and the problems go', async () => {
    const { c, doc, text } = await opened(workspace());
    const [estado] = (await c.offeredCodeActions(doc, ALL)).filter((action) => action.title === 'Write "Implementado"');
    assert.ok(estado, 'the Estado quick fix is offered');
    const fixedEstado = applyTo(doc, text, (await c.resolveCodeAction(estado)).edit);
    assert.equal(fixedEstado, replaceOnce(text, '| Estado | implementado |', '| Estado | Implementado |'));
    await c.change(doc, fixedEstado);
    const left = await c.diagnostics(doc, (p) => p.version === 2);
    assert.ok(!left.some((d) => d.code === 'int-doc/metadata-estado'), 'the Estado problem is gone');

    const [fixAll] = await c.offeredCodeActions(doc, ALL, [], FIX_ALL);
    assert.equal((fixAll.data as { version: number }).version, 2);
    const fixed = applyTo(doc, fixedEstado, (await c.resolveCodeAction(fixAll)).edit);
    assert.ok(fixed.startsWith('# INT-001: Stripe\n'), fixed.slice(0, 40));
    // Renaming a heading is a suggestion: fix-all leaves it.
    assert.ok(fixed.includes('\n## Rate Limts\n'), 'the misspelt heading is left');
    await c.change(doc, fixed);
    const after = await c.diagnostics(doc, (p) => p.version === 3);
    assert.deepEqual(after.map((d) => d.code).filter((code) => code === 'int-doc/title' || code === 'int-doc/section-name'), ['int-doc/section-name']);
  });

  it('refuses, once the document changed, every action offered for the earlier version: ContentModified, and nothing changes', async () => {
    const root = workspace();
    const { c, doc, source, text } = await opened(root);
    const before = snapshot(root);
    const stale = [...(await c.offeredCodeActions(doc, ALL)), ...(await c.offeredCodeActions(doc, ALL, [], FIX_ALL))];
    const staleMove = (await c.offeredCodeActions(source, ALL)).filter((action) => action.title.startsWith('Move the value'));
    assert.equal(staleMove.length, 1, 'Move to .env is offered');
    const changed = `<!-- nota -->\n${text}`;
    await c.change(doc, changed);
    await c.change(source, `// nota\n${readFileSync(join(root, SOURCE), 'utf8')}`);

    const refused = { code: CONTENT_MODIFIED, message: RESOLVE_TEMPLATES.changed };
    for (const action of [...stale, ...staleMove]) assert.deepEqual(await refusal(c, action), refused, action.title);
    assert.ok(stale.length >= 12, `every kind of action was tried (${stale.length})`);
    // Nothing was applied: the client got no edit, the server sent none, no file changed or appeared (.env among them).
    assert.deepEqual(c.editRequests, []);
    assert.deepEqual(snapshot(root), before);
    assert.ok(!existsSync(join(root, '.env')));
    const stillThere = await c.diagnostics(doc, (p) => p.version === 2);
    assert.ok(stillThere.some((d) => d.code === 'int-doc/metadata-estado'), 'the problem is still reported for the new text');

    // Offered again for the new text, the same fix resolves, names version 2 and applies where the text now is.
    const fresh = (await c.offeredCodeActions(doc, ALL)).find((action) => action.title === 'Write "Implementado"')!;
    const edit = (await c.resolveCodeAction(fresh)).edit;
    assert.deepEqual(edit?.documentChanges?.map((change) => ('textDocument' in change ? change.textDocument : change)), [{ uri: doc, version: 2 }]);
    assert.equal(applyTo(doc, changed, edit), replaceOnce(changed, '| Estado | implementado |', '| Estado | Implementado |'));
  });

  it('refuses an action that other files changed meanwhile, or whose document was closed', async () => {
    const root = workspace();
    const { c, doc, source } = await opened(root);
    const [move] = (await c.offeredCodeActions(source, ALL)).filter((action) => action.title.startsWith('Move the value'));
    const [add] = (await c.offeredCodeActions(doc, ALL)).filter((action) => action.title.startsWith('Add stripe_publishable_key to .env.example'));
    assert.ok(move && add, 'both actions are offered');

    // .env no longer ignored: at the same version of the source, the secret's action is now "Add .env to .gitignore", not the move the user picked.
    writeFileSync(join(root, '.gitignore'), '');
    assert.deepEqual(await refusal(c, move), { code: CONTENT_MODIFIED, message: RESOLVE_TEMPLATES.gone });
    assert.ok((await c.offeredCodeActions(source, ALL)).some((action) => action.title.startsWith('Add .env to .gitignore')));
    writeFileSync(join(root, '.gitignore'), '.env\n');
    assert.ok((await c.resolveCodeAction(move)).edit, 'ignored again: the move resolves');
    await c.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: source } });
    assert.deepEqual(await refusal(c, move), { code: CONTENT_MODIFIED, message: RESOLVE_TEMPLATES.changed });

    // The doc is still at version 1, but .env.example, opened and edited, now declares the variable: the action has nothing left to do.
    const exampleText = readFileSync(join(root, '.env.example'), 'utf8');
    const example = await c.open('.env.example', exampleText, 'dotenv');
    await c.change(example, `${exampleText}stripe_publishable_key=pk_test_xxxxx\n`);
    await c.diagnostics(example, (p) => p.version === 2);
    assert.deepEqual(await refusal(c, add), { code: CONTENT_MODIFIED, message: RESOLVE_TEMPLATES.gone });
    assert.deepEqual(c.editRequests, []);
    assert.ok(!existsSync(join(root, '.env')));
  });

  it('says why in the client\'s language', async () => {
    const { c, doc, text } = await opened(workspace(), { locale: 'es' });
    const [action] = await c.offeredCodeActions(doc, ALL);
    await c.change(doc, `${text}\n`);
    assert.deepEqual(await refusal(c, action), { code: CONTENT_MODIFIED, message: localize(message(RESOLVE_TEMPLATES.changed), 'es') });
  });

  it('still gives a client that does not resolve edits every action with its edit, versioned, and applying it fixes the text', async () => {
    const { c, doc, source, text } = await opened(workspace(), { resolveEdits: false });
    const actions = [...(await c.offeredCodeActions(doc, ALL)), ...(await c.offeredCodeActions(doc, ALL, [], FIX_ALL)), ...(await c.offeredCodeActions(source, ALL))];
    for (const action of actions) {
      assert.ok(action.edit?.documentChanges, `${action.title}: inline, as document changes`);
      assert.equal(action.data, undefined, action.title);
    }
    const estado = actions.find((action) => action.title === 'Write "Implementado"')!;
    assert.deepEqual(estado.edit!.documentChanges!.map((change) => ('textDocument' in change ? change.textDocument : change)), [{ uri: doc, version: 1 }]);
    assert.equal(applyTo(doc, text, estado.edit), replaceOnce(text, '| Estado | implementado |', '| Estado | Implementado |'));
    // An action that carries nothing to resolve it from is given back as it is.
    assert.deepEqual(await c.resolveCodeAction(estado), estado);
  });
});
