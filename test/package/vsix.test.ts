import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/engine/rules';
import { removeTempDirs, tempDir } from '../cli/workspace';

// What the .vsix ships, as `vsce` lists and packs it: the production bundles,
// the manifest and its translations, l10n, schemas, snippets, the icon and the docs.
// Anything else (sources, tests, fixtures, maps, node_modules) is a leak.

const ROOT = join(__dirname, '..', '..');
const VSCE = join(ROOT, 'node_modules', '.bin', 'vsce');
const EXPECTED = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/client.js',
  'dist/server.js',
  'docs/architecture.md',
  'docs/cli.md',
  'docs/configuration.md',
  'docs/editors.md',
  'docs/getting-started.es.md',
  'docs/getting-started.md',
  'docs/ping.md',
  'docs/rules.md',
  ...RULES.map((rule) => `docs/rules/${rule.meta.id}.md`),
  'docs/secrets.md',
  'docs/security.md',
  'images/icon.png',
  'l10n/bundle.l10n.es.json',
  'package.json',
  'package.nls.es.json',
  'package.nls.json',
  'schemas/master-inventory.schema.json',
  'schemas/simco-int.config.schema.json',
  'snippets/dotenv.json',
  'snippets/markdown.json',
  'snippets/typescript.json',
  'snippets/yaml.json',
].sort();

describe('the .vsix', function () {
  this.timeout(120000);
  after(removeTempDirs);

  it('contains exactly the expected files', () => {
    const listed = execFileSync(VSCE, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.deepEqual(listed.trim().split('\n').sort(), EXPECTED);
  });

  it('packs the production bundles into less than 2 MB', () => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: ROOT });
    const vsix = join(tempDir(), 'simco-integraciones.vsix');
    execFileSync(VSCE, ['package', '--no-dependencies', '--out', vsix], { cwd: ROOT, stdio: 'ignore' });
    const size = statSync(vsix).size;
    assert.ok(size < 2 * 1024 * 1024, `${size} bytes`);
  });
});
