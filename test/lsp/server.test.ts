import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  type CodeAction,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { CLEAN, replaceOnce } from '../helpers';
import { cleanWorkspace, serverPerTest } from './client';

// The bundled language server over stdio, driven by a real JSON-RPC client:
// what any editor sees. `npm test` builds dist/ before mocha runs.

const STRIPE = 'docs/02-integraciones/INT-001-stripe.md';
const stripe = readFileSync(join(CLEAN, STRIPE), 'utf8');
const withEstado = (value: string) => replaceOnce(stripe, '| Estado | Implementado |', `| Estado | ${value} |`);


const brief = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${d.code} ${d.message}`;

function apply(text: string, action: CodeAction, uri: string): string {
  // Versioned document changes (code-actions.ts): an editor refuses them once the document has changed.
  const edits = action.edit?.documentChanges?.flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits : []));
  assert.ok(edits?.length, `${action.title} has no edit for ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
}

describe('language server (stdio)', function () {
  this.timeout(20000);
  const startServer = serverPerTest();

  it('publishes diagnostics for the unsaved text of an opened doc, with code, link and range', async () => {
    const client = await startServer({ root: cleanWorkspace() });
    const uri = await client.open(STRIPE, withEstado('Terminado'));
    const [diagnostic, ...rest] = await client.diagnostics(uri);
    assert.deepEqual(rest, []);
    assert.equal(brief(diagnostic), '10:12-21 int-doc/metadata-estado Expected Estado to be one of Implementado, Documentado, Pendiente; found "Terminado".');
    assert.equal(diagnostic.source, 'simco-int');
    assert.equal(diagnostic.codeDescription?.href, 'https://github.com/simco/simco-integraciones/blob/main/docs/rules/int-doc/metadata-estado.md');
  });

  it('speaks the client\'s language', async () => {
    const client = await startServer({ root: cleanWorkspace(), locale: 'es-MX' });
    const uri = await client.open(STRIPE, withEstado('Terminado'));
    const [diagnostic] = await client.diagnostics(uri);
    assert.equal(diagnostic.message, 'Se esperaba que Estado fuera uno de Implementado, Documentado, Pendiente; se encontro "Terminado".');
  });

  it('follows edits, and publishes only for the version the editor has after a burst of changes', async () => {
    const client = await startServer({ root: cleanWorkspace(), debounceMs: 50 });
    const uri = await client.open(STRIPE, stripe);
    assert.deepEqual(await client.diagnostics(uri), []);
    let version = 0;
    for (let i = 0; i < 20; i++) version = await client.change(uri, withEstado(i % 2 ? 'Terminado' : 'En curso'));
    version = await client.change(uri, withEstado('Pausado'));
    const last = await client.diagnostics(uri, (p) => p.version === version);
    assert.deepEqual(last.map(brief), ['10:12-19 int-doc/metadata-estado Expected Estado to be one of Implementado, Documentado, Pendiente; found "Pausado".']);
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version);
    // The same version may be published again (another file changed); an older one after a newer, never.
    assert.ok(versions.every((v, i) => i === 0 || (v ?? 0) >= (versions[i - 1] ?? 0)), `versions published out of order: ${versions}`);
  });

  it('answers pull diagnostics when the client asks for them', async () => {
    const client = await startServer({ root: cleanWorkspace(), pull: true });
    const uri = await client.open(STRIPE, withEstado('Terminado'));
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code), ['int-doc/metadata-estado']);
  });

  it('offers the safe fix as the preferred quick fix, and applying it clears the diagnostic', async () => {
    const client = await startServer({ root: cleanWorkspace() });
    const text = withEstado('implementado');
    const uri = await client.open(STRIPE, text);
    const [diagnostic] = await client.diagnostics(uri);
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
      ['Write "Implementado"', 'quickfix', true],
      ['Suppress int-doc/metadata-estado here with a comment', 'quickfix', undefined],
    ]);
    const fixed = apply(text, actions[0], uri);
    assert.equal(fixed, stripe);
    const version = await client.change(uri, fixed);
    assert.deepEqual(await client.diagnostics(uri, (p) => p.version === version), []);
  });

  it('suppresses a finding in a table row with a comment at the end of the row, and the diagnostic goes', async () => {
    const client = await startServer({ root: cleanWorkspace() });
    const text = withEstado('Terminado');
    const uri = await client.open(STRIPE, text);
    const [diagnostic] = await client.diagnostics(uri);
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const suppress = actions.find((a) => a.title.startsWith('Suppress'))!;
    const suppressed = apply(text, suppress, uri);
    assert.ok(suppressed.includes('| Estado | Terminado | <!-- simco-int-disable-line int-doc/metadata-estado -->\n'));
    const version = await client.change(uri, suppressed);
    assert.deepEqual(await client.diagnostics(uri, (p) => p.version === version), []);
  });

  it('fixes every safe problem at once with source.fixAll.simco-int', async () => {
    const client = await startServer({ root: cleanWorkspace() });
    const text = replaceOnce(withEstado('implementado'), '| Multi-tenant | Si |', '| Multi-tenant | sí |');
    const uri = await client.open(STRIPE, text);
    assert.equal((await client.diagnostics(uri)).length, 2);
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.simco-int']);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.simco-int']);
    assert.equal(apply(text, actions[0], uri), stripe);
  });

  it('checks open documents again when simco-int.config.json changes', async () => {
    const root = cleanWorkspace();
    const client = await startServer({ root });
    const uri = await client.open(STRIPE, withEstado('Terminado'));
    assert.equal((await client.diagnostics(uri)).length, 1);
    writeFileSync(join(root, 'simco-int.config.json'), JSON.stringify({ rules: { 'int-doc/metadata-estado': 'off' } }));
    const cleared = client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: client.uri('simco-int.config.json'), type: FileChangeType.Created }],
    });
    assert.deepEqual(await cleared, []);
  });

  it('checks an open INT doc again when an edit to .env.example changes what it is told, and the inventory when a doc changes', async () => {
    const root = cleanWorkspace();
    const client = await startServer({ root });
    await client.indexed;
    const doc = await client.open(STRIPE);
    assert.deepEqual(await client.diagnostics(doc), []);
    const inventory = await client.open('MASTER_INVENTORY.yml', readFileSync(join(root, 'MASTER_INVENTORY.yml'), 'utf8'), 'yaml');
    assert.deepEqual(await client.diagnostics(inventory), []);

    const env = await client.open('.env.example', readFileSync(join(root, '.env.example'), 'utf8'), 'dotenv');
    await client.diagnostics(env);
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    await client.change(env, replaceOnce(example, 'STRIPE_WEBHOOK_SECRET=whsec_xxxxx\n', ''));
    const told = await client.diagnostics(doc, (p) => p.diagnostics.length > 0);
    assert.deepEqual(told.map(brief), ['27:3-24 env/missing-in-example Expected STRIPE_WEBHOOK_SECRET in .env.example (directive 8.1); it is not declared there.']);
    await client.change(env, example);
    assert.deepEqual(await client.diagnostics(doc, (p) => p.diagnostics.length === 0), []);

    await client.change(doc, withEstado('Pendiente'));
    const registered = await client.diagnostics(inventory, (p) => p.diagnostics.length > 0);
    assert.deepEqual(registered.map(brief), [
      '6:13-21 inventory/metadata-mismatch Expected estado: "pendiente" as docs/02-integraciones/INT-001-stripe.md says (Estado: Pendiente); found "activo".',
    ]);
  });

  it('offers a fix that edits another file as one WorkspaceEdit: registering a doc creates the inventory', async () => {
    const root = cleanWorkspace();
    rmSync(join(root, 'MASTER_INVENTORY.yml'));
    const client = await startServer({ root });
    await client.indexed;
    const uri = await client.open(STRIPE);
    const diagnostics = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'inventory/unregistered-doc'));
    const diagnostic = diagnostics.find((d) => d.code === 'inventory/unregistered-doc')!;
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const register = actions.find((action) => action.title === 'Register this doc in MASTER_INVENTORY.yml');
    assert.ok(register, actions.map((a) => a.title).join(', '));
    assert.equal(register.isPreferred, false);
    const [create, edit] = register.edit?.documentChanges ?? [];
    const inventoryUri = client.uri('MASTER_INVENTORY.yml');
    assert.deepEqual(create, { kind: 'create', uri: inventoryUri, options: { overwrite: false, ignoreIfExists: false } });
    assert.ok(edit && 'edits' in edit);
    assert.deepEqual(edit.textDocument, { uri: inventoryUri, version: null });
    assert.equal(
      (edit.edits[0] as { newText: string }).newText,
      'integraciones:\n  - nombre: "Stripe"\n    proveedor: "Stripe"\n    tipo: "pagos"\n    estado: "activo"\n    multi_tenant: true\n    documentacion: "docs/02-integraciones/INT-001-stripe.md"\n',
    );
  });
});
