/**
 * The glossary as the interface uses it: every term's entry, the marked
 * occurrences in the text, which one's popover is open, and showing a given
 * occurrence (scrolled into view, focused, its popover open). The popovers and
 * the 名词解释 panel share this one state, so only one popover is ever open.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReportDocument } from '../../../shared/document';
import type { UserTerm } from '../../../shared/user-data';
import { occurrenceKey, type OccurrenceRef, type TermEntry } from './glossary-popover';
import { scrollRangeIntoView } from '../search/highlights';
import { clearUserTerms, markUserTerms } from './term-marks';
import { userTermEntries } from './user-terms';

export interface TermAnchor extends OccurrenceRef {
  key: string;
  element: HTMLElement;
}

const NO_MARKS = '[]';

/** The marked terms in the pane: pre-rendered by report-html.ts, or marked by term-marks.ts. */
function findAnchors(pane: HTMLElement): TermAnchor[] {
  return [...pane.querySelectorAll<HTMLElement>('[data-glossary]')].map((element) => {
    const ref = {
      entry: element.dataset.glossary ?? '',
      index: Number(element.dataset.occurrence ?? 0),
    };
    return { ...ref, key: occurrenceKey(ref), element };
  });
}

export function reportEntries(document: ReportDocument): TermEntry[] {
  return document.glossary.map((entry) => ({ ...entry, source: 'report' }));
}

export function useGlossary(
  pane: HTMLElement,
  document: ReportDocument,
  userTerms: readonly UserTerm[],
) {
  const report = useMemo(() => reportEntries(document), [document]);
  const mine = useMemo(
    () =>
      userTermEntries(
        userTerms,
        document.blocks,
        document.glossary.flatMap((entry) => entry.occurrences),
      ),
    [userTerms, document],
  );
  const entries = useMemo(() => [...report, ...mine], [report, mine]);
  const [anchors, setAnchors] = useState(() => findAnchors(pane));
  // Marks the reader's terms before paint, then lists every marked term anew.
  // Only when the places change: a new definition must not replace the very
  // element whose popover is open.
  // The pre-rendered page has none of the reader's marks: nothing to do (or
  // re-render) at mount, which keeps the interface's first commit lean.
  const marked = useRef<string | null>(NO_MARKS);
  useLayoutEffect(() => {
    const places = JSON.stringify(mine.map((entry) => [entry.id, entry.occurrences]));
    if (places === marked.current) return;
    marked.current = places;
    markUserTerms(pane, mine);
    // The marks are DOM the layout effect just made: the list can only be read now.
    setAnchors(findAnchors(pane));
  }, [pane, mine]);
  useLayoutEffect(
    () => () => {
      clearUserTerms(pane);
      marked.current = null;
    },
    [pane],
  );
  const [openKey, setOpenKey] = useState<string | null>(null);

  /**
   * Scrolls to an occurrence and opens its popover; focuses it unless told not
   * to (stepping from the panel keeps focus on the panel's buttons).
   */
  const show = useCallback(
    (ref: OccurrenceRef, { focus = true }: { focus?: boolean } = {}) => {
      const key = occurrenceKey(ref);
      const anchor = anchors.find((candidate) => candidate.key === key);
      if (!anchor) return;
      const range = window.document.createRange();
      range.selectNodeContents(anchor.element);
      scrollRangeIntoView(pane, range);
      setOpenKey(key);
      if (focus) anchor.element.focus({ preventScroll: true });
    },
    [anchors, pane],
  );

  return { entries, anchors, openKey, setOpenKey, show };
}

export type Glossary = ReturnType<typeof useGlossary>;
