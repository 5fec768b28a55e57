/**
 * State of the 名词解释 panel: expanded or not, focus on opening by command,
 * and which occurrence each entry's row is at. Showing an occurrence goes
 * through the shared glossary state, so the panel and the popovers agree.
 */
import { useCallback, useMemo, useState } from 'react';
import { panelRows } from '../lib/glossary-panel';
import type { Glossary } from './useGlossary';

interface Options {
  sidebarOpen: boolean;
  /** The sidebar covers the text (narrow windows): a jump closes it and takes focus along. */
  coversText: boolean;
  openSidebar(): void;
  /** After a jump: e.g. close a sidebar that covers the text. */
  onShown(): void;
  /** An entry the body never uses: show its appendix entry instead. */
  showBlock(block: string): void;
}

export function useGlossaryPanel(glossary: Glossary, options: Options) {
  const { sidebarOpen, coversText, openSidebar, onShown, showBlock } = options;
  const [expanded, setExpanded] = useState(false);
  /** True when the panel was just opened by the command: focus goes into it. */
  const [focusRequested, setFocusRequested] = useState(false);
  const [current, setCurrent] = useState<ReadonlyMap<string, number>>(new Map());
  const rows = useMemo(() => panelRows(glossary.entries, current), [glossary.entries, current]);

  const toggle = useCallback(() => {
    const open = !(sidebarOpen && expanded);
    if (open && !sidebarOpen) openSidebar();
    setExpanded(open);
    setFocusRequested(open);
  }, [sidebarOpen, expanded, openSidebar]);

  /** `step`: from the row's 上一处/下一处, which keep focus so they can be pressed again. */
  const show = useCallback(
    (id: string, index: number, step = false) => {
      const entry = glossary.entries.find((candidate) => candidate.id === id);
      if (!entry) return;
      setCurrent((map) => new Map(map).set(id, index));
      if (entry.occurrences.length === 0) {
        if (entry.block) showBlock(entry.block);
      } else glossary.show({ entry: id, index }, { focus: !step || coversText });
      onShown();
    },
    [glossary, coversText, onShown, showBlock],
  );

  return {
    rows,
    expanded,
    setExpanded,
    toggle,
    show,
    focusRequested,
    focusDone: useCallback(() => setFocusRequested(false), []),
  };
}

export type GlossaryPanelState = ReturnType<typeof useGlossaryPanel>;
