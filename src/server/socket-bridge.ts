/**
 * Browser mode's WebSocket channel, on the bridge's own server and port: a
 * query answered over an open socket skips the fetch round trip, which in
 * Chromium costs more than the whole keystroke-to-paint budget. Only query
 * methods are accepted here; changes must come by POST, in order (see
 * src/renderer/api/client.ts).
 */
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isMethodName, QUERY_METHODS, type ReaderHandlers, type Result } from '../shared/api';
import { SOCKET_PATH, type SocketAnswer, type SocketCall } from '../shared/socket-protocol';

/** The same limit as a POST body. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** RFC 6455 close codes. */
const UNSUPPORTED_DATA = 1003;
const POLICY_VIOLATION = 1008;

export interface SocketBridge {
  /** Ends every open socket at once and refuses new ones. */
  close(): void;
}

/** A message read: a call to run, a refusal to answer, or nothing to answer to. */
type Reading = { call: SocketCall } | { id: number; error: string } | { close: string };

export function attachSocketBridge(
  server: Server,
  handlers: ReaderHandlers,
  isOwnHost: (hostHeader: string | undefined) => boolean,
): SocketBridge {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node stops watching a socket's errors once it is handed over for an
    // upgrade: a reset connection must not become an uncaught error.
    socket.on('error', () => socket.destroy());
    const refusal = upgradeRefusal(request, isOwnHost);
    if (refusal) return refuse(socket, refusal.status, refusal.message);
    sockets.handleUpgrade(request, socket, head, (ws) => serve(ws, handlers));
  });

  return {
    close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
    },
  };
}

function upgradeRefusal(
  request: IncomingMessage,
  isOwnHost: (hostHeader: string | undefined) => boolean,
): { status: number; message: string } | null {
  const host = request.headers.host;
  if (!isOwnHost(host)) return { status: 421, message: 'Host 不是本机地址' };
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (path !== SOCKET_PATH) return { status: 404, message: '这里没有 WebSocket' };
  // The same-origin policy does not cover WebSockets: any page may open one
  // to any host. Browsers always send Origin on the handshake, so anything
  // but our own page (or no Origin at all) is refused: this blocks
  // cross-site WebSocket hijacking.
  if (request.headers.origin !== `http://${host}`) {
    return { status: 403, message: '跨源连接被拒绝' };
  }
  return null;
}

/** A plain HTTP answer instead of the upgrade, then the connection is gone. */
function refuse(socket: Duplex, status: number, message: string): void {
  const body = Buffer.from(message, 'utf8');
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${body.length}\r\n\r\n${message}`,
  );
}

function serve(ws: WebSocket, handlers: ReaderHandlers): void {
  // An oversized message, invalid UTF-8 or a broken frame is reported here,
  // and ws then closes the socket itself (1009, 1007, 1002): nothing to answer.
  ws.on('error', () => undefined);
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary || !Buffer.isBuffer(data)) {
      return ws.close(UNSUPPORTED_DATA, '只接受文本消息');
    }
    const reading = readCall(data.toString('utf8'));
    if ('close' in reading) return ws.close(POLICY_VIOLATION, reading.close);
    const id = 'call' in reading ? reading.call.id : reading.id;
    const answer = (result: Result<unknown>) => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(JSON.stringify({ id, result } satisfies SocketAnswer));
    };
    if (!('call' in reading)) return answer({ ok: false, error: reading.error });
    // Not awaited: calls run side by side and each answer carries its id.
    const { method, payload } = reading.call;
    handlers[method](payload ?? undefined).then(answer, (error: unknown) =>
      answer({ ok: false, error: (error as Error)?.message ?? String(error) }),
    );
  });
}

function readCall(text: string): Reading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { close: '消息不是有效的 JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { close: '消息须为 JSON 对象' };
  }
  const { id, method, payload } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return { close: '消息缺少有效的 id' };
  if (!isMethodName(method)) {
    return { id, error: `没有这个方法：${String(method).slice(0, 64)}` };
  }
  if (!QUERY_METHODS.has(method)) {
    return {
      id,
      error: `${method} 会改动数据，只能按顺序经 POST /api/${method} 发送，不能经 WebSocket`,
    };
  }
  return { call: { id, method, payload } };
}
