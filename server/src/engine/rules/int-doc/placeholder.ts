import { fold } from '../../text';
import type { Rule } from '../rule';

// A doc generated from the template still holds `{Nombre proveedor}`, `{N}`,
// `{url}`... until someone writes the real content: each leftover is a gap.
// Braces are also real syntax (`GET /v1/customers/{id}`, JSON, `${VAR}`), so
// outside the template's own placeholders only brace text that reads like
// prose (spaces, or `a|b` choices) counts.

const TEMPLATE_PLACEHOLDERS = new Set(
  [
    'NNN', 'N', 'Nombre Integracion', 'Nombre proveedor', 'Pagos|Auth|Notificaciones|Storage|Analytics|etc',
    'Implementado|Documentado|Pendiente', 'Si|No', 'YYYY-MM-DD', 'Proposito de la integracion y caso de uso',
    'PROVIDER', 'descripcion', 'Estrategia si servicio no disponible', 'Servicio alternativo si aplica',
    'Modo degradado', 'Como se maneja en contexto multi-tenant', 'event.type', 'provider', 'que hace',
    'Como probar sin afectar produccion', 'comando para probar integracion', 'url', 'modulo', 'nombre',
  ].map(fold),
);

const BRACES = /(?<![$#%{\\])\{([^{}\n]{1,80})\}(?!\})/g;
const PROSE = /^[\p{L}][\p{L}\p{N} .,/|'-]*$/u;

type Where = 'prose' | 'inline-code' | 'code-block';

/**
 * In prose: a template placeholder, or brace text that reads like prose (a
 * space or an `a|b` choice); a lone word like {id} is a path parameter. In
 * code, braces are syntax (`{ id, name }`, f"{url}"): inline code counts only
 * the template's own placeholders, and a code block only a line that is
 * nothing but a placeholder, as the template's `{comando para probar integracion}`.
 */
function isPlaceholder(content: string, where: Where, wholeLine: boolean): boolean {
  const trimmed = content.trim();
  const known = TEMPLATE_PLACEHOLDERS.has(fold(trimmed));
  const prose = PROSE.test(trimmed) && /[ |]/.test(trimmed);
  if (where === 'inline-code') return known;
  if (where === 'code-block') return wholeLine && (known || prose);
  return known || prose;
}

const rule: Rule = {
  meta: {
    id: 'int-doc/placeholder',
    description: 'No template placeholder ({Nombre proveedor}, {N}, {url}...) is left in an INT doc.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      leftover: 'Template placeholder "{0}" left in the document; replace it with the real content.',
    },
  },
  checkIntDoc({ doc, report }) {
    const blocks = doc.codeBlocks.map((block) => [block.valueOffset, block.valueOffset + block.value.length]);
    const inside = (spans: number[][], offset: number) => spans.some(([from, to]) => offset >= from && offset < to);
    BRACES.lastIndex = 0;
    for (let match = BRACES.exec(doc.text); match; match = BRACES.exec(doc.text)) {
      const start = match.index;
      const end = start + match[0].length;
      const where: Where = inside(blocks, start) ? 'code-block' : inside(doc.inlineCode, start) ? 'inline-code' : 'prose';
      const range = doc.lines.rangeOf(start, end);
      const line = doc.lines.lineText(range.start.line);
      const wholeLine = range.start.line === range.end.line && line.trim() === match[0];
      if (!isPlaceholder(match[1], where, wholeLine)) continue;
      report({ messageId: 'leftover', args: [match[0]], range });
    }
  },
};

export default rule;
