/**
 * The one contract between the renderer and the main process. Every call is
 * named here; the Electron preload, the IPC handlers and the browser-mode HTTP
 * bridge are all derived from this map, so a call cannot exist in one and not
 * the others.
 */
import type { ReportDocument } from './document';
import type { SearchRequest, SearchResult } from './search';
import type { Settings, SettingsPatch } from './settings';
import type {
  Anchored,
  Annotation,
  Bookmark,
  HighlightColor,
  UserDataView,
  UserTerm,
} from './user-data';

/** A file for the reader to save: the renderer offers it as a download. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  /** Imported annotations whose words are not in this edition of the report. */
  orphans: number;
}

/** Positions are in the document text (doc-text.ts): block texts joined by a newline. */
export interface NewAnnotation {
  start: number;
  end: number;
  color: HighlightColor;
  note?: string;
  tags?: string[];
}

export interface AnnotationChange {
  id: string;
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

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
  /** Annotations and bookmarks anchored in this edition of the text, and the reader's terms. */
  getUserData: { request: void; response: UserDataView };
  createAnnotation: { request: NewAnnotation; response: Anchored<Annotation> };
  updateAnnotation: { request: AnnotationChange; response: Anchored<Annotation> };
  /** Answers the deleted annotation, so an undo can restore it whole. */
  deleteAnnotation: { request: { id: string }; response: Annotation };
  restoreAnnotation: { request: Annotation; response: Anchored<Annotation> };
  createBookmark: { request: { block: string; name?: string }; response: Anchored<Bookmark> };
  updateBookmark: { request: { id: string; name: string }; response: Anchored<Bookmark> };
  deleteBookmark: { request: { id: string }; response: Bookmark };
  restoreBookmark: { request: Bookmark; response: Anchored<Bookmark> };
  /** Creates a term when there is no id, else changes it. */
  saveTerm: { request: { id?: string; term: string; definition: string }; response: UserTerm };
  deleteTerm: { request: { id: string }; response: UserTerm };
  exportAnnotations: { request: { format: 'md' | 'json' }; response: ExportedFile };
  /** A W3C Web Annotation collection (or a list, or Hypothesis's export), merged by id. */
  importAnnotations: { request: { content: string }; response: ImportReport };
}

export type MethodName = keyof ReaderCalls;

export const METHOD_NAMES = [
  'getDocument',
  'getSettings',
  'updateSettings',
  'getNotices',
  'search',
  'getUserData',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'createBookmark',
  'updateBookmark',
  'deleteBookmark',
  'restoreBookmark',
  'saveTerm',
  'deleteTerm',
  'exportAnnotations',
  'importAnnotations',
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
  'getUserData',
  'exportAnnotations',
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
