import { posix } from 'node:path';
import type { Provider } from '../catalog/providers';
import { METADATA_PLACEHOLDERS } from '../intdoc/metadata-fields';
import { RESILIENCE_ERROR_ROWS, sectionSkeleton, subsectionSkeleton, TEMPLATE_ERROR_ROWS } from '../intdoc/skeleton';
import { TEMPLATE_SECTIONS, type CREDENTIAL_MODELS } from '../intdoc/template';

// A new INT doc: the directive's template (section 3.2) as skeleton.ts writes
// it, with what is known put in: the answers (code, name, Tipo, Estado,
// Multi-tenant), today's date, the catalog's facts about the provider, and
// the directive's own rules (error categories and retries, 6.1; the
// monitoring thresholds; the credential models, 7.1). What nobody knows yet
// (the purpose, the fallbacks, the backend module) keeps the template's
// `{placeholder}`, which int-doc/placeholder then points at.

export type CredentialModel = (typeof CREDENTIAL_MODELS)[number];

export interface DocSpec {
  /** `INT-004`. */
  code: string;
  /** The title's name (`Stripe Pagos`), already on one line. */
  name: string;
  /** The Metadata's Proveedor. */
  proveedor: string;
  /** The catalog's entry, when the provider is one it knows. */
  provider?: Provider;
  /** Undefined: the template's `{Pagos|Auth|...}` stays. */
  tipo?: string;
  estado: string;
  multiTenant: boolean;
  /** Only with multiTenant; undefined leaves the choice as a placeholder. */
  credentialModel?: CredentialModel;
  /** YYYY-MM-DD. */
  today: string;
  /** Workspace-relative, where the doc goes: its links are written from there. */
  docPath: string;
  /** Workspace-relative `.env.example` the Referencias link points to. */
  envExamplePath: string;
}

/** Directive 7.1's models, as the Multi-tenant section states them. */
const MODEL_NOTES: Readonly<Record<CredentialModel, string>> = {
  Global: 'una credencial global para todos los tenants',
  'Por Tenant': 'cada tenant usa sus propias credenciales, guardadas cifradas en `tenant_integrations`',
  Hibrido: 'credencial global con override por tenant en `tenant_integrations`',
};

/** Directive 5.1 and 6.1, said once under the error table. */
const RETRY_POLICY =
  'Politica de reintentos (directiva 5.1 y 6.1): backoff exponencial de 1s, 2s y 4s, como maximo 3 intentos, ' +
  'respetando `Retry-After` cuando el proveedor lo envia. Los errores 4xx (salvo 401 y 429) no se reintentan; ' +
  'un timeout se reintenta 1 vez.';

const NOT_MULTI_TENANT = 'No aplica: la integracion no distingue tenants; usa una credencial global para toda la aplicacion.';

export function renderIntDoc(spec: DocSpec): string {
  const sections: string[][] = [];
  for (const { name } of TEMPLATE_SECTIONS) {
    const body = sectionBody(name, spec);
    if (body === null) continue;
    sections.push(body ?? sectionSkeleton(name, spec.docPath));
    // The template draws a rule under the Metadata table.
    if (name === 'Metadata') sections.push(['---']);
  }
  return [`# ${spec.code}: ${spec.name}`, ...sections.map((lines) => lines.join('\n')), '---', `**Ultima actualizacion:** ${spec.today}`].join('\n\n') + '\n';
}

/** A section's lines; undefined: the template's as is; null: left out (an optional section that does not apply). */
function sectionBody(name: string, spec: DocSpec): string[] | undefined | null {
  const { provider } = spec;
  const facts = provider?.doc;
  const withRows = (rows: ReadonlyArray<readonly string[]>): string[] => [...tableHead(name, spec.docPath), ...rows.map(row)];
  switch (name) {
    case 'Metadata':
      return withRows([
        ['Codigo', spec.code],
        ['Proveedor', spec.proveedor],
        ['Tipo', spec.tipo ?? METADATA_PLACEHOLDERS.Tipo],
        ['Estado', spec.estado],
        ['Multi-tenant', spec.multiTenant ? 'Si' : 'No'],
        ['Fecha integracion', spec.today],
      ]);
    case 'Credenciales Requeridas':
      return provider && withRows(provider.credentials.map((c) => [c.name, c.description, c.required ? 'SI' : 'NO']));
    case 'Endpoints/SDK Utilizados':
      return facts && withRows(facts.endpoints.map((e) => [e.operacion, e.endpoint, e.descripcion]));
    case 'Rate Limits':
      return facts?.rateLimits && withRows(facts.rateLimits.map((r) => [r.limite, r.valor, r.accion]));
    case 'Manejo de Errores':
      return [...tableHead(name, spec.docPath), ...Object.values(TEMPLATE_ERROR_ROWS), ...RESILIENCE_ERROR_ROWS, '', RETRY_POLICY];
    case 'Multi-tenant':
      return multiTenant(spec);
    case 'Webhooks (si aplica)':
      if (!provider || !facts?.webhooks) return undefined;
      return facts.webhooks.length === 0 ? null : withRows(facts.webhooks.map((w) => [w.evento, `/webhooks/${provider.id}`, w.descripcion]));
    case 'Testing':
      return testing(spec);
    case 'Referencias':
      return referencias(spec);
    default:
      return undefined;
  }
}

/** The heading, a blank line, the header row and its separator, as the template writes them. */
function tableHead(name: string, docPath: string): string[] {
  return sectionSkeleton(name, docPath).slice(0, 4);
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function multiTenant(spec: DocSpec): string[] {
  const [heading, blank, ...template] = sectionSkeleton('Multi-tenant', spec.docPath);
  if (!spec.multiTenant) return [heading, blank, NOT_MULTI_TENANT];
  const model = spec.credentialModel;
  const stated = model ? `Modelo de credenciales: **${model}** (${MODEL_NOTES[model]}).` : 'Modelo de credenciales: **{Global|Por Tenant|Hibrido}**.';
  return [heading, blank, stated, '', ...template];
}

function testing(spec: DocSpec): string[] {
  const facts = spec.provider?.doc;
  const [heading, blank] = sectionSkeleton('Testing', spec.docPath);
  const sandbox = subsectionSkeleton('Sandbox/Test Mode');
  const commands = subsectionSkeleton('Comandos de Test');
  // `### Comandos de Test`, '', '```bash', placeholder, '```'
  const [commandsHeading, commandsBlank, fence] = commands;
  return [
    heading,
    blank,
    ...(facts?.sandbox ? [...sandbox.slice(0, 2), facts.sandbox] : sandbox),
    '',
    ...(facts?.testCommand ? [commandsHeading, commandsBlank, fence, ...facts.testCommand, '```'] : commands),
  ];
}

/** The template's links, with the provider's docs and the `.env.example` the variables went to. */
function referencias(spec: DocSpec): string[] {
  const [heading, blank, official, backend] = sectionSkeleton('Referencias', spec.docPath);
  const url = spec.provider?.docsUrl;
  const env = posix.relative(posix.dirname(spec.docPath), spec.envExamplePath);
  return [heading, blank, url ? official.replace('{url}', url) : official, backend, `- [Variables de entorno](${env})`];
}
