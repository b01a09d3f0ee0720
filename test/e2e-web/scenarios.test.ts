import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { removeTempDirs } from '../cli/workspace';
import { Editor, missingTools } from './editor';

// What a user sees in a real VS Code (code-server in chromium) with the
// packaged extension: the Problems panel, a quick fix from the lightbulb menu,
// a palette command, and diagnostics following an edit. Screenshots of these
// go to docs/images for the README.

const DEMO = join(__dirname, '..', '..', 'examples', 'demo-workspace');

describe('in a real VS Code (code-server)', function () {
  this.timeout(180000);
  // In CI a scenario that fails gets one more attempt, and says so: a UI on a loaded 2-core machine
  // can miss a key press; a real regression fails both attempts.
  if (process.env.CI) this.retries(1);
  let editor: Editor | undefined;

  before(async function () {
    const missing = missingTools();
    if (missing) {
      console.log(`      SKIPPED: the end-to-end tests did not run: ${missing}.`);
      this.skip();
    }
    editor = await Editor.open(DEMO);
  });
  afterEach(async function () {
    const test = this.currentTest!;
    // A failed attempt that mocha will retry has no state yet: it is kept too.
    const failed = test.state !== 'passed' && test.state !== 'pending';
    if (failed && process.env.CI) console.log(`      ATTEMPT FAILED (CI tries a scenario twice): ${test.title}`);
    await editor?.endStep(failed ? test.title : undefined);
  });
  after(async () => {
    await editor?.close();
    removeTempDirs();
  });

  it('lists an INT doc\'s problems in the Problems panel with their rule and line', async () => {
    await editor!.openFile('INT-002-mercadopago.md');
    assert.equal(
      await editor!.waitForProblem('found "En progreso"'),
      'Expected Estado to be one of Implementado, Documentado, Pendiente; found "En progreso". simco-int int-doc/metadata-estado [Ln 10, Col 12]',
    );
    assert.equal(
      await editor!.waitForProblem('"2026-02-30"'),
      'Expected a real calendar date; found "2026-02-30", a day that does not exist. simco-int int-doc/date-format [Ln 12, Col 23]',
    );
    await editor!.waitForProblem('');
    await editor!.screenshot('problems');
  });

  it('applies a quick fix from the Quick Fix menu: the text changes and the problem goes', async () => {
    const page = editor!.page;
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type('25:58');
    await page.keyboard.press('Enter');
    const fix = await editor!.quickFix('Change "Si" to "SI"');
    await editor!.screenshot('quick-fix');
    await fix.click();
    await editor!.waitForText('| MERCADOPAGO_PUBLIC_KEY | Public key para el frontend | SI |');
    await editor!.waitForProblem('Expected SI or NO in the Obligatorio column', false);
  });

  it('updates the diagnostics of .env.example as it is edited', async () => {
    const page = editor!.page;
    await editor!.openFromExplorer('.env.example');
    await editor!.waitForProblem('found "sendgridApiKey"');
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    // Inserted as one input, so no completion widget can take a keystroke meant for the text.
    await page.keyboard.insertText('twilioAuthToken=xxxxx');
    await page.keyboard.press('Escape');
    await editor!.waitForProblem('found "twilioAuthToken"');
    await editor!.screenshot('env-edit');
  });

  it('re-checks an open INT doc when .env.example, which it depends on, is edited', async () => {
    const page = editor!.page;
    await editor!.openFile('INT-3-SendGrid.md');
    await editor!.waitForProblem('Expected SENDGRID_API_KEY in .env.example');
    await editor!.openFromExplorer('.env.example');
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('SENDGRID_API_KEY=SG.xxxxx');
    await page.keyboard.press('Escape');
    await editor!.waitForProblem('Expected SENDGRID_API_KEY in .env.example', false);
    await editor!.screenshot('dependent');
  });

  it('runs a command from the palette: after a restart, a file opened later gets its problems', async () => {
    await editor!.runCommand('SIMCO: Restart server');
    await editor!.page.locator('.notification-list-item', { hasText: 'The simco-int language server was restarted.' }).waitFor();
    await editor!.page.keyboard.press('Escape');
    // The restarted server checks the open documents again, and the ones opened afterwards.
    await editor!.waitForProblem('found "En progreso"');
    await editor!.openFile('INT-001-stripe.md');
    await editor!.waitForProblem('Expected Estado to agree with MASTER_INVENTORY.yml');
  });
});
