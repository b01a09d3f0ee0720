import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ApplyWorkspaceEditRequest,
  ExecuteCommandRequest,
  type ApplyWorkspaceEditResult,
  type CodeAction,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import type { GenerateResult } from '../../server/src/lsp/generate';
import { cleanWorkspace, serverPerTest, TestClient } from '../lsp/client';
import { ALL, brokenDoc, KEY, SOURCE, STRIPE } from './lsp-actions';

// Concurrent edits over LSP (issue 9): code actions are computed for one
// version of a document; if it changes before the user picks one, the edit
// must be refused, not applied to other text. An editor can only refuse what
// says which version it is for: every WorkspaceEdit the server returns or
// sends is document changes, each TextDocumentEdit at the version the server
// computed it for (null only for a file that is not open). Checked over stdio
// on the bundled server, for every kind of action it offers.


/**
 * Applies an edit as an editor applies workspace/applyEdit (vscode-languageclient's
 * handleApplyWorkspaceEdit): refused whole when a TextDocumentEdit names a version
 * an open document no longer has; else applied to the open buffers.
 */
function applyAsEditor(edit: WorkspaceEdit, buffers: Map<string, TextDocument>): ApplyWorkspaceEditResult {
  const changes = edit.documentChanges ?? [];
  for (const change of changes) {
    if (!('textDocument' in change) || change.textDocument.version === null) continue;
    const open = buffers.get(change.textDocument.uri);
    if (open && open.version !== change.textDocument.version) return { applied: false, failureReason: `version ${change.textDocument.version} of a document now at ${open.version}` };
  }
  for (const change of changes) {
    if (!('textDocument' in change)) continue;
    const open = buffers.get(change.textDocument.uri);
    if (open) buffers.set(open.uri, TextDocument.create(open.uri, open.languageId, open.version + 1, TextDocument.applyEdits(open, change.edits)));
  }
  return { applied: true };
}

describe('concurrent edits over LSP: every edit names the version it was computed for', function () {
  this.timeout(30_000);
  const startServer = serverPerTest();

  /** The server over a clean workspace with .env ignored, the doc and .env.example open (the latter at version 3), and a source holding a key. */
  async function open(): Promise<{ c: TestClient; doc: string; example: string; source: string; text: string }> {
    const root = cleanWorkspace();
    writeFileSync(join(root, '.gitignore'), '.env\n');
    writeFileSync(join(root, SOURCE), `export const stripeKey = '${KEY}';\n`);
    const c = await startServer({ root });
    await c.indexed;
    const example = await c.open('.env.example', readFileSync(join(root, '.env.example'), 'utf8'), 'dotenv');
    const exampleText = readFileSync(join(root, '.env.example'), 'utf8');
    await c.change(example, `${exampleText}# sin guardar\n`);
    await c.change(example, `${exampleText}# sin guardar todavia\n`);
    const text = brokenDoc(root);
    const doc = await c.open(STRIPE, text);
    const source = await c.open(SOURCE, readFileSync(join(root, SOURCE), 'utf8'), 'typescript');
    await c.diagnostics(doc);
    await c.diagnostics(source);
    return { c, doc, example, source, text };
  }

  /** Every action for the whole document: quick fixes (all findings) and fix-all. */
  async function actionsFor(c: TestClient, uri: string): Promise<CodeAction[]> {
    return [...(await c.codeActions(uri, ALL)), ...(await c.codeActions(uri, ALL, [], ['source.fixAll.simco-int']))];
  }

  /** What each action's edit says: no plain `changes`, and per document change its uri and version. */
  function versions(actions: readonly CodeAction[]): Array<[string, string, number | null | 'create']> {
    return actions.flatMap((action) => {
      assert.ok(action.edit, `${action.title} has an edit`);
      assert.equal(action.edit.changes, undefined, `${action.title}: plain changes carry no version`);
      return (action.edit.documentChanges ?? []).map((change): [string, string, number | null | 'create'] =>
        'kind' in change ? [action.title, change.kind === 'create' ? change.uri : '?', 'create'] : [action.title, change.textDocument.uri, change.textDocument.version],
      );
    });
  }

  it('quick fixes, suggestions, fix-all, rename everywhere, suppressions and Move to .env carry the versions they saw', async () => {
    const { c, doc, example, source, text } = await open();
    const expected = (version: number) => (uri: string): number | null => (uri === doc ? version : uri === example ? 3 : uri === source ? 1 : null);
    const check = (actions: readonly CodeAction[], version: number): void => {
      const seen = versions(actions);
      for (const [title, uri, got] of seen) if (got !== 'create') assert.equal(got, expected(version)(uri), `${title}: ${uri}`);
      const kinds = new Set(actions.map((a) => a.title.replace(/ .*/, '')));
      // Not vacuous: every kind of action was there to check.
      for (const kind of ['Write', 'Rename', 'Suppress', 'Fix', 'Add']) assert.ok(kinds.has(kind), `an action starting "${kind}" among ${[...kinds].join(', ')}`);
      assert.ok(actions.some((a) => a.title.includes('in every file')), 'the rename in every file is among them');
      assert.ok(seen.some(([, uri]) => uri === example), 'one edits the open .env.example');
    };
    check(await actionsFor(c, doc), 1);
    // The document changes: the actions computed now name version 2, and the old ones still name 1.
    await c.change(doc, `<!-- nota -->\n${text}`);
    check(await actionsFor(c, doc), 2);

    const move = (await c.codeActions(source, ALL)).find((action) => action.title.startsWith('Move'));
    assert.ok(move, 'Move to .env is offered');
    assert.deepEqual(
      versions([move]).map(([, uri, version]) => [uri.slice(uri.lastIndexOf('/') + 1), version]),
      // .env.example declares STRIPE_API_KEY already: only the source and the new .env are edited.
      [['charge.ts', 1], ['.env', 'create'], ['.env', null]],
    );
  });

  it('an action computed before the document changed is refused by the editor; one computed after applies and clears its finding', async () => {
    const { c, doc, text } = await open();
    const stale = (await c.codeActions(doc, ALL, [], ['source.fixAll.simco-int']))[0];
    const changed = `<!-- nota -->\n${text}`;
    await c.change(doc, changed);
    const buffers = new Map([[doc, TextDocument.create(doc, 'markdown', 2, changed)]]);
    // Applied blindly, the stale edit would land one line off: that is what the version prevents.
    const blind = TextDocument.applyEdits(buffers.get(doc)!, (stale.edit!.documentChanges![0] as TextDocumentEdit).edits);
    assert.ok(!blind.includes('# INT-001: Stripe\n'), 'the stale edit does not fit the new text');
    assert.deepEqual(applyAsEditor(stale.edit!, buffers), { applied: false, failureReason: 'version 1 of a document now at 2' });
    assert.equal(buffers.get(doc)!.getText(), changed, 'nothing was applied');

    const fresh = (await c.codeActions(doc, ALL, [], ['source.fixAll.simco-int']))[0];
    assert.deepEqual(applyAsEditor(fresh.edit!, buffers), { applied: true });
    const fixed = buffers.get(doc)!.getText();
    assert.ok(fixed.startsWith('<!-- nota -->\n# INT-001: Stripe\n'), fixed.slice(0, 40));
    await c.change(doc, fixed);
    const left = await c.diagnostics(doc, (p) => p.version === 3);
    assert.deepEqual(left.map((d) => d.code).filter((code) => code === 'int-doc/title' || code === 'int-doc/metadata-estado'), []);
  });

  it('workspace/applyEdit from the server names the open inventory\'s version: an edit the user overtook is refused and nothing is created', async () => {
    const { c } = await open();
    const inventoryText = readFileSync(join(c.root, 'MASTER_INVENTORY.yml'), 'utf8');
    const inventory = await c.open('MASTER_INVENTORY.yml', inventoryText, 'yaml');
    await c.change(inventory, `${inventoryText}# 1\n`);
    const buffers = new Map([[inventory, TextDocument.create(inventory, 'yaml', 2, `${inventoryText}# 1\n`)]]);
    const sent: WorkspaceEdit[] = [];
    // The user types in the inventory while the server plans: the editor's buffer is a version ahead of the edit.
    c.connection.onRequest(ApplyWorkspaceEditRequest.type, async ({ edit }) => {
      sent.push(edit);
      const typed = `${inventoryText}# 1\n# 2\n`;
      buffers.set(inventory, TextDocument.create(inventory, 'yaml', 3, typed));
      await c.change(inventory, typed);
      return applyAsEditor(edit, buffers);
    });
    const result = (await c.connection.sendRequest(ExecuteCommandRequest.type, { command: 'simco-int.server.generateIntDoc', arguments: [{ provider: 'sendgrid' }] })) as GenerateResult;
    assert.deepEqual(result, { ok: false, message: 'The editor did not apply the changes (version 2 of a document now at 3); nothing was created.' });
    const inventoryEdit = sent[0].documentChanges?.find((change) => 'textDocument' in change && change.textDocument.uri === inventory) as TextDocumentEdit;
    assert.equal(inventoryEdit.textDocument.version, 2, 'the edit names the version the plan read');
    assert.ok(!existsSync(join(c.root, 'docs/02-integraciones/INT-004-sendgrid.md')));
    assert.equal(readFileSync(join(c.root, 'MASTER_INVENTORY.yml'), 'utf8'), inventoryText);
  });
});
