/**
 * What the sidebar holds: search results above every panel (this report's,
 * or every report's grouped by report), then one of 目录, 名词解释, 批注, 书签
 * and 数说报告, and 修订对照 while two editions are compared. Each panel is its
 * feature's own component; this only puts them side by side.
 */
import { createPortal } from 'react-dom';
import { AnnotationsPanel } from '../features/annotations/AnnotationsPanel';
import { BookmarksPanel } from '../features/bookmarks/BookmarksPanel';
import { EditionsPanel } from '../features/editions/EditionsPanel';
import { FiguresPanel } from '../features/figures/FiguresPanel';
import { GlossaryPanel } from '../features/glossary/GlossaryPanel';
import { LibraryResults } from '../features/library/LibraryResults';
import { RecentSearches } from '../features/search/RecentSearches';
import { SearchResults } from '../features/search/SearchResults';
import { useSectionHitCounts } from '../features/search/useSectionHitCounts';
import { Sidebar, type SidebarPanel } from '../features/sidebar/Sidebar';
import type { PanelId } from '../features/sidebar/sidebar-store';
import { TableOfContents } from '../features/toc/TableOfContents';
import { useStore } from '../store';
import { useReader } from './context';

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

const PANELS: SidebarPanel<PanelId>[] = [
  { id: 'toc', label: '目录', content: <TocPanel /> },
  { id: 'glossary', label: '名词解释', content: <GlossaryPanel /> },
  { id: 'annotations', label: '批注', content: <AnnotationsPanel /> },
  { id: 'bookmarks', label: '书签', content: <BookmarksPanel /> },
  { id: 'figures', label: '数说报告', content: <FiguresPanel /> },
];

/** Only while a comparison is on show: a tab that could show nothing is not offered. */
const WITH_EDITIONS: SidebarPanel<PanelId>[] = [
  ...PANELS,
  { id: 'editions', label: '修订对照', content: <EditionsPanel /> },
];

export function SidebarPanels() {
  const { sidebar, slots, editions, librarySearch } = useReader();
  const compared = useStore(editions, (state) => state.comparison !== null);
  const open = useStore(sidebar, (state) => state.open);
  const active = useStore(sidebar, (state) => state.panel);
  const everyReport = useStore(librarySearch, (state) => state.scope === 'all');
  if (!open) return null;
  return createPortal(
    <Sidebar<PanelId>
      panels={compared ? WITH_EDITIONS : PANELS}
      active={active}
      onChoose={sidebar.choose}
      above={everyReport ? <LibraryResults /> : <SearchResults />}
    />,
    slots.sidebar,
  );
}
