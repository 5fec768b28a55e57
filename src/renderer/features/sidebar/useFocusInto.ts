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
