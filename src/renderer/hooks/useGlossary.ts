/**
 * The glossary as the interface uses it: every term's entry, the marked
 * occurrences in the text, which one's popover is open, and showing a given
 * occurrence (scrolled into view, focused, its popover open). The popovers and
 * the 名词解释 panel share this one state, so only one popover is ever open.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ReportDocument } from '../../shared/document';
import { occurrenceKey, type OccurrenceRef, type TermEntry } from '../lib/glossary-popover';
import { scrollRangeIntoView } from '../lib/highlights';

export interface TermAnchor extends OccurrenceRef {
  key: string;
  element: HTMLElement;
}

/** The marked terms in the pane, as pre-rendered by report-html.ts. */
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

export function useGlossary(pane: HTMLElement, document: ReportDocument) {
  const entries = useMemo(() => reportEntries(document), [document]);
  const anchors = useMemo(() => findAnchors(pane), [pane]);
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
