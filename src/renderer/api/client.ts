/**
 * The renderer's handle on the contract: Electron's preload puts it on
 * `window.readerApi`; in browser mode the same methods go over HTTP.
 */
import {
  buildReaderApi,
  QUERY_METHODS,
  type MethodName,
  type ReaderApi,
  type Result,
} from '../../shared/api';

declare global {
  interface Window {
    readerApi?: ReaderApi;
  }
}

async function post(method: MethodName, payload: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload ?? null),
      // A save made as the page closes (the last reading position) still arrives;
      // queries don't need it.
      keepalive: !QUERY_METHODS.has(method),
    });
    return (await response.json()) as Result<unknown>;
  } catch (error) {
    return { ok: false, error: `无法连接阅读器服务：${(error as Error).message}` };
  }
}

function httpApi(): ReaderApi {
  // Changes go one at a time, in the order made, as they do over IPC.
  let changes: Promise<unknown> = Promise.resolve();
  return buildReaderApi((method, payload) => {
    if (QUERY_METHODS.has(method)) return post(method, payload);
    const result = changes.then(() => post(method, payload));
    changes = result;
    return result;
  });
}

/** True in the desktop app, whose preload put the contract on window. */
export function isDesktop(): boolean {
  // Checked by shape: an element with a matching id would also appear on window.
  return typeof window.readerApi?.getDocument === 'function';
}

export function createApi(): ReaderApi {
  // Browser mode has no menu, so nothing is ever sent to onCommand: the
  // default subscriber of buildReaderApi listens to nothing.
  return isDesktop() ? window.readerApi! : httpApi();
}

/** Unwraps a Result, turning a refusal into an exception for React to show. */
export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}
