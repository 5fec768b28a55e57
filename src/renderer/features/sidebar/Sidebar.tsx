/**
 * The sidebar's panels (目录, 批注, 书签 …) behind one row of tabs. Each panel
 * is its own component; this only switches between them. The tabs, and what
 * a panel shows above its scrolling part (the 目录's search results), stay
 * put; only the panel scrolls, and each panel comes back scrolled where the
 * reader left it.
 *
 * Six tabs share a sidebar 300 px wide (down to 85% of a 360 px phone): each
 * shows a two-character name and carries its full name as its accessible
 * name and tooltip, as Zotero's and Koodo's sidebars show icons with names in
 * tooltips. Should the strip still be too narrow (a larger system font), it
 * scrolls sideways and keeps the chosen tab in view; a name never wraps.
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { revealSideways } from '../../ui/scroll-within';

export interface SidebarPanel<Id extends string> {
  id: Id;
  /** The panel's full name: the tab's accessible name and tooltip. */
  label: string;
  /** What the tab shows: the start of `label`, so the name said is the name seen. */
  short: string;
  /** The tooltip, when it says more than the name (its key). */
  title?: string;
  content: ReactNode;
  /** Shown above the panel's scrolling part, in view however far it is scrolled. */
  above?: ReactNode;
}

interface Props<Id extends string> {
  panels: SidebarPanel<Id>[];
  active: Id;
  onChoose(id: Id): void;
}

/** The tab an arrow, Home or End key moves to (WAI-ARIA tabs: arrows wrap around). */
function tabAfterKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function Sidebar<Id extends string>({ panels, active, onChoose }: Props<Id>) {
  const shown = panels.find((panel) => panel.id === active) ?? panels[0];
  const body = useRef<HTMLDivElement>(null);
  const tabs = useRef<HTMLDivElement>(null);
  const scrolled = useRef(new Map<Id, number>());
  useLayoutEffect(() => {
    if (body.current) body.current.scrollTop = scrolled.current.get(shown.id) ?? 0;
    // Where the strip scrolls sideways, the chosen tab is kept in it.
    const tab = tabs.current?.querySelector(`#tab-${shown.id}`);
    if (tabs.current && tab) revealSideways(tabs.current, tab);
  }, [shown.id]);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = panels.findIndex((panel) => panel.id === shown.id);
    const to = tabAfterKey(event.key, index, panels.length);
    if (to === null) return;
    event.preventDefault();
    const next = panels[to];
    onChoose(next.id);
    tabs.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  return (
    <>
      <div className="sidebar-tabs" role="tablist" aria-label="侧栏" ref={tabs}>
        {panels.map((panel) => (
          <button
            key={panel.id}
            id={`tab-${panel.id}`}
            type="button"
            role="tab"
            className="sidebar-tab"
            aria-label={panel.short === panel.label ? undefined : panel.label}
            title={panel.title ?? panel.label}
            aria-selected={panel.id === shown.id}
            aria-controls={`tabpanel-${panel.id}`}
            tabIndex={panel.id === shown.id ? 0 : -1}
            onClick={() => onChoose(panel.id)}
            onKeyDown={onKeyDown}
          >
            {panel.short}
          </button>
        ))}
      </div>
      {shown.above}
      <div
        ref={body}
        id={`tabpanel-${shown.id}`}
        className="sidebar-panel"
        role="tabpanel"
        aria-labelledby={`tab-${shown.id}`}
        onScroll={(event) => scrolled.current.set(shown.id, event.currentTarget.scrollTop)}
      >
        {shown.content}
      </div>
    </>
  );
}
