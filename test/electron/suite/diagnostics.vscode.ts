import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

// What a user sees in VS Code: the Problems entries of a doc with a defect,
// and a quick fix that makes them go away.

const STRIPE = 'docs/02-integraciones/INT-001-stripe.md';

function diagnosticsOf(uri: vscode.Uri, test: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'simco-int');
      if (!test(found)) return false;
      resolve(found);
      return true;
    };
    if (check()) return;
    const subscription = vscode.languages.onDidChangeDiagnostics(() => check() && subscription.dispose());
  });
}

describe('simco-integraciones in VS Code', () => {
  it('shows a wrong Estado in the Problems panel and fixes it with the quick fix', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace is open');
    const uri = vscode.Uri.joinPath(folder.uri, STRIPE);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('| Estado |'));
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 11, line, 23), 'implementado'));

    const [diagnostic] = await diagnosticsOf(uri, (d) => d.length === 1);
    assert.equal(diagnostic.message, 'Expected Estado "Implementado"; found "implementado".');
    assert.equal(diagnostic.range.start.line, line);

    // The server offers actions without edits and makes the edit when one is picked (codeAction/resolve): resolve the first ten.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, undefined, 10);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, 'a preferred quick fix');
    await vscode.workspace.applyEdit(fix.edit);
    await diagnosticsOf(uri, (d) => d.length === 0);
    assert.ok(document.lineAt(line).text.startsWith('| Estado | Implementado |'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
