// Each provider's sandbox ping, as data: one cheap, read-only, authenticated
// request (two for PayPal: its token, then a read) against the provider's
// test or sandbox API, as the provider documents it. The engine's ping
// (engine/ping/) plans and runs whatever is written here; adding a provider's
// ping is adding one entry, keyed by its catalog id (providers.ts).

export type PingMethod = 'GET' | 'HEAD' | 'POST';

/** A value the ping reads from the workspace's .env. */
export interface PingVariable {
  /** How the ping refers to it: `{key}` in the base URL or a path, or by key in `auth`. */
  key: string;
  /** The env vars that may hold it, tried in order; the first is the catalog's own name. */
  names: readonly string[];
  /**
   * Scrubbed from anything printed. Identifiers (an account SID, a bucket)
   * are not secrets, but no value is ever printed either way: requests are
   * shown with `{NAME}` in place of each value.
   */
  secret: boolean;
  /**
   * Only test-mode values are sent: the provider's secret formats (providers.ts)
   * for these names say which prefixes are live (refused) and which are test
   * (required), so the catalog states them once.
   */
  testOnly?: boolean;
  /** Used when none of `names` is set (an API version). */
  fallback?: string;
  /** Not needed; sent when set (AWS's session token for temporary credentials). */
  optional?: boolean;
  /** A variable the INT doc's Credenciales table names, with the provider's prefix, is read first when its name matches (a team's `STRIPE_SECRET_KEY`). */
  docName?: RegExp;
}

export type PingAuth =
  /** `Authorization: Bearer <token>`; `token` is a variable's key or a value captured by an earlier step. */
  | { scheme: 'bearer'; token: string }
  /** `Authorization: Basic base64(user:password)`; no password key means an empty password (Stripe). */
  | { scheme: 'basic'; user: string; password?: string }
  /** AWS Signature Version 4, signed by the aws4 library. */
  | { scheme: 'aws-sigv4'; service: string; region: string; accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export interface PingStep {
  method: PingMethod;
  /** Starts with `/`; `{key}` placeholders are replaced by URL-encoded values. */
  path: string;
  auth: PingAuth;
  /** An `application/x-www-form-urlencoded` body. */
  form?: Readonly<Record<string, string>>;
  /** `json`: an answer that is not JSON means the host is not the provider's API. `none`: the status says it all (HEAD). */
  answer: 'json' | 'none';
  /** A top-level field of the JSON answer that later steps use as `{as}`; treated as a secret. */
  capture?: { field: string; as: string };
}

/** An answer the provider documents as meaning something its status alone does not say. */
export interface DocumentedAnswer {
  status: number;
  /** A top-level field of the JSON body and the value it must have. */
  field: string;
  equals: string | number;
  meaning: 'test-credentials-accepted';
}

export interface PingSpec {
  /** The test or sandbox API; `{key}` placeholders allowed. `ping.baseUrls` or `--base-url` replace it (a mock, a proxy). */
  baseUrl: string;
  /** The provider's hosts that act on live data: a base URL on `domain` that is not a sandbox host is refused. */
  liveHosts?: { domain: string; sandboxHosts: readonly string[] };
  variables: readonly PingVariable[];
  steps: readonly PingStep[];
  answers?: readonly DocumentedAnswer[];
  /** Response headers reporting usage as JSON percentages, besides X-RateLimit-* and RateLimit-* (Meta's). */
  usageHeaders?: readonly string[];
  /** The provider's reference page for the request. */
  docsUrl: string;
}

export const PINGS: Readonly<Record<string, PingSpec>> = {
  // Test and live keys share the host: the key's prefix chooses the mode. Basic
  // auth with the key as user name and no password is the documented form.
  stripe: {
    baseUrl: 'https://api.stripe.com',
    variables: [{ key: 'secretKey', names: ['STRIPE_API_KEY', 'STRIPE_SECRET_KEY'], secret: true, testOnly: true, docName: /_(?:API|SECRET|RESTRICTED)_KEY$/ }],
    steps: [{ method: 'GET', path: '/v1/balance', auth: { scheme: 'basic', user: 'secretKey' }, answer: 'json' }],
    docsUrl: 'https://docs.stripe.com/api/balance/balance_retrieve',
  },
  // Test credentials look like live ones. Twilio lets them reach only
  // Messages, Calls and IncomingPhoneNumbers and answers any other resource
  // with 403 and error 20008, which it sends only after accepting them.
  twilio: {
    baseUrl: 'https://api.twilio.com',
    variables: [
      { key: 'accountSid', names: ['TWILIO_ACCOUNT_SID'], secret: false, docName: /_ACCOUNT_SID$/ },
      { key: 'authToken', names: ['TWILIO_AUTH_TOKEN'], secret: true, docName: /_AUTH_TOKEN$/ },
    ],
    steps: [{ method: 'GET', path: '/2010-04-01/Accounts/{accountSid}.json', auth: { scheme: 'basic', user: 'accountSid', password: 'authToken' }, answer: 'json' }],
    answers: [{ status: 403, field: 'code', equals: 20008, meaning: 'test-credentials-accepted' }],
    docsUrl: 'https://www.twilio.com/docs/iam/test-credentials',
  },
  // The scopes of the key itself: read-only, and any key may call it.
  sendgrid: {
    baseUrl: 'https://api.sendgrid.com',
    variables: [{ key: 'apiKey', names: ['SENDGRID_API_KEY'], secret: true, docName: /_API_KEY$/ }],
    steps: [{ method: 'GET', path: '/v3/scopes', auth: { scheme: 'bearer', token: 'apiKey' }, answer: 'json' }],
    docsUrl: 'https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access',
  },
  // One host for both modes: TEST- tokens only; APP_USR- (production) ones are refused.
  mercadopago: {
    baseUrl: 'https://api.mercadopago.com',
    variables: [{ key: 'accessToken', names: ['MERCADOPAGO_ACCESS_TOKEN', 'MP_ACCESS_TOKEN'], secret: true, testOnly: true, docName: /_ACCESS_TOKEN$/ }],
    steps: [{ method: 'GET', path: '/users/me', auth: { scheme: 'bearer', token: 'accessToken' }, answer: 'json' }],
    docsUrl: 'https://www.mercadopago.com/developers/en/reference',
  },
  // Sandbox and live credentials look alike: the host is what keeps the ping
  // off live data. A client-credentials token, then a read that any REST app
  // may make (its webhooks).
  paypal: {
    baseUrl: 'https://api-m.sandbox.paypal.com',
    liveHosts: { domain: 'paypal.com', sandboxHosts: ['api-m.sandbox.paypal.com', 'api.sandbox.paypal.com'] },
    variables: [
      { key: 'clientId', names: ['PAYPAL_CLIENT_ID'], secret: false, docName: /_CLIENT_ID$/ },
      { key: 'clientSecret', names: ['PAYPAL_CLIENT_SECRET'], secret: true, docName: /_CLIENT_SECRET$/ },
    ],
    steps: [
      {
        method: 'POST',
        path: '/v1/oauth2/token',
        auth: { scheme: 'basic', user: 'clientId', password: 'clientSecret' },
        form: { grant_type: 'client_credentials' },
        answer: 'json',
        capture: { field: 'access_token', as: 'accessToken' },
      },
      { method: 'GET', path: '/v1/notifications/webhooks', auth: { scheme: 'bearer', token: 'accessToken' }, answer: 'json' },
    ],
    docsUrl: 'https://developer.paypal.com/api/rest/authentication/',
  },
  // The business phone number's own node on the Graph API. Meta reports usage
  // as percentages in JSON headers rather than X-RateLimit-*.
  whatsapp: {
    baseUrl: 'https://graph.facebook.com',
    variables: [
      { key: 'version', names: ['WHATSAPP_API_VERSION', 'META_API_VERSION'], secret: false, fallback: 'v23.0' },
      { key: 'phoneNumberId', names: ['WHATSAPP_PHONE_NUMBER_ID'], secret: false, docName: /_PHONE_NUMBER_ID$/ },
      { key: 'accessToken', names: ['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_TOKEN'], secret: true, docName: /_ACCESS_TOKEN$/ },
    ],
    steps: [{ method: 'GET', path: '/{version}/{phoneNumberId}', auth: { scheme: 'bearer', token: 'accessToken' }, answer: 'json' }],
    usageHeaders: ['x-business-use-case-usage', 'x-app-usage'],
    docsUrl: 'https://developers.facebook.com/docs/whatsapp/cloud-api/reference/phone-numbers',
  },
  // AWS has no test mode; HeadBucket reads nothing but whether the bucket is
  // there and the key may list it. Path-style addressing, so a mock or an
  // S3-compatible proxy given as the base URL gets the bucket in the path.
  aws: {
    baseUrl: 'https://s3.{region}.amazonaws.com',
    variables: [
      { key: 'accessKeyId', names: ['AWS_ACCESS_KEY_ID'], secret: true, docName: /_ACCESS_KEY_ID$/ },
      { key: 'secretAccessKey', names: ['AWS_SECRET_ACCESS_KEY'], secret: true, docName: /_SECRET_ACCESS_KEY$/ },
      { key: 'sessionToken', names: ['AWS_SESSION_TOKEN'], secret: true, optional: true },
      { key: 'region', names: ['AWS_REGION', 'AWS_DEFAULT_REGION'], secret: false, docName: /_REGION$/ },
      { key: 'bucket', names: ['AWS_S3_BUCKET', 'S3_BUCKET'], secret: false, docName: /_BUCKET(?:_NAME)?$/ },
    ],
    steps: [
      {
        method: 'HEAD',
        path: '/{bucket}',
        auth: { scheme: 'aws-sigv4', service: 's3', region: 'region', accessKeyId: 'accessKeyId', secretAccessKey: 'secretAccessKey', sessionToken: 'sessionToken' },
        answer: 'none',
      },
    ],
    docsUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html',
  },
};
