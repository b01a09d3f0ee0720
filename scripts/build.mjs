// Bundles the three entry points with esbuild. The engine (and remark, which
// is ESM-only) is bundled into the server and the CLI as CommonJS, so both
// run on plain Node without a loader; `vscode` is provided by the editor.
import { build } from 'esbuild';

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's default entry is a UMD build esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  // The command is a small entry that loads the CLI bundle through V8's compile cache (server/src/compile-cache.ts).
  build({ ...common, entryPoints: ['server/src/cli-entry.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli-bundle.js' }),
]);
