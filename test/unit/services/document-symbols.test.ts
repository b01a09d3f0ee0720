import { strict as assert } from 'node:assert';
import { parseIntDoc } from '../../../server/src/engine/intdoc/model';
import { documentSymbols, type DocSymbol } from '../../../server/src/engine/services/document-symbols';
import type { Range } from '../../../server/src/engine/types';
import { replaceOnce } from '../../helpers';
import { indexClean, STRIPE_DOC, textAt, WHATSAPP_DOC } from './workspace';

/** One line per symbol, indented by depth: "kind name lines start-end [selection text]". */
function outline(text: string, symbols: readonly DocSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.kind} ${symbol.name} ${symbol.range.start.line}-${symbol.range.end.line} [${textAt(text, symbol.selectionRange)}]`,
    ...outline(text, symbol.children, depth + 1),
  ]);
}

/** Every child's range inside its parent's, and the selection inside the range: what editors require. */
function assertNested(symbols: readonly DocSymbol[], parent?: Range): void {
  const inside = (inner: Range, outer: Range) =>
    (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
  for (const symbol of symbols) {
    assert.ok(inside(symbol.selectionRange, symbol.range), symbol.name);
    if (parent) assert.ok(inside(symbol.range, parent), symbol.name);
    assertNested(symbol.children, symbol.range);
  }
}

const STRIPE_OUTLINE = [
  'title INT-001: Stripe 0-105 [INT-001: Stripe]',
  '  section Metadata 2-13 [Metadata]',
  '  section Descripcion 15-19 [Descripcion]',
  '  section Credenciales Requeridas 21-27 [Credenciales Requeridas]',
  '    row STRIPE_API_KEY 25-25 [STRIPE_API_KEY]',
  '    row STRIPE_WEBHOOK_SECRET 26-26 [STRIPE_WEBHOOK_SECRET]',
  '    row STRIPE_PUBLISHABLE_KEY 27-27 [STRIPE_PUBLISHABLE_KEY]',
  '  section Endpoints/SDK Utilizados 29-35 [Endpoints/SDK Utilizados]',
  '  section Rate Limits 37-42 [Rate Limits]',
  '  section Manejo de Errores 44-53 [Manejo de Errores]',
  '  section Fallbacks 55-58 [Fallbacks]',
  '  section Multi-tenant 60-67 [Multi-tenant]',
  '  section Webhooks (si aplica) 69-74 [Webhooks (si aplica)]',
  '  section Testing 76-87 [Testing]',
  '    subsection Sandbox/Test Mode 78-80 [Sandbox/Test Mode]',
  '    subsection Comandos de Test 82-87 [Comandos de Test]',
  '  section Monitoreo 89-95 [Monitoreo]',
  '  section Referencias 97-105 [Referencias]',
];

describe('services/document-symbols', () => {
  const { texts } = indexClean();
  const symbolsOf = (path: string, text = texts[path]) => documentSymbols(parseIntDoc(path, text));

  it('outlines an INT doc: title, sections, subsections and the credential variables', () => {
    const symbols = symbolsOf(STRIPE_DOC);
    assert.deepEqual(outline(texts[STRIPE_DOC], symbols), STRIPE_OUTLINE);
    assertNested(symbols);
    const row = symbols[0].children[2].children[0];
    assert.equal(textAt(texts[STRIPE_DOC], row.range), '| STRIPE_API_KEY | API Key secreta (sk_test_/sk_live_) | SI |');
  });

  it('outlines a CRLF doc with the same ranges as an LF one', () => {
    const crlf = symbolsOf(WHATSAPP_DOC);
    const lf = symbolsOf(WHATSAPP_DOC, texts[WHATSAPP_DOC].replace(/\r\n/g, '\n'));
    assert.deepEqual(crlf, lf);
    assertNested(crlf);
    assert.deepEqual(outline(texts[WHATSAPP_DOC], crlf).slice(3, 7), [
      '  section Credenciales Requeridas 20-26 [Credenciales Requeridas]',
      '    row TWILIO_ACCOUNT_SID 24-24 [TWILIO_ACCOUNT_SID]',
      '    row TWILIO_AUTH_TOKEN 25-25 [TWILIO_AUTH_TOKEN]',
      '    row TWILIO_PHONE_NUMBER 26-26 [TWILIO_PHONE_NUMBER]',
    ]);
  });

  it('puts the rows under the credentials section however its heading is spelled, and names an empty heading by its #s', () => {
    const text = replaceOnce(replaceOnce(texts[STRIPE_DOC], '## Credenciales Requeridas', '## credenciales'), '## Fallbacks', '##');
    const lines = outline(text, symbolsOf(STRIPE_DOC, text));
    assert.equal(lines[3], '  section credenciales 21-27 [credenciales]');
    assert.equal(lines[4], '    row STRIPE_API_KEY 25-25 [STRIPE_API_KEY]');
    assert.ok(lines.includes('  section ## 55-58 []'), lines.join('\n'));
  });

  it('lists the sections at the top when there is no title, and keeps a section above the title beside it', () => {
    const untitled = replaceOnce(texts[STRIPE_DOC], '# INT-001: Stripe\n', '');
    assert.deepEqual(outline(untitled, symbolsOf(STRIPE_DOC, untitled)).slice(0, 2), ['section Metadata 1-12 [Metadata]', 'section Descripcion 14-18 [Descripcion]']);

    const above = `## Nota\n\nBorrador.\n\n${texts[STRIPE_DOC]}`;
    const symbols = symbolsOf(STRIPE_DOC, above);
    assert.deepEqual(outline(above, symbols).slice(0, 3), ['section Nota 0-2 [Nota]', 'title INT-001: Stripe 4-109 [INT-001: Stripe]', '  section Metadata 6-17 [Metadata]']);
    assertNested(symbols);
  });
});
