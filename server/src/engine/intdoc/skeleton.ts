// The body the directive's template (section 3.2) gives each section, line by
// line, so a fix that adds a missing section writes what the template writes.
// Placeholders stay as the template has them: int-doc/placeholder then points
// at each gap to fill.

import { METADATA_PLACEHOLDERS } from './metadata-fields';
import { METADATA_FIELDS } from './template';

/** The template's `Manejo de Errores` rows, one per category of the directive (6.1). */
export const TEMPLATE_ERROR_ROWS = {
  client: '| 400 | Bad Request | Log + retry NO |',
  unauthorized: '| 401 | Unauthorized | Refrescar token |',
  rateLimited: '| 429 | Rate Limited | Backoff exponencial |',
  server: '| 500 | Server Error | Retry 3 veces |',
} as const;

/** The directive's other two categories (6.1), which the template's table leaves out: what a fix or a generated doc adds. */
export const RESILIENCE_ERROR_ROWS = ['| Timeout | Sin respuesta | Retry 1 vez |', '| Network | Error de red | Retry con delay |'] as const;

const SUBSECTION_BODIES: Readonly<Record<string, readonly string[]>> = {
  'Sandbox/Test Mode': ['{Como probar sin afectar produccion}'],
  'Comandos de Test': ['```bash', '{comando para probar integracion}', '```'],
};

const SECTION_BODIES: Readonly<Record<string, readonly string[]>> = {
  Metadata: [
    '| Campo | Valor |',
    '|-------|-------|',
    ...METADATA_FIELDS.map((field) => `| ${field} | ${METADATA_PLACEHOLDERS[field]} |`),
  ],
  Descripcion: ['{Proposito de la integracion y caso de uso}'],
  'Credenciales Requeridas': [
    '| Variable de Entorno | Descripcion | Obligatorio |',
    '|---------------------|-------------|-------------|',
    '| {PROVIDER}_API_KEY | API Key principal | SI |',
    '| {PROVIDER}_SECRET | Secret para firma | SI |',
    '| {PROVIDER}_WEBHOOK_SECRET | Secret para webhooks | NO |',
  ],
  'Endpoints/SDK Utilizados': [
    '| Operacion | Endpoint/Metodo | Descripcion |',
    '|-----------|-----------------|-------------|',
    '| Crear recurso | POST /v1/resource | {descripcion} |',
    '| Obtener estado | GET /v1/resource/:id | {descripcion} |',
  ],
  'Rate Limits': [
    '| Limite | Valor | Accion si excede |',
    '|--------|-------|------------------|',
    '| Requests/min | {N} | Retry con backoff |',
    '| Requests/dia | {N} | Cola de espera |',
  ],
  'Manejo de Errores': [
    '| Codigo | Descripcion | Accion |',
    '|--------|-------------|--------|',
    TEMPLATE_ERROR_ROWS.client,
    TEMPLATE_ERROR_ROWS.unauthorized,
    TEMPLATE_ERROR_ROWS.rateLimited,
    TEMPLATE_ERROR_ROWS.server,
  ],
  Fallbacks: ['- {Estrategia si servicio no disponible}', '- {Servicio alternativo si aplica}', '- {Modo degradado}'],
  'Multi-tenant': [
    '{Como se maneja en contexto multi-tenant}',
    '',
    '- Credenciales por tenant vs globales',
    '- Configuracion por tenant',
    '- Limites por tenant',
  ],
  'Webhooks (si aplica)': [
    '| Evento | Endpoint | Descripcion |',
    '|--------|----------|-------------|',
    '| {event.type} | /webhooks/{provider} | {que hace} |',
  ],
  Testing: [
    ...subsectionSkeleton('Sandbox/Test Mode'),
    '',
    ...subsectionSkeleton('Comandos de Test'),
  ],
  Monitoreo: [
    '| Metrica | Descripcion | Alerta |',
    '|---------|-------------|--------|',
    '| Latencia | Tiempo de respuesta | >2s |',
    '| Errores | % de errores | >5% |',
    '| Rate limit | % usado | >80% |',
  ],
};

/**
 * The template's links are written from a doc one folder below the root
 * (`../.env.example`); a doc in `docs/02-integraciones/` needs `../../`, or the
 * inserted links would be broken from the start.
 */
function referencias(docPath: string): string[] {
  const toRoot = '../'.repeat(docPath.split('/').length - 1);
  return [
    '- [Documentacion oficial]({url})',
    `- [Modulo backend](${toRoot}apps/backend/src/modules/{modulo}/)`,
    `- [Variables de entorno](${toRoot}.env.example)`,
  ];
}

/** A template section as the template writes it for the doc at `docPath`, heading first, one string per line. */
export function sectionSkeleton(name: string, docPath: string): string[] {
  const body = name === 'Referencias' ? referencias(docPath) : (SECTION_BODIES[name] ?? []);
  return [`## ${name}`, '', ...body];
}

/** A template subsection (`### Sandbox/Test Mode`) as the template writes it. */
export function subsectionSkeleton(name: string): string[] {
  return [`### ${name}`, '', ...(SUBSECTION_BODIES[name] ?? [])];
}
