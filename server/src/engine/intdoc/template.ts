// The directive's template (section 3.2) as data. Rules read it from here so
// the vocabulary is written down once; it is Spanish on purpose: it is the
// text being checked, not a message to translate.

export interface TemplateSection {
  /** The heading exactly as the template writes it. */
  name: string;
  /** Other spellings that mean the same section and are accepted silently. */
  accepted?: readonly string[];
  optional?: boolean;
  /** Columns of the section's table, when the template gives it one. */
  columns?: readonly string[];
  /** Level-3 headings the template puts under this section. */
  subsections?: readonly string[];
  /** Short names people type instead (near misses), besides case/accent variants. */
  nearMisses?: readonly string[];
}

export const TEMPLATE_SECTIONS: readonly TemplateSection[] = [
  { name: 'Metadata', columns: ['Campo', 'Valor'], nearMisses: ['metadatos', 'meta'] },
  { name: 'Descripcion', nearMisses: ['description', 'resumen', 'proposito'] },
  {
    name: 'Credenciales Requeridas',
    columns: ['Variable de Entorno', 'Descripcion', 'Obligatorio'],
    nearMisses: ['credenciales', 'credentials', 'variables de entorno', 'credenciales requeridos'],
  },
  {
    name: 'Endpoints/SDK Utilizados',
    columns: ['Operacion', 'Endpoint/Metodo', 'Descripcion'],
    nearMisses: ['endpoints', 'endpoints utilizados', 'sdk utilizados', 'endpoints/sdk', 'endpoints / sdk utilizados', 'endpoints y sdk utilizados'],
  },
  {
    name: 'Rate Limits',
    columns: ['Limite', 'Valor', 'Accion si excede'],
    nearMisses: ['rate limit', 'rate-limits', 'limites', 'limites de tasa', 'ratelimits'],
  },
  {
    name: 'Manejo de Errores',
    columns: ['Codigo', 'Descripcion', 'Accion'],
    nearMisses: ['errores', 'manejo de error', 'error handling', 'errors'],
  },
  { name: 'Fallbacks', nearMisses: ['fallback', 'alternativas', 'plan b'] },
  { name: 'Multi-tenant', nearMisses: ['multitenant', 'multi tenant', 'multi-tenancy', 'multitenancy'] },
  {
    name: 'Webhooks (si aplica)',
    accepted: ['Webhooks'],
    optional: true,
    columns: ['Evento', 'Endpoint', 'Descripcion'],
    nearMisses: ['webhook', 'webhooks (opcional)'],
  },
  {
    name: 'Testing',
    subsections: ['Sandbox/Test Mode', 'Comandos de Test'],
    nearMisses: ['tests', 'test', 'pruebas'],
  },
  { name: 'Monitoreo', columns: ['Metrica', 'Descripcion', 'Alerta'], nearMisses: ['monitoring', 'monitorizacion', 'metricas'] },
  { name: 'Referencias', nearMisses: ['referencia', 'references', 'links', 'enlaces'] },
];

export const METADATA_FIELDS = ['Codigo', 'Proveedor', 'Tipo', 'Estado', 'Multi-tenant', 'Fecha integracion'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** The directive lists these and ends with "etc": other values are allowed but worth a look. */
export const TIPO_VALUES = ['Pagos', 'Auth', 'Notificaciones', 'Storage', 'Analytics'] as const;
export const ESTADO_VALUES = ['Implementado', 'Documentado', 'Pendiente'] as const;
export const MULTI_TENANT_VALUES = ['Si', 'No'] as const;
export const OBLIGATORIO_VALUES = ['SI', 'NO'] as const;
export const CREDENTIAL_MODELS = ['Global', 'Por Tenant', 'Hibrido'] as const;

/** INT-{NNN}-{nombre}.md: three digits, lowercase kebab-case name. */
export const INT_FILE_NAME = /^INT-(\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
/** Loose form used to recognise a file that is meant to be an INT doc. */
export const INT_FILE_NAME_LOOSE = /^int[-_ ]?\d+/i;
