/**
 * Browser mode's way to hand main a report file: `POST /api/addReport` with
 * the file's own bytes as the body (`application/octet-stream`, at most the
 * library's limit) and its name, percent-encoded, in `X-File-Name`. No
 * base64 in JSON (a third larger, and the whole file held twice as text):
 * the bytes become the call's `{ fileName, bytes }` payload, validated by
 * the contract's schema like any other. The Host and Origin checks are the
 * bridge's, made before this runs.
 *
 * The answer is a stream of JSON lines, `{"progress":{…}}` while the file is
 * read, then `{"result":{ok…}}`: the page shows the parse's progress as the
 * desktop app does from its `addProgress` messages.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from '../shared/api';
import { MAX_FILE_NAME_LENGTH, MAX_REPORT_FILE_BYTES } from '../shared/library';
import { readBody, SECURITY_HEADERS, sendJson, tooLarge } from './http-answers';

export const UPLOAD_METHOD = 'addReport';
export const FILE_NAME_HEADER = 'x-file-name';

const tooLargeMessage = (limit: number) =>
  `文件超过 ${Math.round(limit / 1024 / 1024)} MB，报告阅读器不打开这么大的文件。`;

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

export async function receiveReport(
  request: IncomingMessage,
  response: ServerResponse,
  handler: Handler<'addReport'>,
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
  const body = await readBody(request, limit);
  if (body === null) return tooLarge(response, tooLargeMessage(limit));

  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  const line = (value: unknown) => response.write(JSON.stringify(value) + '\n');
  const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  // The answer has begun: a failure from here on can only be said as the stream's result.
  const result = await handler(
    { fileName, bytes },
    { progress: (progress) => line({ progress }) },
  ).catch((error: unknown) => ({ ok: false, error: (error as Error)?.message ?? String(error) }));
  line({ result });
  response.end();
}
