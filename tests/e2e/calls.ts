/** The contract calls a page makes, by POST or over the bridge's socket, in the order seen. */
import type { Page } from '@playwright/test';
import { SOCKET_PATH } from '../../src/shared/socket-protocol';

export interface SeenCall {
  method: string;
  payload: unknown;
  via: 'post' | 'socket';
}

/** Call before the page loads: the socket opens as the page starts. */
export function watchCalls(page: Page): SeenCall[] {
  const calls: SeenCall[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() !== 'POST' || !path.startsWith('/api/')) return;
    const payload = JSON.parse(request.postData() ?? 'null') as unknown;
    calls.push({ method: path.slice('/api/'.length), payload, via: 'post' });
  });
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).pathname !== SOCKET_PATH) return;
    socket.on('framesent', ({ payload }) => {
      const call = JSON.parse(String(payload)) as { method: string; payload?: unknown };
      calls.push({ method: call.method, payload: call.payload, via: 'socket' });
    });
  });
  return calls;
}

/** The queries of the `search` calls seen, and how each went. */
export function searches(calls: SeenCall[]): { query: string; via: SeenCall['via'] }[] {
  return calls
    .filter((call) => call.method === 'search')
    .map((call) => ({ query: (call.payload as { query: string }).query, via: call.via }));
}
