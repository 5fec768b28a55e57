/**
 * The composition root of the report on screen: makes its stores when it is
 * put up, attaches them to the page, and puts each feature's pieces in their
 * places around the report's text (pre-rendered for the bundled report,
 * rendered by the report switch for the others). No feature logic lives here.
 */
import { startTransition, useEffect, useLayoutEffect, useState } from 'react';
import { useCommandKeys } from '../commands/useCommandKeys';
import { useShellMenu } from '../commands/useShellMenu';
import { PrintedNotes } from '../features/annotations/PrintedNotes';
import { BookmarkMarkers } from '../features/bookmarks/BookmarkMarkers';
import { settleLayoutWhenIdle } from '../features/reading/scroll';
import { SearchHighlights } from '../features/search/SearchHighlights';
import { DropZone } from '../features/library/DropZone';
import { EarlierEdition } from '../features/editions/EarlierEdition';
import { markInteractive } from '../instrumentation';
import { useStore } from '../store';
import { whenIdle } from '../ui/idle';
import { ReaderContext } from './context';
import { NoticeBar } from './NoticeBar';
import { SidebarPanels } from './SidebarPanels';
import {
  AnnotationLayer,
  CompareDialog,
  GlossaryTerms,
  LibraryLayer,
  preloadParts,
  PrintedFigures,
  Shortcuts,
} from './parts';
import type { LoadedReport } from './report-switch';
import {
  attachAfterPaint,
  attachBeforePaint,
  createReaderStores,
  type AppStores,
  type ReaderStores,
} from './stores';
import { Toolbar } from './Toolbar';

/** The parts' chunks are fetched once the reader is idle, at the latest this long after start. */
const PRELOAD_WITHIN_MS = 4000;

/** The dialogs, put up (and their chunks asked for, if not in yet) only while they show. */
function Dialogs({ shortcuts, editions }: Pick<ReaderStores, 'shortcuts' | 'editions'>) {
  const sheet = useStore(shortcuts, (state) => state.open);
  const comparing = useStore(editions, (state) => state.choosing || state.comparing);
  return (
    <>
      {sheet && <Shortcuts />}
      {comparing && <CompareDialog />}
    </>
  );
}

/** 数说报告 on paper: there is none before its panel has shown once. */
function FiguresOnPaper({ sidebar }: Pick<ReaderStores, 'sidebar'>) {
  const shown = useStore(sidebar, (state) => state.panel === 'figures');
  const [made, setMade] = useState(shown);
  if (shown && !made) setMade(true);
  return made ? <PrintedFigures /> : null;
}

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
  // Before the first paint too, so the reader's first scroll is never missed (scroll.ts).
  useLayoutEffect(() => settleLayoutWhenIdle(slots.pane), [slots]);

  // The text is already painted; the 目录 and the layers over the text are
  // drawn just after the toolbar.
  const [tocDrawn, setTocDrawn] = useState(false);
  useEffect(() => {
    startTransition(() => setTocDrawn(true));
    return whenIdle(() => void preloadParts(), PRELOAD_WITHIN_MS);
  }, [slots]);

  return (
    <ReaderContext value={stores}>
      <Toolbar />
      <EarlierEdition />
      <NoticeBar />
      {tocDrawn && (
        <>
          <BookmarkMarkers />
          <GlossaryTerms />
          <AnnotationLayer />
          <LibraryLayer />
          <SidebarPanels />
          <FiguresOnPaper sidebar={stores.sidebar} />
        </>
      )}
      <SearchHighlights />
      <PrintedNotes />
      <Dialogs shortcuts={stores.shortcuts} editions={stores.editions} />
      <DropZone />
    </ReaderContext>
  );
}
