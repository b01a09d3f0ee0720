import type { IncomingMessage } from 'node:http';
import type { HttpRequest, HttpResult, PingDeps } from '../engine/ping/types';

// The one place a ping's request leaves the machine: node:http(s), a new
// connection per attempt (no keep-alive, so a retry is a real second try and
// the CLI exits as soon as it is done), no redirects followed, and the
// timeout covering the whole exchange, body included.

/** A ping reads small answers; a larger body is cut here (a proxy's error page needs no more). */
const MAX_BODY_BYTES = 1024 * 1024;

export function sendHttp(request: HttpRequest): Promise<HttpResult> {
  const url = new URL(request.url);
  // Required by the first ping: every other command, and each CLI worker thread, started about 5 ms sooner without them.
  // (require, not import(): the CLI bundle runs in a vm.Script on Node.js 20, where import() needs an experimental option.)
  const { request: send } = (url.protocol === 'https:' ? require('node:https') : require('node:http')) as typeof import('node:http');
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: HttpResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const headers: Record<string, string | number> = { ...request.headers, Connection: 'close' };
    if (request.body !== undefined) headers['Content-Length'] = Buffer.byteLength(request.body);
    const outgoing = send(url, { method: request.method, headers, agent: false }, (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      response.on('end', () =>
        settle({ kind: 'response', status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8') }),
      );
      response.on('error', (error: NodeJS.ErrnoException) => settle({ kind: 'network', code: error.code ?? 'ECONNRESET' }));
      // A connection closed before the body ended is a broken answer, not an answer.
      response.on('close', () => {
        if (!response.complete) settle({ kind: 'network', code: 'ECONNRESET' });
      });
    });
    const timer = setTimeout(() => {
      settle({ kind: 'timeout' });
      outgoing.destroy();
    }, request.timeoutMs);
    outgoing.on('error', (error: NodeJS.ErrnoException) => settle({ kind: 'network', code: error.code ?? 'ECONNRESET' }));
    outgoing.end(request.body);
  });
}

/** The real world: this HTTP function, the wall clock (SigV4 signs it), real timers. */
export const REAL_PING_DEPS: PingDeps = {
  send: sendHttp,
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
