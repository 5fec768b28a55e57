/**
 * The sidebar's panels (目录, 批注, 书签 …) behind one row of tabs. Each panel
 * is its own component; this only switches between them. The tabs and what
 * is shown above every panel (search results) stay put; only the panel
 * scrolls, and each panel comes back scrolled where the reader left it.
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface SidebarPanel<Id extends string> {
  id: Id;
  label: string;
  content: ReactNode;
}

interface Props<Id extends string> {
  panels: SidebarPanel<Id>[];
  active: Id;
  onChoose(id: Id): void;
  /** Shown above every panel: search results belong to no one panel. */
  above?: ReactNode;
}

export function Sidebar<Id extends string>({ panels, active, onChoose, above }: Props<Id>) {
  const shown = panels.find((panel) => panel.id === active) ?? panels[0];
  const body = useRef<HTMLDivElement>(null);
  const scrolled = useRef(new Map<Id, number>());
  useLayoutEffect(() => {
    if (body.current) body.current.scrollTop = scrolled.current.get(shown.id) ?? 0;
  }, [shown.id]);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = panels.findIndex((panel) => panel.id === shown.id);
    const next = panels[(index + step + panels.length) % panels.length];
    onChoose(next.id);
    event.currentTarget.parentElement?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  return (
    <>
      <div className="sidebar-tabs" role="tablist" aria-label="侧栏">
        {panels.map((panel) => (
          <button
            key={panel.id}
            id={`tab-${panel.id}`}
            type="button"
            role="tab"
            className="sidebar-tab"
            aria-selected={panel.id === shown.id}
            aria-controls={`tabpanel-${panel.id}`}
            tabIndex={panel.id === shown.id ? 0 : -1}
            onClick={() => onChoose(panel.id)}
            onKeyDown={onKeyDown}
          >
            {panel.label}
          </button>
        ))}
      </div>
      {above}
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
