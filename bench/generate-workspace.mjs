// Writes a monorepo of N realistic INT docs (the directive's full template,
// filled in, 120-170 lines each) spread over apps of 500 docs each (codes
// have three digits), a .env.example and a few source files per app, and the
// config that points the checker at every app's docs folder. About 1% of the
// docs carry a defect so the run also reports findings.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PROVIDERS = [
  ['Stripe', 'STRIPE', 'Pagos', ['API_KEY', 'WEBHOOK_SECRET', 'PUBLISHABLE_KEY']],
  ['Twilio', 'TWILIO', 'Notificaciones', ['ACCOUNT_SID', 'AUTH_TOKEN', 'PHONE_NUMBER']],
  ['SendGrid', 'SENDGRID', 'Notificaciones', ['API_KEY', 'FROM_EMAIL']],
  ['AWS S3', 'AWS', 'Storage', ['ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'S3_BUCKET', 'REGION']],
  ['MercadoPago', 'MERCADOPAGO', 'Pagos', ['ACCESS_TOKEN', 'PUBLIC_KEY', 'WEBHOOK_SECRET']],
  ['PayPal', 'PAYPAL', 'Pagos', ['CLIENT_ID', 'CLIENT_SECRET', 'WEBHOOK_ID']],
  ['Google OAuth', 'GOOGLE', 'Auth', ['CLIENT_ID', 'CLIENT_SECRET', 'REDIRECT_URI']],
  ['Slack', 'SLACK', 'Notificaciones', ['BOT_TOKEN', 'SIGNING_SECRET']],
];

const DOCS_PER_APP = 500;

const codeOf = (index) => `INT-${String((index % DOCS_PER_APP) + 1).padStart(3, '0')}`;

function doc(index) {
  const [name, prefix, tipo, vars] = PROVIDERS[index % PROVIDERS.length];
  const code = codeOf(index);
  const month = String((index % 12) + 1).padStart(2, '0');
  const multi = index % 3 === 0;
  const endpoints = Array.from({ length: 3 + (index % 6) }, (_, i) =>
    `| Operacion ${i + 1} de ${name} | ${i % 2 ? 'GET' : 'POST'} /v1/resource${i}/:id | Paso ${i + 1} del flujo de ${tipo.toLowerCase()} con reintentos y registro de auditoria |`);
  const defect = index % 97 === 5;
  return `# ${code}: ${name} ${index + 1}

## Metadata

| Campo | Valor |
|-------|-------|
| Codigo | ${code} |
| Proveedor | ${name} |
| Tipo | ${tipo} |
| Estado | ${defect ? 'Terminado' : 'Implementado'} |
| Multi-tenant | ${multi ? 'Si' : 'No'} |
| Fecha integracion | 2026-${month}-1${index % 9} |

---

## Descripcion

Integracion numero ${index + 1} con ${name} para el flujo de ${tipo.toLowerCase()} del producto. Se usa desde
el modulo backend correspondiente y se monitorea con las alertas estandar de la plataforma. Las
operaciones son idempotentes y se registran con el tenant y el identificador de correlacion.

## Credenciales Requeridas

| Variable de Entorno | Descripcion | Obligatorio |
|---------------------|-------------|-------------|
${vars.map((v, i) => `| ${prefix}_${v} | Credencial ${v.toLowerCase().replace(/_/g, ' ')} de ${name} | ${i < 2 ? 'SI' : 'NO'} |`).join('\n')}

## Endpoints/SDK Utilizados

| Operacion | Endpoint/Metodo | Descripcion |
|-----------|-----------------|-------------|
${endpoints.join('\n')}

## Rate Limits

| Limite | Valor | Accion si excede |
|--------|-------|------------------|
| Requests/min | ${100 + index} | Retry con backoff |
| Requests/dia | ${10000 + index * 10} | Cola de espera |

## Manejo de Errores

| Codigo | Descripcion | Accion |
|--------|-------------|--------|
| 400 | Bad Request | Log + retry NO |
| 401 | Unauthorized | Refrescar token |
| 404 | Not Found | Log + retry NO |
| 429 | Rate Limited | Backoff exponencial |
| 500 | Server Error | Retry 3 veces |
| Timeout | Sin respuesta en 10s | Retry 1 vez |

## Fallbacks

- Encolar la operacion y reintentar con backoff durante una hora.
- Servicio alternativo: ninguno; se notifica al usuario.
- Modo degradado: lectura desde la cache local de la ultima respuesta valida.

## Multi-tenant

${multi ? 'Modelo **Por Tenant**: cada tenant guarda sus credenciales cifradas en `tenant_integrations`.' : 'No aplica: credencial **Global** para toda la plataforma.'}

- Credenciales por tenant vs globales segun el modelo indicado
- Configuracion por tenant en la tabla de integraciones
- Limites por tenant: ${10 + (index % 50)} requests/seg

## Webhooks (si aplica)

| Evento | Endpoint | Descripcion |
|--------|----------|-------------|
| resource.updated | /webhooks/${prefix.toLowerCase()} | Actualiza el estado local |
| resource.deleted | /webhooks/${prefix.toLowerCase()} | Marca el recurso como eliminado |

## Testing

### Sandbox/Test Mode

Usar las credenciales de prueba de ${name} y los datos de ejemplo del entorno de staging.

### Comandos de Test

\`\`\`bash
npm run test:integration -- ${prefix.toLowerCase()}
\`\`\`

## Monitoreo

| Metrica | Descripcion | Alerta |
|---------|-------------|--------|
| Latencia | Tiempo de respuesta | >2s |
| Errores | % de errores | >5% |
| Rate limit | % usado | >80% |

## Referencias

- [Documentacion oficial](https://example.com/${prefix.toLowerCase()}/docs)
- [Modulo backend](../../src/)
- [Variables de entorno](../../.env.example)

---

**Ultima actualizacion:** 2026-${month}-2${index % 9}
`;
}

export function generateWorkspace(root, count) {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'simco-int.config.json'), JSON.stringify({ docsFolder: 'apps/*/docs/02-integraciones' }, null, 2));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const app = join(root, 'apps', `app-${Math.floor(i / DOCS_PER_APP) + 1}`);
    const docs = join(app, 'docs', '02-integraciones');
    if (i % DOCS_PER_APP === 0) writeApp(app);
    const [name] = PROVIDERS[i % PROVIDERS.length];
    const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i + 1}`;
    const text = doc(i);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(docs, `${codeOf(i)}-${slug}.md`), text);
  }
  return { files: count, bytes };
}

function writeApp(app) {
  mkdirSync(join(app, 'docs', '02-integraciones'), { recursive: true });
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(
    join(app, '.env.example'),
    PROVIDERS.flatMap(([name, prefix, , vars]) => [`# ${name}`, ...vars.map((v) => `${prefix}_${v}=xxxxx`), '']).join('\n'),
  );
  for (const [, prefix, , vars] of PROVIDERS) {
    writeFileSync(join(app, 'src', `${prefix.toLowerCase()}.ts`), vars.map((v) => `export const ${v.toLowerCase()} = process.env.${prefix}_${v};`).join('\n') + '\n');
  }
}
