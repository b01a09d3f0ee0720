import { strict as assert } from 'node:assert';
import { parseIntDoc } from '../../server/src/engine/intdoc/model';
import { decodeBytes } from '../../server/src/engine/text';
import { CLEAN, covered, readFixture } from '../helpers';

// The model is what every INT doc rule reads: its ranges must land on the
// characters a user sees, whatever the line endings or encoding.

const PATH = 'docs/02-integraciones/INT-001-stripe.md';
const at = (text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  covered(text, { range } as Parameters<typeof covered>[1]);

describe('the INT doc model', () => {
  const text = readFixture(CLEAN, PATH);
  const doc = parseIntDoc(PATH, text);

  it('reads the title, the sections in order, their tables, code blocks and links', () => {
    assert.equal(doc.title?.text, 'INT-001: Stripe');
    assert.equal(at(text, doc.title!.textRange), 'INT-001: Stripe');
    assert.deepEqual(doc.sections.map((s) => s.heading.text), [
      'Metadata', 'Descripcion', 'Credenciales Requeridas', 'Endpoints/SDK Utilizados', 'Rate Limits', 'Manejo de Errores',
      'Fallbacks', 'Multi-tenant', 'Webhooks (si aplica)', 'Testing', 'Monitoreo', 'Referencias',
    ]);
    const testing = doc.sections[9];
    assert.deepEqual(testing.subsections.map((s) => s.heading.text), ['Sandbox/Test Mode', 'Comandos de Test']);
    assert.equal(testing.codeBlocks[0].lang, 'bash');
    assert.match(testing.codeBlocks[0].value, /^npm run test:integration -- payments\n/);
    assert.deepEqual(doc.links.map((l) => l.url), ['https://docs.stripe.com/api', '../../src/payments/', '../../.env.example']);
  });

  it('gives each metadata cell its plain text and the range of its content', () => {
    assert.deepEqual(
      doc.metadata?.rows.map((r) => [r.field.text, r.value.text, at(text, r.value.range)]),
      [
        ['Codigo', 'INT-001', 'INT-001'],
        ['Proveedor', 'Stripe', 'Stripe'],
        ['Tipo', 'Pagos', 'Pagos'],
        ['Estado', 'Implementado', 'Implementado'],
        ['Multi-tenant', 'Si', 'Si'],
        ['Fecha integracion', '2026-02-03', '2026-02-03'],
      ],
    );
  });

  it('reads the footer date and where it stands', () => {
    assert.equal(doc.footer?.date?.text, '2026-03-15');
    assert.equal(at(text, doc.footer!.date!.range), '2026-03-15');
  });

  it('gives the same model, ranges included, for the CRLF + BOM copy', () => {
    const crlf = readFixture(CLEAN, 'docs/02-integraciones/INT-003-twilio-whatsapp.md');
    const lf = readFixture(CLEAN, 'docs/02-integraciones/INT-002-twilio-sms.md').replace(/INT-002/g, 'INT-003').replace('Twilio SMS', 'Twilio WhatsApp');
    assert.ok(crlf.includes('\r\n') && !lf.includes('\r'));
    const strip = (t: string) => {
      const d = parseIntDoc(PATH, t);
      return JSON.stringify({ title: d.title, rows: d.metadata?.rows, footer: d.footer, headings: d.sections.map((s) => s.heading) });
    };
    assert.equal(strip(crlf), strip(lf));
  });

  it('keeps rows with missing and extra cells as they are', () => {
    const table = '## Metadata\n\n| Campo | Valor |\n|---|---|\n| Codigo |\n| Tipo | Pagos | extra |\n| Estado | **Pendiente** |\n';
    const model = parseIntDoc(PATH, table);
    assert.deepEqual(model.metadata?.table.rows.map((r) => r.map((c) => c.text)), [['Codigo'], ['Tipo', 'Pagos', 'extra'], ['Estado', 'Pendiente']]);
    assert.equal(model.metadata?.rows[0].value.text, '');
  });

  it('parses empty, heading-less, binary-looking and invalid UTF-8 text without throwing', () => {
    for (const input of ['', '\n\n', 'solo texto', '| a |\n|', '# \n## \n###', '```\nsin cerrar', '\u0000\u0001\u0002', 'a'.repeat(100_000)]) {
      const model = parseIntDoc(PATH, input);
      assert.ok(Array.isArray(model.sections));
    }
    const decoded = decodeBytes(Buffer.from([0x23, 0x20, 0x49, 0x4e, 0x54, 0xff, 0xfe, 0x0a]));
    assert.equal(decoded.invalidUtf8, true);
    assert.equal(parseIntDoc(PATH, decoded.text).title?.text, 'INT\ufffd\ufffd');
  });
});
