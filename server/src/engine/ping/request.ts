import aws4 from 'aws4';
import type { PingAuth, PingStep } from '../catalog/pings';
import { fill, type PingPlan } from './plan';
import type { HttpRequest } from './types';

// One step of a plan as an HTTP request, authenticated as the provider
// documents, and as the log shows it (values replaced by `{NAME}`). The clock
// is passed in: SigV4 signs the time, and tests need the same signature twice.

export interface BuiltRequest {
  request: HttpRequest;
  /** `GET https://api.stripe.com/v1/balance`, without any value. */
  shown: string;
}

const ACCEPT_JSON = 'application/json';

export function buildRequest(plan: PingPlan, step: PingStep, timeoutMs: number, nowMs: number): BuiltRequest {
  const value = (key: string): string => plan.values.get(key) ?? '';
  const path = fill(step.path, (key) => encodeURIComponent(value(key)));
  const url = new URL(plan.baseUrl + path);
  const headers: Record<string, string> = { 'User-Agent': 'simco-int-ping' };
  if (step.answer === 'json') headers.Accept = ACCEPT_JSON;
  let body: string | undefined;
  if (step.form) {
    body = new URLSearchParams(step.form).toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  authorize(step.auth, value, { method: step.method, url, headers, body }, nowMs);
  const shownPath = fill(step.path, (key) => plan.shown.get(key) ?? `{${key}}`);
  return { request: { method: step.method, url: url.href, headers, body, timeoutMs }, shown: `${step.method} ${plan.shownBaseUrl}${shownPath}` };
}

interface Unsigned {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

function authorize(auth: PingAuth, value: (key: string) => string, request: Unsigned, nowMs: number): void {
  switch (auth.scheme) {
    case 'bearer':
      request.headers.Authorization = `Bearer ${value(auth.token)}`;
      return;
    case 'basic': {
      const password = auth.password === undefined ? '' : value(auth.password);
      request.headers.Authorization = `Basic ${Buffer.from(`${value(auth.user)}:${password}`, 'utf8').toString('base64')}`;
      return;
    }
    case 'aws-sigv4': {
      // X-Amz-Date set here makes aws4 sign our clock's time instead of reading the system's.
      request.headers['X-Amz-Date'] = new Date(nowMs).toISOString().replace(/[:-]|\.\d{3}/g, '');
      const sessionToken = auth.sessionToken ? value(auth.sessionToken) : '';
      const signed = aws4.sign(
        {
          method: request.method,
          host: request.url.host,
          path: request.url.pathname + request.url.search,
          service: auth.service,
          region: value(auth.region),
          headers: { ...request.headers, Host: request.url.host },
          body: request.body,
        },
        // Always explicit: aws4 would otherwise read the process environment's credentials.
        { accessKeyId: value(auth.accessKeyId), secretAccessKey: value(auth.secretAccessKey), ...(sessionToken ? { sessionToken } : {}) },
      );
      for (const [name, header] of Object.entries(signed.headers ?? {})) {
        if (name !== 'Host' && header !== undefined) request.headers[name] = String(header);
      }
      return;
    }
  }
}
