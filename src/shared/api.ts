/**
 * The one contract between the renderer and the main process. Every call is
 * named here; the Electron preload, the IPC handlers and the browser-mode HTTP
 * bridge are all derived from this map, so a call cannot exist in one and not
 * the others.
 */
import type { ReportDocument } from './document';
import type { MenuCommand } from './menu-commands';
import type {
  SearchMatchesRequest,
  SearchMatchesResult,
  SearchRequest,
  SearchResult,
} from './search';
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
  /** The match ranges a `search` answer left out (hits past its `matchLimit`). */
  searchMatches: { request: SearchMatchesRequest; response: SearchMatchesResult };
  /**
   * The serialized search index main loaded, for the renderer's own copy of
   * the engine: with it, a keystroke's search needs no round trip.
   */
  getSearchIndex: { request: void; response: string };
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
  /** The records set aside because they failed validation, as a JSON file to keep or mend. */
  exportQuarantine: { request: void; response: ExportedFile };
  /** A W3C Web Annotation collection (or a list, or Hypothesis's export), merged by id. */
  importAnnotations: { request: { content: string }; response: ImportReport };
  /** The commands the application menu shows, with their state now (desktop only). */
  setMenuCommands: { request: MenuCommand[]; response: void };
  /** Asks for a file in the system's open dialog, then imports it (desktop only); null when cancelled. */
  importAnnotationsFile: { request: void; response: ImportReport | null };
  /** Asks where to save, then saves the page as PDF (desktop only). */
  printToPdf: { request: void; response: PdfSaved };
}

/** `path` is null when the reader cancelled the save dialog. */
export interface PdfSaved {
  path: string | null;
}

export type MethodName = keyof ReaderCalls;

export const METHOD_NAMES = [
  'getDocument',
  'getSettings',
  'updateSettings',
  'getNotices',
  'search',
  'searchMatches',
  'getSearchIndex',
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
  'exportQuarantine',
  'importAnnotations',
  'setMenuCommands',
  'printToPdf',
  'importAnnotationsFile',
] as const satisfies readonly MethodName[];

// Compile-time proof that METHOD_NAMES lists every method of ReaderCalls.
type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
const everyMethodListed: Missing extends never ? true : never = true;
void everyMethodListed;

/**
 * Main → renderer: message name → payload. The other direction of the
 * contract; each message is subscribed to by a named method (`command` →
 * `onCommand`), never through a raw channel.
 */
export interface MainMessages {
  /** A menu item was chosen: run the command with this id. */
  command: { id: string };
}

export type MessageName = keyof MainMessages;

export const MESSAGE_NAMES = ['command'] as const satisfies readonly MessageName[];

type MissingMessage = Exclude<MessageName, (typeof MESSAGE_NAMES)[number]>;
const everyMessageListed: MissingMessage extends never ? true : never = true;
void everyMessageListed;

/** `command` → `onCommand`. */
export type SubscriberName<K extends MessageName> = `on${Capitalize<K>}`;

export const subscriberName = <K extends MessageName>(message: K): SubscriberName<K> =>
  `on${message[0].toUpperCase()}${message.slice(1)}` as SubscriberName<K>;

export const messageChannel = (message: MessageName): string => `reader-message:${message}`;

/**
 * Checks a message from main before the page sees it, and copies out only
 * the named fields: a subscriber receives plain data and nothing else.
 */
export const MESSAGE_GUARDS: { [K in MessageName]: (value: unknown) => MainMessages[K] | null } = {
  command: (value) => {
    const id = (value as { id?: unknown } | null)?.id;
    return typeof id === 'string' && id.length > 0 && id.length <= 64 ? { id } : null;
  },
};

type ReaderMethods = {
  [K in MethodName]: ReaderCalls[K]['request'] extends void
    ? () => Promise<Result<ReaderCalls[K]['response']>>
    : (request: ReaderCalls[K]['request']) => Promise<Result<ReaderCalls[K]['response']>>;
};

type ReaderSubscribers = {
  [K in MessageName as SubscriberName<K>]: (
    listener: (message: MainMessages[K]) => void,
  ) => () => void;
};

/** What the renderer holds: `window.readerApi` in Electron, an HTTP client in browser mode. */
export type ReaderApi = ReaderMethods & ReaderSubscribers;

/** Every name on a ReaderApi: the methods, then the subscribers. */
export const API_NAMES: readonly string[] = [
  ...METHOD_NAMES,
  ...MESSAGE_NAMES.map((message) => subscriberName(message)),
];

/** What main and the bridge hold: every payload arrives as `unknown` and is validated. */
export type ReaderHandlers = {
  [K in MethodName]: (payload: unknown) => Promise<Result<ReaderCalls[K]['response']>>;
};

/**
 * Calls that only read. The others change state and must reach main in the
 * order they were made: IPC keeps order by itself, HTTP over several
 * connections does not. Only these may use browser mode's WebSocket.
 */
export const QUERY_METHODS: ReadonlySet<MethodName> = new Set([
  'getDocument',
  'getSettings',
  'getNotices',
  'search',
  'searchMatches',
  'getSearchIndex',
  'getUserData',
  'exportAnnotations',
  'exportQuarantine',
]);

export const ipcChannel = (method: MethodName): string => `reader:${method}`;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

/**
 * Builds a ReaderApi from one transport function for calls and one for
 * messages. The preload (IPC) and the browser-mode client (HTTP) both use it,
 * so both expose exactly the named methods and subscribers and nothing else.
 * A message reaches a listener only if its guard accepts it, as the guard's copy.
 */
export function buildReaderApi(
  call: (method: MethodName, payload: unknown) => Promise<Result<unknown>>,
  subscribe: (message: MessageName, deliver: (payload: unknown) => void) => () => void = () => () =>
    undefined,
): ReaderApi {
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    api[method] = (payload?: unknown) => call(method, payload);
  }
  for (const message of MESSAGE_NAMES) {
    api[subscriberName(message)] = (listener: unknown) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const unsubscribe = subscribe(message, (payload) => {
        const checked = MESSAGE_GUARDS[message](payload);
        if (checked !== null) listener(checked);
      });
      // Only a plain function goes back to the page, never the transport's own handle.
      return () => unsubscribe();
    };
  }
  return Object.freeze(api) as unknown as ReaderApi;
}
