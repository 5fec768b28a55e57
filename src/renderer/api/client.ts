/**
 * The renderer's handle on the contract: Electron's preload puts it on
 * `window.readerApi`; in browser mode the same methods go over HTTP, and
 * queries over the bridge's WebSocket while it is open.
 */
import {
  buildReaderApi,
  QUERY_METHODS,
  type MessageName,
  type MethodName,
  type ReaderApi,
  type Result,
} from '../../shared/api';
import { uploadReport } from './upload';
import { SOCKET_PATH } from '../../shared/socket-protocol';
import { socketChannel } from './socket-channel';
import { whenIdle } from '../ui/idle';

declare global {
  interface Window {
    readerApi?: ReaderApi;
  }
}

/**
 * A call the bridge never answered (its server stopped, the connection
 * dropped): the browser's own reason is English ("Failed to fetch") and
 * says nothing a reader can act on.
 */
export const UNREACHABLE = '无法连接阅读器服务，请确认它仍在运行（npm run serve）后再试一次。';

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
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}

function socketUrl(): string {
  const url = new URL(SOCKET_PATH, location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** Main's messages as browser mode gets them: only from the answers of its own calls. */
function localMessages() {
  const listeners = new Map<MessageName, Set<(payload: unknown) => void>>();
  return {
    deliver(message: MessageName, payload: unknown) {
      for (const listener of listeners.get(message) ?? []) listener(payload);
    },
    subscribe(message: MessageName, deliver: (payload: unknown) => void) {
      const set = listeners.get(message) ?? new Set();
      listeners.set(message, set);
      set.add(deliver);
      return () => void set.delete(deliver);
    },
  };
}

function httpApi(): ReaderApi {
  const messages = localMessages();
  const query = socketChannel({
    url: socketUrl(),
    fallback: post,
    // Not while the page loads: the handshake would compete with the startup
    // calls (they go by POST, from early-calls.js). A search made before
    // the page is idle opens it itself.
    deferOpen: (open) => void whenIdle(open, 2000),
  });
  // Changes go one at a time, in the order made, as they do over IPC.
  let changes: Promise<unknown> = Promise.resolve();
  return buildReaderApi((method, payload) => {
    // The index is large and asked for once: by POST, so it never holds up a
    // search's answer behind it on the socket.
    if (method === 'getSearchIndex') return post(method, payload);
    // Queries only read: over the socket they skip a fetch round trip, may be
    // answered in any order, and are simply asked again by POST if it drops.
    if (QUERY_METHODS.has(method)) return query(method, payload);
    // Changes never use the socket. Each must reach the services once, after
    // the one before: a socket can drop between a send and its answer, and
    // then whether a change was applied is unknown and a retry might apply it
    // twice. And a save made as the page closes (the reading position) only
    // arrives as a keepalive fetch; a WebSocket goes down with the page.
    // Adding a file goes after the changes made before it, but holds up none
    // made after it: its upload and parse may take a minute, and a note made
    // meanwhile would wait behind it (and be lost if the tab closed). Main
    // takes one add at a time by itself.
    if (method === 'addReport') {
      return changes.then(() =>
        uploadReport(payload, (progress) => messages.deliver('addProgress', progress)),
      );
    }
    const result = changes.then(() => post(method, payload));
    changes = result;
    return result;
  }, messages.subscribe);
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
