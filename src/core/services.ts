/**
 * The main-process services behind the contract, with no Electron in sight:
 * Electron's IPC and the browser-mode HTTP bridge both call these handlers.
 * Every payload is `unknown` until a schema says otherwise.
 */
import { z } from 'zod';
import type { MethodName, ReaderCalls, ReaderHandlers, Result } from '../shared/api';
import type { ReportDocument } from '../shared/document';
import { MENU_SECTIONS } from '../shared/menu-commands';
import { MAX_QUERY_LENGTH } from '../shared/search';
import { SettingsPatchSchema } from '../shared/settings-schema';
import { AnnotationSchema, BookmarkSchema, REQUESTS } from './annotations/schema';
import { openUserData, REPORT_KEY } from './annotations/user-data-file';
import { createUserDataService } from './annotations/user-data-service';
import { SearchEngine } from './search/engine';
import { SettingsStore } from './storage/settings-store';
import { LOST_MESSAGE, type FolderAccess } from '../services/storage/folder-access';

// Validation messages reach the reader (in notices): say them in Chinese.
z.config(z.locales.zhCN());

const NoPayload = z.union([z.undefined(), z.null()]);

/** The request schema of every method: a new method cannot be added without one. */
export const REQUEST_SCHEMAS: Record<MethodName, z.ZodType> = {
  getDocument: NoPayload,
  getSettings: NoPayload,
  updateSettings: SettingsPatchSchema,
  getNotices: NoPayload,
  search: z.strictObject({
    query: z.string().max(MAX_QUERY_LENGTH),
    order: z.enum(['relevance', 'document']).optional(),
    matchLimit: z.number().int().min(0).optional(),
  }),
  searchMatches: z.strictObject({
    query: z.string().max(MAX_QUERY_LENGTH),
    // The report has fewer blocks than this; a corpus a hundred times larger asks in pages.
    blocks: z.array(z.string().max(64)).max(10_000),
  }),
  getSearchIndex: NoPayload,
  getUserData: NoPayload,
  createAnnotation: REQUESTS.createAnnotation,
  updateAnnotation: REQUESTS.updateAnnotation,
  deleteAnnotation: REQUESTS.byId,
  restoreAnnotation: AnnotationSchema,
  createBookmark: REQUESTS.createBookmark,
  updateBookmark: REQUESTS.updateBookmark,
  deleteBookmark: REQUESTS.byId,
  restoreBookmark: BookmarkSchema,
  saveTerm: REQUESTS.saveTerm,
  deleteTerm: REQUESTS.byId,
  exportAnnotations: REQUESTS.exportAnnotations,
  exportQuarantine: NoPayload,
  importAnnotations: REQUESTS.importAnnotations,
  setMenuCommands: z
    .array(
      z.strictObject({
        id: z
          .string()
          .regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9-]+)*$/, 'not a command id')
          .max(64),
        label: z.string().min(1).max(40),
        section: z.enum(MENU_SECTIONS),
        submenu: z.string().min(1).max(20).optional(),
        group: z.string().min(1).max(20).optional(),
        shortcut: z
          .strictObject({
            key: z.string().min(1).max(12),
            mod: z.boolean().optional(),
            shift: z.boolean().optional(),
          })
          .optional(),
        enabled: z.boolean(),
        checked: z.boolean().optional(),
      }),
    )
    .max(200),
  printToPdf: NoPayload,
  importAnnotationsFile: NoPayload,
};

/**
 * Parses a payload with its method's schema and runs `run` on it, answering
 * `{ ok:false, error }` for a bad payload or a thrown error. Every handler,
 * here and in main, goes through this.
 */
export function validate<M extends MethodName>(
  method: M,
  payload: unknown,
  run: (
    request: ReaderCalls[M]['request'],
  ) => Promise<ReaderCalls[M]['response']> | ReaderCalls[M]['response'],
): Promise<Result<ReaderCalls[M]['response']>> {
  const parsed = REQUEST_SCHEMAS[method].safeParse(payload);
  if (!parsed.success) {
    const error = `${method} 的参数无效：${describeIssues(parsed.error)}`;
    return Promise.resolve({ ok: false, error });
  }
  // The schema for M is the runtime form of ReaderCalls[M]['request'].
  return answer(() => run(parsed.data as ReaderCalls[M]['request']));
}

export interface ServiceOptions {
  dataDir: string;
  document: ReportDocument;
  /** The serialized lunr index, read only when the first search arrives. */
  loadSearchIndex: () => Promise<string>;
  /** Names the reader's data file for this report; the bundled report's by default. */
  reportKey?: string;
  /**
   * Whether this process may write the data folder: the shells open it with
   * openDataFolder (the folder lock) first. Writable without a lock when absent (unit tests).
   */
  access?: FolderAccess;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
    .join('; ');
}

async function answer<T>(run: () => Promise<T> | T): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export interface ReaderServices {
  handlers: ReaderHandlers;
  /** Resolves once every write already asked for is on disk. */
  flush(): Promise<void>;
}

export async function createReaderServices(options: ServiceOptions): Promise<ReaderServices> {
  const { access } = options;
  const settings = await SettingsStore.open(options.dataDir, access);
  const userDataFile = await openUserData(options.dataDir, options.reportKey ?? REPORT_KEY, access);
  const userData = createUserDataService({
    document: options.document,
    file: userDataFile,
    reportKey: options.reportKey ?? REPORT_KEY,
    colorNames: () => settings.get().colorNames,
  });
  // Loading the index costs tens of ms: keep it off the start-up path. A
  // failed load is forgotten, so the next search tries again. The text is
  // kept, so the renderer's copy (getSearchIndex) is the very index main searches.
  let indexText: Promise<string> | undefined;
  const searchIndex = () =>
    (indexText ??= options.loadSearchIndex().catch((error: unknown) => {
      indexText = undefined;
      throw error;
    }));
  let engine: Promise<SearchEngine> | undefined;
  const searchEngine = () =>
    (engine ??= searchIndex()
      .then((index) => SearchEngine.load(index, options.document.blocks))
      .catch((error: unknown) => {
        engine = undefined;
        throw error;
      }));
  // Kept for the whole run, not handed out once: a window that failed to start,
  // or a second browser tab, must still be told.
  // Why this window is read-only comes first: it explains the rest.
  const notices = [
    ...(access?.readOnlyReason ? [access.readOnlyReason] : []),
    ...settings.notices,
    ...userDataFile.notices,
  ];
  access?.onLost(() => notices.unshift(LOST_MESSAGE));

  const handlers: ReaderHandlers = {
    // Browser mode has no application menu, prints with the browser's own
    // dialog and picks files with an <input>; Electron's main replaces these
    // three with its own (src/main/index.ts, shellCalls).
    setMenuCommands: (payload) => validate('setMenuCommands', payload, () => undefined),
    printToPdf: (payload) =>
      validate('printToPdf', payload, () => {
        throw new Error('浏览器模式下请用打印对话框中的“另存为 PDF”');
      }),
    importAnnotationsFile: (payload) =>
      validate('importAnnotationsFile', payload, () => {
        throw new Error('浏览器模式下请在批注面板中点“导入…”选择文件');
      }),
    getDocument: (payload) => validate('getDocument', payload, () => options.document),
    getSettings: (payload) => validate('getSettings', payload, () => settings.get()),
    updateSettings: (payload) =>
      validate('updateSettings', payload, (patch) => settings.update(patch)),
    getNotices: (payload) => validate('getNotices', payload, () => [...notices]),
    search: (payload) =>
      validate('search', payload, async ({ query, order, matchLimit }) =>
        (await searchEngine()).search(query, { order, matchLimit }),
      ),
    searchMatches: (payload) =>
      validate('searchMatches', payload, async ({ query, blocks }) =>
        (await searchEngine()).matchesIn(query, blocks),
      ),
    getSearchIndex: (payload) => validate('getSearchIndex', payload, () => searchIndex()),
    getUserData: (payload) => validate('getUserData', payload, () => userData.view()),
    createAnnotation: (payload) =>
      validate('createAnnotation', payload, (request) => userData.createAnnotation(request)),
    updateAnnotation: (payload) =>
      validate('updateAnnotation', payload, (request) => userData.updateAnnotation(request)),
    deleteAnnotation: (payload) =>
      validate('deleteAnnotation', payload, (request) => userData.deleteAnnotation(request)),
    restoreAnnotation: (payload) =>
      validate('restoreAnnotation', payload, (request) => userData.restoreAnnotation(request)),
    createBookmark: (payload) =>
      validate('createBookmark', payload, (request) => userData.createBookmark(request)),
    updateBookmark: (payload) =>
      validate('updateBookmark', payload, (request) => userData.updateBookmark(request)),
    deleteBookmark: (payload) =>
      validate('deleteBookmark', payload, (request) => userData.deleteBookmark(request)),
    restoreBookmark: (payload) =>
      validate('restoreBookmark', payload, (request) => userData.restoreBookmark(request)),
    saveTerm: (payload) => validate('saveTerm', payload, (request) => userData.saveTerm(request)),
    deleteTerm: (payload) =>
      validate('deleteTerm', payload, (request) => userData.deleteTerm(request)),
    exportAnnotations: (payload) =>
      validate('exportAnnotations', payload, (request) => userData.exportAnnotations(request)),
    exportQuarantine: (payload) =>
      validate('exportQuarantine', payload, () => userData.exportQuarantine()),
    importAnnotations: (payload) =>
      validate('importAnnotations', payload, (request) => userData.importAnnotations(request)),
  };
  return {
    handlers,
    flush: async () => {
      await Promise.all([settings.flush(), userDataFile.flush()]);
    },
  };
}
