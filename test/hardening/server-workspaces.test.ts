import { strict as assert } from 'node:assert';
import { chmodSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { tempDir } from '../cli/workspace';
import { CLEAN, replaceOnce } from '../helpers';
import { SERVER, serverPerTest, type TestClient } from '../lsp/client';
import {
  asNobody,
  BIG_FINDINGS,
  bundleIn,
  canMountReadOnly,
  LEAK,
  makeOddWorkspace,
  ODD_CASES,
  onReadOnlyMount,
  vanishingHook,
  writeBigWorkspace,
  type Argv,
  type Expected,
} from './odd-workspaces';

// The language server over stdio on the big and odd workspaces of
// workspaces.test.ts: it must finish indexing, say once in its output channel
// (window/logMessage) what it read and what it skipped, in the CLI's words,
// and publish the same findings as the CLI for the files it could read.

const FILES = 50_000;
/** The server's peak memory after indexing FILES files: about thirteen times what bench/big-workspace.mjs measures (~115 MB). */
const MAX_PEAK_BYTES = 1.5 * 1024 ** 3;
const DOCS = 'docs/02-integraciones';
const LANGUAGES: Record<string, string> = { md: 'markdown', ts: 'typescript', yml: 'yaml', example: 'dotenv' };

/** The diagnostics the server publishes for a workspace file opened with its text on disk, as rule and 1-based line. */
async function findingsOf(client: TestClient, file: string): Promise<Expected[]> {
  const uri = await client.open(file, undefined, LANGUAGES[file.slice(file.lastIndexOf('.') + 1)]);
  const diagnostics: Diagnostic[] = await client.diagnostics(uri);
  return diagnostics.map((d) => ({ file, ruleId: String(d.code), line: d.range.start.line + 1 }));
}

/** Every expected finding is published, and nothing else, for each file that has some. */
async function assertFindings(client: TestClient, expected: readonly Expected[]): Promise<void> {
  for (const file of new Set(expected.map((finding) => finding.file))) {
    assert.deepEqual(await findingsOf(client, file), expected.filter((finding) => finding.file === file), file);
  }
}

/** What the output channel shows: each window/logMessage's level and text. */
const logged = (client: TestClient): Array<[MessageType, string]> => client.logs.map((log) => [log.type, log.message]);

/** The server's peak resident memory (VmHWM), while it runs. */
function peakBytes(client: TestClient): number {
  const status = readFileSync(`/proc/${client.pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]) * 1024;
}

describe('big and odd workspaces (language server over stdio)', function () {
  this.timeout(60_000);
  const startServer = serverPerTest();

  it(`indexes ${FILES} files, publishes what depends on the deepest of them, says how many it read and stays under 1.5 GB`, async function () {
    this.timeout(600_000);
    const root = join(tempDir(), 'ws');
    writeBigWorkspace(root, FILES);
    const client = await startServer({ root });
    await client.indexed;
    await assertFindings(client, BIG_FINDINGS);
    assert.deepEqual(logged(client), [[MessageType.Info, `Indexed the workspace; files read: ${FILES}.`]]);
    const peak = peakBytes(client);
    assert.ok(peak < MAX_PEAK_BYTES, `peak RSS ${peak} bytes`);
  });

  for (const oddCase of ODD_CASES) {
    it(`says once what it skipped and publishes the rest's findings: ${oddCase.name}`, async () => {
      const dir = tempDir();
      const root = join(dir, 'ws');
      makeOddWorkspace(root, oddCase);
      const hook = oddCase.vanish ? ['--require', vanishingHook(dir, root, oddCase.vanish)] : [];
      const argv: Argv = [process.execPath, ...hook, bundleIn(dir, 'server.js'), '--stdio'];
      const client = await startServer({ root, command: oddCase.asNobody ? asNobody(argv) : argv });
      await client.indexed;
      await assertFindings(client, oddCase.findings);
      const summary = `Indexed the workspace; files read: ${oddCase.checked}, paths skipped: ${oddCase.skipped.length}:`;
      assert.deepEqual(logged(client), [[MessageType.Warning, [summary, ...oddCase.skipped].join('\n')]]);
    });
  }

  it('lists the first 20 skipped paths and counts the rest', async () => {
    const dir = tempDir();
    const root = join(dir, 'ws');
    makeOddWorkspace(root, { ...ODD_CASES[0], make: () => undefined });
    const names = Array.from({ length: 25 }, (_, i) => `src/gone-${String(i).padStart(2, '0')}.ts`);
    for (const name of names) writeFileSync(join(root, name), '');
    const hook = vanishingHook(dir, root, { trigger: 'src', victims: names });
    const client = await startServer({ root, command: [process.execPath, '--require', hook, SERVER, '--stdio'] });
    await client.indexed;
    await assertFindings(client, ODD_CASES[0].findings);
    const lines = names.slice(0, 20).map((name) => `Skipped "${name}": Cannot read this file (ENOENT); it was not checked.`);
    assert.deepEqual(logged(client), [[MessageType.Warning, ['Indexed the workspace; files read: 8, paths skipped: 25:', ...lines, '...and 5 more.'].join('\n')]]);
  });

  it('says so when it cannot read the workspace folder at all, and keeps serving open documents', async () => {
    const dir = tempDir();
    const root = join(dir, 'ws');
    makeOddWorkspace(root, { ...ODD_CASES[0], make: () => undefined });
    chmodSync(root, 0o000);
    const client = await startServer({ root, command: asNobody([process.execPath, bundleIn(dir, 'server.js'), '--stdio']) });
    await client.indexed;
    const uri = await client.open(LEAK.file, 'export const secret = process.env.TWILIO_API_SECRET;\n', 'typescript');
    assert.deepEqual((await client.diagnostics(uri)).map((d) => d.code), ['env/undocumented']);
    const skipped = 'Skipped ".": Cannot read this folder (EACCES); its files were not checked.';
    assert.deepEqual(logged(client), [[MessageType.Warning, `Indexed the workspace; files read: 0, paths skipped: 1:\n${skipped}`]]);
  });

  describe('a workspace it cannot write', () => {
    const INT_003 = `${DOCS}/INT-003-twilio-whatsapp.md`;

    function fixable(): { dir: string; root: string; before: string } {
      const dir = tempDir();
      const root = join(dir, 'ws');
      cpSync(CLEAN, root, { recursive: true });
      const before = replaceOnce(readFileSync(join(root, INT_003), 'utf8'), '| Estado | Documentado |', '| Estado | documentado |');
      writeFileSync(join(root, INT_003), before);
      return { dir, root, before };
    }

    /** Indexes, publishes the error and offers its fix, and neither writes nor complains: the client applies edits. */
    async function assertServes(started: TestClient, root: string, before: string): Promise<void> {
      await started.indexed;
      const uri = await started.open(INT_003);
      const diagnostics = await started.diagnostics(uri);
      assert.deepEqual(diagnostics.map((d) => d.code), ['int-doc/metadata-estado']);
      const actions = await started.codeActions(uri, diagnostics[0].range, diagnostics);
      assert.ok(actions.some((action) => action.title === 'Write "Documentado"' && action.edit), 'the quick fix is offered, as an edit for the client to apply');
      assert.deepEqual(logged(started), [[MessageType.Info, 'Indexed the workspace; files read: 7.']]);
      assert.equal(readFileSync(join(root, INT_003), 'utf8'), before);
      assert.deepEqual(readdirSync(root, { recursive: true }).sort(), readdirSync(CLEAN, { recursive: true }).sort());
    }

    it('on a read-only file system (a read-only bind mount)', async function () {
      const { dir, root, before } = fixable();
      if (!canMountReadOnly(dir)) this.skip(); // needs root with CAP_SYS_ADMIN; the next test covers the rest
      const client = await startServer({ root, command: onReadOnlyMount(root, [process.execPath, SERVER, '--stdio']) });
      await assertServes(client, root, before);
    });

    it('as a user who may read the tree but not write it', async () => {
      const { dir, root, before } = fixable();
      const client = await startServer({ root, command: asNobody([process.execPath, bundleIn(dir, 'server.js'), '--stdio']) });
      await assertServes(client, root, before);
    });
  });
});
