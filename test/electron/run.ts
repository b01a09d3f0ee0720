import { build } from 'esbuild';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

// The extension tests most authors run: a desktop VS Code downloaded by
// @vscode/test-electron, the extension loaded from this folder, the suite in
// suite/ run inside it on the clean fixture workspace. Where VS Code cannot be
// downloaded (no network to its update server) this says so and reports a
// skip: it is never counted as a pass.

const ROOT = join(__dirname, '..', '..');
export const SUITE = join(ROOT, '.vscode-test', 'suite.js');

export type ElectronOutcome = { ran: true } | { ran: false; why: string };

export async function runElectronSuite(): Promise<ElectronOutcome> {
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ cachePath: join(ROOT, '.vscode-test') });
  } catch (error) {
    return { ran: false, why: `VS Code could not be downloaded (${String(error).split('\n')[0]})` };
  }
  await build({
    entryPoints: [join(__dirname, 'suite', 'index.ts')],
    outfile: SUITE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE,
    launchArgs: [join(ROOT, 'test', 'fixtures', 'workspaces', 'clean'), '--disable-extensions', '--disable-workspace-trust'],
  });
  return { ran: true };
}

if (require.main === module) {
  runElectronSuite().then(
    (outcome) => {
      if (outcome.ran) return;
      console.log(`SKIPPED: the @vscode/test-electron suite did not run: ${outcome.why}.`);
      process.exitCode = 3;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
