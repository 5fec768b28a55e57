/**
 * The interface around the pre-rendered report: toolbar, notices and 目录,
 * wired to settings, the reading pane and the command list.
 */
import {
  lazy,
  startTransition,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import type { ReaderApi } from '../../shared/api';
import type { ReportDocument } from '../../shared/document';
import { RECENT_SEARCHES_MAX, type ReadingPosition, type Settings } from '../../shared/settings';
import { documentText } from '../../shared/doc-text';
import { useAnnotating } from '../features/annotations/useAnnotating';
import { isDesktop } from '../api/client';
import { useCommandKeys } from '../commands/useCommandKeys';
import { useGlossary } from '../features/glossary/useGlossary';
import { useGlossaryPanel } from '../features/glossary/useGlossaryPanel';
import { useNotebook } from '../features/annotations/useNotebook';
import { useUserData } from '../user-data/useUserData';
import { selectedPhrase, useUserTerms } from '../features/glossary/useUserTerms';
import { useReadingPane } from '../features/reading/useReadingPane';
import { useSearchSession } from '../features/search/useSearch';
import { useSettings } from './useSettings';
import { useSidebarState } from '../features/sidebar/useSidebarState';
import { useShellMenu } from '../commands/useShellMenu';
import type { CommandContext } from '../commands/commands';
import { entryForBlock, neighbourEntry } from '../features/toc/outline-tree';
import { settleLayoutWhenIdle } from '../features/reading/scroll';
import type { Slots } from './slots';
import { writeViewCache } from './view-cache';
import { NoticeBar } from './NoticeBar';
import { PrintedNotes } from '../features/annotations/PrintedNotes';
import { ReaderSidebar } from '../features/sidebar/ReaderSidebar';
import { SearchBox } from '../features/search/SearchBox';
import { SearchHighlights } from '../features/search/SearchHighlights';
import { ShortcutsDialog } from '../features/shortcuts/ShortcutsDialog';
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
  const [notices, setNotices] = useState(initialNotices);
  const addNotice = useCallback((message: string) => setNotices((list) => [...list, message]), []);
  const [settings, update] = useSettings(api, initialSettings, addNotice);
  const sidebar = useSidebarState(slots);
  const { wide, tocOpen, toggleToc, panel, showPanel } = sidebar;

  const savePosition = useCallback(
    (position: ReadingPosition) => {
      writeViewCache({ position });
      void api.updateSettings({ position }).then((result) => {
        if (!result.ok) addNotice(`阅读位置未能保存：${result.error}`);
      });
    },
    [api, addNotice],
  );
  const { topBlock, jumpTo, isPastStart, keepPlace, scrollBy, scrollPage, scrollToEdge } =
    useReadingPane(slots.pane, initialSettings.position, savePosition);

  // A new font size reflows the whole text: keep the reader on the same sentence.
  const shownFontSize = useRef(settings.fontSize);
  useLayoutEffect(() => {
    if (shownFontSize.current === settings.fontSize) return;
    shownFontSize.current = settings.fontSize;
    keepPlace();
  }, [settings.fontSize, keepPlace]);

  const doc = useMemo(() => documentText(document.blocks), [document]);
  /** Block id → reading order; the document text already keeps this map. */
  const blockOrder = doc.indexOf;
  const currentEntry = useMemo(
    () => (topBlock === null ? undefined : entryForBlock(document.outline, blockOrder, topBlock)),
    [document, blockOrder, topBlock],
  );

  const texts = useMemo(
    () => new Map(document.blocks.map((block) => [block.id, block.text])),
    [document],
  );
  const search = useSearchSession(api, document.blocks, blockOrder, addNotice);
  const [resultsInDocumentOrder, setResultsInDocumentOrder] = useState(false);
  /** A search the reader acted on (stepped through, or chose a result of) is worth keeping. */
  const rememberSearch = () => {
    const query = search.getSnapshot().query.trim();
    if (query === '' || settings.recentSearches[0] === query) return;
    const rest = settings.recentSearches.filter((recent) => recent !== query);
    update({ recentSearches: [query, ...rest].slice(0, RECENT_SEARCHES_MAX) });
  };

  const userData = useUserData(api, addNotice);
  const annotating = useAnnotating(slots.pane, doc, userData);
  const notebook = useNotebook({
    api,
    pane: slots.pane,
    doc,
    userData,
    annotating,
    topBlock,
    jumpTo,
    settings,
    update,
    addNotice,
  });
  const userTerms = useUserTerms(userData, addNotice);
  const glossary = useGlossary(slots.pane, document, userTerms.terms);
  const addUserTerm = () => userTerms.startAdd(selectedPhrase(slots.pane));
  const { closeIfCovering } = sidebar;
  const jumpAndClose = useCallback(
    (block: string) => {
      jumpTo(block);
      closeIfCovering();
    },
    [jumpTo, closeIfCovering],
  );

  const glossaryPanel = useGlossaryPanel(glossary, {
    coversText: !wide,
    onShown: closeIfCovering,
    showBlock: jumpAndClose,
  });
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const desktop = useMemo(() => isDesktop(), []);

  const context: CommandContext = {
    settings,
    update,
    scrollBy,
    scrollPage,
    scrollToEdge,
    toggleToc,
    addUserTerm,
    tocOpen,
    tocCoversText: tocOpen && !wide,
    openShortcuts: () => setShortcutsOpen(true),
    print: () => window.print(),
    canSavePdf: desktop,
    savePdf: () => {
      void api.printToPdf().then((result) => {
        if (!result.ok) addNotice(`未能导出 PDF：${result.error}`);
        else if (result.value.path) addNotice(`已导出 PDF：${result.value.path}`);
      });
    },
    focusSearch: () => {
      const box = window.document.getElementById('search-box') as HTMLInputElement | null;
      box?.focus();
      box?.select();
    },
    stepSearch: (direction) => {
      rememberSearch();
      search.step(direction, topBlock);
    },
    showPanel,
    // A getter: the key handler asks at key time, when the selection may be newer than this render.
    get canAnnotate() {
      return !userData.data.readOnly && annotating.hasSelection();
    },
    highlightSelection: () => void annotating.highlight(),
    toggleBookmark: notebook.toggleBookmark,
    canUndo: userData.lastDeleted !== null,
    undoDelete: () => void userData.undo(),
    exportAnnotations: (format) => void notebook.exportAs(format),
    canImport: !userData.data.readOnly,
    importAnnotations: () => {
      // A file chooser opened by a menu click would lack the user gesture the
      // browser wants, so the desktop app asks main to show its own dialog.
      if (desktop) return void notebook.importFromDialog();
      if (!tocOpen || panel !== 'annotations') showPanel('annotations');
      requestAnimationFrame(() => window.document.getElementById('annotation-import')?.click());
    },
    goToSection: (step) => {
      const current = currentEntry?.block ?? null;
      // Like "previous track": first back to the start of the section one is in.
      if (step === -1 && current !== null && isPastStart(current)) return jumpTo(current);
      const target = neighbourEntry(document.outline, current, step);
      if (target) jumpTo(target.block);
    },
  };
  useCommandKeys(context);
  useShellMenu(api, context, desktop);

  const collapsed = useMemo(() => new Set(settings.collapsed), [settings.collapsed]);
  const toggleCollapsed = (block: string) =>
    update({
      collapsed: collapsed.has(block)
        ? settings.collapsed.filter((id) => id !== block)
        : [...settings.collapsed, block],
    });

  useLayoutEffect(() => {
    // Signals for the benchmark and tests: the interface is committed and its
    // key handler attached (useCommandKeys, also a layout effect), so input is
    // answered from here on.
    performance.mark('reader:interactive');
    window.document.documentElement.dataset.ready = 'true';
  }, []);

  // The text is already painted; the 目录 and the layers over the text are
  // drawn just after the toolbar, and the full layout of the report is
  // settled when the browser is idle.
  const [tocDrawn, setTocDrawn] = useState(false);
  useEffect(() => {
    startTransition(() => setTocDrawn(true));
    return settleLayoutWhenIdle(slots.pane);
  }, [slots]);

  return (
    <>
      <Toolbar
        title={document.title}
        context={context}
        tocOpen={tocOpen}
        search={<SearchBox session={search} context={context} />}
      />
      {createPortal(
        <NoticeBar
          notices={notices}
          onDismiss={(index) => setNotices((list) => list.filter((_, i) => i !== index))}
        />,
        slots.notices,
      )}
      {tocDrawn && (
        <Suspense fallback={null}>
          <GlossaryTerms glossary={glossary} userTerms={userTerms} onAppendix={jumpTo} />
          <AnnotationLayer
            pane={slots.pane}
            doc={doc}
            userData={userData}
            annotating={annotating}
            colorNames={settings.colorNames}
            onTerm={addUserTerm}
          />
        </Suspense>
      )}
      <SearchHighlights session={search} pane={slots.pane} />
      <PrintedNotes
        pane={slots.pane}
        document={document}
        doc={doc}
        annotations={userData.data.annotations}
        colorNames={settings.colorNames}
      />
      {shortcutsOpen &&
        createPortal(
          <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />,
          window.document.body,
        )}
      {tocOpen &&
        tocDrawn &&
        createPortal(
          <ReaderSidebar
            sidebar={sidebar}
            document={document}
            doc={doc}
            settings={settings}
            search={search}
            results={{
              texts,
              blockOrder,
              inDocumentOrder: resultsInDocumentOrder,
              onOrderChange: setResultsInDocumentOrder,
              onActed: rememberSearch,
              focusSearch: context.focusSearch,
            }}
            toc={{
              current: currentEntry?.block ?? null,
              collapsed,
              onToggle: toggleCollapsed,
            }}
            glossaryPanel={glossaryPanel}
            onAddTerm={userData.data.readOnly ? undefined : addUserTerm}
            userData={userData}
            notebook={notebook}
            jumpAndClose={jumpAndClose}
          />,
          slots.sidebar,
        )}
    </>
  );
}
