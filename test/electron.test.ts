import { runElectronSuite } from './electron/run';

// Runs the desktop VS Code suite (test/electron) where VS Code can be
// downloaded. Elsewhere the test is marked pending with the reason: a skip,
// shown as such, never a pass.

describe('@vscode/test-electron suite', function () {
  this.timeout(300000);

  it('passes inside a desktop VS Code', async function () {
    const outcome = await runElectronSuite();
    if (!outcome.ran) {
      console.log(`      SKIPPED: the @vscode/test-electron suite did not run: ${outcome.why}.`);
      this.skip();
    }
  });
});
