/**
 * The main-process services behind the contract, with no Electron in sight:
 * Electron's IPC and the browser-mode HTTP bridge both call these handlers.
 * Every payload is `unknown` until a schema says otherwise. The desktop-only
 * calls are not here: main answers them (src/main/shell-calls.ts), and the
 * bridge answers them for browser mode (src/server/browser-answers.ts).
 */
import type { ServiceHandlers } from '../shared/api';
import type { ReportDocument } from '../shared/document';
import { SearchEngine } from '../core/search/engine';
import { SettingsStore } from './storage/settings-store';
import { openUserData, REPORT_KEY } from './user-data/user-data-file';
import { createUserDataService } from './user-data/user-data-service';
import { validate } from './validate';
import { LOST_MESSAGE, type FolderAccess } from './storage/folder-access';

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

export interface ReaderServices {
  handlers: ServiceHandlers;
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

  const handlers: ServiceHandlers = {
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
