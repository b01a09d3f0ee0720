import { strict as assert } from 'node:assert';
import envNaming from '../../server/src/engine/rules/env/naming';
import metadataEstado from '../../server/src/engine/rules/int-doc/metadata-estado';
import metadataRows from '../../server/src/engine/rules/int-doc/metadata-rows';
import obligatorioValue from '../../server/src/engine/rules/int-doc/obligatorio-value';
import placeholder from '../../server/src/engine/rules/int-doc/placeholder';
import sectionName from '../../server/src/engine/rules/int-doc/section-name';
import tableColumns from '../../server/src/engine/rules/int-doc/table-columns';
import type { Rule } from '../../server/src/engine/rules/rule';
import { applySuppressions, findSuppressions, suppressionEdit } from '../../server/src/engine/suppressions';
import type { Finding } from '../../server/src/engine/types';
import { CLEAN, covered, fixAll, lintCase, readFixture, replaceOnce, show, type LintCase } from '../helpers';
import { applySuggestion } from './rules/suggestion';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;
const ESTADO_ROW = '| Estado | Implementado |';
const API_KEY_ROW = '| STRIPE_API_KEY | API Key secreta (sk_test_/sk_live_) | SI |';

const ESTADO_TERMINADO = '10:12 int-doc/metadata-estado Expected Estado to be one of Implementado, Documentado, Pendiente; found "Terminado".';
const unused = (at: string, ruleId: string) => `${at} suppression/unused Unused suppression: ${ruleId} reports nothing on the line this comment covers.`;

/** Lints `text` as the file at `path`, running only `rules` (the suppression checks always run). */
function lint(path: string, text: string, rules: readonly Rule[] = [envNaming], config?: LintCase['config']) {
  return lintCase({ path, edit: () => text, rules, config });
}

const shown = (findings: Finding[]) => findings.map((f) => show(f));

describe('suppression comments', () => {
  describe('INT docs (Markdown)', () => {
    it('silences a finding on the next line with <!-- simco-int-disable-next-line -->', () => {
      const misspelt = (t: string) => replaceOnce(t, '## Descripcion', '## Descripción');
      assert.deepEqual(shown(lintCase({ path: STRIPE, edit: misspelt, rules: [sectionName] }).findings), [
        '16:4 int-doc/section-name Expected the heading "## Descripcion"; found "## Descripción".',
      ]);
      const suppressed = (t: string) => replaceOnce(misspelt(t), '## Descripción', '<!-- simco-int-disable-next-line int-doc/section-name -->\n## Descripción');
      assert.deepEqual(lintCase({ path: STRIPE, edit: suppressed, rules: [sectionName] }).findings, []);
    });

    it('silences a table row with <!-- simco-int-disable-line --> at its end, and the table keeps its shape', () => {
      const rules = [metadataEstado, metadataRows, tableColumns];
      const terminado = (t: string) => replaceOnce(t, ESTADO_ROW, '| Estado | Terminado |');
      assert.deepEqual(shown(lintCase({ path: STRIPE, edit: terminado, rules }).findings), [ESTADO_TERMINADO]);
      const suppressed = (t: string) => replaceOnce(t, ESTADO_ROW, '| Estado | Terminado | <!-- simco-int-disable-line int-doc/metadata-estado -->');
      assert.deepEqual(lintCase({ path: STRIPE, edit: suppressed, rules }).findings, []);
    });

    it('reports a next-line comment between two rows (it ends the table) and offers to move it to the row', () => {
      const rules = [metadataEstado, metadataRows];
      const edit = (t: string) => replaceOnce(t, ESTADO_ROW, '<!-- simco-int-disable-next-line int-doc/metadata-estado -- cliente legado -->\n| Estado | Terminado |');
      const { text, findings } = lintCase({ path: STRIPE, edit, rules });
      const split = findings.find((f) => f.ruleId === 'suppression/unused');
      assert.ok(split);
      assert.equal(
        show(split),
        '10:1 suppression/unused This comment ends the table it sits in, so the rows below it leave the table; put <!-- simco-int-disable-line int-doc/metadata-estado --> at the end of the row instead.',
      );
      assert.equal(covered(text, split), '<!-- simco-int-disable-next-line int-doc/metadata-estado -- cliente legado -->');
      assert.equal(split.fixes[0].safe, false);
      assert.equal(fixAll({ path: STRIPE, edit, rules }), text, '--fix does not move it');
      const moved = applySuggestion(text, split);
      assert.equal(moved, replaceOnce(readFixture(CLEAN, STRIPE), ESTADO_ROW, '| Estado | Terminado | <!-- simco-int-disable-line int-doc/metadata-estado -- cliente legado -->'));
      assert.deepEqual(lint(STRIPE, moved, rules).findings, []);
    });

    it('silences two rules named in one comment', () => {
      const rules = [envNaming, obligatorioValue];
      const row = '| API_KEY_STRIPE | API Key secreta (sk_test_/sk_live_) | si |';
      assert.deepEqual(
        lintCase({ path: STRIPE, edit: (t) => replaceOnce(t, API_KEY_ROW, row), rules }).findings.map((f) => f.ruleId),
        ['env/naming', 'int-doc/obligatorio-value'],
      );
      const edit = (t: string) => replaceOnce(t, API_KEY_ROW, `${row} <!-- simco-int-disable-line env/naming, int-doc/obligatorio-value -->`);
      assert.deepEqual(lintCase({ path: STRIPE, edit, rules }).findings, []);
    });

    it('hides the comment and its reason from the rules', () => {
      const edit = (t: string) =>
        replaceOnce(t, '## Descripcion', '<!-- simco-int-disable-next-line int-doc/section-name -- {Nombre proveedor} lo decide -->\n## Descripción');
      assert.deepEqual(lintCase({ path: STRIPE, edit, rules: [sectionName, placeholder] }).findings, []);
    });

    it('ignores a comment inside a fenced code block: it neither silences nor is reported', () => {
      for (const fence of ['```', '~~~~']) {
        const edit = (t: string) =>
          replaceOnce(t, '## Descripcion', `${fence}md\n<!-- simco-int-disable-next-line int-doc/section-name -->\n${fence}\n\n## Descripción`);
        assert.deepEqual(shown(lintCase({ path: STRIPE, edit, rules: [sectionName] }).findings), [
          '20:4 int-doc/section-name Expected the heading "## Descripcion"; found "## Descripción".',
        ], fence);
      }
    });
  });

  describe('.env files and source', () => {
    it('silences env/naming in a .env file with # simco-int-disable-next-line, or at the end of the line', () => {
      assert.equal(lint('.env', 'API_KEY_STRIPE=sk\n').findings.length, 1);
      assert.deepEqual(lint('.env', '# simco-int-disable-next-line env/naming\nAPI_KEY_STRIPE=sk\n').findings, []);
      assert.deepEqual(lint('.env.local', 'API_KEY_STRIPE=sk # simco-int-disable-line env/naming\n').findings, []);
    });

    it('silences env/naming in TypeScript with // and in Python with #', () => {
      const ts = ['// simco-int-disable-next-line env/naming', "const key = process.env['API_KEY_STRIPE'];", ''].join('\n');
      assert.deepEqual(lint('src/payments/stripe.ts', ts).findings, []);
      assert.deepEqual(lint('src/payments/stripe.ts', "const key = process.env.stripeKey; // simco-int-disable-line env/naming\n").findings, []);
      const py = ['def key():', '    # simco-int-disable-next-line env/naming', "    return os.getenv('stripe_key')", ''].join('\n');
      assert.deepEqual(lint('app/pay.py', py).findings, []);
      assert.deepEqual(lint('app/pay.py', py.replace('# simco', '// simco')).findings.map((f) => f.ruleId), ['env/naming'], "'//' is not a Python comment");
    });

    it('takes the words after -- as the reason, not as rule ids', () => {
      const text = '# simco-int-disable-next-line env/naming -- the legacy SDK reads this name, see INT-009\nAPI_KEY_STRIPE=sk\n';
      assert.deepEqual(lint('.env', text).findings, []);
    });

    it('does not silence a finding two lines below the comment', () => {
      const text = '# simco-int-disable-next-line env/naming\n\nAPI_KEY_STRIPE=sk\n';
      assert.deepEqual(shown(lint('.env', text).findings), [
        unused('1:31', 'env/naming'),
        '3:1 env/naming Expected the provider STRIPE first ({PROVIDER}_{TIPO}); found "API_KEY_STRIPE". Rename it to "STRIPE_API_KEY".',
      ]);
    });

    it('does not silence another rule than the ones it names', () => {
      const text = '# simco-int-disable-next-line int-doc/title\nAPI_KEY_STRIPE=sk\n';
      assert.deepEqual(lint('.env', text).findings.map((f) => f.ruleId), ['suppression/unused', 'env/naming']);
    });
  });

  describe('suppression/unused', () => {
    it('reports an unused suppression on the rule id and removes the whole line, leaving the rest byte-identical', () => {
      const comment = '<!-- simco-int-disable-next-line env/naming -- nada que silenciar -->';
      for (const path of [STRIPE, WHATSAPP]) {
        const original = readFixture(CLEAN, path);
        const eol = original.includes('\r\n') ? '\r\n' : '\n';
        const edit = (t: string) => replaceOnce(t, '## Descripcion', `${comment}${eol}## Descripcion`);
        const { text, findings } = lintCase({ path, edit, rules: [envNaming] });
        assert.deepEqual(shown(findings), [unused('16:34', 'env/naming')], path);
        assert.equal(covered(text, findings[0]), 'env/naming');
        assert.deepEqual(findings[0].data, { rule: 'env/naming' });
        assert.equal(findings[0].fixes[0].safe, true);
        assert.equal(fixAll({ path, edit, rules: [envNaming] }), original, path);
      }
    });

    it('removes an unused comment on the last line together with the line break before it', () => {
      const text = 'STRIPE_API_KEY=sk\r\n# simco-int-disable-next-line env/naming';
      assert.deepEqual(shown(lint('.env', text).findings), [unused('2:31', 'env/naming')]);
      assert.equal(fixAll({ path: '.env', edit: () => text, rules: [envNaming] }), 'STRIPE_API_KEY=sk');
    });

    it('removes only the comment, not the code, when it trails a line', () => {
      const text = 'const port = process.env.PORT; // simco-int-disable-line env/naming\n';
      assert.deepEqual(shown(lint('src/server.ts', text).findings), [unused('1:58', 'env/naming')]);
      assert.equal(fixAll({ path: 'src/server.ts', edit: () => text, rules: [envNaming] }), 'const port = process.env.PORT;\n');
    });

    it('removes just the unused rule from a comment that silences another', () => {
      const text = '# simco-int-disable-next-line int-doc/title, env/naming\r\nAPI_KEY_STRIPE=sk\r\n';
      const { findings } = lint('.env', text);
      assert.deepEqual(shown(findings), [unused('1:31', 'int-doc/title')]);
      assert.equal(findings[0].fixes[0].title.template, 'Remove {0} from the suppression comment');
      const fixed = fixAll({ path: '.env', edit: () => text, rules: [envNaming] });
      assert.equal(fixed, '# simco-int-disable-next-line env/naming\r\nAPI_KEY_STRIPE=sk\r\n');
      assert.deepEqual(lint('.env', fixed).findings, []);
    });

    it('reports a suppression in a source file that reads no env var', () => {
      assert.deepEqual(shown(lint('src/util.py', '# simco-int-disable-next-line env/naming\nx = 1\n').findings), [unused('1:31', 'env/naming')]);
    });

    it('reports an unknown rule id, and offers its removal only as a suggestion', () => {
      const text = '# simco-int-disable-next-line env/nameing\nAPI_KEY_STRIPE=sk\n';
      const { findings } = lint('.env', text);
      assert.deepEqual(shown(findings), [
        '1:31 suppression/unused Expected a rule id in the suppression comment; found "env/nameing", which is not a rule.',
        '2:1 env/naming Expected the provider STRIPE first ({PROVIDER}_{TIPO}); found "API_KEY_STRIPE". Rename it to "STRIPE_API_KEY".',
      ]);
      assert.equal(covered(text, findings[0]), 'env/nameing');
      assert.equal(findings[0].fixes[0].safe, false);
      assert.equal(fixAll({ path: '.env', edit: () => text, rules: [envNaming] }), text, '--fix keeps a typo for the user to correct');
      assert.equal(applySuggestion(text, findings[0]), 'API_KEY_STRIPE=sk\n');
    });

    it('requires a rule id: a blanket suppression silences nothing and is reported', () => {
      const text = '# simco-int-disable-next-line -- todo el archivo\nAPI_KEY_STRIPE=sk\n';
      const { findings } = lint('.env', text);
      assert.deepEqual(shown(findings).slice(0, 1), [
        '1:3 suppression/unused Expected at least one rule id after simco-int-disable-next-line; a suppression must name the rules it silences.',
      ]);
      assert.deepEqual(findings.map((f) => f.ruleId), ['suppression/unused', 'env/naming']);
    });

    it('is not reported when turned off, and suppressions still apply', () => {
      const config = { rules: { 'suppression/unused': 'off' as const } };
      assert.deepEqual(lint('.env', '# simco-int-disable-next-line env/naming\nSTRIPE_API_KEY=sk\n', [envNaming], config).findings, []);
      assert.deepEqual(lint('.env', '# simco-int-disable-next-line env/naming\nAPI_KEY_STRIPE=sk\n', [envNaming], config).findings, []);
    });

    it('reads # comments in YAML', () => {
      const text = 'integraciones:\n  # simco-int-disable-next-line inventory/field -- pendiente\n  - codigo: INT-9\n';
      const file = findSuppressions('MASTER_INVENTORY.yml', text);
      const start = { line: 2, character: 4 };
      const finding: Finding = {
        ruleId: 'inventory/field', severity: 'error', file: 'MASTER_INVENTORY.yml', range: { start, end: start },
        message: { template: 'x', args: [] }, fixes: [],
      };
      assert.deepEqual(applySuppressions([finding], file, { isKnownRule: () => true, unusedSeverity: 'warning' }), []);
    });
  });
});

describe('suppressionEdit (the editor\'s "suppress" quick fix)', () => {
  const suppressAndRelint = (path: string, text: string, rules: Rule[]) => {
    const [finding] = lintCase({ path, edit: () => text, rules }).findings;
    assert.ok(finding, 'the case must have a finding to suppress');
    const edit = suppressionEdit(path, text, finding);
    const lines = text.split(/(?<=\n)/);
    const start = lines.slice(0, edit.range.start.line).join('').length + edit.range.start.character;
    const suppressed = text.slice(0, start) + edit.newText + text.slice(start);
    return { suppressed, left: lintCase({ path, edit: () => suppressed, rules }).findings.map((f) => show(f)) };
  };

  it('writes an indented // comment above a TypeScript line, and the finding goes', () => {
    const text = 'export function key() {\n  return process.env.stripeKey;\n}\n';
    const { suppressed, left } = suppressAndRelint('src/a.ts', text, [envNaming]);
    assert.equal(suppressed, 'export function key() {\n  // simco-int-disable-next-line env/naming\n  return process.env.stripeKey;\n}\n');
    assert.deepEqual(left, []);
  });

  it('writes a # comment in Python and .env files, keeping CRLF', () => {
    const python = suppressAndRelint('src/a.py', 'import os\r\nKEY = os.getenv("stripeKey")\r\n', [envNaming]);
    assert.equal(python.suppressed, 'import os\r\n# simco-int-disable-next-line env/naming\r\nKEY = os.getenv("stripeKey")\r\n');
    assert.deepEqual(python.left, []);
    const env = suppressAndRelint('.env.example', 'stripeKey=x\n', [envNaming]);
    assert.equal(env.suppressed, '# simco-int-disable-next-line env/naming\nstripeKey=x\n');
    assert.deepEqual(env.left, []);
  });
});
