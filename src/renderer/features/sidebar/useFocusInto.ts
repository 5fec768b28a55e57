/** A panel takes focus when the sidebar was just opened on it by a command (o, g, a, b). */
import { useEffect, useRef } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import type { PanelId } from './sidebar-store';

export function useFocusInto(panel: PanelId, focus: () => void): void {
  const { sidebar } = useReader();
  const now = useStore(sidebar, (state) => state.focusInto && state.panel === panel);
  const latest = useRef(focus);
  useEffect(() => {
    latest.current = focus;
  });
  useEffect(() => {
    if (!now) return;
    sidebar.focusDone();
    latest.current();
  }, [now, sidebar]);
}

/**
 * The first thing to act on in a list panel: its first entry, else its first
 * enabled control, else its tab: never left behind on the text it covers.
 */
export function focusFirstIn(panel: HTMLElement | null): void {
  const target =
    panel?.querySelector<HTMLElement>('.item-list button:not(:disabled)') ??
    panel?.querySelector<HTMLElement>('button:not(:disabled), input:not([type="file"])') ??
    document.querySelector<HTMLElement>('#sidebar [role="tab"][aria-selected="true"]');
  target?.focus();
}
