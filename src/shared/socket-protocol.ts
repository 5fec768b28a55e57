/**
 * Browser mode's WebSocket channel (src/server/socket-bridge.ts, and
 * src/renderer/api/socket-channel.ts): query methods only, so their answers
 * skip a fetch round trip. Changes stay on `POST /api/<method>`.
 */
import type { MethodName, Result } from './api';

/** The one path the bridge upgrades. */
export const SOCKET_PATH = '/api/socket';

/** Renderer → bridge, one JSON text message per call. */
export interface SocketCall {
  /** Chosen by the renderer, a safe integer; the answer carries it back. */
  id: number;
  method: MethodName;
  payload?: unknown;
}

/** Bridge → renderer: answers come in whatever order the handlers finish. */
export interface SocketAnswer {
  id: number;
  result: Result<unknown>;
}
