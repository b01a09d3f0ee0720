import { join } from 'node:path';
import { requireWithCompileCache } from './compile-cache';

// The `simco-int` command (dist/cli.js), and the script a check's worker
// threads run: it only loads the CLI bundle (dist/cli-bundle.js, from
// cli.ts) through the compile cache and starts it.

const bundle = requireWithCompileCache(join(__dirname, 'cli-bundle.js')) as typeof import('./cli');
bundle.start(__filename);
