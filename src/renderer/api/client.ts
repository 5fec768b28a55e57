/**
 * The renderer's handle on the contract: Electron's preload puts it on
 * `window.readerApi`; in browser mode the same methods go over HTTP.
 */
import { buildReaderApi, type ReaderApi, type Result } from '../../shared/api';

declare global {
  interface Window {
    readerApi?: ReaderApi;
  }
}

function httpApi(): ReaderApi {
  return buildReaderApi(async (method, payload): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload ?? null),
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return { ok: false, error: `无法连接阅读器服务：${(error as Error).message}` };
    }
  });
}

export function createApi(): ReaderApi {
  // Checked by shape: an element with a matching id would also appear on window.
  return typeof window.readerApi?.getDocument === 'function' ? window.readerApi : httpApi();
}

/** Unwraps a Result, turning a refusal into an exception for React to show. */
export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}
