/**
 * Browser mode: the same renderer and the same contract as the desktop app,
 * over HTTP on loopback. `POST /api/<method>` with a JSON body calls the same
 * handler that Electron's IPC calls; query methods may also come over the
 * WebSocket at /api/socket (socket-bridge.ts), on the same port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMethodName, type ServiceHandlers } from '../shared/api';
import { browserHandlers } from './browser-answers';
import { readBody, send, sendJson, tooLarge } from './http-answers';
import { receiveReport, UPLOAD_METHOD, type UploadTarget } from './report-upload';
import { isLoopbackHost, isOwnHostHeader } from './loopback';
import { attachSocketBridge } from './socket-bridge';
import { createStartPage } from '../services/start-page';

export interface BridgeOptions {
  /** The services; the bridge adds its own answers to the desktop-only calls. */
  handlers: ServiceHandlers;
  rendererDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where an uploaded report file is kept while it arrives, and how it is added; none: uploads are refused. */
  upload?: UploadTarget;
  /** The largest report file the bridge takes; the library's limit unless a test says otherwise. */
  uploadLimitBytes?: number;
}

export interface RunningBridge {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export class BindError extends Error {}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new BindError(
      `拒绝绑定到 ${host}：浏览器模式只监听本机回环地址 (127.0.0.1 / ::1 / localhost)`,
    );
  }
  let port = options.port ?? 0;
  const handlers = browserHandlers(options.handlers);
  // The page comes with the report the app starts on already in it (start-page.ts).
  const files = createStartPage(options.rendererDir, () => options.handlers);
  files.warm();

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      // Once an answer has begun (a streamed upload) no status can follow: end it.
      if (response.headersSent) return void response.destroy();
      sendJson(response, 500, { ok: false, error: (error as Error).message });
    });
  });

  const sockets = attachSocketBridge(server, handlers, (hostHeader) =>
    isOwnHostHeader(hostHeader, port),
  );

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isOwnHostHeader(request.headers.host, port)) {
      return sendJson(response, 421, { ok: false, error: 'Host 不是本机地址' });
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${request.headers.host}`) {
      return sendJson(response, 403, { ok: false, error: '跨源请求被拒绝' });
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;

    if (path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      if (request.method !== 'POST')
        return sendJson(response, 405, { ok: false, error: '只接受 POST' });
      if (!isMethodName(method))
        return sendJson(response, 404, { ok: false, error: `没有这个方法：${method}` });
      // A report file comes as its own bytes, not as JSON (report-upload.ts).
      if (method === UPLOAD_METHOD) {
        return receiveReport(request, response, options.upload, options.uploadLimitBytes);
      }
      if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
        return sendJson(response, 415, { ok: false, error: '请求须为 application/json' });
      }
      const body = (await readBody(request, MAX_BODY_BYTES))?.toString('utf8');
      if (body === undefined) return tooLarge(response);
      let payload: unknown;
      try {
        payload = body === '' ? undefined : JSON.parse(body);
      } catch {
        return sendJson(response, 400, { ok: false, error: '请求不是有效的 JSON' });
      }
      return sendJson(response, 200, await handlers[method](payload ?? undefined));
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, { ok: false, error: '只接受 GET' });
    }
    const file = await files.serve(path);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', '404 找不到');
    return send(response, 200, file.type, file.body);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        // Upgraded sockets are no longer the HTTP server's to close.
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
