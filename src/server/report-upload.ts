/**
 * Browser mode's way to hand main a report file: `POST /api/addReport` with
 * the file's own bytes as the body (`application/octet-stream`, at most the
 * library's limit) and its name, percent-encoded, in `X-File-Name`. No
 * base64 in JSON (a third larger, and the whole file held twice as text).
 * The Host and Origin checks are the bridge's, made before this runs.
 *
 * The body is not held in memory: it is written as it arrives to a temp file
 * in the data folder (`library/.upload.<12 hex>.tmp`), the size limit
 * counted as it comes, and the file added from there by path, as the
 * desktop's open dialog adds one. Adds go one at a time, so two tabs each
 * dropping a 100 MB file would otherwise hold both in memory while the first
 * is read. The temp file is removed on every path: added, refused, over the
 * limit, the page gone midway; a crash leaves it for the next start to clear
 * (library/add-debris.ts).
 *
 * The answer is a stream of JSON lines, `{"progress":{…}}` while the file is
 * read, then `{"result":{ok…}}`: the page shows the parse's progress as the
 * desktop app does from its `addProgress` messages.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddedReport, AddProgress } from '../shared/library';
import { MAX_FILE_NAME_LENGTH, MAX_REPORT_FILE_BYTES } from '../shared/library';
import { addRefusal } from '../services/library/add-report';
import { LIBRARY_DIR } from '../services/library/report-folder';
import type { ReaderServices } from '../services/reader-services';
import { plainFsMessage } from '../services/storage/fs-errors';
import { SECURITY_HEADERS, sendJson, tooLarge } from './http-answers';
import { tooLargeMessage } from '../core/formats/errors';

export const UPLOAD_METHOD = 'addReport';
export const FILE_NAME_HEADER = 'x-file-name';

/** Where uploads are kept while they arrive, and how a kept one is added. */
export interface UploadTarget {
  /** A folder in the data folder (its `library/`). */
  dir: string;
  /** Why nothing may be added now (the folder is another reader's), or null. */
  refusal(): Promise<string | null>;
  add(
    input: { path: string; fileName: string },
    progress: (progress: AddProgress) => void,
  ): Promise<AddedReport>;
}

/**
 * Uploads into the library's folder of the data folder, added by the
 * services of the moment; `beforeAdd` first (the folder taken, if another
 * reader has let go of it: folder-return.ts).
 */
export function libraryUpload(
  dataDir: string,
  services: () => Pick<ReaderServices, 'library' | 'addFile'>,
  beforeAdd: () => Promise<unknown> = async () => undefined,
): UploadTarget {
  return {
    dir: join(dataDir, LIBRARY_DIR),
    refusal: async () => {
      await beforeAdd();
      return addRefusal(services().library);
    },
    add: (input, progress) => services().addFile(input, progress),
  };
}

/** The header's name, or null when it is missing or not valid percent-encoded UTF-8. */
export function fileNameFrom(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header === '') return null;
  try {
    const name = decodeURIComponent(header);
    return name.trim() !== '' && name.length <= MAX_FILE_NAME_LENGTH ? name : null;
  } catch {
    return null;
  }
}

type Saved = 'saved' | 'too-large' | 'gone';

/**
 * Writes the request's body to `path` as it comes, one chunk at a time (the
 * request paused while a chunk is written). Past `limit` it stops writing and
 * drains the rest unread: destroying the request would take the socket, and
 * the 413, with it.
 */
async function saveBody(request: IncomingMessage, path: string, limit: number): Promise<Saved> {
  const file = await open(path, 'wx', 0o600);
  try {
    return await new Promise<Saved>((resolve, reject) => {
      let size = 0;
      let writing: Promise<unknown> = Promise.resolve();
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          request.off('data', onData);
          request.resume();
          return resolve('too-large');
        }
        request.pause();
        writing = writing.then(() => file.writeFile(chunk)).then(() => request.resume());
        writing.catch(reject);
      };
      request.on('data', onData);
      request.on('end', () => void writing.then(() => resolve('saved'), reject));
      request.on('close', () => {
        if (!request.complete) resolve('gone');
      });
      request.on('error', () => resolve('gone'));
    });
  } finally {
    await file.close();
  }
}

export async function receiveReport(
  request: IncomingMessage,
  response: ServerResponse,
  target: UploadTarget | undefined,
  limit = MAX_REPORT_FILE_BYTES,
): Promise<void> {
  if (!/^application\/octet-stream\b/.test(request.headers['content-type'] ?? '')) {
    return sendJson(response, 415, {
      ok: false,
      error: '报告文件须以 application/octet-stream 发送',
    });
  }
  const fileName = fileNameFrom(request.headers[FILE_NAME_HEADER]);
  if (fileName === null) {
    return sendJson(response, 400, { ok: false, error: '缺少有效的文件名（X-File-Name）' });
  }
  // Said before a byte is read when the size is announced.
  const announced = Number(request.headers['content-length'] ?? NaN);
  if (announced > limit) return tooLarge(response, tooLargeMessage(limit));
  // Nothing is written in a folder this server may not write.
  const refusal = target ? await target.refusal() : '浏览器模式没有可保存报告的数据文件夹。';
  if (refusal !== null || !target) {
    response.setHeader('Connection', 'close');
    return sendJson(response, 409, { ok: false, error: refusal });
  }

  const temp = join(target.dir, `.upload.${randomBytes(6).toString('hex')}.tmp`);
  // Removed before the answer is finished, so whoever sees the answer finds it gone.
  const removeTemp = () => rm(temp, { force: true }).catch(() => undefined);
  try {
    let saved: Saved;
    try {
      await mkdir(target.dir, { recursive: true });
      saved = await saveBody(request, temp, limit);
    } catch (error) {
      await removeTemp();
      response.setHeader('Connection', 'close');
      const message = plainFsMessage(error, '上传的文件', target.dir);
      return sendJson(response, 507, { ok: false, error: message });
    }
    if (saved !== 'saved') {
      await removeTemp();
      if (saved === 'too-large') tooLarge(response, tooLargeMessage(limit));
      return;
    }

    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      // Closed after the answer: uploads are rare, and a kept-alive connection
      // reused meanwhile saw answers cut short under load (Node's fetch, here).
      Connection: 'close',
    });
    const line = (value: unknown) => response.write(JSON.stringify(value) + '\n');
    // The answer has begun: a failure from here on can only be said as the stream's result.
    const result = await target
      .add({ path: temp, fileName }, (progress) => line({ progress }))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({
          ok: false as const,
          error: (error as Error)?.message ?? String(error),
        }),
      );
    await removeTemp();
    line({ result });
    response.end();
  } finally {
    await removeTemp();
  }
}
