import Mocha from 'mocha';

// Runs inside VS Code's extension host (loaded by @vscode/test-electron).
// The suites are bundled into this file and loaded after Mocha has set up
// its globals (`describe`, `it`), as Mocha's own file loading does.

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false });
  mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
  await import('./diagnostics.vscode');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed in VS Code`)) : resolve()));
  });
}
