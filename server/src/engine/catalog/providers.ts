import type { Config } from '../config/config';
import { withoutParentheticals } from '../linear-search';
import { fold } from '../text';

// The one provider catalog: every feature that knows something about a
// provider (env naming, secret formats, INT doc generation, sandbox pings)
// reads it from here, so adding a provider is adding one entry.
// Env var names follow each provider's own documented conventions where there
// is one, and the directive's examples (sections 4 and 8.1) otherwise.

export interface Credential {
  /** The env var, `{PROVIDER}_{TIPO}`. */
  name: string;
  /** Spanish, as it goes in the INT doc's `Credenciales Requeridas` table. */
  description: string;
  /** The `Obligatorio` column: SI when the integration cannot work without it. */
  required: boolean;
}

/** Whether a credential acts on real data, only on a sandbox, or its format cannot tell. */
export type SecretMode = 'live' | 'test' | 'either';

interface FormatBase {
  /** Stable id, `<provider>-<what>`: findings' data and config allowlists name it. */
  id: string;
  /** What the provider calls it ("secret key", "bot token"), as messages show it. */
  kind: string;
  mode: SecretMode;
  /** The env var it belongs in; conforms to the naming rule for this provider. */
  envVar?: string;
}

/**
 * A token recognisable by itself: a literal start the scanner's prefilter
 * looks for, then `pattern` (run sticky at that start; bounded quantifiers
 * only, ending with a lookahead so it never matches the start of a longer run).
 */
export interface TokenFormat extends FormatBase {
  type: 'token';
  prefixes: readonly string[];
  pattern: RegExp;
  /** The same token format is shared (Meta's EAA tokens): this entry wins when the text before it on its line matches. */
  context?: RegExp;
}

/**
 * A value with no prefix of its own (Twilio's 32-hex auth token, AWS's
 * 40-character secret key): recognised only when assigned to a name that
 * `names` matches, and then only if the whole value matches `pattern`.
 */
export interface AssignedFormat extends FormatBase {
  type: 'assigned';
  names: RegExp;
  pattern: RegExp;
}

/** A PEM private key block this provider issues: attributed by the file it is in or the name it is assigned to. */
export interface PrivateKeyFormat extends FormatBase {
  type: 'private-key';
  /** Matched against the text before the block on its line (`"private_key": "`, `APPLE_PRIVATE_KEY=`). */
  context?: RegExp;
  /** Matched against the workspace-relative path (`AuthKey_ABC123DEFG.p8`). */
  files?: RegExp;
}

export type SecretFormat = TokenFormat | AssignedFormat | PrivateKeyFormat;

/**
 * What a generated INT doc can say about the provider, taken from its own
 * documentation (Spanish, like the doc). Only what the provider documents:
 * anything absent stays as the template's placeholder for the author.
 */
export interface DocFacts {
  /** Rows of `Endpoints/SDK Utilizados`: the calls most integrations make. */
  endpoints: ReadonlyArray<{ operacion: string; endpoint: string; descripcion: string }>;
  /** Published limits only: a provider that publishes none keeps the template's `{N}` rows. */
  rateLimits?: ReadonlyArray<{ limite: string; valor: string; accion: string }>;
  /** Events it sends to the app. Empty: it sends none, so the optional section is left out. Absent: unknown. */
  webhooks?: ReadonlyArray<{ evento: string; descripcion: string }>;
  /** How to try it without touching production. */
  sandbox?: string;
  /** Shell lines that exercise the credentials: env vars only, never a value. */
  testCommand?: readonly string[];
}

export interface Provider {
  /** Stable lowercase id; config keys (`providerAliases`) may use it. */
  id: string;
  /** How the INT doc's `Proveedor` usually names it. */
  name: string;
  /** The template's `Tipo` for its usual use. */
  tipo: string;
  /** The `{PROVIDER}` segment of its env vars. */
  envPrefix: string;
  /** Other prefixes its env vars legitimately use (`S3_BUCKET` for AWS). */
  aliases: readonly string[];
  /** Other ways people write the `Proveedor` cell. */
  names: readonly string[];
  credentials: readonly Credential[];
  /** The documented formats of its secrets (publishable/public keys are not secrets and are not listed). */
  secrets: readonly SecretFormat[];
  /** Example values from its documentation: they match a format but are published, so they are not secrets. */
  examples: readonly string[];
  docsUrl: string;
  /** What an INT doc generated for it starts with (`simco-int new`, the palette command). */
  doc?: DocFacts;
}

export const PROVIDERS: readonly Provider[] = [
  {
    id: 'stripe',
    name: 'Stripe',
    tipo: 'Pagos',
    envPrefix: 'STRIPE',
    aliases: [],
    names: ['Stripe Inc', 'Stripe Payments', 'Stripe Checkout', 'Stripe Billing'],
    credentials: [
      { name: 'STRIPE_API_KEY', description: 'API Key secreta (sk_test_/sk_live_)', required: true },
      { name: 'STRIPE_WEBHOOK_SECRET', description: 'Secret para verificar la firma de webhooks (whsec_)', required: false },
      { name: 'STRIPE_PUBLISHABLE_KEY', description: 'Clave publica para el frontend (pk_test_/pk_live_)', required: false },
    ],
    secrets: [
      { type: 'token', id: 'stripe-secret-key-live', kind: 'secret key', mode: 'live', envVar: 'STRIPE_API_KEY', prefixes: ['sk_live_'], pattern: /sk_live_[0-9A-Za-z]{24,247}(?![0-9A-Za-z])/ },
      { type: 'token', id: 'stripe-secret-key-test', kind: 'secret key', mode: 'test', envVar: 'STRIPE_API_KEY', prefixes: ['sk_test_'], pattern: /sk_test_[0-9A-Za-z]{24,247}(?![0-9A-Za-z])/ },
      { type: 'token', id: 'stripe-restricted-key-live', kind: 'restricted key', mode: 'live', envVar: 'STRIPE_API_KEY', prefixes: ['rk_live_'], pattern: /rk_live_[0-9A-Za-z]{24,247}(?![0-9A-Za-z])/ },
      { type: 'token', id: 'stripe-restricted-key-test', kind: 'restricted key', mode: 'test', envVar: 'STRIPE_API_KEY', prefixes: ['rk_test_'], pattern: /rk_test_[0-9A-Za-z]{24,247}(?![0-9A-Za-z])/ },
      // The Dashboard's signing secrets and the CLI's (`stripe listen`) look alike: the mode cannot be told.
      { type: 'token', id: 'stripe-webhook-secret', kind: 'webhook signing secret', mode: 'either', envVar: 'STRIPE_WEBHOOK_SECRET', prefixes: ['whsec_'], pattern: /whsec_[0-9A-Za-z]{32,80}(?![0-9A-Za-z])/ },
    ],
    // The test key Stripe's API reference showed for years, split so push protection does not take it for a leak.
    examples: ['sk_' + 'test_4eC39HqLyjWDarjtT1zdp7dc', 'sk_' + 'test_BQokikJOvBiI2HlWgH4olfQ2'],
    docsUrl: 'https://docs.stripe.com/keys',
    doc: {
      endpoints: [
        { operacion: 'Crear cobro', endpoint: 'POST /v1/payment_intents', descripcion: 'Crea el PaymentIntent del checkout' },
        { operacion: 'Consultar cobro', endpoint: 'GET /v1/payment_intents/:id', descripcion: 'Estado del cobro' },
      ],
      // docs.stripe.com/rate-limits: operations per second, per account.
      rateLimits: [
        { limite: 'Requests/seg (live)', valor: '100', accion: 'Retry con backoff' },
        { limite: 'Requests/seg (sandbox)', valor: '25', accion: 'Retry con backoff' },
      ],
      webhooks: [
        { evento: 'payment_intent.succeeded', descripcion: 'Cobro confirmado' },
        { evento: 'payment_intent.payment_failed', descripcion: 'Cobro rechazado' },
      ],
      sandbox: 'Usar las llaves `sk_test_` del modo test (sandbox) y las tarjetas de prueba de Stripe (4242 4242 4242 4242): no se mueve dinero real.',
      testCommand: ['curl https://api.stripe.com/v1/balance -u "$STRIPE_API_KEY:"', 'stripe trigger payment_intent.succeeded'],
    },
  },
  {
    id: 'twilio',
    name: 'Twilio',
    tipo: 'Notificaciones',
    envPrefix: 'TWILIO',
    aliases: [],
    names: ['Twilio Inc', 'Twilio SMS', 'Twilio Verify', 'Twilio Programmable Messaging'],
    credentials: [
      { name: 'TWILIO_ACCOUNT_SID', description: 'Identificador de la cuenta (AC...)', required: true },
      { name: 'TWILIO_AUTH_TOKEN', description: 'Token de autenticacion de la cuenta', required: true },
      { name: 'TWILIO_PHONE_NUMBER', description: 'Numero remitente en formato E.164', required: false },
    ],
    // The Account SID (AC + 32 hex) is an identifier, like a user name: only the token that goes with it is a secret.
    secrets: [
      { type: 'token', id: 'twilio-api-key', kind: 'API key', mode: 'either', envVar: 'TWILIO_API_KEY', prefixes: ['SK'], pattern: /SK[0-9a-f]{32}(?![0-9A-Za-z])/ },
      { type: 'assigned', id: 'twilio-auth-token', kind: 'auth token', mode: 'either', envVar: 'TWILIO_AUTH_TOKEN', names: /twilio(?:account)?(?:auth)?token$|^(?:account)?authtoken$/, pattern: /[0-9a-f]{32}/ },
      { type: 'assigned', id: 'twilio-api-secret', kind: 'API key secret', mode: 'either', envVar: 'TWILIO_API_SECRET', names: /twilio(?:api)?(?:key)?secret$/, pattern: /[0-9A-Za-z]{32}/ },
    ],
    examples: [],
    docsUrl: 'https://www.twilio.com/docs/usage/secure-credentials',
    doc: {
      endpoints: [
        { operacion: 'Enviar SMS', endpoint: 'POST /2010-04-01/Accounts/{AccountSid}/Messages.json', descripcion: 'Envia un mensaje' },
        { operacion: 'Consultar mensaje', endpoint: 'GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json', descripcion: 'Estado de entrega' },
      ],
      webhooks: [
        { evento: 'StatusCallback', descripcion: 'Estado de entrega del mensaje (sent, delivered, undelivered, failed)' },
        { evento: 'Mensaje entrante', descripcion: 'SMS recibido en el numero de Twilio' },
      ],
      // twilio.com/docs/iam/test-credentials: test credentials and magic numbers.
      sandbox: 'Usar las test credentials de la consola (Account SID y Auth Token de prueba) con el numero magico +15005550006: Twilio no cobra ni envia mensajes reales.',
      testCommand: [
        'curl -X POST "https://api.twilio.com/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/Messages.json" \\',
        '  -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" \\',
        '  --data-urlencode "From=+15005550006" --data-urlencode "To=+15005550006" --data-urlencode "Body=Prueba"',
      ],
    },
  },
  {
    id: 'sendgrid',
    name: 'SendGrid',
    tipo: 'Notificaciones',
    envPrefix: 'SENDGRID',
    aliases: [],
    names: ['Twilio SendGrid', 'SendGrid Inc'],
    credentials: [
      { name: 'SENDGRID_API_KEY', description: 'API Key de envio (SG.)', required: true },
      { name: 'SENDGRID_FROM_EMAIL', description: 'Remitente verificado de los correos', required: false },
    ],
    secrets: [
      { type: 'token', id: 'sendgrid-api-key', kind: 'API key', mode: 'either', envVar: 'SENDGRID_API_KEY', prefixes: ['SG.'], pattern: /SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}(?![0-9A-Za-z_-])/ },
    ],
    examples: [],
    docsUrl: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys',
    // SendGrid publishes no fixed request limits (its headers say what is left): the template's rows stay.
    doc: {
      endpoints: [
        { operacion: 'Enviar correo', endpoint: 'POST /v3/mail/send', descripcion: 'Envia un correo transaccional' },
        { operacion: 'Consultar rebotes', endpoint: 'GET /v3/suppression/bounces', descripcion: 'Direcciones que rebotaron' },
      ],
      webhooks: [
        { evento: 'delivered', descripcion: 'Correo entregado (Event Webhook)' },
        { evento: 'bounce', descripcion: 'Rebote: marcar la direccion como invalida' },
      ],
      sandbox: 'Enviar con `mail_settings.sandbox_mode.enable = true`: SendGrid valida la peticion y no entrega el correo.',
      testCommand: [
        'curl -X POST https://api.sendgrid.com/v3/mail/send \\',
        '  -H "Authorization: Bearer $SENDGRID_API_KEY" -H "Content-Type: application/json" \\',
        `  -d '{"personalizations":[{"to":[{"email":"test@example.com"}]}],"from":{"email":"'"$SENDGRID_FROM_EMAIL"'"},"subject":"Prueba","content":[{"type":"text/plain","value":"Prueba"}],"mail_settings":{"sandbox_mode":{"enable":true}}}'`,
      ],
    },
  },
  {
    id: 'aws',
    name: 'AWS (S3)',
    tipo: 'Storage',
    envPrefix: 'AWS',
    aliases: ['S3'],
    names: ['AWS', 'AWS S3', 'Amazon Web Services', 'Amazon S3', 'Amazon', 'S3', 'Amazon Simple Storage Service'],
    credentials: [
      { name: 'AWS_ACCESS_KEY_ID', description: 'Access key del usuario IAM (AKIA...)', required: true },
      { name: 'AWS_SECRET_ACCESS_KEY', description: 'Secret access key del usuario IAM', required: true },
      { name: 'AWS_REGION', description: 'Region del bucket (us-east-1)', required: true },
      { name: 'AWS_S3_BUCKET', description: 'Nombre del bucket', required: true },
      { name: 'AWS_SESSION_TOKEN', description: 'Token de sesion para credenciales temporales', required: false },
    ],
    // AWS has no test mode: every key acts on a real account.
    secrets: [
      { type: 'token', id: 'aws-access-key-id', kind: 'access key ID', mode: 'live', envVar: 'AWS_ACCESS_KEY_ID', prefixes: ['AKIA'], pattern: /AKIA[0-9A-Z]{16}(?![0-9A-Za-z])/ },
      { type: 'token', id: 'aws-temporary-access-key-id', kind: 'temporary access key ID', mode: 'live', envVar: 'AWS_ACCESS_KEY_ID', prefixes: ['ASIA'], pattern: /ASIA[0-9A-Z]{16}(?![0-9A-Za-z])/ },
      { type: 'assigned', id: 'aws-secret-access-key', kind: 'secret access key', mode: 'live', envVar: 'AWS_SECRET_ACCESS_KEY', names: /(?:aws|^)secret(?:access)?key$|awssecret$/, pattern: /[0-9A-Za-z/+]{40}/ },
      { type: 'assigned', id: 'aws-session-token', kind: 'session token', mode: 'live', envVar: 'AWS_SESSION_TOKEN', names: /(?:aws|^)(?:session|security)token$/, pattern: /[0-9A-Za-z/+=]{100,2000}/ },
    ],
    // From the AWS documentation; every published example ends in EXAMPLE or EXAMPLEKEY.
    examples: ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', 'ASIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'],
    docsUrl: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html',
    doc: {
      endpoints: [
        { operacion: 'Subir archivo', endpoint: 'PutObject (PUT /:key)', descripcion: 'Guarda el archivo en el bucket' },
        { operacion: 'Descargar archivo', endpoint: 'GetObject (GET /:key)', descripcion: 'Lee el archivo o genera una URL prefirmada' },
      ],
      // S3 performance guidelines: per partitioned prefix of a bucket.
      rateLimits: [
        { limite: 'PUT/COPY/POST/DELETE por seg (por prefijo)', valor: '3500', accion: 'Retry con backoff' },
        { limite: 'GET/HEAD por seg (por prefijo)', valor: '5500', accion: 'Retry con backoff' },
      ],
      // S3 announces events through SNS, SQS or Lambda, not HTTP webhooks to the app.
      webhooks: [],
      sandbox: 'AWS no tiene modo test: usar un bucket de desarrollo y un usuario IAM con permisos solo sobre ese bucket.',
      testCommand: ['aws s3 ls "s3://$AWS_S3_BUCKET" --region "$AWS_REGION"'],
    },
  },
  {
    id: 'gcp',
    name: 'Google Cloud',
    tipo: 'Storage',
    envPrefix: 'GCP',
    // Google's own libraries read GOOGLE_APPLICATION_CREDENTIALS and GOOGLE_CLOUD_PROJECT.
    aliases: ['GOOGLE_CLOUD', 'GOOGLE'],
    names: ['GCP', 'Google Cloud Platform', 'Google Cloud Storage', 'GCS', 'Google Cloud Inc'],
    credentials: [
      { name: 'GOOGLE_APPLICATION_CREDENTIALS', description: 'Ruta al JSON de la cuenta de servicio', required: true },
      { name: 'GOOGLE_CLOUD_PROJECT', description: 'Id del proyecto de Google Cloud', required: true },
      { name: 'GCP_STORAGE_BUCKET', description: 'Nombre del bucket de Cloud Storage', required: false },
    ],
    secrets: [
      { type: 'token', id: 'gcp-api-key', kind: 'API key', mode: 'either', envVar: 'GOOGLE_API_KEY', prefixes: ['AIza'], pattern: /AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/ },
      // A service account key file is JSON whose "private_key" holds a PEM block with escaped line breaks.
      { type: 'private-key', id: 'gcp-service-account-key', kind: 'service account private key', mode: 'live', envVar: 'GOOGLE_APPLICATION_CREDENTIALS', context: /"private_key"\s{0,4}:\s{0,4}"$/ },
    ],
    examples: [],
    docsUrl: 'https://cloud.google.com/docs/authentication/application-default-credentials',
    doc: {
      endpoints: [
        { operacion: 'Subir archivo', endpoint: 'POST /upload/storage/v1/b/:bucket/o', descripcion: 'Sube un objeto al bucket' },
        { operacion: 'Descargar archivo', endpoint: 'GET /storage/v1/b/:bucket/o/:object?alt=media', descripcion: 'Lee el objeto' },
      ],
      // Cloud Storage request-rate guidelines: a bucket's initial capacity, which then scales up.
      rateLimits: [
        { limite: 'Escrituras/seg por bucket (inicial)', valor: '1000', accion: 'Retry con backoff' },
        { limite: 'Lecturas/seg por bucket (inicial)', valor: '5000', accion: 'Retry con backoff' },
      ],
      // Changes are announced through Pub/Sub, not HTTP webhooks to the app.
      webhooks: [],
      sandbox: 'Google Cloud no tiene modo test: usar un proyecto de desarrollo y una cuenta de servicio con permisos solo sobre su bucket.',
      testCommand: ['gcloud storage ls "gs://$GCP_STORAGE_BUCKET"'],
    },
  },
  {
    id: 'google',
    name: 'Google OAuth',
    tipo: 'Auth',
    envPrefix: 'GOOGLE',
    aliases: [],
    names: ['Google', 'Google OAuth 2.0', 'Google Sign-In', 'Sign in with Google', 'Google Identity', 'Google LLC'],
    credentials: [
      { name: 'GOOGLE_CLIENT_ID', description: 'Client ID de la app OAuth', required: true },
      { name: 'GOOGLE_CLIENT_SECRET', description: 'Client secret de la app OAuth', required: true },
      { name: 'GOOGLE_REDIRECT_URI', description: 'URL de callback registrada', required: false },
    ],
    secrets: [
      { type: 'token', id: 'google-oauth-client-secret', kind: 'client secret', mode: 'either', envVar: 'GOOGLE_CLIENT_SECRET', prefixes: ['GOCSPX-'], pattern: /GOCSPX-[0-9A-Za-z_-]{28}(?![0-9A-Za-z_-])/ },
      { type: 'token', id: 'google-oauth-access-token', kind: 'access token', mode: 'either', envVar: 'GOOGLE_ACCESS_TOKEN', prefixes: ['ya29.'], pattern: /ya29\.[0-9A-Za-z_-]{30,2000}(?![0-9A-Za-z_-])/ },
      // Client secrets issued before 2021 have no prefix: 24 characters, recognised by the name they are given.
      { type: 'assigned', id: 'google-oauth-client-secret-legacy', kind: 'client secret', mode: 'either', envVar: 'GOOGLE_CLIENT_SECRET', names: /google(?:oauth2?)?(?:web)?clientsecret$/, pattern: /[0-9A-Za-z_-]{24}/ },
    ],
    examples: [],
    docsUrl: 'https://developers.google.com/identity/protocols/oauth2',
    doc: {
      endpoints: [
        { operacion: 'Autorizar', endpoint: 'GET https://accounts.google.com/o/oauth2/v2/auth', descripcion: 'Redirige al consentimiento de Google' },
        { operacion: 'Canjear codigo', endpoint: 'POST https://oauth2.googleapis.com/token', descripcion: 'Obtiene access token e id_token' },
      ],
      webhooks: [],
      sandbox: 'Sin sandbox: usar un OAuth client de desarrollo con la pantalla de consentimiento en estado Testing, que solo admite a los usuarios de prueba registrados.',
    },
  },
  {
    id: 'facebook',
    name: 'Facebook',
    tipo: 'Auth',
    envPrefix: 'FACEBOOK',
    aliases: ['META', 'FB'],
    names: ['Meta', 'Facebook Login', 'Meta Platforms', 'Facebook Inc', 'Meta for Developers'],
    credentials: [
      { name: 'FACEBOOK_APP_ID', description: 'App ID de la app de Meta', required: true },
      { name: 'FACEBOOK_APP_SECRET', description: 'App secret de la app de Meta', required: true },
    ],
    secrets: [
      { type: 'token', id: 'facebook-access-token', kind: 'access token', mode: 'either', envVar: 'FACEBOOK_ACCESS_TOKEN', prefixes: ['EAA'], pattern: /EAA[0-9A-Za-z]{60,400}(?![0-9A-Za-z])/ },
      { type: 'assigned', id: 'facebook-app-secret', kind: 'app secret', mode: 'either', envVar: 'FACEBOOK_APP_SECRET', names: /(?:facebook|fb|meta)(?:app)?(?:client)?secret$/, pattern: /[0-9a-f]{32}/ },
    ],
    examples: [],
    docsUrl: 'https://developers.facebook.com/docs/facebook-login/',
    doc: {
      endpoints: [
        { operacion: 'Autorizar', endpoint: 'GET https://www.facebook.com/dialog/oauth', descripcion: 'Dialogo de inicio de sesion' },
        { operacion: 'Canjear codigo', endpoint: 'GET https://graph.facebook.com/oauth/access_token', descripcion: 'Obtiene el access token del usuario' },
      ],
      // Graph API platform rate limit: 200 calls per hour times the app's users.
      rateLimits: [{ limite: 'Llamadas/hora por usuario de la app', valor: '200', accion: 'Retry con backoff' }],
      webhooks: [
        { evento: 'Deauthorize callback', descripcion: 'El usuario quito la app: cerrar su sesion' },
        { evento: 'Data deletion request', descripcion: 'El usuario pidio borrar sus datos' },
      ],
      sandbox: 'App en modo Development: solo los usuarios con rol en la app (administradores, desarrolladores, testers) y los test users pueden iniciar sesion.',
      testCommand: ['curl "https://graph.facebook.com/oauth/access_token?client_id=$FACEBOOK_APP_ID&client_secret=$FACEBOOK_APP_SECRET&grant_type=client_credentials"'],
    },
  },
  {
    id: 'apple',
    name: 'Apple',
    tipo: 'Auth',
    envPrefix: 'APPLE',
    aliases: [],
    names: ['Sign in with Apple', 'Apple Inc', 'Apple Sign In', 'Apple ID', 'Apple Developer'],
    credentials: [
      { name: 'APPLE_CLIENT_ID', description: 'Services ID registrado en Apple Developer', required: true },
      { name: 'APPLE_TEAM_ID', description: 'Team ID de la cuenta de desarrollador', required: true },
      { name: 'APPLE_KEY_ID', description: 'Key ID de la llave privada', required: true },
      { name: 'APPLE_PRIVATE_KEY', description: 'Llave privada .p8 para firmar el client secret', required: true },
    ],
    secrets: [
      // Apple hands out the key as AuthKey_<KEY ID>.p8: a PKCS#8 block like any other, recognised by its file or its name.
      { type: 'private-key', id: 'apple-private-key', kind: 'private key (.p8)', mode: 'live', envVar: 'APPLE_PRIVATE_KEY', files: /(?:^|\/)AuthKey_[0-9A-Z]{10}\.p8$/, context: /apple/i },
    ],
    examples: [],
    docsUrl: 'https://developer.apple.com/documentation/signinwithapple',
    doc: {
      endpoints: [
        { operacion: 'Validar codigo', endpoint: 'POST https://appleid.apple.com/auth/token', descripcion: 'Canjea el code por tokens' },
        { operacion: 'Llaves publicas', endpoint: 'GET https://appleid.apple.com/auth/keys', descripcion: 'Verifica la firma del id_token' },
      ],
      // Server-to-server notifications, sent to the endpoint registered for the Services ID.
      webhooks: [
        { evento: 'consent-revoked', descripcion: 'El usuario dejo de usar Sign in with Apple en la app' },
        { evento: 'account-delete', descripcion: 'El usuario borro su Apple ID: borrar sus datos' },
      ],
    },
  },
  {
    id: 'paypal',
    name: 'PayPal',
    tipo: 'Pagos',
    envPrefix: 'PAYPAL',
    aliases: [],
    names: ['PayPal Inc', 'PayPal Holdings', 'PayPal Checkout', 'PayPal REST API'],
    credentials: [
      { name: 'PAYPAL_CLIENT_ID', description: 'Client ID de la app REST', required: true },
      { name: 'PAYPAL_CLIENT_SECRET', description: 'Secret de la app REST', required: true },
      { name: 'PAYPAL_WEBHOOK_ID', description: 'Id del webhook para verificar eventos', required: false },
    ],
    secrets: [
      { type: 'token', id: 'paypal-access-token-live', kind: 'access token', mode: 'live', envVar: 'PAYPAL_ACCESS_TOKEN', prefixes: ['access_token$production$'], pattern: /access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}(?![0-9A-Za-z])/ },
      { type: 'token', id: 'paypal-access-token-sandbox', kind: 'access token', mode: 'test', envVar: 'PAYPAL_ACCESS_TOKEN', prefixes: ['access_token$sandbox$'], pattern: /access_token\$sandbox\$[0-9a-z]{16}\$[0-9a-f]{32}(?![0-9A-Za-z])/ },
      { type: 'assigned', id: 'paypal-client-secret', kind: 'client secret', mode: 'either', envVar: 'PAYPAL_CLIENT_SECRET', names: /paypal(?:live|sandbox|prod|production)?(?:client)?secret$/, pattern: /[0-9A-Za-z_-]{40,100}/ },
    ],
    examples: [],
    docsUrl: 'https://developer.paypal.com/api/rest/',
    doc: {
      endpoints: [
        { operacion: 'Crear orden', endpoint: 'POST /v2/checkout/orders', descripcion: 'Crea la orden de pago' },
        { operacion: 'Capturar pago', endpoint: 'POST /v2/checkout/orders/:id/capture', descripcion: 'Cobra la orden aprobada' },
      ],
      webhooks: [
        { evento: 'PAYMENT.CAPTURE.COMPLETED', descripcion: 'Pago capturado' },
        { evento: 'PAYMENT.CAPTURE.DENIED', descripcion: 'Pago rechazado' },
      ],
      sandbox: 'Usar las credenciales de la app en modo Sandbox contra https://api-m.sandbox.paypal.com y las cuentas de prueba del Developer Dashboard.',
      testCommand: ['curl -X POST https://api-m.sandbox.paypal.com/v1/oauth2/token \\', '  -u "$PAYPAL_CLIENT_ID:$PAYPAL_CLIENT_SECRET" -d "grant_type=client_credentials"'],
    },
  },
  {
    id: 'mercadopago',
    name: 'MercadoPago',
    tipo: 'Pagos',
    envPrefix: 'MERCADOPAGO',
    aliases: ['MP'],
    names: ['Mercado Pago', 'MercadoPago SA', 'Mercado Pago Checkout Pro'],
    credentials: [
      { name: 'MERCADOPAGO_ACCESS_TOKEN', description: 'Access token privado (TEST-/APP_USR-)', required: true },
      { name: 'MERCADOPAGO_PUBLIC_KEY', description: 'Public key para el frontend', required: false },
      { name: 'MERCADOPAGO_WEBHOOK_SECRET', description: 'Clave secreta para validar la firma de notificaciones', required: false },
    ],
    // Access tokens: APP_USR- (production) or TEST- (test), then digits, a date, 32 hex and the user id.
    // Public keys share the prefixes but are UUID-shaped and public: they do not match.
    secrets: [
      { type: 'token', id: 'mercadopago-access-token-live', kind: 'access token', mode: 'live', envVar: 'MERCADOPAGO_ACCESS_TOKEN', prefixes: ['APP_USR-'], pattern: /APP_USR-[0-9]{12,19}-[0-9]{6}-[0-9a-f]{32}-[0-9]{6,12}(?![0-9A-Za-z])/ },
      { type: 'token', id: 'mercadopago-access-token-test', kind: 'access token', mode: 'test', envVar: 'MERCADOPAGO_ACCESS_TOKEN', prefixes: ['TEST-'], pattern: /TEST-[0-9]{12,19}-[0-9]{6}-[0-9a-f]{32}-[0-9]{6,12}(?![0-9A-Za-z])/ },
      { type: 'assigned', id: 'mercadopago-client-secret', kind: 'client secret', mode: 'either', envVar: 'MERCADOPAGO_CLIENT_SECRET', names: /(?:mercadopago|mp)clientsecret$/, pattern: /[0-9A-Za-z]{32}/ },
    ],
    examples: [],
    docsUrl: 'https://www.mercadopago.com/developers/es/docs/your-integrations/credentials',
    doc: {
      endpoints: [
        { operacion: 'Crear preferencia', endpoint: 'POST /checkout/preferences', descripcion: 'Crea el checkout (Checkout Pro)' },
        { operacion: 'Consultar pago', endpoint: 'GET /v1/payments/:id', descripcion: 'Estado del pago' },
      ],
      webhooks: [{ evento: 'payment', descripcion: 'Pago creado o actualizado' }],
      sandbox: 'Usar las credenciales de prueba y los usuarios de prueba (vendedor y comprador) de Tus integraciones, con las tarjetas de prueba de la documentacion.',
      testCommand: ['curl -H "Authorization: Bearer $MERCADOPAGO_ACCESS_TOKEN" https://api.mercadopago.com/v1/payment_methods'],
    },
  },
  {
    id: 'whatsapp',
    name: 'WhatsApp Business',
    tipo: 'Notificaciones',
    envPrefix: 'WHATSAPP',
    aliases: ['META'],
    // "Meta" is also how people name the WhatsApp Cloud API's owner.
    names: ['WhatsApp', 'WhatsApp Business API', 'WhatsApp Cloud API', 'WhatsApp Business Platform', 'Meta WhatsApp', 'Meta'],
    credentials: [
      { name: 'WHATSAPP_PHONE_NUMBER_ID', description: 'Id del numero de telefono remitente', required: true },
      { name: 'WHATSAPP_ACCESS_TOKEN', description: 'Token de acceso del usuario del sistema', required: true },
      { name: 'WHATSAPP_BUSINESS_ACCOUNT_ID', description: 'Id de la cuenta de WhatsApp Business', required: false },
      { name: 'WHATSAPP_VERIFY_TOKEN', description: 'Token para verificar el webhook', required: false },
      { name: 'WHATSAPP_APP_SECRET', description: 'App secret para validar la firma de los webhooks', required: false },
    ],
    // The Cloud API uses Meta's Graph tokens: the same format as Facebook's, told apart by what the line names.
    secrets: [
      { type: 'token', id: 'whatsapp-access-token', kind: 'access token', mode: 'either', envVar: 'WHATSAPP_ACCESS_TOKEN', prefixes: ['EAA'], pattern: /EAA[0-9A-Za-z]{60,400}(?![0-9A-Za-z])/, context: /whatsapp|(?:^|[^0-9A-Za-z])wa_/i },
      { type: 'assigned', id: 'whatsapp-app-secret', kind: 'app secret', mode: 'either', envVar: 'WHATSAPP_APP_SECRET', names: /whatsapp(?:business)?(?:app)?secret$/, pattern: /[0-9a-f]{32}/ },
    ],
    examples: [],
    docsUrl: 'https://developers.facebook.com/docs/whatsapp/cloud-api',
    doc: {
      endpoints: [
        { operacion: 'Enviar mensaje', endpoint: 'POST /:version/:phone-number-id/messages', descripcion: 'Envia texto o plantilla' },
        { operacion: 'Subir media', endpoint: 'POST /:version/:phone-number-id/media', descripcion: 'Sube imagen o documento' },
      ],
      // Cloud API throughput: per business phone number, by default.
      rateLimits: [{ limite: 'Mensajes/seg por numero', valor: '80', accion: 'Cola de espera' }],
      webhooks: [{ evento: 'messages', descripcion: 'Mensaje entrante o cambio de estado (sent, delivered, read)' }],
      sandbox: 'Usar el numero de prueba que Meta da en la app (WhatsApp > API Setup), que solo envia a destinatarios verificados.',
      testCommand: ['curl "https://graph.facebook.com/$WHATSAPP_PHONE_NUMBER_ID" -H "Authorization: Bearer $WHATSAPP_ACCESS_TOKEN"'],
    },
  },
  {
    id: 'slack',
    name: 'Slack',
    tipo: 'Notificaciones',
    envPrefix: 'SLACK',
    aliases: [],
    names: ['Slack Technologies', 'Slack API', 'Slack Webhooks'],
    credentials: [
      { name: 'SLACK_BOT_TOKEN', description: 'Token del bot (xoxb-)', required: true },
      { name: 'SLACK_SIGNING_SECRET', description: 'Secret para verificar la firma de las solicitudes', required: true },
      { name: 'SLACK_WEBHOOK_URL', description: 'URL de incoming webhook', required: false },
    ],
    secrets: [
      { type: 'token', id: 'slack-bot-token', kind: 'bot token', mode: 'live', envVar: 'SLACK_BOT_TOKEN', prefixes: ['xoxb-'], pattern: /xoxb-[0-9]{8,14}-[0-9]{8,14}-[0-9A-Za-z]{20,40}(?![0-9A-Za-z])/ },
      { type: 'token', id: 'slack-user-token', kind: 'user token', mode: 'live', envVar: 'SLACK_USER_TOKEN', prefixes: ['xoxp-'], pattern: /xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[0-9a-f]{28,40}(?![0-9A-Za-z])/ },
      { type: 'token', id: 'slack-app-token', kind: 'app-level token', mode: 'live', envVar: 'SLACK_APP_TOKEN', prefixes: ['xapp-'], pattern: /xapp-[0-9]-[0-9A-Z]{8,14}-[0-9]{8,16}-[0-9a-f]{40,80}(?![0-9A-Za-z])/ },
      { type: 'token', id: 'slack-rotating-token', kind: 'rotating token', mode: 'live', envVar: 'SLACK_BOT_TOKEN', prefixes: ['xoxe.xoxb-', 'xoxe.xoxp-', 'xoxe-'], pattern: /xoxe(?:\.xox[bp])?-1-[0-9A-Za-z-]{60,400}(?![0-9A-Za-z_-])/ },
      { type: 'token', id: 'slack-webhook-url', kind: 'incoming webhook URL', mode: 'live', envVar: 'SLACK_WEBHOOK_URL', prefixes: ['https://hooks.slack.com/services/'], pattern: /https:\/\/hooks\.slack\.com\/services\/T[0-9A-Z]{8,12}\/B[0-9A-Z]{8,12}\/[0-9A-Za-z]{24}(?![0-9A-Za-z])/ },
      { type: 'assigned', id: 'slack-signing-secret', kind: 'signing secret', mode: 'either', envVar: 'SLACK_SIGNING_SECRET', names: /slack(?:app)?signingsecret$|^signingsecret$/, pattern: /[0-9a-f]{32}/ },
    ],
    examples: [],
    docsUrl: 'https://api.slack.com/authentication/token-types',
    doc: {
      endpoints: [
        { operacion: 'Publicar mensaje', endpoint: 'POST https://slack.com/api/chat.postMessage', descripcion: 'Envia un mensaje a un canal' },
        { operacion: 'Verificar token', endpoint: 'POST https://slack.com/api/auth.test', descripcion: 'Identidad del bot' },
      ],
      // chat.postMessage's special tier: about one message per second per channel.
      rateLimits: [{ limite: 'Mensajes/seg por canal', valor: '1', accion: 'Cola de espera' }],
      webhooks: [
        { evento: 'app_mention', descripcion: 'Mencion al bot (Events API)' },
        { evento: 'url_verification', descripcion: 'Verificacion del Request URL al configurar la app' },
      ],
      sandbox: 'Sin modo test: instalar la app en un workspace de desarrollo y usar su bot token.',
      testCommand: ['curl -H "Authorization: Bearer $SLACK_BOT_TOKEN" https://slack.com/api/auth.test'],
    },
  },
  {
    id: 'github',
    name: 'GitHub',
    tipo: 'Auth',
    envPrefix: 'GITHUB',
    // The GitHub CLI reads GH_TOKEN.
    aliases: ['GH'],
    names: ['GitHub Inc', 'GitHub OAuth', 'GitHub App', 'GitHub API'],
    credentials: [
      { name: 'GITHUB_CLIENT_ID', description: 'Client ID de la OAuth App', required: true },
      { name: 'GITHUB_CLIENT_SECRET', description: 'Client secret de la OAuth App', required: true },
      { name: 'GITHUB_TOKEN', description: 'Token de acceso para la API', required: false },
      { name: 'GITHUB_WEBHOOK_SECRET', description: 'Secret para verificar la firma de webhooks', required: false },
    ],
    // Prefixes since 2021; GitHub says tokens may grow up to 255 characters.
    secrets: [
      { type: 'token', id: 'github-personal-access-token', kind: 'personal access token', mode: 'live', envVar: 'GITHUB_TOKEN', prefixes: ['ghp_'], pattern: /ghp_[0-9A-Za-z]{36,251}(?![0-9A-Za-z_-])/ },
      { type: 'token', id: 'github-fine-grained-token', kind: 'fine-grained personal access token', mode: 'live', envVar: 'GITHUB_TOKEN', prefixes: ['github_pat_'], pattern: /github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59,240}(?![0-9A-Za-z_-])/ },
      { type: 'token', id: 'github-oauth-token', kind: 'OAuth access token', mode: 'live', envVar: 'GITHUB_TOKEN', prefixes: ['gho_'], pattern: /gho_[0-9A-Za-z]{36,251}(?![0-9A-Za-z_-])/ },
      { type: 'token', id: 'github-user-token', kind: 'user-to-server token', mode: 'live', envVar: 'GITHUB_TOKEN', prefixes: ['ghu_'], pattern: /ghu_[0-9A-Za-z]{36,251}(?![0-9A-Za-z_-])/ },
      { type: 'token', id: 'github-installation-token', kind: 'installation token', mode: 'live', envVar: 'GITHUB_TOKEN', prefixes: ['ghs_'], pattern: /ghs_[0-9A-Za-z]{36,251}(?![0-9A-Za-z_-])/ },
      { type: 'token', id: 'github-refresh-token', kind: 'refresh token', mode: 'live', envVar: 'GITHUB_TOKEN', prefixes: ['ghr_'], pattern: /ghr_[0-9A-Za-z]{36,251}(?![0-9A-Za-z_-])/ },
      { type: 'assigned', id: 'github-client-secret', kind: 'OAuth client secret', mode: 'either', envVar: 'GITHUB_CLIENT_SECRET', names: /(?:github|gh)(?:oauth)?(?:app)?clientsecret$/, pattern: /[0-9a-f]{40}/ },
    ],
    examples: [],
    docsUrl: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
    doc: {
      endpoints: [
        { operacion: 'Autorizar', endpoint: 'GET https://github.com/login/oauth/authorize', descripcion: 'Redirige al usuario a GitHub' },
        { operacion: 'Canjear codigo', endpoint: 'POST https://github.com/login/oauth/access_token', descripcion: 'Obtiene el access token' },
      ],
      rateLimits: [{ limite: 'Requests/hora (autenticado)', valor: '5000', accion: 'Retry con backoff' }],
      webhooks: [
        { evento: 'push', descripcion: 'Push a un repositorio' },
        { evento: 'ping', descripcion: 'Prueba enviada al crear el webhook' },
      ],
      sandbox: 'Sin sandbox: registrar una OAuth App de desarrollo con callback a localhost.',
      testCommand: ['curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/rate_limit'],
    },
  },
];

// --- Finding a provider from what people write in `Proveedor` ---------------

/** Lowercase words without accents or punctuation: "Mercado-Pago, S.A." -> ["mercado", "pago", "s", "a"]. */
function words(text: string): string[] {
  return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
}

const compact = (text: string): string => words(text).join('');

interface Spelling {
  words: string[];
  providers: Provider[];
}

/** Every spelling (id, name, names) by its first word; one spelling may name several providers ("Meta"). */
const SPELLINGS = new Map<string, Spelling[]>();
/** Spellings without spaces, for "Send Grid" or "mercado-pago" typed as one word. */
const COMPACT_SPELLINGS = new Map<string, Provider>();

for (const provider of PROVIDERS) {
  for (const spelling of [provider.id, provider.name, ...provider.names]) {
    const key = words(spelling);
    const bucket = SPELLINGS.get(key[0]) ?? [];
    const same = bucket.find((s) => s.words.join(' ') === key.join(' '));
    if (same) {
      if (!same.providers.includes(provider)) same.providers.push(provider);
    } else {
      bucket.push({ words: key, providers: [provider] });
      bucket.sort((a, b) => b.words.length - a.words.length);
    }
    SPELLINGS.set(key[0], bucket);
    if (!COMPACT_SPELLINGS.has(key.join(''))) COMPACT_SPELLINGS.set(key.join(''), provider);
  }
}

/**
 * The providers a `Proveedor` text names, in order: at each word the longest
 * spelling wins, so "Twilio SendGrid" is SendGrid, "Twilio WhatsApp" is Twilio
 * and WhatsApp, and "Meta" is both Meta products.
 */
export function providersNamed(proveedor: string): Provider[] {
  const text = words(proveedor);
  const found: Provider[] = [];
  const add = (provider: Provider) => {
    if (!found.includes(provider)) found.push(provider);
  };
  for (let i = 0; i < text.length; ) {
    const match = SPELLINGS.get(text[i])?.find((s) => s.words.every((word, k) => text[i + k] === word));
    if (match) {
      match.providers.forEach(add);
      i += match.words.length;
    } else {
      i++;
    }
  }
  if (found.length === 0) {
    const glued = COMPACT_SPELLINGS.get(text.join(''));
    if (glued) add(glued);
  }
  return found;
}

/** The catalog entry a `Proveedor` text means: 'Stripe Inc' -> stripe, 'Amazon S3' -> aws. */
export function findProvider(proveedor: string): Provider | undefined {
  return providersNamed(proveedor)[0];
}

// --- Env var prefixes ---------------------------------------------------------

/**
 * Company-form suffixes that are not part of the name people use in env vars,
 * matched on the name's words joined by single spaces ("Conekta S.A. de C.V."
 * -> "conekta s a de c v"): on the raw text, the runs of blanks and dots
 * around them made the regex backtrack catastrophically (ReDoS).
 */
const COMPANY_SUFFIX = /(?:^| )(?:inc|llc|ltd|corp|corporation|gmbh|s ?a(?: de c ?v)?|s ?r ?l)$/;

/**
 * The env var prefixes a doc's `Proveedor` accepts: the catalog's prefix and
 * aliases of every provider it names, plus configured aliases keyed by provider
 * id or name. For a provider the catalog does not know, the prefix comes from
 * the text: 'Acme Pay' -> ['ACME_PAY', 'ACME']. The first prefix is the one to
 * suggest. Empty when the text names nothing.
 */
export function envPrefixesFor(proveedor: string, providerAliases: Config['providerAliases'] = {}): string[] {
  const named = providersNamed(proveedor);
  const prefixes = named.length > 0 ? named.flatMap((p) => [p.envPrefix, ...p.aliases]) : derivedPrefixes(proveedor);
  const own = compact(proveedor);
  for (const [key, aliases] of Object.entries(providerAliases)) {
    const keyed = compact(key);
    const matches = keyed === own || providersNamed(key).some((p) => named.includes(p));
    if (matches) prefixes.push(...aliases);
  }
  return [...new Set(prefixes)];
}

function derivedPrefixes(proveedor: string): string[] {
  const name = words(withoutParentheticals(proveedor)).join(' ').replace(COMPANY_SUFFIX, '');
  const upper = words(name).map((word) => word.toUpperCase());
  if (upper.length === 0 || !/^[A-Z]/.test(upper[0])) return [];
  return [...new Set([upper.join('_'), upper[0]])];
}

const knownPrefixes = new WeakMap<object, string[]>();

/**
 * Orders prefixes (A-Z, 0-9, _) as localeCompare did, `GOOGLE_CLOUD` before
 * `GOOGLECLOUD`, without it: its first call builds an ICU collator, about
 * 5 ms of every CLI thread's start.
 */
function spellingOrder(a: string, b: string): number {
  const x = a.replace(/_/g, ' ');
  const y = b.replace(/_/g, ' ');
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Every prefix the catalog and the configuration know, longest first so
 * `GOOGLE_CLOUD` is tried before `GOOGLE`. Cached per configuration.
 */
export function allKnownPrefixes(config: Pick<Config, 'providerAliases'>): string[] {
  const cached = knownPrefixes.get(config.providerAliases);
  if (cached) return cached;
  const all = new Set<string>();
  for (const provider of PROVIDERS) [provider.envPrefix, ...provider.aliases].forEach((p) => all.add(p));
  for (const aliases of Object.values(config.providerAliases)) aliases.forEach((p) => all.add(p));
  const sorted = [...all].sort((a, b) => b.replace(/_/g, '').length - a.replace(/_/g, '').length || spellingOrder(a, b));
  knownPrefixes.set(config.providerAliases, sorted);
  return sorted;
}
