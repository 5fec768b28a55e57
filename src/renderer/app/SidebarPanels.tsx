/**
 * What the sidebar holds: 目录, 名词解释, 批注, 书签 and 数说报告, and 修订对照
 * while two editions are compared, each its feature's own component; this only puts them side by side. A search's
 * results (this report's, or every report's grouped by report) belong to the
 * 目录 tab, above the 目录 that counts their matches per section: as calibre
 * and Thorium give search a panel of its own, never stacked above notes or
 * figures. A new search brings the sidebar to that tab (stores.ts).
 */
import { createPortal } from 'react-dom';
import { IS_MAC } from '../commands/keys';
import { titleWithKeys } from '../commands/shortcut-labels';
import { RecentSearches } from '../features/search/RecentSearches';
import { SearchResults } from '../features/search/SearchResults';
import { useSectionHitCounts } from '../features/search/useSectionHitCounts';
import { Sidebar, type SidebarPanel } from '../features/sidebar/Sidebar';
import type { PanelId } from '../features/sidebar/sidebar-store';
import { TableOfContents } from '../features/toc/TableOfContents';
import { useStore } from '../store';
import { useReader } from './context';
// Every panel but the 目录 is a chunk of its own, loaded after the text is interactive.
import {
  AnnotationsPanel,
  BookmarksPanel,
  EditionsPanel,
  FiguresPanel,
  GlossaryPanel,
  LibraryResults,
} from './parts';

/** The 目录, with the recent searches above it and each entry's count of matches while a search is on. */
function TocPanel() {
  const hitCounts = useSectionHitCounts();
  return (
    <>
      <RecentSearches />
      <TableOfContents hitCounts={hitCounts} />
    </>
  );
}

/** The results of the search in the box: this report's, or every report's. */
function Results() {
  const { librarySearch } = useReader();
  const everyReport = useStore(librarySearch, (state) => state.scope === 'all');
  return everyReport ? <LibraryResults /> : <SearchResults />;
}

interface PanelRow extends Omit<SidebarPanel<PanelId>, 'title'> {
  /** The command that shows the panel: its keys go in the tab's tooltip. */
  command?: string;
}

const PANELS: PanelRow[] = [
  { id: 'toc', label: '目录', short: '目录', content: <TocPanel />, above: <Results /> },
  {
    id: 'glossary',
    label: '名词解释',
    short: '名词',
    command: 'panel.glossary',
    content: <GlossaryPanel />,
  },
  {
    id: 'annotations',
    label: '批注',
    short: '批注',
    command: 'panel.annotations',
    content: <AnnotationsPanel />,
  },
  {
    id: 'bookmarks',
    label: '书签',
    short: '书签',
    command: 'panel.bookmarks',
    content: <BookmarksPanel />,
  },
  {
    id: 'figures',
    label: '数说报告',
    short: '数说',
    command: 'panel.figures',
    content: <FiguresPanel />,
  },
];

/** Only while a comparison is on show: a tab that could show nothing is not offered. */
const WITH_EDITIONS: PanelRow[] = [
  ...PANELS,
  {
    id: 'editions',
    label: '修订对照',
    short: '修订',
    command: 'panel.editions',
    content: <EditionsPanel />,
  },
];

export function SidebarPanels() {
  const { sidebar, slots, commands, editions } = useReader();
  const open = useStore(sidebar, (state) => state.open);
  const active = useStore(sidebar, (state) => state.panel);
  const compared = useStore(editions, (state) => state.comparison !== null);
  if (!open) return null;
  const panels = (compared ? WITH_EDITIONS : PANELS).map(({ command, ...panel }) => ({
    ...panel,
    title: command && titleWithKeys(panel.label, commands.get(command).keys, IS_MAC),
  }));
  return createPortal(
    <Sidebar<PanelId> panels={panels} active={active} onChoose={sidebar.choose} />,
    slots.sidebar,
  );
}
