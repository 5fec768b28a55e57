/**
 * The composition root: makes the reader's stores once, attaches them to the
 * page, and puts each feature's pieces in their places around the
 * pre-rendered report. No feature logic lives here.
 */
import { lazy, startTransition, Suspense, useEffect, useLayoutEffect, useState } from 'react';
import type { ReaderApi } from '../../shared/api';
import type { ReportDocument } from '../../shared/document';
import type { Settings } from '../../shared/settings';
import { useCommandKeys } from '../commands/useCommandKeys';
import { useShellMenu } from '../commands/useShellMenu';
import { PrintedNotes } from '../features/annotations/PrintedNotes';
import { BookmarkMarkers } from '../features/bookmarks/BookmarkMarkers';
import { PrintedFigures } from '../features/figures/PrintedFigures';
import { settleLayoutWhenIdle } from '../features/reading/scroll';
import { SearchHighlights } from '../features/search/SearchHighlights';
import { Shortcuts } from '../features/shortcuts/ShortcutsDialog';
import { markInteractive } from '../instrumentation';
import { ReaderContext } from './context';
import { NoticeBar } from './NoticeBar';
import { SidebarPanels } from './SidebarPanels';
import type { Slots } from './slots';
import { attachAfterPaint, attachBeforePaint, createReaderStores } from './stores';
import { Toolbar } from './Toolbar';

// The layers over the text need Floating UI, a third of the bundle. They are
// loaded as their own chunk after the interface is up: nothing in them is
// needed before the reader selects text or points at a term.
const AnnotationLayer = lazy(() =>
  import('../features/annotations/AnnotationLayer').then((module) => ({
    default: module.AnnotationLayer,
  })),
);
const GlossaryTerms = lazy(() =>
  import('../features/glossary/GlossaryTerms').then((module) => ({
    default: module.GlossaryTerms,
  })),
);

interface Props {
  api: ReaderApi;
  slots: Slots;
  document: ReportDocument;
  initialSettings: Settings;
  initialNotices: string[];
}

export function Reader({ api, slots, document, initialSettings, initialNotices }: Props) {
  // Made once: their inputs are fixed for the reader's life.
  const [stores] = useState(() =>
    createReaderStores({
      api,
      slots,
      document,
      settings: initialSettings,
      notices: initialNotices,
    }),
  );
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
      <NoticeBar />
      {tocDrawn && (
        <>
          <BookmarkMarkers />
          <Suspense fallback={null}>
            <GlossaryTerms />
            <AnnotationLayer />
          </Suspense>
          <SidebarPanels />
          <PrintedFigures />
        </>
      )}
      <SearchHighlights />
      <PrintedNotes />
      <Shortcuts />
    </ReaderContext>
  );
}
