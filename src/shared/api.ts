/**
 * The one contract between the renderer and the main process. Every call is
 * named here; the Electron preload, the IPC handlers and the browser-mode HTTP
 * bridge are all derived from this map, so a call cannot exist in one and not
 * the others.
 */
import type { ReportDocument } from './document';
import type { SearchRequest, SearchResult } from './search';
import type { Settings, SettingsPatch } from './settings';

/** Handlers never throw across the boundary; they answer with this. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Renderer → main: method name → request payload and response value. */
export interface ReaderCalls {
  getDocument: { request: void; response: ReportDocument };
  getSettings: { request: void; response: Settings };
  updateSettings: { request: SettingsPatch; response: Settings };
  /** Things the user must be told about once, e.g. a corrupt file moved aside. */
  getNotices: { request: void; response: string[] };
  search: { request: SearchRequest; response: SearchResult };
}

export type MethodName = keyof ReaderCalls;

export const METHOD_NAMES = [
  'getDocument',
  'getSettings',
  'updateSettings',
  'getNotices',
  'search',
] as const satisfies readonly MethodName[];

// Compile-time proof that METHOD_NAMES lists every method of ReaderCalls.
type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
const everyMethodListed: Missing extends never ? true : never = true;
void everyMethodListed;

/** What the renderer holds: `window.readerApi` in Electron, an HTTP client in browser mode. */
export type ReaderApi = {
  [K in MethodName]: ReaderCalls[K]['request'] extends void
    ? () => Promise<Result<ReaderCalls[K]['response']>>
    : (request: ReaderCalls[K]['request']) => Promise<Result<ReaderCalls[K]['response']>>;
};

/** What main and the bridge hold: every payload arrives as `unknown` and is validated. */
export type ReaderHandlers = {
  [K in MethodName]: (payload: unknown) => Promise<Result<ReaderCalls[K]['response']>>;
};

/**
 * Calls that only read. The others change state and must reach main in the
 * order they were made: IPC keeps order by itself, HTTP over several
 * connections does not.
 */
export const QUERY_METHODS: ReadonlySet<MethodName> = new Set([
  'getDocument',
  'getSettings',
  'getNotices',
  'search',
]);

export const ipcChannel = (method: MethodName): string => `reader:${method}`;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

/**
 * Builds a ReaderApi from one transport function. The preload (IPC) and the
 * browser-mode client (HTTP) both use it, so both expose exactly the named
 * methods and nothing else.
 */
export function buildReaderApi(
  call: (method: MethodName, payload: unknown) => Promise<Result<unknown>>,
): ReaderApi {
  const api: Record<string, (payload?: unknown) => Promise<Result<unknown>>> = {};
  for (const method of METHOD_NAMES) {
    api[method] = (payload?: unknown) => call(method, payload);
  }
  return Object.freeze(api) as unknown as ReaderApi;
}
