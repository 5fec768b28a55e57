/**
 * The bridge's WebSocket channel, driven by the `ws` client in Node against
 * the real bridge and the real services over the fake document.
 */
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBridge, type RunningBridge } from '../../../src/server/bridge-server';
import type { ServiceHandlers } from '../../../src/shared/api';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { SOCKET_PATH } from '../../../src/shared/socket-protocol';
import { fakeServiceHandlers, makeTempDir, removeTempDir } from '../storage/helpers';

let root: string;
let bridge: RunningBridge;
let port: number;
/** Holds `search` until released, to prove answers do not wait for each other. */
let releaseSearch: () => void = () => undefined;
let searchHeld: Promise<void> = Promise.resolve();
let changesCalled = 0;

async function handlersForTest(dataDir: string): Promise<ServiceHandlers> {
  const real = await fakeServiceHandlers(dataDir);
  return {
    ...real,
    search: async (payload) => {
      await searchHeld;
      return real.search(payload);
    },
    updateSettings: (payload) => {
      changesCalled++;
      return real.updateSettings(payload);
    },
  };
}

beforeAll(async () => {
  root = await makeTempDir('socket-bridge');
  bridge = await startBridge({
    handlers: await handlersForTest(join(root, 'data')),
    rendererDir: join(root, 'renderer'),
    port: 0,
  });
  port = bridge.port;
});

afterAll(async () => {
  await bridge?.close();
  await removeTempDir(root);
});

const ownOrigin = () => `http://127.0.0.1:${port}`;

/** A socket as our own page opens it. */
async function openSocket(at: RunningBridge = bridge): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${at.port}${SOCKET_PATH}`, {
    origin: `http://127.0.0.1:${at.port}`,
  });
  await once(ws, 'open');
  return ws;
}

/** Every parsed message the socket receives, in order. */
function collect(ws: WebSocket): unknown[] {
  const messages: unknown[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));
  return messages;
}

async function nextAnswer(ws: WebSocket): Promise<unknown> {
  const [data] = (await once(ws, 'message')) as [Buffer];
  return JSON.parse(data.toString('utf8'));
}

async function closeCode(ws: WebSocket): Promise<number> {
  const [code] = (await once(ws, 'close')) as [number];
  return code;
}

async function waitFor(done: () => boolean, ms = 2000): Promise<void> {
  for (const start = Date.now(); !done();) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 10));
  }
}

/** POST getSettings, to show the server still answers. */
function postGetSettings(): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/api/getSettings',
        method: 'POST',
        agent: false,
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end('null');
  });
}

/**
 * A raw upgrade request with exactly these headers (the ws client would fix
 * some up); answers what came back and whether the server closed the connection.
 */
function rawUpgrade(
  headers: Record<string, string | undefined>,
  path = SOCKET_PATH,
): Promise<{ statusLine: string; closed: boolean }> {
  return new Promise((resolvePromise) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolvePromise({ statusLine: received.split('\r\n')[0], closed: false });
    }, 2000);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolvePromise({ statusLine: received.split('\r\n')[0], closed: true });
    });
    const lines = Object.entries({
      Host: `127.0.0.1:${port}`,
      Origin: ownOrigin(),
      Upgrade: 'websocket',
      Connection: 'Upgrade',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version': '13',
      ...headers,
    })
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`GET ${path} HTTP/1.1\r\n${lines.join('')}\r\n`);
  });
}

describe('calls over the socket', () => {
  it('a query is answered with its id and the handler result', async () => {
    const ws = await openSocket();
    ws.send(JSON.stringify({ id: 1, method: 'getSettings' }));
    expect(await nextAnswer(ws)).toEqual({ id: 1, result: { ok: true, value: DEFAULT_SETTINGS } });
    ws.send(JSON.stringify({ id: 2, method: 'search', payload: { query: '第一' } }));
    expect(await nextAnswer(ws)).toMatchObject({
      id: 2,
      result: { ok: true, value: { query: '第一', hits: [{ block: 'b3' }] } },
    });
    ws.close();
  });

  it('a bad payload is the handler refusal, as over POST', async () => {
    const ws = await openSocket();
    ws.send(JSON.stringify({ id: 7, method: 'search', payload: { query: 42 } }));
    expect(await nextAnswer(ws)).toMatchObject({
      id: 7,
      result: { ok: false, error: expect.any(String) },
    });
    ws.close();
  });

  it('calls run side by side: a slow one does not hold up the next, answers carry ids', async () => {
    searchHeld = new Promise((resolvePromise) => (releaseSearch = resolvePromise));
    const ws = await openSocket();
    const answers = collect(ws);
    ws.send(JSON.stringify({ id: 10, method: 'search', payload: { query: '总则' } }));
    ws.send(JSON.stringify({ id: 11, method: 'getNotices', payload: null }));
    await waitFor(() => answers.length === 1);
    expect(answers[0]).toEqual({ id: 11, result: { ok: true, value: [] } });
    releaseSearch();
    await waitFor(() => answers.length === 2);
    expect(answers[1]).toMatchObject({ id: 10, result: { ok: true, value: { query: '总则' } } });
    ws.close();
  });

  it('a change is refused over the socket and never reaches its handler', async () => {
    const ws = await openSocket();
    const before = changesCalled;
    ws.send(JSON.stringify({ id: 3, method: 'updateSettings', payload: { fontSize: 26 } }));
    const answer = (await nextAnswer(ws)) as { id: number; result: { ok: boolean; error: string } };
    expect(answer.id).toBe(3);
    expect(answer.result.ok).toBe(false);
    expect(answer.result.error).toContain('POST');
    expect(changesCalled).toBe(before);
    expect(JSON.parse((await postGetSettings()).body)).toEqual({
      ok: true,
      value: DEFAULT_SETTINGS,
    });
    ws.close();
  });

  it.each(['notAMethod', 'constructor', '__proto__', 'toString', '', 42, null])(
    'method %j is answered with a refusal, and the socket stays open',
    async (method) => {
      const ws = await openSocket();
      ws.send(JSON.stringify({ id: 5, method }));
      expect(await nextAnswer(ws)).toMatchObject({ id: 5, result: { ok: false } });
      ws.send(JSON.stringify({ id: 6, method: 'getNotices' }));
      expect(await nextAnswer(ws)).toEqual({ id: 6, result: { ok: true, value: [] } });
      ws.close();
    },
  );
});

describe('bad messages', () => {
  it.each([
    ['not JSON', '{"id":1,"method":'],
    ['a JSON array', '[1,"getNotices"]'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['no id', '{"method":"getNotices"}'],
    ['a string id', '{"id":"1","method":"getNotices"}'],
    ['a fractional id', '{"id":1.5,"method":"getNotices"}'],
    ['an unsafe id', `{"id":${2 ** 53},"method":"getNotices"}`],
  ])('%s closes the socket (1008) and the server still answers', async (_name, message) => {
    const ws = await openSocket();
    const closing = closeCode(ws);
    ws.send(message);
    expect(await closing).toBe(1008);
    expect((await postGetSettings()).status).toBe(200);
    const again = await openSocket();
    again.send(JSON.stringify({ id: 1, method: 'getNotices' }));
    expect(await nextAnswer(again)).toEqual({ id: 1, result: { ok: true, value: [] } });
    again.close();
  });

  it('a binary message closes the socket (1003)', async () => {
    const ws = await openSocket();
    const closing = closeCode(ws);
    ws.send(Buffer.from(JSON.stringify({ id: 1, method: 'getNotices' })));
    expect(await closing).toBe(1003);
  });

  it('a message over 1 MiB closes the socket (1009) and the server still answers', async () => {
    const ws = await openSocket();
    const closing = closeCode(ws);
    ws.on('error', () => undefined);
    ws.send(JSON.stringify({ id: 1, method: 'getNotices', payload: 'x'.repeat(1024 * 1024) }));
    expect(await closing).toBe(1009);
    expect((await postGetSettings()).status).toBe(200);
  });

  it('a message just under 1 MiB is read (and refused by the handler, not the size limit)', async () => {
    const ws = await openSocket();
    const pad = 'x'.repeat(1024 * 1024 - 100);
    ws.send(JSON.stringify({ id: 9, method: 'getNotices', payload: pad }));
    expect(await nextAnswer(ws)).toMatchObject({ id: 9, result: { ok: false } });
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });
});

describe('who may open a socket', () => {
  it('our own page is switched to the WebSocket protocol', async () => {
    expect(await rawUpgrade({})).toEqual({
      statusLine: 'HTTP/1.1 101 Switching Protocols',
      closed: false,
    });
  });

  it.each([
    ['a foreign Origin', { Origin: 'http://evil.example' }, 403],
    ['a foreign Origin on our port', { Origin: 'http://evil.example:PORT' }, 403],
    ['Origin null', { Origin: 'null' }, 403],
    ['an https Origin', { Origin: 'https://127.0.0.1:PORT' }, 403],
    ['another port', { Origin: 'http://127.0.0.1:1' }, 403],
    ['localhost for 127.0.0.1', { Origin: 'http://localhost:PORT' }, 403],
    ['no Origin', { Origin: undefined }, 403],
    ['a foreign Host', { Host: 'evil.example:PORT', Origin: 'http://evil.example:PORT' }, 421],
    ['a Host with another port', { Host: '127.0.0.1:1', Origin: 'http://127.0.0.1:1' }, 421],
    ['no Host', { Host: undefined, Origin: undefined }, 421],
  ])('%s is refused and the connection closed', async (_name, headers, status) => {
    const withPort = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name, value?.replace('PORT', String(port))]),
    );
    const { statusLine, closed } = await rawUpgrade(withPort);
    expect(statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(closed).toBe(true);
  });

  it.each(['/', '/api/getNotices', '/api/socket/x', '/socket'])(
    'an upgrade on %s is refused (404)',
    async (path) => {
      const { statusLine, closed } = await rawUpgrade({}, path);
      expect(statusLine).toMatch(/^HTTP\/1\.1 404 /);
      expect(closed).toBe(true);
    },
  );

  it('the ws client without an Origin is refused', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${SOCKET_PATH}`);
    const [, response] = (await once(ws, 'unexpected-response')) as [
      unknown,
      { statusCode: number },
    ];
    expect(response.statusCode).toBe(403);
  });

  it('the server still answers after refusals', async () => {
    expect((await postGetSettings()).status).toBe(200);
  });
});

describe('closing the bridge', () => {
  it('closes its open sockets, and close() does not wait on them', async () => {
    const other = await startBridge({
      handlers: await handlersForTest(join(root, 'data-close')),
      rendererDir: join(root, 'renderer'),
      port: 0,
    });
    const sockets = [await openSocket(other), await openSocket(other)];
    const closed = sockets.map((ws) => once(ws, 'close'));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await Promise.all(closed);
    expect(sockets.map((ws) => ws.readyState)).toEqual([WebSocket.CLOSED, WebSocket.CLOSED]);
  });
});
