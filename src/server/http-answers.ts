/** The bridge's HTTP answers and request bodies: one set of headers, one bounded reader. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
) {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, value: unknown) {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** 413, and the connection closed: the rest of the body may still be on the wire. */
export function tooLarge(response: ServerResponse, error = '请求过大') {
  // Node closes the connection after this answer, so a kept-alive socket never hangs.
  response.setHeader('Connection', 'close');
  sendJson(response, 413, { ok: false, error });
}

/**
 * The request body, or null once it passes `limit` bytes. Past the limit the
 * rest is drained and dropped rather than the stream destroyed: destroying it
 * takes the socket with it before the 413 can be sent.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) resolveBody(null);
      else chunks.push(chunk);
    });
    request.on('end', () => {
      if (size <= limit) resolveBody(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}
