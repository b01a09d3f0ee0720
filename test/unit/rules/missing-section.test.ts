import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import rule from '../../../server/src/engine/rules/int-doc/missing-section';
import sectionName from '../../../server/src/engine/rules/int-doc/section-name';
import { CLEAN, covered, FIXTURES, lintCase, readFixture, replaceOnce, show } from '../../helpers';
import { applySuggestion } from './suggestion';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;
const WHATSAPP = `${DOCS}/INT-003-twilio-whatsapp.md`;

/** Removes a heading and everything under it up to the next heading of the same level or higher. */
function drop(text: string, heading: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const start = text.indexOf(`${heading}${eol}`);
  const level = heading.indexOf(' ');
  const next = new RegExp(`${eol}#{1,${level}} `, 'g');
  next.lastIndex = start + heading.length;
  const end = next.exec(text)?.index ?? text.length;
  return replaceOnce(text, text.slice(start, end + eol.length), '');
}

const lint = (edit: (text: string) => string, path = STRIPE) => lintCase({ path, edit, rules: [rule] });

describe('int-doc/missing-section', () => {
  it('finds nothing in the clean docs, CRLF and BOM included, nor in the untouched template', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
    const template = lintCase({ root: join(FIXTURES, 'workspaces', 'template'), path: `${DOCS}/INT-009-plantilla.md`, rules: [rule] });
    assert.deepEqual(template.findings, []);
  });

  it('reports a missing section at the next section and inserts the template skeleton there', () => {
    const { text, findings } = lint((t) => drop(t, '## Rate Limits'));
    assert.deepEqual(findings.map((f) => show(f)), [
      '38:1 int-doc/missing-section Expected a "## Rate Limits" section before "## Manejo de Errores"; found none.',
    ]);
    assert.equal(covered(text, findings[0]), '## Manejo de Errores');
    assert.deepEqual(findings[0].data, { section: 'Rate Limits' });
    assert.equal(findings[0].fixes[0].safe, false);

    const fixed = applySuggestion(text, findings[0]);
    assert.ok(
      fixed.includes(
        '| Crear suscripcion | POST /v1/subscriptions | Alta del plan del tenant |\n\n' +
          '## Rate Limits\n\n| Limite | Valor | Accion si excede |\n|--------|-------|------------------|\n' +
          '| Requests/min | {N} | Retry con backoff |\n| Requests/dia | {N} | Cola de espera |\n\n## Manejo de Errores\n',
      ),
    );
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('reports each missing section and ignores the optional Webhooks section', () => {
    const { findings } = lint((t) => drop(drop(drop(t, '## Descripcion'), '## Credenciales Requeridas'), '## Webhooks (si aplica)'));
    assert.deepEqual(findings.map((f) => show(f)), [
      '16:1 int-doc/missing-section Expected a "## Descripcion" section before "## Endpoints/SDK Utilizados"; found none.',
      '16:1 int-doc/missing-section Expected a "## Credenciales Requeridas" section before "## Endpoints/SDK Utilizados"; found none.',
    ]);
  });

  it('inserts a missing last section before the footer and its rule', () => {
    const referencias = '## Referencias\n\n- [Documentacion oficial](https://docs.stripe.com/api)\n- [Modulo backend](../../src/payments/)\n- [Variables de entorno](../../.env.example)\n\n';
    const { text, findings } = lint((t) => replaceOnce(t, referencias, ''));
    assert.deepEqual(findings.map((f) => show(f)), ['98:1 int-doc/missing-section Expected a "## Referencias" section; found none.']);
    assert.equal(covered(text, findings[0]), '---');
    const fixed = applySuggestion(text, findings[0]);
    assert.ok(
      fixed.endsWith(
        '| Rate limit | % usado | >80% |\n\n## Referencias\n\n- [Documentacion oficial]({url})\n' +
          '- [Modulo backend](../../apps/backend/src/modules/{modulo}/)\n- [Variables de entorno](../../.env.example)\n\n' +
          '---\n\n**Ultima actualizacion:** 2026-03-15\n',
      ),
    );
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it('appends a missing last section at the end of a doc without a footer', () => {
    const stripe = readFixture(CLEAN, STRIPE);
    const bare = stripe.slice(0, stripe.indexOf('## Referencias'));
    const { text, findings } = lint(() => bare);
    assert.deepEqual(findings.map((f) => show(f)), ['96:1 int-doc/missing-section Expected a "## Referencias" section; found none.']);
    const fixed = applySuggestion(text, findings[0]);
    assert.ok(fixed.endsWith('| Rate limit | % usado | >80% |\n\n## Referencias\n\n- [Documentacion oficial]({url})\n- [Modulo backend](../../apps/backend/src/modules/{modulo}/)\n- [Variables de entorno](../../.env.example)\n'));
    assert.deepEqual(lint(() => fixed).findings, []);
  });

  it("reports Testing's missing subsections and inserts them in template order", () => {
    const sandbox = lint((t) => drop(t, '### Sandbox/Test Mode'));
    assert.deepEqual(sandbox.findings.map((f) => show(f)), [
      '79:1 int-doc/missing-section Expected a "### Sandbox/Test Mode" subsection in "## Testing"; found none.',
    ]);
    assert.equal(covered(sandbox.text, sandbox.findings[0]), '### Comandos de Test');
    const withSandbox = applySuggestion(sandbox.text, sandbox.findings[0]);
    assert.ok(withSandbox.includes('## Testing\n\n### Sandbox/Test Mode\n\n{Como probar sin afectar produccion}\n\n### Comandos de Test\n'));
    assert.deepEqual(lint(() => withSandbox).findings, []);

    const commands = lint((t) => drop(t, '### Comandos de Test'));
    assert.deepEqual(commands.findings.map((f) => show(f)), [
      '77:1 int-doc/missing-section Expected a "### Comandos de Test" subsection in "## Testing"; found none.',
    ]);
    assert.equal(covered(commands.text, commands.findings[0]), '## Testing');
    const withCommands = applySuggestion(commands.text, commands.findings[0]);
    assert.ok(withCommands.includes('4242 4242 4242 4242.\n\n### Comandos de Test\n\n```bash\n{comando para probar integracion}\n```\n\n## Monitoreo\n'));
    assert.deepEqual(lint(() => withCommands).findings, []);
  });

  it('reports only Testing, not its subsections, when the whole section is missing', () => {
    const { findings } = lint((t) => drop(t, '## Testing'));
    assert.deepEqual(findings.map((f) => show(f)), [
      '77:1 int-doc/missing-section Expected a "## Testing" section before "## Monitoreo"; found none.',
    ]);
  });

  it('counts a near-miss heading as present: section-name reports it, once', () => {
    const { findings } = lintCase({
      path: STRIPE,
      rules: [rule, sectionName],
      edit: (t) => replaceOnce(t, '## Rate Limits', '## Rate limit'),
    });
    assert.deepEqual(findings.map((f) => show(f)), [
      '38:4 int-doc/section-name Expected the heading "## Rate Limits"; found "## Rate limit".',
    ]);
    const subsection = lint((t) => replaceOnce(t, '### Comandos de Test', '### comandos de test'));
    assert.deepEqual(subsection.findings, []);
  });

  it('does not take an unrelated extra heading for a missing section', () => {
    const { findings } = lint((t) => replaceOnce(t, '## Fallbacks', '## Notas del equipo'));
    assert.deepEqual(findings.map((f) => show(f)), [
      '61:1 int-doc/missing-section Expected a "## Fallbacks" section before "## Multi-tenant"; found none.',
    ]);
  });

  it('inserts with CRLF line endings in a CRLF document', () => {
    const { text, findings } = lint((t) => drop(t, '## Fallbacks'), WHATSAPP);
    assert.deepEqual(findings.map((f) => show(f)), [
      '53:1 int-doc/missing-section Expected a "## Fallbacks" section before "## Multi-tenant"; found none.',
    ]);
    const fixed = applySuggestion(text, findings[0]);
    assert.ok(fixed.includes('\r\n\r\n## Fallbacks\r\n\r\n- {Estrategia si servicio no disponible}\r\n- {Servicio alternativo si aplica}\r\n- {Modo degradado}\r\n\r\n## Multi-tenant\r\n'));
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false);
    assert.deepEqual(lint(() => fixed, WHATSAPP).findings, []);
  });
});
