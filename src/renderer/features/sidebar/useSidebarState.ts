/**
 * The sidebar's state: open or closed, beside the text (wide windows) or over
 * it (narrow), which panel shows, and where focus goes when it opens or closes.
 */
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { PanelId } from '../../commands/commands';
import type { Slots } from '../../app/slots';
import { readViewCache, writeViewCache } from '../../app/view-cache';

/** Below this width the sidebar covers the text instead of sitting beside it. */
const WIDE_LAYOUT = '(min-width: 960px)';

/** Beside the text (wide) it opens as the reader last left it; over the text (narrow), closed. */
const tocOpenFor = (wide: boolean) => wide && (readViewCache().tocOpen ?? true);

export function useSidebarState(slots: Slots) {
  const [wide, setWide] = useState(() => window.matchMedia(WIDE_LAYOUT).matches);
  const [tocOpen, setTocOpen] = useState(() => tocOpenFor(wide));
  useEffect(() => {
    const query = window.matchMedia(WIDE_LAYOUT);
    const onChange = () => {
      setWide(query.matches);
      setTocOpen(tocOpenFor(query.matches));
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  useLayoutEffect(() => {
    slots.reader.classList.toggle('toc-open', tocOpen);
    slots.reader.classList.toggle('toc-closed', !tocOpen);
  }, [slots, tocOpen]);

  /** True when the sidebar was just opened by a command: focus goes into it. */
  const [focusToc, setFocusToc] = useState(false);
  const toggleToc = useCallback(() => {
    const open = !tocOpen;
    // Only a choice made while the sidebar sits beside the text is remembered.
    if (wide) writeViewCache({ tocOpen: open });
    setFocusToc(open);
    // Focus inside the sidebar would be lost with it: hand it to the toggle.
    if (!open && slots.sidebar.contains(window.document.activeElement)) {
      slots.toolbar.querySelector<HTMLElement>('[data-command="toc.toggle"]')?.focus();
    }
    setTocOpen(open);
  }, [tocOpen, wide, slots]);

  const [panel, setPanel] = useState<PanelId>('toc');
  const showPanel = (id: PanelId) => {
    if (tocOpen && panel === id) return toggleToc();
    setPanel(id);
    if (!tocOpen) toggleToc();
  };
  /** After a jump from the sidebar: over the text, it would hide what it jumped to. */
  const closeIfCovering = useCallback(() => {
    if (!wide) setTocOpen(false);
  }, [wide]);

  return {
    wide,
    tocOpen,
    focusToc,
    focusDone: () => setFocusToc(false),
    toggleToc,
    panel,
    setPanel,
    showPanel,
    closeIfCovering,
  };
}

export type SidebarState = ReturnType<typeof useSidebarState>;
