/**
 * The one contract between the renderer and the main process: every call is a
 * row of CONTRACT, defined there once. Everything else is read from the table:
 * ReaderCalls and the method list, the validation of each payload (which
 * arrives as `unknown`), the set of queries browser mode's WebSocket may carry,
 * the IPC handlers, the HTTP bridge, the preload and the client. So a call
 * cannot exist in one of them and not the others.
 */
import type { z } from 'zod';
import type { ReportDocument } from './document';
import type { EditionComparison } from './editions';
import type { YearFigures } from './figures';
import type * as Schemas from './request-schemas';
import type { AddedReport, AddProgress, LibraryReport, LibraryView, OpenedReport } from './library';
import type { LibrarySearchResult, ReportHits, SearchMatchesResult, SearchResult } from './search';
import type { Settings } from './settings';
import type { Anchored, Annotation, Bookmark, UserDataView, UserTerm } from './user-data';

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
  /** The report the file's notes were made on, when it is another one (its name). */
  from?: string;
}

/** Handlers never throw across the boundary; they answer with this. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** `path` is null when the reader cancelled the save dialog. */
export interface PdfSaved {
  path: string | null;
}

declare const ANSWER: unique symbol;
/** A row's answer type: carried by the table, with no value at run time. */
export interface Answer<T> {
  readonly [ANSWER]?: T;
}
const answers = <T>(): Answer<T> => ({});

/** One call of the contract. */
interface CallSpec {
  /**
   * `query` only reads, so browser mode may send it over its WebSocket and
   * answer in any order; a `change` must reach main in the order it was made
   * (IPC keeps order by itself, HTTP over several connections does not).
   */
  kind: 'query' | 'change';
  /**
   * The request's schema, picked from request-schemas.ts, which this module
   * knows by type only: the renderer and the preload build their API from
   * this table and ship no zod. A call without one takes no payload.
   */
  request?: (schemas: typeof Schemas) => z.ZodType;
  response: Answer<unknown>;
  /**
   * Only the Electron shell can answer it (a window, the menu or a dialog is
   * needed): main handles it, and the browser-mode bridge answers with a
   * message of its own. The services never see it.
   */
  desktopOnly?: true;
  /**
   * The call is about one report: its request names it (`report`), and the
   * renderer's features call it through reportApi(), which adds the id of the
   * report they belong to.
   */
  scope?: 'report';
}

/** Renderer → main: every call, its request, its answer, and what kind of call it is. */
export const CONTRACT = {
  /** The report's text, structured: what the page draws. */
  getDocument: {
    kind: 'query',
    scope: 'report',
    request: (s) => s.IN_REPORT.only,
    response: answers<ReportDocument>(),
  },
  getSettings: { kind: 'query', response: answers<Settings>() },
  updateSettings: {
    kind: 'change',
    request: (s) => s.SettingsPatchSchema,
    response: answers<Settings>(),
  },
  /** Things the user must be told about once, e.g. a corrupt file moved aside. */
  getNotices: { kind: 'query', response: answers<string[]>() },
  search: {
    kind: 'query',
    scope: 'report',
    request: (s) => s.IN_REPORT.search,
    response: answers<SearchResult>(),
  },
  /** The match ranges a `search` answer left out (hits past its `matchLimit`). */
  searchMatches: {
    kind: 'query',
    scope: 'report',
    request: (s) => s.IN_REPORT.searchMatches,
    response: answers<SearchMatchesResult>(),
  },
  /**
   * The serialized search index main loaded, for the renderer's own copy of
   * the engine: with it, a keystroke's search needs no round trip.
   */
  getSearchIndex: {
    kind: 'query',
    scope: 'report',
    request: (s) => s.IN_REPORT.only,
    response: answers<string>(),
  },
  /**
   * The report's figures of one year each (core/figures/year-figures.ts): the
   * results its review gives for the year before it, and the targets it sets
   * for its own year. 目标兑现 asks it of the same place's report of the year
   * before or after the one on screen, which the page has not loaded.
   */
  getYearFigures: {
    kind: 'query',
    scope: 'report',
    request: (s) => s.IN_REPORT.only,
    response: answers<YearFigures>(),
  },
  /** Annotations and bookmarks anchored in this edition of the text, and the reader's terms. */
  getUserData: {
    kind: 'query',
    scope: 'report',
    request: (s) => s.IN_REPORT.only,
    response: answers<UserDataView>(),
  },
  /** Positions are in the document text (doc-text.ts): block texts joined by a newline. */
  createAnnotation: {
    kind: 'change',
    scope: 'report',
    request: (s) => s.IN_REPORT.createAnnotation,
    response: answers<Anchored<Annotation>>(),
  },
  updateAnnotation: {
    kind: 'change',
    scope: 'report',
    request: (s) => s.IN_REPORT.updateAnnotation,
    response: answers<Anchored<Annotation>>(),
  },
  /** Answers the deleted annotation, so an undo can restore it whole. */
  deleteAnnotation: {
    kind: 'change',
    scope: 'report',
    request: (s) => s.IN_REPORT.byId,
    response: answers<Annotation>(),
  },
  restoreAnnotation: {
    kind: 'change',
    scope: 'report',
    request: (s) => s.IN_REPORT.restoreAnnotation,
    response: answers<Anchored<Annotation>>(),
  },
  createBookmark: {
    kind: 'change',
    scope: 'report',
    request: (s) => s.IN_REPORT.createBookmark,
    response: answers<Anchored<Bookmark>>(),
  },
  updateBookmark: {
    kind: 'change',
    scope: 'report',
    request: (s) => s.IN_REPORT.updateBookmark,
    response: answers<Anchored<Bookmark>>(),
  },
  deleteBookmark: {
    kind: 'change',
    scope: 'report',
    request: (s) => s.IN_REPORT.byId,
    response: answers<Bookmark>(),
  },
  restoreBookmark: {
    kind: 'change',
    scope: 'report',
    request: (s) => s.IN_REPORT.restoreBookmark,
    response: answers<Anchored<Bookmark>>(),
  },
  /** Creates a term when there is no id, else changes it. */
  saveTerm: {
    kind: 'change',
    scope: 'report',
    request: (s) => s.IN_REPORT.saveTerm,
    response: answers<UserTerm>(),
  },
  deleteTerm: {
    kind: 'change',
    scope: 'report',
    request: (s) => s.IN_REPORT.byId,
    response: answers<UserTerm>(),
  },
  /** Only reads the notes, so it is a query: the file is made fresh each time. */
  exportAnnotations: {
    kind: 'query',
    scope: 'report',
    request: (s) => s.IN_REPORT.exportAnnotations,
    response: answers<ExportedFile>(),
  },
  /** The records set aside because they failed validation, as a JSON file to keep or mend. */
  exportQuarantine: {
    kind: 'query',
    scope: 'report',
    request: (s) => s.IN_REPORT.only,
    response: answers<ExportedFile>(),
  },
  /** A W3C Web Annotation collection (or a list, or Hypothesis's export), merged by id. */
  importAnnotations: {
    kind: 'change',
    scope: 'report',
    request: (s) => s.IN_REPORT.importAnnotations,
    response: answers<ImportReport>(),
  },
  /** Where the reader is in the report and which 目录 entries are folded; either may be left out. */
  saveReportView: {
    kind: 'change',
    scope: 'report',
    request: (s) => s.LIBRARY_REQUESTS.saveReportView,
    response: answers<void>(),
  },
  /** Every report on the shelf, the removed ones, and the one to open at start. */
  getLibrary: { kind: 'query', response: answers<LibraryView>() },
  /**
   * Adds a file (its bytes and name) to the library: parsed off main's
   * thread, kept as the app's own copy. Progress comes as `addProgress`
   * messages. The same report already there is answered with `added: false`.
   * Browser mode carries the bytes in a binary POST (src/server/report-upload.ts).
   */
  addReport: {
    kind: 'change',
    request: (s) => s.LIBRARY_REQUESTS.addReport,
    response: answers<AddedReport>(),
  },
  /**
   * The reader's answer to an `offer` of addReport or addReportFile (the file
   * is another edition of a report on the shelf): adds the file main holds as
   * the report's new current edition, or as a report of its own; `cancel`
   * lets it go. Null after a cancel.
   */
  answerEditionOffer: {
    kind: 'change',
    request: (s) => s.LIBRARY_REQUESTS.answerEditionOffer,
    response: answers<AddedReport | null>(),
  },
  /**
   * 修订对照: what changed from the report's edition `against` to the edition
   * on screen, the changes that touch the reader's notes first. Compared off
   * main's thread.
   */
  compareEditions: {
    kind: 'query',
    scope: 'report',
    request: (s) => s.LIBRARY_REQUESTS.compareEditions,
    response: answers<EditionComparison>(),
  },
  /** Marks a report as opened now, and answers what its files' reading had to say. */
  openReport: {
    kind: 'change',
    request: (s) => s.LIBRARY_REQUESTS.byReport,
    response: answers<OpenedReport>(),
  },
  renameReport: {
    kind: 'change',
    request: (s) => s.LIBRARY_REQUESTS.renameReport,
    response: answers<LibraryReport>(),
  },
  /** Takes a report off the shelf into 已移除: its copy and its notes are kept, never deleted. */
  removeReport: {
    kind: 'change',
    request: (s) => s.LIBRARY_REQUESTS.byReport,
    response: answers<LibraryReport>(),
  },
  /** Puts a removed report back on the shelf, with its notes (the undo of a removal). */
  restoreReport: {
    kind: 'change',
    request: (s) => s.LIBRARY_REQUESTS.byReport,
    response: answers<LibraryReport>(),
  },
  /** Searches every report on the shelf, with the same exactness as one report's search. */
  searchLibrary: {
    kind: 'query',
    request: (s) => s.LibrarySearchRequestSchema,
    response: answers<LibrarySearchResult>(),
  },
  /**
   * One report's hits for a search of every report, with their places and
   * snippets: those of a report past searchLibrary's first page. Null when
   * the report has no hit (or is not on the shelf) now.
   */
  searchLibraryReport: {
    kind: 'query',
    request: (s) => s.LibraryReportSearchRequestSchema,
    response: answers<ReportHits | null>(),
  },
  /** The commands the application menu shows, with their state now. */
  setMenuCommands: {
    kind: 'change',
    desktopOnly: true,
    request: (s) => s.MenuCommandsSchema,
    response: answers<void>(),
  },
  /** Asks where to save, then saves the page as PDF. */
  printToPdf: {
    kind: 'change',
    scope: 'report',
    desktopOnly: true,
    // The report: the save dialog offers a name made from its entry on the 书架.
    request: (s) => s.IN_REPORT.only,
    response: answers<PdfSaved>(),
  },
  /** Asks for a file in the system's open dialog, then imports it; null when cancelled. */
  importAnnotationsFile: {
    kind: 'change',
    scope: 'report',
    desktopOnly: true,
    request: (s) => s.IN_REPORT.only,
    response: answers<ImportReport | null>(),
  },
  /** Asks for a report file in the system's open dialog, then adds it; null when cancelled. */
  addReportFile: { kind: 'change', desktopOnly: true, response: answers<AddedReport | null>() },
} as const satisfies Record<string, CallSpec>;

type Contract = typeof CONTRACT;
export type MethodName = keyof Contract;

/** What the handler receives: the output of the row's schema, or nothing. */
type RequestOf<M extends MethodName> = Contract[M] extends {
  request: (schemas: never) => infer S extends z.ZodType;
}
  ? z.output<S>
  : void;
type ResponseOf<M extends MethodName> = Contract[M]['response'] extends Answer<infer T> ? T : never;

/** Renderer → main: method name → request payload and response value. */
export type ReaderCalls = { [M in MethodName]: { request: RequestOf<M>; response: ResponseOf<M> } };

type MethodsWhere<Row> = { [M in MethodName]: Contract[M] extends Row ? M : never }[MethodName];
/** Calls that only read: the only ones browser mode's WebSocket may carry. */
export type QueryMethod = MethodsWhere<{ kind: 'query' }>;
/** Calls only the Electron shell answers (and the bridge refuses with its own message). */
export type DesktopOnlyMethod = MethodsWhere<{ desktopOnly: true }>;
/** Calls the services answer, in the desktop app and in browser mode alike. */
export type ServiceMethod = Exclude<MethodName, DesktopOnlyMethod>;
/** Calls about one report: their request names it (see report-api.ts). */
export type ReportMethod = MethodsWhere<{ scope: 'report' }>;

export const METHOD_NAMES = Object.keys(CONTRACT) as readonly MethodName[];

export const QUERY_METHODS: ReadonlySet<MethodName> = new Set(
  METHOD_NAMES.filter((method) => CONTRACT[method].kind === 'query'),
);

export const REPORT_METHODS: readonly ReportMethod[] = METHOD_NAMES.filter(
  (method): method is ReportMethod => 'scope' in CONTRACT[method],
);

export function isDesktopOnly(method: MethodName): method is DesktopOnlyMethod {
  return 'desktopOnly' in CONTRACT[method];
}

export const ipcChannel = (method: MethodName): string => `reader:${method}`;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

/**
 * Main → renderer: message name → payload. The other direction of the
 * contract; each message is subscribed to by a named method (`command` →
 * `onCommand`), never through a raw channel.
 */
export interface MainMessages {
  /** A menu item was chosen: run the command with this id. */
  command: { id: string };
  /** How far adding a report file has come. */
  addProgress: AddProgress;
  /** A report was chosen in 文件 → 最近打开: show it. */
  openReport: { report: string };
}

export type MessageName = keyof MainMessages;

export const MESSAGE_NAMES = [
  'command',
  'addProgress',
  'openReport',
] as const satisfies readonly MessageName[];

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
  addProgress: (value) => {
    const { fileName, stage, done, total } = (value ?? {}) as Record<string, unknown>;
    const count = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
    if (typeof fileName !== 'string' || fileName.length > 255) return null;
    if (!ADD_STAGES.includes(stage as AddProgress['stage'])) return null;
    if (!count(done) || !count(total)) return null;
    return { fileName, stage: stage as AddProgress['stage'], done, total };
  },
  openReport: (value) => {
    const report = (value as { report?: unknown } | null)?.report;
    return typeof report === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(report)
      ? { report }
      : null;
  },
};

const ADD_STAGES: readonly AddProgress['stage'][] = [
  'read',
  'extract',
  'structure',
  'index',
  'done',
];

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

/**
 * What a shell knows about one call beyond its payload: where to send the
 * progress of a long one (the window that asked, or browser mode's response stream).
 */
export interface CallContext {
  progress?: (progress: AddProgress) => void;
}

/** A handler as main and the bridge hold it: the payload arrives as `unknown` and is validated. */
export type Handler<M extends MethodName> = (
  payload: unknown,
  context?: CallContext,
) => Promise<Result<ReaderCalls[M]['response']>>;

/** Every call's handler: what IPC and the bridge serve. */
export type ReaderHandlers = { [M in MethodName]: Handler<M> };

/** What the services answer: every call but the desktop shell's own. */
export type ServiceHandlers = { [M in ServiceMethod]: Handler<M> };

/** The desktop-only calls, as the browser-mode bridge answers them. */
export type DesktopOnlyHandlers = { [M in DesktopOnlyMethod]: Handler<M> };

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
