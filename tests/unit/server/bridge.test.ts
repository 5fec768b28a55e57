import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReaderServices } from '../../../src/services/reader-services';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { BindError, startBridge, type RunningBridge } from '../../../src/server/bridge-server';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { FAKE_DOCUMENT, loadFakeSearchIndex, makeTempDir, removeTempDir } from '../storage/helpers';

const INDEX_HTML = '<!doctype html><title>报告阅读器</title><script src="/assets/a.js"></script>';
const ASSET_JS = 'console.log("asset a");';
const SECRET = 'TOP-SECRET-OUTSIDE-RENDERER-DIR';

let root: string;
let rendererDir: string;
let bridge: RunningBridge;
let port: number;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * A raw HTTP request with the exact path and headers given (fetch would fix up
 * the Host header and normalize `..` in the path).
 */
function send(path: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, ...options.headers };
    if (options.body !== undefined)
      headers['Content-Length'] = String(Buffer.byteLength(options.body));
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function postJson(method: string, payload: unknown, headers: Record<string, string> = {}) {
  return send(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: payload === undefined ? '' : JSON.stringify(payload),
  });
}

beforeAll(async () => {
  root = await makeTempDir('bridge');
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'a.js'), ASSET_JS);
  // Files outside the renderer folder that no request may ever reach.
  await writeFile(join(root, 'secret.txt'), SECRET);
  await mkdir(join(root, 'renderer-sibling'));
  await writeFile(join(root, 'renderer-sibling', 'secret.txt'), SECRET);
  await mkdir(join(root, 'etc'));
  await writeFile(join(root, 'etc', 'passwd'), SECRET);

  const { handlers } = await createReaderServices({
    dataDir: join(root, 'data'),
    document: FAKE_DOCUMENT,
    loadSearchIndex: loadFakeSearchIndex,
  });
  bridge = await startBridge({ handlers, rendererDir, port: 0 });
  port = bridge.port;
});

afterAll(async () => {
  await bridge?.close();
  await removeTempDir(root);
});

describe('startBridge', () => {
  it('listens on 127.0.0.1 with a picked port and reports its URL', () => {
    expect(port).toBeGreaterThan(0);
    expect(bridge.url).toBe(`http://127.0.0.1:${port}/`);
  });

  it.each(['0.0.0.0', '192.168.1.5', '::', '10.0.0.1', 'example.com', '', '127.0.0.1.evil.com'])(
    'refuses to bind to %j with a BindError',
    async (host) => {
      await expect(
        startBridge({ handlers: {} as never, rendererDir, host, port: 0 }),
      ).rejects.toBeInstanceOf(BindError);
    },
  );

  it('binds to localhost', async () => {
    const { handlers } = await createReaderServices({
      dataDir: join(root, 'data2'),
      document: FAKE_DOCUMENT,
      loadSearchIndex: loadFakeSearchIndex,
    });
    const other = await startBridge({ handlers, rendererDir, host: 'localhost', port: 0 });
    try {
      expect(other.url).toBe(`http://localhost:${other.port}/`);
    } finally {
      await other.close();
    }
  });
});

describe('static files', () => {
  it('GET / serves index.html with the CSP and hardening headers', async () => {
    const reply = await send('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it('GET /index.html and /assets/a.js serve the files with their types', async () => {
    expect((await send('/index.html')).body).toBe(INDEX_HTML);
    const js = await send('/assets/a.js');
    expect(js.status).toBe(200);
    expect(js.body).toBe(ASSET_JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('a query string or a fragment does not change the file', async () => {
    expect((await send('/assets/a.js?v=1')).body).toBe(ASSET_JS);
  });

  it('HEAD / answers 200 with no body', async () => {
    const reply = await send('/', { method: 'HEAD' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
  });

  it('a missing file or a folder is 404', async () => {
    expect((await send('/nope.js')).status).toBe(404);
    expect((await send('/assets')).status).toBe(404);
    expect((await send('/assets/')).status).toBe(404);
  });

  it('POST to a static path is 405', async () => {
    expect((await send('/', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it.each([
    '/../secret.txt',
    '/../x',
    '/%2e%2e/secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/..%2f..%2fetc%2fpasswd',
    '/..%2Fetc%2Fpasswd',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..%5c..%5cx',
    '/%00index.html',
    '/index.html%00.js',
    '//etc/passwd',
    '/..%2frenderer-sibling%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/.%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
  ])('traversal %s is 404 and never reaches outside', async (path) => {
    const reply = await send(path);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(SECRET);
  });

  it.each(['//secret.txt', '///secret.txt', '//renderer-sibling/secret.txt', '//..%2fsecret.txt'])(
    'a path starting with // (%s) never reaches outside',
    async (path) => {
      // `new URL('//x', base)` reads `x` as a host, so what is served may be
      // index.html; what matters is that nothing outside the folder is.
      const reply = await send(path);
      expect(reply.body).not.toContain(SECRET);
      if (reply.status === 200) expect(reply.body).toBe(INDEX_HTML);
    },
  );
});

describe('the API', () => {
  it('POST /api/getSettings with JSON answers the handler result', async () => {
    const reply = await postJson('getSettings', null);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('an empty body counts as no payload', async () => {
    const reply = await postJson('getNotices', undefined);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] });
  });

  it('a per-report call names its report', async () => {
    const reply = await postJson('getDocument', { report: BUNDLED_REPORT_ID });
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: FAKE_DOCUMENT });
    const without = JSON.parse((await postJson('getDocument', undefined)).body);
    expect(without).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^getDocument 的参数无效/),
    });
  });

  it('content type with a charset is accepted', async () => {
    const reply = await postJson('getNotices', null, {
      'Content-Type': 'application/json; charset=utf-8',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] });
  });

  it('updateSettings round-trips and a bad patch is a refusal, not an HTTP error', async () => {
    const ok = await postJson('updateSettings', { fontSize: 20 });
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, fontSize: 20 } });
    const bad = await postJson('updateSettings', { fontSize: '20' });
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: expect.any(String) });
    const reset = await postJson('updateSettings', { fontSize: DEFAULT_SETTINGS.fontSize });
    expect(JSON.parse(reset.body)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('the desktop-only calls get browser mode’s own answers from the bridge', async () => {
    // No menu to show: accepted and ignored (`value: undefined` leaves the JSON).
    expect(JSON.parse((await postJson('setMenuCommands', [])).body)).toEqual({ ok: true });
    const print = JSON.parse((await postJson('printToPdf', { report: BUNDLED_REPORT_ID })).body);
    expect(print).toMatchObject({ ok: false, error: expect.stringContaining('另存为 PDF') });
    const pick = JSON.parse(
      (await postJson('importAnnotationsFile', { report: BUNDLED_REPORT_ID })).body,
    );
    expect(pick).toMatchObject({ ok: false, error: expect.stringContaining('导入…') });
    const open = JSON.parse((await postJson('addReportFile', null)).body);
    expect(open).toMatchObject({ ok: false, error: expect.stringContaining('打开报告…') });
    const bad = JSON.parse((await postJson('printToPdf', { path: '/etc/passwd' })).body);
    expect(bad).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^printToPdf 的参数无效/),
    });
  });

  it('the same-origin Origin header is allowed', async () => {
    const reply = await postJson('getSettings', null, { Origin: `http://127.0.0.1:${port}` });
    expect(reply.status).toBe(200);
  });

  it('GET /api/x is 405', async () => {
    const reply = await send('/api/x');
    expect(reply.status).toBe(405);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
  });

  it('GET /api/getSettings is 405', async () => {
    expect((await send('/api/getSettings')).status).toBe(405);
  });

  it.each(['notAMethod', 'constructor', 'toString', '__proto__', 'getSettings/', ''])(
    'POST /api/%s is 404',
    async (method) => {
      const reply = await postJson(method, null);
      expect(reply.status).toBe(404);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
    },
  );

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonp',
    '',
  ])('content type %j is 415', async (type) => {
    const reply = await send('/api/getSettings', {
      method: 'POST',
      headers: type === '' ? {} : { 'Content-Type': type },
      body: 'null',
    });
    expect(reply.status).toBe(415);
  });

  it('invalid JSON is 400', async () => {
    const reply = await send('/api/updateSettings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"fontSize":',
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
  });

  it('a body just under 1 MiB is read (and refused by the schema, not the size limit)', async () => {
    const body = JSON.stringify({ collapsed: ['b1'], pad: 'x'.repeat(1024 * 1024 - 100) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(1024 * 1024);
    const reply = await send('/api/updateSettings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
  });

  /** Declares `declared` bytes, sends `sent` and (unless `finish`) waits for the answer mid-body. */
  function postLarge(declared: number, sent: number, finish: boolean): Promise<string> {
    return new Promise((resolvePromise) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/updateSettings',
          method: 'POST',
          agent: false,
          headers: {
            Host: `127.0.0.1:${port}`,
            'Content-Type': 'application/json',
            'Content-Length': String(declared),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolvePromise(String(res.statusCode)));
          res.on('error', (error) => resolvePromise(`response error: ${error.message}`));
        },
      );
      req.on('error', (error) => resolvePromise(`request error: ${error.message}`));
      const body = Buffer.alloc(sent, 0x20);
      if (finish) req.end(body);
      else req.write(body);
    });
  }

  it('a body over 1 MiB is 413 (answered while the client is still sending)', async () => {
    const outcome = await postLarge(8 * 1024 * 1024, 1536 * 1024, false);
    expect(outcome).toBe('413');
  });

  it('a complete body over 1 MiB is 413 on a one-shot connection', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      outcomes.push(await postLarge(2 * 1024 * 1024, 2 * 1024 * 1024, true));
    }
    expect(outcomes).toEqual(Array.from({ length: 5 }, () => '413'));
  });

  it('after a 413 the kept-alive connection still answers (or is closed), never hangs', async () => {
    // Browsers reuse connections. A 413 sent with `Connection: keep-alive` must
    // leave the connection usable; otherwise the server must close it.
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let closed = false;
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => (closed = true));
    socket.on('error', () => (closed = true));
    const waitFor = async (done: () => boolean, ms: number) => {
      for (const start = Date.now(); !done() && Date.now() - start < ms;) {
        await new Promise((resolvePromise) => setTimeout(resolvePromise, 20));
      }
      return done();
    };
    try {
      const size = 2 * 1024 * 1024;
      socket.write(
        `POST /api/getSettings HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(size, 0x20));
      expect(await waitFor(() => closed || received.includes('\r\n0\r\n\r\n'), 3000)).toBe(true);
      expect(received.startsWith('HTTP/1.1 413 ')).toBe(true);

      const first = received;
      received = '';
      if (/\r\nconnection: close\r\n/i.test(first) || closed) {
        expect(await waitFor(() => closed, 2000)).toBe(true);
        return;
      }
      socket.write(`GET /assets/a.js HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      const answered = await waitFor(() => closed || received.includes(ASSET_JS), 2000);
      expect(
        { answered, closed, received: received.slice(0, 40) },
        'the connection was kept alive after the 413 but the next request got no answer',
      ).toMatchObject({ answered: true });
    } finally {
      socket.destroy();
    }
  });

  it('the server still answers after an oversized body', async () => {
    expect((await postJson('getSettings', null)).status).toBe(200);
  });
});

describe('DNS rebinding and cross-origin requests', () => {
  it.each([
    ['evil.example:PORT'],
    ['evil.example'],
    ['127.0.0.1.evil.com:PORT'],
    ['127.0.0.1:1'],
    ['127.0.0.1'],
    ['[::2]:PORT'],
    ['0.0.0.0:PORT'],
  ])('Host %s is 421 for pages and the API', async (host) => {
    const value = host.replace('PORT', String(port));
    const page = await send('/', { headers: { Host: value } });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain(INDEX_HTML);
    const api = await postJson('getSettings', null, { Host: value });
    expect(api.status).toBe(421);
    expect(api.body).not.toContain('fontSize');
  });

  it.each(['localhost:PORT', 'LOCALHOST:PORT', '127.0.0.1:PORT', '127.1.2.3:PORT'])(
    'Host %s is accepted',
    async (host) => {
      const reply = await send('/', { headers: { Host: host.replace('PORT', String(port)) } });
      expect(reply.status).toBe(200);
    },
  );

  it.each([
    'http://evil.example',
    'http://evil.example:PORT',
    'null',
    'https://127.0.0.1:PORT',
    'http://127.0.0.1:1',
    'http://localhost:PORT',
  ])('Origin %s is 403', async (origin) => {
    const reply = await postJson(
      'updateSettings',
      { fontSize: 26 },
      {
        Origin: origin.replace('PORT', String(port)),
      },
    );
    expect(reply.status).toBe(403);
    const settings = JSON.parse((await postJson('getSettings', null)).body) as {
      value: { fontSize: number };
    };
    expect(settings.value.fontSize).not.toBe(26);
  });
});
