/** The 目录: three collapsible levels; marks the section the reader is looking at. */
import { memo, useMemo, useRef, useEffect } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { revealInList } from '../../ui/scroll-within';
import { lookingAt } from '../reading/reading-pane';
import { useFocusInto } from '../sidebar/useFocusInto';
import { ancestorsOf, buildOutlineTree, type OutlineNode } from './outline-tree';
import { currentEntry } from './toc';

interface Props {
  /** Search matches per entry (its whole section), while a search is on. */
  hitCounts?: ReadonlyMap<string, number>;
}

/**
 * Memoized: a search answer re-renders the sidebar around it, and the 目录
 * should only be drawn again when its own state changes (its counts come a
 * frame after the results, see app/SidebarPanels.tsx).
 */
export const TableOfContents = memo(function TableOfContents({ hitCounts }: Props) {
  const { document, doc, reading, folds, jumpAndClose } = useReader();
  const { outline } = document;
  const at = useStore(reading, lookingAt);
  const current = useMemo(
    () => currentEntry(outline, doc.indexOf, at)?.block ?? null,
    [outline, doc, at],
  );
  const collapsedList = useStore(folds, (state) => state.collapsed);
  const collapsed = useMemo(() => new Set(collapsedList), [collapsedList]);
  const onToggle = folds.toggle;
  const onJump = jumpAndClose;
  const tree = useMemo(() => buildOutlineTree(outline), [outline]);
  // If the current entry is folded away, mark the nearest entry that shows.
  const marked = useMemo(() => {
    if (current === null) return null;
    const hiddenBy = ancestorsOf(outline, current).find((block) => collapsed.has(block));
    return hiddenBy ?? current;
  }, [outline, current, collapsed]);

  const listRef = useRef<HTMLUListElement>(null);
  useFocusInto('toc', () => {
    const list = listRef.current;
    (
      list?.querySelector<HTMLElement>('[aria-current="location"]') ?? list?.querySelector('a')
    )?.focus();
  });
  // The marked entry kept in view (see ui/scroll-within.ts for why not scrollIntoView).
  useEffect(() => {
    revealInList(listRef.current?.querySelector('[aria-current="location"]'));
  }, [marked]);

  const renderNode = (node: OutlineNode) => {
    const { block, title, level } = node.entry;
    const hasChildren = node.children.length > 0;
    const expanded = hasChildren && !collapsed.has(block);
    return (
      <li key={block} className={`toc-item toc-level-${level}`}>
        <div className="toc-row">
          {hasChildren ? (
            <button
              type="button"
              className="toc-twisty"
              aria-expanded={expanded}
              aria-label={`${expanded ? '折叠' : '展开'}：${title}`}
              onClick={() => onToggle(block)}
            >
              <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
            </button>
          ) : (
            <span className="toc-twisty-space" aria-hidden="true" />
          )}
          <a
            href={`#${block}`}
            className="toc-link"
            aria-current={marked === block ? 'location' : undefined}
            onClick={(event) => {
              event.preventDefault();
              onJump(block);
            }}
          >
            {title}
          </a>
          {hitCounts?.has(block) && (
            <span className="toc-hits" aria-label={`${hitCounts.get(block)} 处匹配`}>
              {hitCounts.get(block)}
            </span>
          )}
        </div>
        {expanded && <ul className="toc-list">{node.children.map(renderNode)}</ul>}
      </li>
    );
  };

  return (
    // Named, not titled: its tab and the toolbar's button already say 目录.
    <nav className="toc" aria-label="目录">
      {tree.length === 0 && (
        <p className="toc-empty">
          这份报告里没有找到章节标题（如“一、”“（一）”），所以目录是空的。
        </p>
      )}
      <ul className="toc-list toc-root" ref={listRef}>
        {tree.map(renderNode)}
      </ul>
    </nav>
  );
});
