/**
 * Browser mode's WebSocket to the bridge (src/server/socket-bridge.ts), for
 * query methods. A call goes over the socket when it is open and over the
 * fallback (POST) otherwise; a call the socket drops unanswered is asked
 * again over the fallback, which is safe because queries only read. Nothing
 * is lost and nothing is left waiting.
 */
import type { MethodName, Result } from '../../shared/api';
import type { SocketAnswer, SocketCall } from '../../shared/socket-protocol';

export type Send = (method: MethodName, payload: unknown) => Promise<Result<unknown>>;

export interface SocketChannelOptions {
  url: string;
  /** The same call by another route: while the socket is not open, and for calls it dropped. */
  fallback: Send;
  /** Opens the socket; tests pass a fake. */
  connect?: (url: string) => WebSocket;
  /** Milliseconds, for the reconnect back-off. */
  now?: () => number;
  /**
   * When to open the socket first: given the opener, calls it later (the app
   * waits until the page is idle). Default: at once. A query made before
   * then goes by the fallback and opens the socket itself.
   */
  deferOpen?: (open: () => void) => void;
}

/** WebSocket.OPEN, named here so the channel also runs where there is no WebSocket global. */
const OPEN = 1;
/** After a lost or failed socket, the next try waits this long, doubling up to the last. */
const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;

interface Pending {
  method: MethodName;
  payload: unknown;
  resolve: (result: Result<unknown> | Promise<Result<unknown>>) => void;
}

function isResult(value: unknown): value is Result<unknown> {
  const ok = (value as { ok?: unknown } | null)?.ok;
  return ok === true || (ok === false && typeof (value as { error?: unknown }).error === 'string');
}

/** Opens the socket (now, or when deferOpen says); reopens it lazily, on a later call, once the back-off allows. */
export function socketChannel(options: SocketChannelOptions): Send {
  const connect = options.connect ?? ((url: string) => new WebSocket(url));
  const now = options.now ?? (() => Date.now());
  const pending = new Map<number, Pending>();
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retryAt = 0;
  let retryDelay = FIRST_RETRY_MS;

  /** No new socket before retryAt; each failure in a row doubles the wait. */
  function backOff(): void {
    retryAt = now() + retryDelay;
    retryDelay = Math.min(retryDelay * 2, LAST_RETRY_MS);
  }

  function open(): void {
    let opened: WebSocket;
    try {
      opened = connect(options.url);
    } catch {
      return backOff();
    }
    socket = opened;
    opened.onopen = () => {
      retryDelay = FIRST_RETRY_MS;
    };
    opened.onmessage = (event: MessageEvent) => {
      if (socket === opened) settle(event.data);
    };
    opened.onclose = () => lost(opened);
    opened.onerror = () => lost(opened);
  }

  /** Closed or failed (a browser reports both): every call still waiting goes by the fallback. */
  function lost(which: WebSocket): void {
    if (socket !== which) return;
    socket = null;
    which.close();
    backOff();
    const dropped = [...pending.values()];
    pending.clear();
    for (const call of dropped) call.resolve(options.fallback(call.method, call.payload));
  }

  function settle(data: unknown): void {
    let answer: Partial<Record<keyof SocketAnswer, unknown>> | null;
    try {
      answer = JSON.parse(String(data)) as typeof answer;
    } catch {
      return;
    }
    const id = answer?.id;
    const call = typeof id === 'number' ? pending.get(id) : undefined;
    // An id we are not waiting for (stale, or never ours) is ignored.
    if (!call) return;
    pending.delete(id as number);
    const result = answer?.result;
    call.resolve(isResult(result) ? result : options.fallback(call.method, call.payload));
  }

  if (options.deferOpen) {
    options.deferOpen(() => {
      // Not if a query has opened it already, nor while a lost one waits out its back-off.
      if (socket === null && retryAt === 0) open();
    });
  } else {
    open();
  }
  return (method, payload) => {
    if (socket?.readyState === OPEN) {
      const id = nextId++;
      try {
        socket.send(JSON.stringify({ id, method, payload } satisfies SocketCall));
      } catch {
        return options.fallback(method, payload);
      }
      return new Promise((resolve) => pending.set(id, { method, payload, resolve }));
    }
    if (socket === null && now() >= retryAt) open();
    return options.fallback(method, payload);
  };
}
