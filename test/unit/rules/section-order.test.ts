import { strict as assert } from 'node:assert';
import rule from '../../../server/src/engine/rules/int-doc/section-order';
import { covered, lintCase, replaceOnce, show } from '../../helpers';

const DOCS = 'docs/02-integraciones';
const STRIPE = `${DOCS}/INT-001-stripe.md`;

/** Cuts a level-2 section (heading to the next `## `) out of the text and returns both. */
function cut(text: string, heading: string): { rest: string; section: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const start = text.indexOf(`${heading}${eol}`);
  const end = text.indexOf(`${eol}## `, start + heading.length) + eol.length;
  const section = text.slice(start, end);
  return { rest: replaceOnce(text, section, ''), section };
}

/** Moves a section so it sits right before another heading. */
function move(text: string, heading: string, before: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const { rest, section } = cut(text, heading);
  return replaceOnce(rest, `${before}${eol}`, `${section}${before}${eol}`);
}

const lint = (edit: (text: string) => string, path = STRIPE) => lintCase({ path, edit, rules: [rule] });

describe('int-doc/section-order', () => {
  it('finds nothing in the clean docs, CRLF and BOM included', () => {
    for (const name of ['INT-001-stripe.md', 'INT-002-twilio-sms.md', 'INT-003-twilio-whatsapp.md']) {
      assert.deepEqual(lintCase({ path: `${DOCS}/${name}`, rules: [rule] }).findings.map((f) => show(f)), [], name);
    }
  });

  it('reports only the section that moved, naming the one it belongs after', () => {
    const { text, findings } = lint((t) => move(t, '## Rate Limits', '## Referencias'));
    assert.deepEqual(findings.map((f) => show(f)), [
      `91:4 int-doc/section-order Section "## Rate Limits" is out of the template's order; expected it after "## Endpoints/SDK Utilizados".`,
    ]);
    assert.equal(covered(text, findings[0]), 'Rate Limits');
    assert.deepEqual(findings[0].data, { section: 'Rate Limits', after: 'Endpoints/SDK Utilizados' });
  });

  it('names the section it belongs before when it belongs first', () => {
    const { findings } = lint((t) => move(t, '## Metadata', '## Referencias'));
    assert.deepEqual(findings.map((f) => show(f)), [
      `85:4 int-doc/section-order Section "## Metadata" is out of the template's order; expected it before "## Descripcion".`,
    ]);
  });

  it('reports one heading of a swapped pair, once', () => {
    const { findings } = lint((t) => move(t, '## Multi-tenant', '## Fallbacks'));
    assert.deepEqual(findings.map((f) => show(f)), [
      `65:4 int-doc/section-order Section "## Fallbacks" is out of the template's order; expected it after "## Manejo de Errores".`,
    ]);
  });

  it('ignores missing sections and the team\'s own extra sections', () => {
    const { findings } = lint((t) =>
      replaceOnce(cut(t, '## Rate Limits').rest, '## Fallbacks\n', '## Notas del equipo\n\nTexto.\n\n## Fallbacks\n'),
    );
    assert.deepEqual(findings, []);
  });

  it('orders near-miss headings by the section they mean, quoting them as written', () => {
    const { findings } = lint((t) => replaceOnce(move(t, '## Monitoreo', '## Descripcion'), '## Monitoreo', '## Monitoring'));
    assert.deepEqual(findings.map((f) => show(f)), [
      `16:4 int-doc/section-order Section "## Monitoring" is out of the template's order; expected it after "## Testing".`,
    ]);
  });

  it('works on a CRLF document', () => {
    const { findings } = lint((t) => move(t, '## Rate Limits', '## Referencias'), `${DOCS}/INT-003-twilio-whatsapp.md`);
    assert.equal(findings.length, 1);
    assert.match(show(findings[0]), /^\d+:4 int-doc\/section-order Section "## Rate Limits" is out/);
  });
});
