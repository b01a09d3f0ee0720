import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A provider's API on loopback for the ping's tests: it records every request
// and answers from a script (status, headers, body, a delay, or a reset
// connection), the last reply repeating. No test sends anything elsewhere.

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Reply =
  | { status: number; json?: unknown; body?: string; headers?: Record<string, string>; delayMs?: number }
  /** Destroys the connection without answering (ECONNRESET on the client). */
  | { reset: true };

export class MockProvider {
  readonly received: Received[] = [];
  private replies: Reply[] = [{ status: 200, json: {} }];
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<MockProvider> {
    const server = createServer();
    const mock = new MockProvider(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        mock.received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const reply = mock.replies.length > 1 ? (mock.replies.shift() as Reply) : mock.replies[0];
        mock.answer(reply, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return mock;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The replies to the next requests, in order; the last one answers every request after it. */
  script(...replies: Reply[]): this {
    this.replies = replies;
    this.received.length = 0;
    return this;
  }

  private answer(reply: Reply, response: ServerResponse): void {
    if ('reset' in reply) {
      response.socket?.destroy();
      return;
    }
    const send = (): void => {
      if (response.destroyed) return;
      const body = reply.body ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
      response.writeHead(reply.status, { 'Content-Type': reply.json === undefined ? 'text/plain' : 'application/json', ...reply.headers });
      response.end(body);
    };
    if (!reply.delayMs) return send();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      send();
    }, reply.delayMs);
    this.timers.add(timer);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

// --- Fake credentials: random, built from parts at run time, never in the repository ---

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomText(length: number, alphabet = ALNUM): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

const hex = (length: number): string => randomText(length, '0123456789abcdef');
const digits = (length: number): string => randomText(length, '123456789');

/** Every provider's test credentials as a .env holds them, freshly made: tests look for each value (and its pieces) in every output. */
export function fakeCredentials(): Record<string, Record<string, string>> {
  return {
    stripe: { STRIPE_API_KEY: ['sk', 'test', randomText(24)].join('_') },
    twilio: { TWILIO_ACCOUNT_SID: `AC${hex(32)}`, TWILIO_AUTH_TOKEN: hex(32) },
    sendgrid: { SENDGRID_API_KEY: ['SG', randomText(22), randomText(43)].join('.') },
    mercadopago: { MERCADOPAGO_ACCESS_TOKEN: ['TEST', digits(16), digits(6), hex(32), digits(9)].join('-') },
    paypal: { PAYPAL_CLIENT_ID: randomText(80), PAYPAL_CLIENT_SECRET: randomText(80) },
    whatsapp: { WHATSAPP_PHONE_NUMBER_ID: digits(15), WHATSAPP_ACCESS_TOKEN: `EAA${randomText(120)}` },
    aws: {
      AWS_ACCESS_KEY_ID: `AKIA${randomText(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
      AWS_SECRET_ACCESS_KEY: randomText(40),
      AWS_REGION: 'us-east-1',
      AWS_S3_BUCKET: `simco-test-${hex(8)}`,
    },
  };
}

/** A .env's text for these variables. */
export function envText(variables: Record<string, string>): string {
  return Object.entries(variables)
    .map(([name, value]) => `${name}=${value}\n`)
    .join('');
}

/** Fails when any 8-character piece of any value shows up in `text`. */
export function leakedPieces(text: string, values: readonly string[]): string[] {
  const leaks: string[] = [];
  for (const value of values) {
    for (let i = 0; i + 8 <= value.length; i++) {
      const piece = value.slice(i, i + 8);
      if (text.includes(piece)) leaks.push(piece);
    }
  }
  return leaks;
}
