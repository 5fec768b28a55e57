/**
 * The reader's stores for the report on screen, made when it is put up: one
 * per feature, wired to each other here and nowhere else. Settings, notices,
 * the 书架 and the search scope outlive a switch of report (app/App.tsx makes
 * them once); everything else is the report's own and is made afresh for
 * the next one. Components reach them through useReader() (context.ts).
 */
import type { ReaderApi } from '../../shared/api';
import { documentText, type DocumentText } from '../../core/report/doc-text';
import type { ReportDocument } from '../../shared/document';
import { isDesktop } from '../api/client';
import { scopedApi, type ScopedApi } from '../api/scoped';
import type { LibrarySearch } from '../features/library/library-search';
import type { ShelfStore } from '../features/library/shelf-store';
import { TocFolds } from '../features/toc/folds';
import { arrive } from '../features/library/arrival';
import { CommandRegistry } from '../commands/registry';
import type { UndoStack } from '../commands/undo-stack';
import { AnnotatingStore } from '../features/annotations/annotating';
import { KeyboardSelection } from '../features/annotations/keyboard-selection';
import { editionNavigation } from '../features/editions/edition-marks';
import { EditionsStore } from '../features/editions/editions-store';
import { figureNavigation } from '../features/figures/figure-mark';
import { FiguresStore } from '../features/figures/figures-store';
import { FulfilmentStore } from '../features/figures/fulfilment-store';
import { watchAppearance } from '../features/appearance/appearance';
import { GlossaryStore } from '../features/glossary/glossary-store';
import { ReadingPane } from '../features/reading/reading-pane';
import { localSearch, type LocalSearch } from '../features/search/local-search';
import { SearchSession } from '../features/search/search-session';
import { ShortcutsSheet } from '../features/shortcuts/shortcuts-sheet';
import { SidebarStore, type ChosenPanel } from '../features/sidebar/sidebar-store';
import { markPageIndexReady } from '../instrumentation';
import { whenIdle } from '../ui/idle';
import { UserDataStore } from '../user-data/user-data-store';
import { registerCommands } from './commands';
import type { Notices } from './notices';
import { isCurrentEdition, type LoadedReport } from './report-switch';
import type { SettingsStore } from './settings';
import type { Slots } from './slots';
import { cachePosition } from './view-cache';
import { WRITABLE_AGAIN, watchWritableAgain } from '../user-data/writable-again';

/** The page's copy of the index is made once the reader is idle, at the latest this long after start. */
const LOCAL_INDEX_WITHIN_MS = 3000;

export interface ReaderStores {
  /** The contract with this report's calls bound to it. */
  readonly api: ScopedApi;
  readonly slots: Slots;
  /** The report on screen: its id, its place on the shelf, where to land. */
  readonly report: LoadedReport;
  readonly document: ReportDocument;
  /** The report as one string: the coordinates of selections and annotations. */
  readonly doc: DocumentText;
  /** Block id → its text. */
  readonly texts: ReadonlyMap<string, string>;
  /** The desktop app (its preload put the contract on window), not browser mode. */
  readonly desktop: boolean;
  readonly notices: Notices;
  readonly settings: SettingsStore;
  readonly shelf: ShelfStore;
  readonly librarySearch: LibrarySearch;
  readonly folds: TocFolds;
  readonly reading: ReadingPane;
  readonly sidebar: SidebarStore;
  readonly search: SearchSession;
  readonly pageIndex: LocalSearch;
  readonly userData: UserDataStore;
  readonly annotating: AnnotatingStore;
  /** Text selected from the keyboard, by sentence and character. */
  readonly keyboardSelection: KeyboardSelection;
  readonly glossary: GlossaryStore;
  /** 数说报告: figures are extracted when its panel first opens. */
  readonly figures: FiguresStore;
  /** 目标兑现 against the same place's reports of the year before and after, found while the panel shows. */
  readonly fulfilment: FulfilmentStore;
  /** 修订对照: a comparison of two editions, shown once there is one. */
  readonly editions: EditionsStore;
  readonly shortcuts: ShortcutsSheet;
  readonly commands: CommandRegistry;
  /** The app's one undo (撤销, Ctrl+Z): outlives the report; this report's entries go with it. */
  readonly undo: UndoStack;
  /** Jumps to a block, closing the sidebar where it covers the text. */
  jumpAndClose(block: string): void;
}

/** What outlives a switch of report: made once by the app. */
export interface AppStores {
  readonly api: ReaderApi;
  readonly slots: Slots;
  readonly notices: Notices;
  readonly settings: SettingsStore;
  readonly shelf: ShelfStore;
  /** The app's one undo: the 书架's removals and each report's deletions. */
  readonly undo: UndoStack;
  readonly librarySearch: LibrarySearch;
  /** The sidebar's panel, as the reader left it in the report before. */
  readonly chosenPanel: ChosenPanel;
}

export function createReaderStores(app: AppStores, report: LoadedReport): ReaderStores {
  const { slots, notices, settings } = app;
  const { document } = report;
  // Bound to the edition on screen: main answers from its text and refuses notes in an earlier one.
  const api = scopedApi(app.api, report.id, document.version);
  // The place kept is the current edition's: an earlier one opens at its top and keeps none.
  const current = isCurrentEdition(report);
  const reading = new ReadingPane(
    slots.pane,
    current ? report.entry.view.position : null,
    (position) => {
      if (!current) return;
      cachePosition(report.id, position);
      void api.saveReportView({ position }).then((result) => {
        if (!result.ok) notices.add(`阅读位置未能保存：${result.error}`);
      });
    },
  );
  const sidebar = new SidebarStore(slots, app.chosenPanel);
  const jumpAndClose = (block: string) => {
    reading.jumpTo(block);
    sidebar.closeIfCovering();
  };
  const doc = documentText(document.blocks);
  const pageIndex = localSearch(api, document.blocks, { onReady: markPageIndexReady });
  const userData = new UserDataStore(api, notices.add, app.undo);
  const glossaryNavigation = {
    sidebarCoversText: () => !sidebar.getSnapshot().wide,
    afterJump: sidebar.closeIfCovering,
    showBlock: jumpAndClose,
  };
  const search = new SearchSession(pageIndex, doc.indexOf);
  const figures = new FiguresStore(document, figureNavigation(slots.pane, sidebar));
  const fulfilment = new FulfilmentStore({
    own: report.entry,
    ownFigures: async () => {
      const [{ yearFigures }, table] = await Promise.all([
        import('../../core/figures/year-figures'),
        figures.load(),
      ]);
      return yearFigures(
        document,
        table.rows.map((row) => row.figure),
      );
    },
    shelf: app.shelf,
    // The one call a report's features make about another report: read only.
    fetch: (other) => app.api.getYearFigures({ report: other }),
  });
  const stores: ReaderStores = {
    api,
    slots,
    report,
    document,
    doc,
    texts: new Map(document.blocks.map((block) => [block.id, block.text])),
    desktop: isDesktop(),
    notices,
    settings,
    shelf: app.shelf,
    librarySearch: app.librarySearch,
    folds: new TocFolds(api, report.entry.view.collapsed, notices.add),
    reading,
    sidebar,
    search,
    pageIndex,
    userData,
    annotating: new AnnotatingStore(slots.pane, doc, userData, app.undo),
    keyboardSelection: new KeyboardSelection(slots.pane, doc, () => reading.chosenBlock()),
    glossary: new GlossaryStore(slots.pane, document, userData, glossaryNavigation, notices.add),
    figures,
    fulfilment,
    editions: new EditionsStore(document.version, editionNavigation(slots.pane, doc, sidebar), {
      compare: (against) => api.compareEditions({ against }),
      failed: notices.add,
    }),
    shortcuts: new ShortcutsSheet(),
    commands: new CommandRegistry(),
    undo: app.undo,
    jumpAndClose,
  };
  registerCommands(stores.commands, stores);
  return stores;
}

/** What must be in place before the interface's first paint; answers the undo. */
export function attachBeforePaint(stores: ReaderStores): () => void {
  stores.reading.restore();
  const stops = [
    watchAppearance(stores.settings, stores.reading.keepPlace),
    stores.sidebar.attach(),
    stores.glossary.attach(),
    // The marks over the text are the page's, not the report's: they go with it.
    () => stores.editions.clear(),
    // So do its deletions and cancelled notes on the undo stack: undone with
    // another report on screen, they would change notes out of sight.
    () => {
      stores.undo.dropOwnedBy(stores.userData);
      stores.undo.dropOwnedBy(stores.annotating);
    },
  ];
  return () => stops.forEach((stop) => stop());
}

/** What waits until the interface is on screen; answers the undo. */
export function attachAfterPaint(stores: ReaderStores): () => void {
  void stores.userData.load();
  // A search of every report carried into a report just opened (or that opened
  // it at a hit) is not a new search: it opens no sidebar over the text.
  let carrying = true;
  const stops = [
    stores.reading.attach(),
    stores.annotating.attach(),
    stores.keyboardSelection.attach(),
    // Every query the box runs is followed by the search across reports,
    // and shown on the 目录 tab, where its results are.
    stores.search.onRun(stores.librarySearch.follow),
    stores.search.onRun((query) =>
      stores.sidebar.showSearch(
        query,
        !carrying && stores.librarySearch.getSnapshot().scope === 'all',
      ),
    ),
    whenIdle(() => void stores.pageIndex.load(), LOCAL_INDEX_WITHIN_MS),
    // Read-only because another reader held the folder: writable again once main has taken it.
    watchWritableAgain(stores.userData, (reason) => {
      if (reason !== null) stores.notices.withdraw(reason);
      stores.notices.inform(WRITABLE_AGAIN);
      void stores.shelf.refresh();
    }),
  ];
  const { arrival, compareWith, firstChange } = stores.report;
  if (arrival && 'query' in arrival) {
    stops.push(arrive(stores.search, stores.jumpAndClose, arrival));
  } else if (arrival) {
    // A figure of 目标兑现: marked, with the panel beside the text where there is room for both.
    stores.figures.arrive(arrival, stores.sidebar);
  } else {
    const carried = stores.librarySearch.carriedQuery();
    if (carried !== null) stores.search.input(carried, false);
  }
  carrying = false;
  // Opened to see what changed (a new edition just added, two editions chosen): 修订对照 opens.
  if (compareWith !== undefined) {
    void stores.editions.compareWith(compareWith).then((shown) => {
      if (!shown) return;
      stores.sidebar.show('editions');
      if (firstChange) stores.editions.showFirst();
    });
  }
  return () => stops.forEach((stop) => stop());
}
