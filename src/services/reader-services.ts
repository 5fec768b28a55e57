/**
 * The main-process services behind the contract, with no Electron in sight:
 * Electron's IPC and the browser-mode HTTP bridge both call these handlers.
 * Every payload is `unknown` until a schema says otherwise. The desktop-only
 * calls are not here: main answers them (src/main/shell-calls.ts), and the
 * bridge answers them for browser mode (src/server/browser-answers.ts).
 *
 * Settings are global; everything else belongs to one report of the library
 * (src/services/library/): each per-report call names its report, and is
 * answered from that report's session (its document, notes and index).
 */
import type { ServiceHandlers } from '../shared/api';
import type { ReportDocument } from '../shared/document';
import { BUNDLED_REPORT_ID, type AddedReport, type AddProgress } from '../shared/library';
import { editionHandlers, carriedNotes } from './editions/edition-handlers';
import type { compareEditionsInWorker } from './editions/compare-in-worker';
import { EditionOffers } from './library/edition-offers';
import type { CrossReportSearch } from '../core/search/cross-report';
import type { CrossReportResult } from '../shared/search';
import { shelfSearch, type ReportIndexer } from './library/shelf-search';
import type { BuildIndex } from './search/report-index-file';
import { ReportIndexWorker } from './search/index-in-worker';
import { SettingsStore } from './storage/settings-store';
import { validate } from './validate';
import { LOST_MESSAGE, type FolderAccess } from './storage/folder-access';
import {
  addReport,
  answerOffer,
  type AddChoice,
  type AddInput,
  type AddReportContext,
  type StoredParts,
} from './library/add-report';
import { openLibraryFile } from './library/library-file';
import { LibraryStore } from './library/library-store';
import { libraryHandlers } from './library/library-handlers';
import { parseInWorker, type ParseFile } from './library/parse';
import { countsOf, ReportSessions, type ReportSession } from './library/report-sessions';
import { findUnlisted } from './library/library-recovery';
import { clearAddDebris } from './library/add-debris';
import { reportYearFigures } from '../core/figures/year-figures';

export interface ServiceOptions {
  dataDir: string;
  /** The bundled report, parsed at build time. */
  document: ReportDocument;
  /** The bundled report's serialized lunr index, read only when first needed. */
  loadSearchIndex: () => Promise<string>;
  /**
   * The bundled report's compact index for the search across reports, made
   * at build time (out/data/report-index.bin), read at its first search.
   * Without it (the CLI), main builds that one index itself when first needed.
   */
  loadReportIndex?: () => Promise<Uint8Array>;
  /**
   * Whether this process may write the data folder: the shells open it with
   * openDataFolder (the folder lock) first. Writable without a lock when absent (unit tests).
   */
  access?: FolderAccess;
  /** How report files are read; in a worker thread unless a test says otherwise. */
  parse?: ParseFile;
  /** The search across reports (one compact index per report); a fresh one unless given. */
  crossSearch?: CrossReportSearch;
  /** Called after the shelf changed (added, renamed, removed, opened): main's 最近打开 follows it. */
  onLibraryChange?: () => void;
  /** How two editions are compared; in a worker thread unless a test says otherwise. */
  compare?: typeof compareEditionsInWorker;
  /** Where the search across reports builds a missing index; a worker thread unless a test says otherwise. */
  indexer?: ReportIndexer;
  /** How main builds the few indexes it builds itself (shelf-search.ts); tests count them here. */
  buildHere?: BuildIndex;
}

/**
 * When the shells call `indexMissing`: well after start, not while the page
 * starts nor while a reader adds a first file (two cores are soon shared). A
 * search across the library before then builds what it needs in the same
 * kind of worker.
 */
export const INDEX_MISSING_AFTER_MS = 30_000;

export interface ReaderServices {
  handlers: ServiceHandlers;
  library: LibraryStore;
  /** Every report on the shelf searched, with every match (the CLI's `search --all`). */
  searchEveryReport(query: string): Promise<CrossReportResult>;
  /**
   * Adds a file by path (the desktop's open dialog, the CLI), as `addReport`
   * adds bytes. `choice` says what to do with another edition of a report on
   * the shelf: offer it (the default), or add it as one or as a report of its own.
   */
  addFile(
    input: AddInput,
    progress?: (progress: AddProgress) => void,
    choice?: AddChoice,
  ): Promise<AddedReport>;
  /** Resolves once every write already asked for is on disk. */
  flush(): Promise<void>;
  /**
   * Builds, in a worker, the search-across-reports index of every report on
   * the shelf that has none saved (a shelf an older version filled), so the
   * first search across it reads them all; answers how many it built. The
   * shells call it once the window is up.
   */
  indexMissing(): Promise<number>;
}

export async function createReaderServices(options: ServiceOptions): Promise<ReaderServices> {
  const { access, dataDir } = options;
  const settings = await SettingsStore.open(dataDir, access);
  const libraryFile = await openLibraryFile(dataDir, access);
  const library = LibraryStore.open({
    file: libraryFile,
    bundled: options.document,
    legacy: settings.get(),
  });
  const parse = options.parse ?? parseInWorker;
  const sessions = new ReportSessions({
    dataDir,
    access,
    library,
    bundled: { document: options.document, loadSearchIndex: options.loadSearchIndex },
    colorNames: () => settings.get().colorNames,
    parse,
  });
  const search = shelfSearch({
    dataDir,
    access,
    library,
    sessions,
    indexer: options.indexer ?? new ReportIndexWorker(),
    ...(options.crossSearch && { search: options.crossSearch }),
    ...(options.loadReportIndex && {
      shipped: { version: options.document.version, load: options.loadReportIndex },
    }),
    ...(options.buildHere && { buildHere: options.buildHere }),
  });
  const changed = () => options.onLibraryChange?.();
  // Reports whose files are in the folder but not in the index (a lost index, a crash between the two).
  const found = await findUnlisted(dataDir, library, access);
  // What an add killed midway left; only the folder's holder tidies (no one else can be mid-add).
  const writable = (access?.readOnlyReason ?? null) === null && !library.readOnly;
  const debris = writable ? await clearAddDebris(dataDir, library) : [];
  // The bundled report's notes are read at start, as they always were: its notices are the first ones.
  const bundled = await sessions.open(BUNDLED_REPORT_ID);
  await library.setCounts(BUNDLED_REPORT_ID, countsOf(bundled.file.value), false);
  // Kept for the whole run, not handed out once: a window that failed to start,
  // or a second browser tab, must still be told.
  // Why this window is read-only comes first: it explains the rest.
  const notices = [
    ...(access?.readOnlyReason ? [access.readOnlyReason] : []),
    ...settings.notices,
    ...library.notices,
    ...found,
    ...debris,
    ...bundled.notices,
  ];
  access?.onLost(() => notices.unshift(LOST_MESSAGE));

  /** A per-report call: the session of its report's edition on screen, the rest of the request. */
  const inReport =
    <T, R extends { report: string; edition?: string }>(
      run: (session: ReportSession, request: Omit<R, 'report' | 'edition'>) => T | Promise<T>,
    ) =>
    async ({ report, edition, ...rest }: R) =>
      run(await sessions.open(report, edition), rest);
  /** A change to a report's notes: the shelf's counts follow it. */
  const noting = <T, R extends { report: string; edition?: string }>(
    run: (session: ReportSession, request: Omit<R, 'report' | 'edition'>) => Promise<T>,
  ) =>
    inReport<T, R>(async (session, request) => {
      const answer = await run(session, request);
      await library.setCounts(session.id, countsOf(session.file.value)).catch(() => undefined);
      return answer;
    });

  const addContext: AddReportContext = {
    dataDir,
    access,
    library,
    parse,
    documentOf: (report) => sessions.document(report),
    offers: new EditionOffers(),
    onStored: (id: string, edition: string, parts: StoredParts) =>
      sessions.added(id, edition, parts),
    onAdded: () => changed(),
    onEdition: async (report) => {
      // Its notes anchor in the new text from now on; the search across reports reads it.
      sessions.editionChanged(report.id);
      search.forget(report.id);
      changed();
      return carriedNotes((await sessions.open(report.id)).userData.view());
    },
  };
  /**
   * One file added at a time, whoever asks (two windows or tabs, a drop while
   * the open dialog's file is read): between asking whether a text is on the
   * shelf and listing it, a second add of the same file would find it
   * missing, write the same folder, fail to list it and take the first one's
   * copy back with its own.
   */
  let adding: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(run: () => Promise<T>): Promise<T> => {
    const next = adding.then(run);
    adding = next.catch(() => undefined);
    return next;
  };
  const add: ReaderServices['addFile'] = (input, progress, choice) =>
    oneAtATime(() => addReport(addContext, input, progress, choice));

  const handlers: ServiceHandlers = {
    getDocument: (payload) =>
      validate('getDocument', payload, ({ report, edition }) => sessions.document(report, edition)),
    getSettings: (payload) => validate('getSettings', payload, () => settings.get()),
    updateSettings: (payload) =>
      validate('updateSettings', payload, (patch) => settings.update(patch)),
    getNotices: (payload) => validate('getNotices', payload, () => [...notices]),
    search: (payload) =>
      validate('search', payload, async ({ report, edition, query, order, matchLimit }) =>
        (await sessions.searcher(report, edition)).search(query, { order, matchLimit }),
      ),
    searchMatches: (payload) =>
      validate('searchMatches', payload, async ({ report, edition, query, blocks }) =>
        (await sessions.searcher(report, edition)).matchesIn(query, blocks),
      ),
    getSearchIndex: (payload) =>
      validate('getSearchIndex', payload, ({ report, edition }) =>
        sessions.searchIndex(report, edition),
      ),
    getYearFigures: (payload) =>
      validate('getYearFigures', payload, async ({ report, edition }) =>
        reportYearFigures(await sessions.document(report, edition)),
      ),
    getUserData: (payload) =>
      validate(
        'getUserData',
        payload,
        inReport((session) => session.userData.view()),
      ),
    createAnnotation: (payload) =>
      validate(
        'createAnnotation',
        payload,
        noting((session, request) => session.userData.createAnnotation(request)),
      ),
    updateAnnotation: (payload) =>
      validate(
        'updateAnnotation',
        payload,
        inReport((session, request) => session.userData.updateAnnotation(request)),
      ),
    deleteAnnotation: (payload) =>
      validate(
        'deleteAnnotation',
        payload,
        noting((session, request) => session.userData.deleteAnnotation(request)),
      ),
    restoreAnnotation: (payload) =>
      validate(
        'restoreAnnotation',
        payload,
        noting((session, { annotation }) => session.userData.restoreAnnotation(annotation)),
      ),
    createBookmark: (payload) =>
      validate(
        'createBookmark',
        payload,
        noting((session, request) => session.userData.createBookmark(request)),
      ),
    updateBookmark: (payload) =>
      validate(
        'updateBookmark',
        payload,
        inReport((session, request) => session.userData.updateBookmark(request)),
      ),
    deleteBookmark: (payload) =>
      validate(
        'deleteBookmark',
        payload,
        noting((session, request) => session.userData.deleteBookmark(request)),
      ),
    restoreBookmark: (payload) =>
      validate(
        'restoreBookmark',
        payload,
        noting((session, { bookmark }) => session.userData.restoreBookmark(bookmark)),
      ),
    saveTerm: (payload) =>
      validate(
        'saveTerm',
        payload,
        inReport((session, request) => session.userData.saveTerm(request)),
      ),
    deleteTerm: (payload) =>
      validate(
        'deleteTerm',
        payload,
        inReport((session, request) => session.userData.deleteTerm(request)),
      ),
    exportAnnotations: (payload) =>
      validate(
        'exportAnnotations',
        payload,
        inReport((session, request) => session.userData.exportAnnotations(request)),
      ),
    exportQuarantine: (payload) =>
      validate(
        'exportQuarantine',
        payload,
        inReport((session) => session.userData.exportQuarantine()),
      ),
    importAnnotations: (payload) =>
      validate(
        'importAnnotations',
        payload,
        noting((session, request) => session.userData.importAnnotations(request)),
      ),
    ...libraryHandlers({
      library,
      sessions,
      search,
      add,
      changed,
    }),
    ...editionHandlers({
      sessions,
      // An answer adds a file too: one at a time with the others.
      answer: (token, as) => oneAtATime(() => answerOffer(addContext, token, as)),
      changed,
      ...(options.compare && { compare: options.compare }),
    }),
  };
  return {
    handlers,
    library,
    addFile: add,
    searchEveryReport: (query) => search.hits(query, Infinity),
    indexMissing: () => search.indexMissing(),
    flush: async () => {
      await Promise.all([settings.flush(), library.flush(), sessions.flush()]);
    },
  };
}
