/**
 * Turning a selection into a highlight or a note, and opening a highlight's
 * note: the selection is tracked as a range of the document text, the editor
 * as plain data ({ new range } or { existing id }).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentText } from '../../../shared/doc-text';
import type { HighlightColor } from '../../../shared/user-data';
import { annotationsAt } from './annotation-view';
import { positionAtPoint, rangeToText } from '../reading/text-ranges';
import type { UserDataState } from '../../user-data/useUserData';

export interface TextSelection {
  start: number;
  end: number;
  /** Where it is on screen now (it moves as the pane scrolls). */
  rect(): DOMRect;
}

export type Editing =
  | { mode: 'new'; start: number; end: number; color: HighlightColor; rect(): DOMRect }
  | { mode: 'edit'; id: string; rect(): DOMRect };

function currentSelection(pane: HTMLElement, doc: DocumentText): TextSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!pane.contains(range.commonAncestorContainer)) return null;
  const place = rangeToText(pane, doc, range);
  if (!place) return null;
  const kept = range.cloneRange();
  return { ...place, rect: () => kept.getBoundingClientRect() };
}

export function useAnnotating(pane: HTMLElement, doc: DocumentText, userData: UserDataState) {
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [dragging, setDragging] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [lastColor, setLastColor] = useState<HighlightColor>('c1');

  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setSelection(currentSelection(pane, doc)));
    };
    const down = () => setDragging(true);
    const up = () => setDragging(false);
    document.addEventListener('selectionchange', onChange);
    // A selection made before this listener existed (the reader was quick) counts too.
    onChange();
    pane.addEventListener('pointerdown', down);
    window.addEventListener('pointerup', up);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
      pane.removeEventListener('pointerdown', down);
      window.removeEventListener('pointerup', up);
    };
  }, [pane, doc]);

  // A click on highlighted text (not a selection, not a button) opens its note.
  const { annotations } = userData.data;
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if ((event.target as Element | null)?.closest('button, a, input, textarea')) return;
      if (!(window.getSelection()?.isCollapsed ?? true)) return;
      const at = positionAtPoint(pane, doc, event.clientX, event.clientY);
      if (at === null) return;
      const [hit] = annotationsAt(annotations, at);
      if (!hit) return;
      const { clientX: x, clientY: y } = event;
      setEditing({ mode: 'edit', id: hit.id, rect: () => new DOMRect(x, y - 10, 1, 20) });
    };
    pane.addEventListener('click', onClick);
    return () => pane.removeEventListener('click', onClick);
  }, [pane, doc, annotations]);

  /** Drops the selection once it has become a highlight, unless the reader has since selected something else. */
  const clearSelectionOf = useCallback(
    (start: number, end: number) => {
      const now = currentSelection(pane, doc);
      if (now && (now.start !== start || now.end !== end)) return;
      window.getSelection()?.removeAllRanges();
      setSelection(null);
    },
    [pane, doc],
  );

  const highlight = useCallback(
    async (color: HighlightColor = lastColor) => {
      const chosen = currentSelection(pane, doc) ?? selection;
      if (!chosen) return;
      setLastColor(color);
      const made = await userData.createAnnotation({ start: chosen.start, end: chosen.end, color });
      if (made) clearSelectionOf(chosen.start, chosen.end);
    },
    [selection, pane, doc, userData, lastColor, clearSelectionOf],
  );

  const startNote = useCallback(() => {
    const chosen = currentSelection(pane, doc) ?? selection;
    if (!chosen) return;
    setEditing({
      mode: 'new',
      start: chosen.start,
      end: chosen.end,
      color: lastColor,
      rect: chosen.rect,
    });
  }, [selection, pane, doc, lastColor]);

  return useMemo(
    () => ({
      /** The selection, while it is worth offering the toolbar for it. */
      selection: dragging || editing ? null : selection,
      /**
       * Whether report text is selected right now. Read live, not from state:
       * a key pressed in the same frame as the selection must still see it.
       */
      hasSelection: () => currentSelection(pane, doc) !== null,
      editing,
      lastColor,
      highlight,
      startNote,
      openEditor: (id: string, rect: () => DOMRect) => setEditing({ mode: 'edit', id, rect }),
      closeEditor: () => setEditing(null),
      afterCreate: (start: number, end: number) => {
        clearSelectionOf(start, end);
        setEditing(null);
      },
      setLastColor,
    }),
    [dragging, editing, selection, lastColor, highlight, startNote, clearSelectionOf, pane, doc],
  );
}

export type AnnotatingState = ReturnType<typeof useAnnotating>;
