/**
 * What the sidebar holds: search results above every panel, then one of
 * 目录, 名词解释, 批注 and 书签. Each panel is its own component; this only
 * hands each one its data and what to do when the reader acts.
 */
import type { DocumentText } from '../../../shared/doc-text';
import type { ReportDocument } from '../../../shared/document';
import type { Settings } from '../../../shared/settings';
import type { GlossaryPanelState } from '../glossary/useGlossaryPanel';
import type { useNotebook } from '../annotations/useNotebook';
import { useDeferredValue, useMemo } from 'react';
import { useSearchValue } from '../search/useSearch';
import type { SearchSession } from '../search/search-session';
import { matchesPerSection } from '../search/search-view';
import type { SidebarState } from './useSidebarState';
import type { UserDataState } from '../../user-data/useUserData';
import type { PanelId } from '../../commands/commands';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { BookmarksPanel } from '../bookmarks/BookmarksPanel';
import { GlossaryPanel } from '../glossary/GlossaryPanel';
import { RecentSearches, SearchResults } from '../search/SearchResults';
import { Sidebar } from './Sidebar';
import { TableOfContents } from '../toc/TableOfContents';

export interface ReaderSidebarProps {
  sidebar: SidebarState;
  document: ReportDocument;
  doc: DocumentText;
  settings: Settings;
  search: SearchSession;
  results: {
    texts: ReadonlyMap<string, string>;
    blockOrder: ReadonlyMap<string, number>;
    inDocumentOrder: boolean;
    onOrderChange(inDocumentOrder: boolean): void;
    /** A result or a recent search was chosen: the search is worth remembering. */
    onActed(): void;
    focusSearch(): void;
  };
  toc: {
    current: string | null;
    collapsed: Set<string>;
    onToggle(block: string): void;
  };
  glossaryPanel: GlossaryPanelState;
  onAddTerm: (() => void) | undefined;
  userData: UserDataState;
  notebook: ReturnType<typeof useNotebook>;
  /** Jumps to a block, closing the sidebar where it covers the text. */
  jumpAndClose(block: string): void;
}

export function ReaderSidebar(props: ReaderSidebarProps) {
  const { sidebar, document, doc, settings, search, results, toc, userData, notebook } = props;
  const focusInto = (id: PanelId) => sidebar.focusToc && sidebar.panel === id;
  const result = useSearchValue(search, (state) => state.result);
  // The 目录's counts follow a frame after the results and highlights: the
  // keystroke's own frame draws only what the reader is looking at.
  const countedResult = useDeferredValue(result);
  const hitCounts = useMemo(
    () =>
      countedResult
        ? matchesPerSection(document.outline, results.blockOrder, countedResult.hits)
        : undefined,
    [document, results.blockOrder, countedResult],
  );
  return (
    <Sidebar<PanelId>
      active={sidebar.panel}
      onChoose={sidebar.setPanel}
      above={
        <SearchResults
          result={result}
          texts={results.texts}
          outline={document.outline}
          blockOrder={results.blockOrder}
          inDocumentOrder={results.inDocumentOrder}
          onOrderChange={results.onOrderChange}
          onChoose={(block) => {
            results.onActed();
            props.jumpAndClose(block);
            search.showBlock(block);
          }}
        />
      }
      panels={[
        {
          id: 'toc',
          label: '目录',
          content: (
            <>
              {!result && (
                <RecentSearches
                  recent={settings.recentSearches}
                  onChoose={(query) => {
                    search.input(query, false);
                    results.focusSearch();
                  }}
                />
              )}
              <TableOfContents
                hitCounts={hitCounts}
                autoFocus={focusInto('toc')}
                onAutoFocused={sidebar.focusDone}
                outline={document.outline}
                current={toc.current}
                collapsed={toc.collapsed}
                onToggle={toc.onToggle}
                onJump={props.jumpAndClose}
              />
            </>
          ),
        },
        {
          id: 'glossary',
          label: '名词解释',
          content: (
            <GlossaryPanel
              panel={props.glossaryPanel}
              autoFocus={focusInto('glossary')}
              onAutoFocused={sidebar.focusDone}
              onAdd={props.onAddTerm}
            />
          ),
        },
        {
          id: 'annotations',
          label: '批注',
          content: (
            <AnnotationsPanel
              document={document}
              doc={doc}
              annotations={userData.data.annotations}
              colorNames={settings.colorNames}
              readOnly={userData.data.readOnly}
              onJump={(annotation) => {
                notebook.jumpToAnnotation(annotation);
                sidebar.closeIfCovering();
              }}
              onEdit={notebook.editAnnotation}
              onDelete={(annotation) => void userData.deleteAnnotation(annotation.id)}
              onRenameColor={notebook.renameColor}
              onExport={(format) => void notebook.exportAs(format)}
              onImport={(file) => void notebook.importFile(file)}
            />
          ),
        },
        {
          id: 'bookmarks',
          label: '书签',
          content: (
            <BookmarksPanel
              document={document}
              doc={doc}
              bookmarks={userData.data.bookmarks}
              readOnly={userData.data.readOnly}
              onJump={(bookmark) => {
                notebook.jumpToBookmark(bookmark);
                sidebar.closeIfCovering();
              }}
              onRename={(bookmark, name) => void userData.renameBookmark(bookmark.id, name)}
              onDelete={(bookmark) => void userData.deleteBookmark(bookmark.id)}
            />
          ),
        },
      ]}
    />
  );
}
