/**
 * The main-process services behind the contract, with no Electron in sight:
 * Electron's IPC and the browser-mode HTTP bridge both call these handlers.
 * Every payload is `unknown` until a schema says otherwise.
 */
import { z } from 'zod';
import type { MethodName, ReaderCalls, ReaderHandlers, Result } from '../shared/api';
import type { ReportDocument } from '../shared/document';
import { SettingsPatchSchema } from '../shared/settings-schema';
import { AnnotationSchema, BookmarkSchema, REQUESTS } from './annotations/schema';
import { openUserData, REPORT_KEY } from './annotations/user-data-file';
import { createUserDataService } from './annotations/user-data-service';
import { SearchEngine } from './search/engine';
import { SettingsStore } from './storage/settings-store';

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
    // Long enough for any phrase of the report; bounded so a paste of the whole text is refused.
    query: z.string().max(200),
    order: z.enum(['relevance', 'document']).optional(),
  }),
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
  importAnnotations: REQUESTS.importAnnotations,
};

export interface ServiceOptions {
  dataDir: string;
  document: ReportDocument;
  /** The serialized lunr index, read only when the first search arrives. */
  loadSearchIndex: () => Promise<string>;
  /** Names the reader's data file for this report; the bundled report's by default. */
  reportKey?: string;
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
  const settings = await SettingsStore.open(options.dataDir);
  const userDataFile = await openUserData(options.dataDir, options.reportKey ?? REPORT_KEY);
  const userData = createUserDataService({
    document: options.document,
    file: userDataFile,
    reportKey: options.reportKey ?? REPORT_KEY,
    colorNames: () => settings.get().colorNames,
  });
  // Loading the index costs tens of ms: keep it off the start-up path. A
  // failed load is forgotten, so the next search tries again.
  let engine: Promise<SearchEngine> | undefined;
  const searchEngine = () =>
    (engine ??= options
      .loadSearchIndex()
      .then((index) => SearchEngine.load(index, options.document.blocks))
      .catch((error: unknown) => {
        engine = undefined;
        throw error;
      }));
  // Kept for the whole run, not handed out once: a window that failed to start,
  // or a second browser tab, must still be told.
  const notices = [...settings.notices, ...userDataFile.notices];

  type Response<M extends MethodName> = ReaderCalls[M]['response'];
  function validated<M extends MethodName>(
    method: M,
    payload: unknown,
    run: (request: ReaderCalls[M]['request']) => Promise<Response<M>> | Response<M>,
  ): Promise<Result<Response<M>>> {
    const parsed = REQUEST_SCHEMAS[method].safeParse(payload);
    if (!parsed.success) {
      const error = `${method} 的参数无效：${describeIssues(parsed.error)}`;
      return Promise.resolve({ ok: false, error });
    }
    // The schema for M is the runtime form of ReaderCalls[M]['request'].
    return answer(() => run(parsed.data as ReaderCalls[M]['request']));
  }

  const handlers: ReaderHandlers = {
    getDocument: (payload) => validated('getDocument', payload, () => options.document),
    getSettings: (payload) => validated('getSettings', payload, () => settings.get()),
    updateSettings: (payload) =>
      validated('updateSettings', payload, (patch) => settings.update(patch)),
    getNotices: (payload) => validated('getNotices', payload, () => [...notices]),
    search: (payload) =>
      validated('search', payload, async ({ query, order }) =>
        (await searchEngine()).search(query, { order }),
      ),
    getUserData: (payload) => validated('getUserData', payload, () => userData.view()),
    createAnnotation: (payload) =>
      validated('createAnnotation', payload, (request) => userData.createAnnotation(request)),
    updateAnnotation: (payload) =>
      validated('updateAnnotation', payload, (request) => userData.updateAnnotation(request)),
    deleteAnnotation: (payload) =>
      validated('deleteAnnotation', payload, (request) => userData.deleteAnnotation(request)),
    restoreAnnotation: (payload) =>
      validated('restoreAnnotation', payload, (request) => userData.restoreAnnotation(request)),
    createBookmark: (payload) =>
      validated('createBookmark', payload, (request) => userData.createBookmark(request)),
    updateBookmark: (payload) =>
      validated('updateBookmark', payload, (request) => userData.updateBookmark(request)),
    deleteBookmark: (payload) =>
      validated('deleteBookmark', payload, (request) => userData.deleteBookmark(request)),
    restoreBookmark: (payload) =>
      validated('restoreBookmark', payload, (request) => userData.restoreBookmark(request)),
    saveTerm: (payload) => validated('saveTerm', payload, (request) => userData.saveTerm(request)),
    deleteTerm: (payload) =>
      validated('deleteTerm', payload, (request) => userData.deleteTerm(request)),
    exportAnnotations: (payload) =>
      validated('exportAnnotations', payload, (request) => userData.exportAnnotations(request)),
    importAnnotations: (payload) =>
      validated('importAnnotations', payload, (request) => userData.importAnnotations(request)),
  };
  return {
    handlers,
    flush: async () => {
      await Promise.all([settings.flush(), userDataFile.flush()]);
    },
  };
}
