import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExecuteCommandRequest, type TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import type { GenerateResult, IntDocChoices } from '../../server/src/lsp/generate';
import { cleanWorkspace, serverPerTest, TestClient } from './client';

// The palette's "Generate INT doc" as the client drives it: the server plans
// from the workspace it indexed (open buffers included) and asks the editor
// to apply ONE WorkspaceEdit that creates the doc and edits the inventory
// and .env.example.

const GENERATE = 'simco-int.server.generateIntDoc';
const CHOICES = 'simco-int.server.intDocChoices';
const DOC = 'docs/02-integraciones/INT-004-sendgrid.md';

describe('language server: generating an INT doc', function () {
  this.timeout(20000);
  const startServer = serverPerTest();

  async function started(): Promise<TestClient> {
    const client = await startServer({ root: cleanWorkspace() });
    await client.indexed;
    return client;
  }

  const generate = (c: TestClient, answers: unknown) => c.connection.sendRequest(ExecuteCommandRequest.type, { command: GENERATE, arguments: [answers] }) as Promise<GenerateResult>;

  it('advertises its commands and offers the pickers\' choices', async () => {
    const c = await started();
    const commands = c.initialized.capabilities.executeCommandProvider?.commands ?? [];
    assert.ok(commands.includes(GENERATE) && commands.includes(CHOICES), commands.join());
    const choices = (await c.connection.sendRequest(ExecuteCommandRequest.type, { command: CHOICES })) as IntDocChoices;
    assert.deepEqual(choices.providers[0], { id: 'stripe', name: 'Stripe', tipo: 'Pagos' });
    assert.deepEqual(choices.tipos, ['Pagos', 'Auth', 'Notificaciones', 'Storage', 'Analytics']);
    assert.deepEqual(choices.estados, ['Implementado', 'Documentado', 'Pendiente']);
    assert.deepEqual(choices.credentialModels, ['Global', 'Por Tenant', 'Hibrido']);
  });

  it('creates the doc, registers it and adds its variables in one workspace edit', async () => {
    const c = await started();
    const result = await generate(c, { provider: 'sendgrid', today: '2026-05-04', multiTenant: true, credentialModel: 'Hibrido' });
    assert.deepEqual(result, { ok: true, uri: c.uri(DOC), path: DOC, code: 'INT-004', changed: [c.uri(DOC), c.uri('MASTER_INVENTORY.yml'), c.uri('.env.example')] });

    assert.equal(c.editRequests.length, 1);
    const changes = c.editRequests[0].edit.documentChanges ?? [];
    assert.deepEqual(
      changes.map((change) => ('kind' in change ? `${change.kind} ${'uri' in change ? change.uri : ''} ${JSON.stringify(change.options)}` : `edit ${change.textDocument.uri} v${change.textDocument.version}`)),
      [
        `create ${c.uri(DOC)} {"overwrite":false,"ignoreIfExists":false}`,
        `edit ${c.uri(DOC)} vnull`,
        `edit ${c.uri('MASTER_INVENTORY.yml')} vnull`,
        `edit ${c.uri('.env.example')} vnull`,
      ],
    );

    const doc = readFileSync(join(c.root, DOC), 'utf8');
    assert.ok(doc.startsWith('# INT-004: SendGrid\n'));
    assert.ok(doc.includes('| Multi-tenant | Si |\n| Fecha integracion | 2026-05-04 |'));
    assert.ok(doc.includes('Modelo de credenciales: **Hibrido**'));
    assert.ok(readFileSync(join(c.root, 'MASTER_INVENTORY.yml'), 'utf8').endsWith('\n  - nombre: "SendGrid"\n    proveedor: "SendGrid"\n    tipo: "notificaciones"\n    estado: "pendiente"\n    multi_tenant: true\n    documentacion: "docs/02-integraciones/INT-004-sendgrid.md"\n'));
    assert.ok(readFileSync(join(c.root, '.env.example'), 'utf8').includes('\n# SendGrid (Notificaciones)\nSENDGRID_API_KEY=SG.xxxxx\nSENDGRID_FROM_EMAIL=noreply@example.com\n'));
  });

  it('plans against an open buffer at its version', async () => {
    const c = await started();
    const inventory = `${readFileSync(join(c.root, 'MASTER_INVENTORY.yml'), 'utf8')}# sin guardar\n`;
    const uri = await c.open('MASTER_INVENTORY.yml', inventory, 'yaml');
    await c.change(uri, inventory);
    const result = await generate(c, { provider: 'slack' });
    assert.equal(result.ok, true);
    const edit = (c.editRequests[0].edit.documentChanges ?? []).find((change) => !('kind' in change) && change.textDocument.uri === uri) as TextDocumentEdit;
    assert.equal(edit.textDocument.version, 2);
    // The entry goes after the last entry, before the unsaved comment.
    assert.equal(edit.edits[0].range.start.line, 19);
  });

  it('says why when it creates nothing, and sends no edit', async () => {
    const c = await started();
    assert.deepEqual(await generate(c, { provider: 'Stripe Inc' }), { ok: false, message: '"MASTER_INVENTORY.yml" already registers an integration named "Stripe"; choose another name.' });
    assert.deepEqual(await generate(c, { provider: 42 }), { ok: false, message: 'Expected the answers as an object with a provider; found {"provider":42}.' });
    assert.equal(c.editRequests.length, 0);
  });

  it('reports an edit the editor refused', async () => {
    const c = await started();
    c.refuseEdits = 'the user cancelled';
    assert.deepEqual(await generate(c, { provider: 'sendgrid' }), { ok: false, message: 'The editor did not apply the changes (the user cancelled); nothing was created.' });
    assert.ok(!existsSync(join(c.root, DOC)));
  });
});
