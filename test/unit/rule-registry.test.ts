import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import spanish from '../../l10n/bundle.l10n.es.json';
import { CRASH_TEMPLATE } from '../../server/src/engine/messages';
import { RULES } from '../../server/src/engine/rules';
import { ARG_TEMPLATES } from '../../server/src/cli/args';
import { HELP_TEMPLATES } from '../../server/src/cli/help';
import { CLI_TEMPLATES } from '../../server/src/cli';
import { STYLISH_TEMPLATES } from '../../server/src/formatters/stylish';
import { CHECK_TEMPLATES } from '../../server/src/workspace/check';
import { SKIP_TEMPLATES } from '../../server/src/workspace/walk';
import { FIX_ALL_TITLE, RENAME_EVERYWHERE_TITLE, SUPPRESS_TITLE } from '../../server/src/lsp/code-actions';
import { CLIENT_TEMPLATES } from '../../client/src/messages';
import { COMPLETION_TEMPLATES } from '../../server/src/engine/services/completion';
import { HOVER_TEMPLATES } from '../../server/src/engine/services/hover';
import { GENERATE_TEMPLATES } from '../../server/src/engine/generate/plan';
import { PING_TEMPLATES } from '../../server/src/engine/ping/messages';
import { IGNORE_FIRST_TITLE, MOVE_RENAMED_TITLE, MOVE_TITLE, REUSE_TITLE } from '../../server/src/engine/secrets/move-to-env';
import { NEW_TEMPLATES } from '../../server/src/cli/new';
import { PING_CLI_TEMPLATES } from '../../server/src/cli/ping';
import { GENERATE_SERVER_TEMPLATES } from '../../server/src/lsp/generate';
import { GENERATE_CLIENT_TEMPLATES } from '../../client/src/generate-messages';
import { PING_CLIENT_TEMPLATES } from '../../client/src/ping-messages';
import { INDEX_TEMPLATES } from '../../server/src/lsp/indexer';
import { RESOLVE_TEMPLATES } from '../../server/src/lsp/code-actions';

const DOCS = join(__dirname, '..', '..', 'docs', 'rules');

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : name.endsWith('.md') ? [relative(DOCS, path).replace(/\\/g, '/').slice(0, -3)] : [];
  });
}

describe('rule registry', () => {
  it('has unique, namespaced ids', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('gives every rule a docs page that names it, its default severity and its fix', () => {
    for (const { meta } of RULES) {
      const page = join(DOCS, `${meta.id}.md`);
      assert.ok(existsSync(page), `docs/rules/${meta.id}.md is missing`);
      const text = readFileSync(page, 'utf8');
      assert.ok(text.startsWith(`# ${meta.id}\n`), `${meta.id}: page title`);
      assert.ok(text.includes(`Default severity: ${meta.defaultSeverity}`), `${meta.id}: default severity`);
      for (const heading of ['## Why', '## Bad', '## Good', '## Fix', '## Options']) assert.ok(text.includes(heading), `${meta.id}: ${heading}`);
    }
  });

  it('has no docs page for a rule that does not exist', () => {
    const ids = new Set(RULES.map((rule) => rule.meta.id));
    assert.deepEqual(pages(DOCS).filter((id) => !ids.has(id)), []);
  });

  it('translates every user-facing message into Spanish, keeping the slots, and holds no stale entry', () => {
    const bundle: Record<string, string> = spanish;
    const shells = [
      CLIENT_TEMPLATES, HOVER_TEMPLATES, COMPLETION_TEMPLATES, ARG_TEMPLATES, HELP_TEMPLATES, CLI_TEMPLATES, STYLISH_TEMPLATES, CHECK_TEMPLATES, SKIP_TEMPLATES,
      GENERATE_TEMPLATES, NEW_TEMPLATES, GENERATE_SERVER_TEMPLATES, GENERATE_CLIENT_TEMPLATES,
      PING_TEMPLATES, PING_CLI_TEMPLATES, PING_CLIENT_TEMPLATES, INDEX_TEMPLATES, RESOLVE_TEMPLATES,
    ];
    const templates = [
      CRASH_TEMPLATE,
      FIX_ALL_TITLE,
      RENAME_EVERYWHERE_TITLE,
      SUPPRESS_TITLE,
      MOVE_TITLE,
      MOVE_RENAMED_TITLE,
      REUSE_TITLE,
      IGNORE_FIRST_TITLE,
      ...RULES.flatMap((rule) => Object.values(rule.meta.messages)),
      ...shells.flatMap((table) => Object.values<string>(table)),
    ];
    assert.deepEqual(templates.filter((t) => !(t in bundle)), [], 'templates without a Spanish entry');
    const slots = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort().join();
    assert.deepEqual(templates.filter((t) => slots(t) !== slots(bundle[t])), [], 'translations whose {n} slots differ');
    assert.deepEqual(Object.keys(bundle).filter((t) => !templates.includes(t)), [], 'Spanish entries no message uses');
  });
});

describe('docs/rules.md', () => {
  it('lists every rule with its default severity', () => {
    const index = readFileSync(join(DOCS, '..', 'rules.md'), 'utf8');
    for (const { meta } of RULES) assert.ok(index.includes(`| [${meta.id}](rules/${meta.id}.md) | ${meta.defaultSeverity} |`), meta.id);
  });
});

describe('package.nls', () => {
  it('has every %key% of package.json in English and Spanish', () => {
    const manifest = readFileSync(join(DOCS, '..', '..', 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]).sort();
    for (const file of ['package.nls.json', 'package.nls.es.json']) {
      const strings = JSON.parse(readFileSync(join(DOCS, '..', '..', file), 'utf8')) as Record<string, string>;
      assert.deepEqual(Object.keys(strings).sort(), [...new Set(keys)], file);
    }
  });
});
