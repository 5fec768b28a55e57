/**
 * State of the 名词解释 panel: which occurrence each entry's row is at.
 * Showing an occurrence goes through the shared glossary state, so the panel
 * and the popovers agree.
 */
import { useCallback, useMemo, useState } from 'react';
import { panelRows } from './glossary-panel';
import type { Glossary } from './useGlossary';

interface Options {
  /** The sidebar covers the text (narrow windows): a jump closes it and takes focus along. */
  coversText: boolean;
  /** After a jump: e.g. close a sidebar that covers the text. */
  onShown(): void;
  /** An entry the body never uses: show its appendix entry instead. */
  showBlock(block: string): void;
}

export function useGlossaryPanel(glossary: Glossary, options: Options) {
  const { coversText, onShown, showBlock } = options;
  const [current, setCurrent] = useState<ReadonlyMap<string, number>>(new Map());
  const rows = useMemo(() => panelRows(glossary.entries, current), [glossary.entries, current]);

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

  return { rows, show };
}

export type GlossaryPanelState = ReturnType<typeof useGlossaryPanel>;
