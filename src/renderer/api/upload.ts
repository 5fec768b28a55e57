/**
 * Browser mode's addReport: the file's own bytes in one POST
 * (src/server/report-upload.ts), its name percent-encoded in a header, and
 * the answer read as it streams: a JSON line per step of the parse (handed
 * to `onProgress`, as the desktop app's `addProgress` messages are), then
 * the result.
 */
import type { Result } from '../../shared/api';

const UNREACHABLE = '无法连接阅读器服务，请确认它仍在运行（npm run serve）后重新打开这个文件。';
const DROPPED = '阅读器服务没有回答就断开了，请确认它仍在运行（npm run serve）后重新打开这个文件。';

export async function uploadReport(
  payload: unknown,
  onProgress: (progress: unknown) => void,
): Promise<Result<unknown>> {
  const { fileName, bytes } = (payload ?? {}) as { fileName?: unknown; bytes?: unknown };
  if (typeof fileName !== 'string' || !(bytes instanceof Uint8Array)) {
    return { ok: false, error: 'addReport 的参数无效：需要文件名和文件内容' };
  }
  try {
    const response = await fetch('/api/addReport', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        'X-File-Name': encodeURIComponent(fileName),
      },
      // The DOM's BodyInit types take only an ArrayBuffer-backed view; this one is.
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    if (!response.body || !/ndjson/.test(response.headers.get('Content-Type') ?? '')) {
      return (await response.json()) as Result<unknown>;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    let result: Result<unknown> | undefined;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += value;
      let end: number;
      while ((end = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, end)) as {
          progress?: unknown;
          result?: Result<unknown>;
        };
        buffered = buffered.slice(end + 1);
        if (line.progress !== undefined) onProgress(line.progress);
        if (line.result !== undefined) result = line.result;
      }
    }
    return result ?? { ok: false, error: DROPPED };
  } catch {
    // The browser's reason ('Failed to fetch') is English and says nothing a reader can act on.
    return { ok: false, error: UNREACHABLE };
  }
}
