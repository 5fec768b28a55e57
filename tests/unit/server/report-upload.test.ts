/**
 * Browser mode's binary upload of a report file (POST /api/addReport): the
 * bytes become the call's payload and its answer streams back with the
 * parse's progress; everything else is refused before the services see it,
 * with the bridge's own Host and Origin checks and a size limit, and a
 * refused file leaves the data folder as it was.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { readdir, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../../src/server/bridge-server';
import { fileNameFrom, libraryUpload } from '../../../src/server/report-upload';
import { readOnlyAccess } from '../../../src/services/storage/folder-access';
import { snapshot } from '../annotations/snapshot';
import { randomBytes } from '../formats/bad-files';
import { openLibrary, otherReportText, utf8 } from '../library/helpers';
import { makeTempDir, removeTempDir } from '../storage/helpers';

const LIMIT = 64 * 1024;
let root: string;
let bridge: RunningBridge;
let flush: () => Promise<void>;

beforeAll(async () => {
  root = await makeTempDir('report-upload');
  const services = await openLibrary(join(root, 'data'));
  const { handlers } = services;
  flush = services.flush;
  bridge = await startBridge({
    handlers,
    upload: libraryUpload(join(root, 'data'), () => services),
    rendererDir: join(root, 'renderer'),
    port: 0,
    uploadLimitBytes: LIMIT,
  });
});

afterAll(async () => {
  await bridge?.close();
  await removeTempDir(root);
});

interface Reply {
  status: number;
  type: string;
  lines: unknown[];
}

/** POST /api/addReport with these headers; `write` sends the body (whole, or in pieces). */
function post(
  headers: Record<string, string>,
  write: (request: ClientRequest) => void,
  port = bridge.port,
) {
  return new Promise<Reply>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/api/addReport',
        method: 'POST',
        agent: false,
        headers: {
          Host: `127.0.0.1:${port}`,
          'Content-Type': 'application/octet-stream',
          'X-File-Name': encodeURIComponent('江北区报告.txt'),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const lines = text
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as unknown);
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            lines,
          });
        });
      },
    );
    req.on('error', reject);
    write(req);
  });
}

/** A whole file, its size announced. */
function upload(body: Uint8Array | string, headers: Record<string, string> = {}): Promise<Reply> {
  const bytes = Buffer.from(body);
  return post({ 'Content-Length': String(bytes.length), ...headers }, (req) => req.end(bytes));
}

describe('a report file sent as its bytes', () => {
  it('is added, with the parse’s progress streamed before the result', async () => {
    const reply = await upload(utf8(otherReportText()));
    expect(reply.status).toBe(200);
    expect(reply.type).toBe('application/x-ndjson; charset=utf-8');
    const progress = reply.lines.slice(0, -1) as {
      progress: { fileName: string; stage: string };
    }[];
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((line) => line.progress.fileName === '江北区报告.txt')).toBe(true);
    expect(reply.lines.at(-1)).toMatchObject({
      result: { ok: true, value: { added: true, report: { title: '2019年江北区政府工作报告' } } },
    });
  });

  it('that is not a report is answered with one sentence, and nothing is kept', async () => {
    // The report added before is answered before its search index is written: that write is its.
    await flush();
    const before = await snapshot(join(root, 'data'));
    const reply = await upload(randomBytes(4096));
    expect(reply.status).toBe(200);
    expect(reply.lines.at(-1)).toMatchObject({
      result: { ok: false, error: expect.stringMatching(/^[^\n]+。$/) },
    });
    expect(await snapshot(join(root, 'data'))).toEqual(before);
  });
});

describe('refused before the services see it', () => {
  it.each([
    ['JSON instead of bytes', { 'Content-Type': 'application/json' }, 415],
    ['no content type', { 'Content-Type': '' }, 415],
    ['no file name', { 'X-File-Name': '' }, 400],
    ['a file name that is not percent-encoded UTF-8', { 'X-File-Name': '%E4%B8' }, 400],
    ['a blank file name', { 'X-File-Name': '%20%20' }, 400],
    ['a file name longer than a file system takes', { 'X-File-Name': 'x'.repeat(300) }, 400],
    ['another site’s page', { Origin: 'http://evil.example' }, 403],
  ])('%s', async (_label, headers, status) => {
    const reply = await upload(utf8('一份报告\n\n正文。'), headers);
    expect(reply.status).toBe(status);
    expect(reply.lines).toEqual([{ ok: false, error: expect.stringMatching(/\p{Script=Han}/u) }]);
  });

  it('a Host that is not this machine (DNS rebinding)', async () => {
    const reply = await upload(utf8('一份报告'), { Host: 'evil.example' });
    expect(reply.status).toBe(421);
  });

  it('a file over the limit, by its announced size, before a byte is read', async () => {
    const socket = connect(bridge.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.write(
      `POST /api/addReport HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\n` +
        `Content-Type: application/octet-stream\r\nX-File-Name: a.pdf\r\n` +
        `Content-Length: ${LIMIT + 1}\r\n\r\n`,
    );
    for (let tries = 0; tries < 100 && !received.includes('}'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    socket.destroy();
    expect(received.startsWith('HTTP/1.1 413 ')).toBe(true);
    expect(received).toContain('报告阅读器不打开这么大的文件');
  });

  it('a file over the limit, sent without a size, once it passes the limit', async () => {
    const reply = await post(
      { 'X-File-Name': 'big.pdf', 'Transfer-Encoding': 'chunked' },
      (req) => {
        for (let i = 0; i < 4; i++) req.write(Buffer.alloc(LIMIT / 2, 1));
        req.end();
      },
    );
    expect(reply.status).toBe(413);
  });
});

describe('a handler that fails after the answer has begun', () => {
  it('ends the stream with the error as its result, and the server goes on', async () => {
    const services = await openLibrary(join(root, 'failing'));
    const failing = await startBridge({
      handlers: services.handlers,
      upload: {
        ...libraryUpload(join(root, 'failing'), () => services),
        add: async (_input, progress) => {
          progress({ fileName: 'a.txt', stage: 'extract', done: 1, total: 2 });
          await new Promise((resolve) => setTimeout(resolve, 10));
          throw new Error('解析进程意外退出');
        },
      },
      rendererDir: join(root, 'renderer'),
      port: 0,
    });
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: failing.port,
            path: '/api/addReport',
            method: 'POST',
            agent: false,
            headers: {
              Host: `127.0.0.1:${failing.port}`,
              'Content-Type': 'application/octet-stream',
              'X-File-Name': 'a.txt',
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve(text));
          },
        );
        req.setTimeout(3_000, () => req.destroy(new Error('the answer never ended')));
        req.on('error', reject);
        req.end('一份报告');
      });
      const lines = reply
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown);
      expect(lines[0]).toMatchObject({ progress: { stage: 'extract' } });
      expect(lines.at(-1)).toEqual({ result: { ok: false, error: '解析进程意外退出' } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', note);
      await failing.close();
    }
  });
});

describe('fileNameFrom', () => {
  it('reads a percent-encoded name, and nothing else', () => {
    expect(fileNameFrom(encodeURIComponent('政府工作报告（草案）.pdf'))).toBe(
      '政府工作报告（草案）.pdf',
    );
    for (const bad of [undefined, '', ['a', 'b'], '%', '%ZZ', '%20']) {
      expect(fileNameFrom(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('a file on its way', () => {
  const uploads = async () =>
    (await readdir(join(root, 'data', 'library')).catch(() => [] as string[])).filter((name) =>
      name.startsWith('.upload.'),
    );
  const until = async (check: () => Promise<boolean>) => {
    for (let tries = 0; tries < 200 && !(await check()); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('is written to a temp file in the data folder as it arrives, not held, and removed once added', async () => {
    const body = Buffer.from(utf8(otherReportText('镇海')));
    const half = Math.floor(body.length / 2);
    let sent: ClientRequest | undefined;
    const reply = post({ 'Content-Length': String(body.length) }, (req) => {
      sent = req;
      req.write(body.subarray(0, half));
    });
    await until(async () => (await uploads()).length === 1);
    const [temp] = await uploads();
    await until(async () => (await stat(join(root, 'data', 'library', temp))).size === half);
    expect((await stat(join(root, 'data', 'library', temp))).size).toBe(half);
    sent!.end(body.subarray(half));
    expect((await reply).lines.at(-1)).toMatchObject({ result: { ok: true } });
    expect(await uploads()).toEqual([]);
  });

  it('over the limit, unannounced: refused while it is still being sent, and its temp file removed', async () => {
    let answered = false;
    const reply = post({ 'Transfer-Encoding': 'chunked' }, (req) => {
      req.write(Buffer.alloc(LIMIT + 1, 1));
      // The rest of the file is not sent until the refusal has come.
      const more = setInterval(() => {
        if (answered) {
          clearInterval(more);
          req.end();
        }
      }, 10);
    });
    const refused = await reply.finally(() => (answered = true));
    expect(refused.status).toBe(413);
    expect(refused.lines).toEqual([
      { ok: false, error: expect.stringMatching(/报告阅读器不打开这么大的文件/) },
    ]);
    expect(await uploads()).toEqual([]);
  });

  it('from a page that goes away midway: its temp file is removed and the server goes on', async () => {
    const req = httpRequest({
      host: '127.0.0.1',
      port: bridge.port,
      path: '/api/addReport',
      method: 'POST',
      agent: false,
      headers: {
        Host: `127.0.0.1:${bridge.port}`,
        'Content-Type': 'application/octet-stream',
        'X-File-Name': 'a.txt',
        'Content-Length': '10000',
      },
    });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(5000, 0x41));
    await until(async () => (await uploads()).length === 1);
    expect(await uploads()).toHaveLength(1);
    req.destroy();
    await until(async () => (await uploads()).length === 0);
    expect(await uploads()).toEqual([]);
    expect((await upload(utf8(otherReportText('奉化')))).lines.at(-1)).toMatchObject({
      result: { ok: true },
    });
  });

  it('to a folder another reader holds: refused at once, with the reason, nothing written', async () => {
    const dir = join(root, 'held');
    const services = await openLibrary(dir, {
      access: readOnlyAccess(dir, '另一个报告阅读器正在使用这个数据文件夹。'),
    });
    const held = await startBridge({
      handlers: services.handlers,
      upload: libraryUpload(dir, () => services),
      rendererDir: join(root, 'renderer'),
      port: 0,
    });
    try {
      const reply = await post({}, (req) => req.end(utf8(otherReportText('象山'))), held.port);
      expect(reply.status).toBe(409);
      expect(reply.lines).toEqual([
        { ok: false, error: '另一个报告阅读器正在使用这个数据文件夹。' },
      ]);
      expect(await readdir(dir).catch(() => [])).not.toContain('library');
    } finally {
      await held.close();
    }
  });
});
