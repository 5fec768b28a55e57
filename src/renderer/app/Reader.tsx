/**
 * The composition root of the report on screen: makes its stores when it is
 * put up, attaches them to the page, and puts each feature's pieces in their
 * places around the report's text (pre-rendered for the bundled report,
 * rendered by the report switch for the others). No feature logic lives here.
 */
import { lazy, startTransition, Suspense, useEffect, useLayoutEffect, useState } from 'react';
import { useCommandKeys } from '../commands/useCommandKeys';
import { useShellMenu } from '../commands/useShellMenu';
import { PrintedNotes } from '../features/annotations/PrintedNotes';
import { BookmarkMarkers } from '../features/bookmarks/BookmarkMarkers';
import { PrintedFigures } from '../features/figures/PrintedFigures';
import { settleLayoutWhenIdle } from '../features/reading/scroll';
import { SearchHighlights } from '../features/search/SearchHighlights';
import { Shortcuts } from '../features/shortcuts/ShortcutsDialog';
import { DropZone } from '../features/library/DropZone';
import { CompareDialog } from '../features/editions/CompareDialog';
import { EarlierEdition } from '../features/editions/EarlierEdition';
import { markInteractive } from '../instrumentation';
import { ReaderContext } from './context';
import { NoticeBar } from './NoticeBar';
import { SidebarPanels } from './SidebarPanels';
import type { LoadedReport } from './report-switch';
import { attachAfterPaint, attachBeforePaint, createReaderStores, type AppStores } from './stores';
import { Toolbar } from './Toolbar';

// The layers over the text need Floating UI, a third of the bundle. They are
// loaded as their own chunk after the interface is up: nothing in them is
// needed before the reader selects text or points at a term.
const AnnotationLayer = lazy(() =>
  import('../features/annotations/AnnotationLayer').then((module) => ({
    default: module.AnnotationLayer,
  })),
);
// The 书架, a file's progress and 撤销 of a removal: never part of the first frame.
const LibraryLayer = lazy(() =>
  import('../features/library/LibraryLayer').then((module) => ({
    default: module.LibraryLayer,
  })),
);
const GlossaryTerms = lazy(() =>
  import('../features/glossary/GlossaryTerms').then((module) => ({
    default: module.GlossaryTerms,
  })),
);

interface Props {
  app: AppStores;
  report: LoadedReport;
}

export function Reader({ app, report }: Props) {
  const { api, slots } = app;
  // Made once: a reader shows one report (the app keys it by the report's id).
  const [stores] = useState(() => createReaderStores(app, report));
  useLayoutEffect(() => attachBeforePaint(stores), [stores]);
  useEffect(() => attachAfterPaint(stores), [stores]);
  useCommandKeys(stores.commands);
  useShellMenu(api, stores.commands, stores.desktop);
  // After the key handler (also a layout effect): input is answered from here on.
  useLayoutEffect(markInteractive, []);

  // The text is already painted; the 目录 and the layers over the text are
  // drawn just after the toolbar, and the full layout of the report is
  // settled when the browser is idle.
  const [tocDrawn, setTocDrawn] = useState(false);
  useEffect(() => {
    startTransition(() => setTocDrawn(true));
    return settleLayoutWhenIdle(slots.pane);
  }, [slots]);

  return (
    <ReaderContext value={stores}>
      <Toolbar />
      <EarlierEdition />
      <NoticeBar />
      {tocDrawn && (
        <>
          <BookmarkMarkers />
          <Suspense fallback={null}>
            <GlossaryTerms />
            <AnnotationLayer />
            <LibraryLayer />
          </Suspense>
          <SidebarPanels />
          <PrintedFigures />
        </>
      )}
      <SearchHighlights />
      <PrintedNotes />
      <Shortcuts />
      <CompareDialog />
      <DropZone />
    </ReaderContext>
  );
}
