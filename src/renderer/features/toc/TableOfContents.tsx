/** The 目录: three collapsible levels; marks where the reader is. */
import { memo, useEffect, useMemo, useRef } from 'react';
import type { OutlineEntry } from '../../../shared/document';
import { ancestorsOf, buildOutlineTree, type OutlineNode } from './outline-tree';

interface Props {
  /** Focus the current entry on mount (the TOC was opened by a command), then report it. */
  autoFocus: boolean;
  onAutoFocused(): void;
  outline: OutlineEntry[];
  /** Search matches per entry (its whole section), while a search is on. */
  hitCounts?: ReadonlyMap<string, number>;
  /** Block id of the entry the reader is in. */
  current: string | null;
  collapsed: ReadonlySet<string>;
  onToggle(block: string): void;
  onJump(block: string): void;
}

/**
 * Memoized: a search answer re-renders the sidebar around it, and the 目录
 * should only be drawn again when its own props change (its counts come a
 * frame after the results, see ReaderSidebar).
 */
export const TableOfContents = memo(function TableOfContents({
  autoFocus,
  onAutoFocused,
  outline,
  hitCounts,
  current,
  collapsed,
  onToggle,
  onJump,
}: Props) {
  const tree = useMemo(() => buildOutlineTree(outline), [outline]);
  // If the current entry is folded away, mark the nearest entry that shows.
  const marked = useMemo(() => {
    if (current === null) return null;
    const hiddenBy = ancestorsOf(outline, current).find((block) => collapsed.has(block));
    return hiddenBy ?? current;
  }, [outline, current, collapsed]);

  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!autoFocus) return;
    onAutoFocused();
    const list = listRef.current;
    (
      list?.querySelector<HTMLElement>('[aria-current="location"]') ?? list?.querySelector('a')
    )?.focus();
  }, [autoFocus, onAutoFocused]);
  useEffect(() => {
    listRef.current
      ?.querySelector('[aria-current="location"]')
      ?.scrollIntoView({ block: 'nearest' });
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
    <nav className="toc" aria-label="目录">
      <h2 className="panel-title">目录</h2>
      <ul className="toc-list toc-root" ref={listRef}>
        {tree.map(renderNode)}
      </ul>
    </nav>
  );
});
