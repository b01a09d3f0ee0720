import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type LocationLink,
  type MarkupContent,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { replaceOnce } from '../helpers';
import { cleanWorkspace, serverPerTest } from './client';

// Cross-file features through the protocol: they need the workspace index
// the server builds at start (with $/progress), so each test waits for it.

const STRIPE = 'docs/02-integraciones/INT-001-stripe.md';
const SOURCE = 'src/payments/stripe.client.ts';


/** Position of the first `needle` in `text`, plus `offset` characters. */
function positionOf(text: string, needle: string, offset = 0) {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, needle);
  return TextDocument.create('x', 'x', 1, text).positionAt(index + offset);
}

describe('language server navigation (stdio)', function () {
  this.timeout(20000);
  const startServer = serverPerTest();

  it('hovers an env var read in source with the INT doc row that documents it', async () => {
    const root = cleanWorkspace();
    const client = await startServer({ root });
    await client.indexed;
    const text = readFileSync(join(root, SOURCE), 'utf8');
    const uri = await client.open(SOURCE, text, 'typescript');
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'STRIPE_API_KEY', 3) })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /INT-001/);
    assert.match(value, /API Key secreta/);
    assert.doesNotMatch(value, /sk_test_xxxxx/, 'a hover never shows a value from a .env file');
  });

  it('goes from an env var read to its row in the INT doc', async () => {
    const root = cleanWorkspace();
    const client = await startServer({ root });
    await client.indexed;
    const text = readFileSync(join(root, SOURCE), 'utf8');
    const uri = await client.open(SOURCE, text, 'typescript');
    const links = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(text, 'STRIPE_API_KEY') })) as LocationLink[];
    assert.deepEqual(
      links.map((l) => [l.targetUri, l.targetSelectionRange.start.line + 1]),
      [[client.uri(STRIPE), 26]],
    );
  });

  it('renames a misnamed env var in the doc, .env.example and source with one edit', async () => {
    const root = cleanWorkspace();
    const client = await startServer({ root });
    await client.indexed;
    const doc = readFileSync(join(root, STRIPE), 'utf8');
    const renamed = replaceOnce(doc, '| STRIPE_WEBHOOK_SECRET |', '| WEBHOOK_SECRET |');
    const uri = await client.open(STRIPE, renamed);
    const diagnostics = await client.diagnostics(uri);
    // The misnamed variable is also missing from .env.example, which declares the right name.
    assert.deepEqual(diagnostics.map((d) => d.code), ['env/missing-in-example', 'env/naming']);
    const diagnostic = diagnostics[1];
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const rename = actions.find((action) => action.title.startsWith('Rename'))!;
    assert.equal(rename.title, 'Rename WEBHOOK_SECRET to STRIPE_WEBHOOK_SECRET in every file (INT docs, .env files, source)');
    assert.equal(rename.isPreferred, true);
    const [edit, ...others] = (rename.edit?.documentChanges ?? []) as TextDocumentEdit[];
    assert.deepEqual([edit.textDocument, others], [{ uri, version: 1 }, []]);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, renamed), edit.edits);
    assert.equal(fixed, doc);
  });

  it('outlines an INT doc and completes Estado values', async () => {
    const root = cleanWorkspace();
    const client = await startServer({ root });
    const text = readFileSync(join(root, STRIPE), 'utf8');
    const uri = await client.open(STRIPE, replaceOnce(text, '| Estado | Implementado |', '| Estado |  |'));
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, 'INT-001: Stripe');
    assert.ok(symbols[0].children?.some((s) => s.name === 'Credenciales Requeridas'));
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionOf(text, '| Estado |', 11),
    })) as CompletionItem[];
    assert.deepEqual(items.map((i) => i.label), ['Implementado', 'Documentado', 'Pendiente']);
  });
});
