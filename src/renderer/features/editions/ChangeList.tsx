/**
 * One group of the 修订对照 list (the changes touching my notes, or the
 * others), windowed: only the changes in view and a margin around them are
 * in the DOM (useRowWindow), gaps of their height stand for the rest, so the
 * scrollbar and the reader's place are those of the whole list.
 *
 * Every change can still be reached: each row says where it is in the group
 * (aria-posinset of aria-setsize, for a screen reader that sees only the rows
 * drawn); the row holding the focus and the rows on each side of it are
 * always drawn, so Tab and Shift+Tab go on to the next change wherever the
 * list is scrolled (the focus then scrolls it into view, and the window
 * follows); `.` and `,` draw the change stepped to wherever it is and scroll
 * it into view; the export lists them all.
 */
import { useCallback, useRef, useState, type FocusEvent } from 'react';
import type { ComparedChange } from '../../../shared/editions';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { ChangeItem } from './ChangeItem';
import { useRowWindow } from './useRowWindow';

/** The row (`data-row`) an element is in, or -1. */
function rowOf(target: EventTarget | null): number {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-row]') : null;
  return row ? Number(row.dataset.row) : -1;
}

export function ChangeList({ title, changes }: { title: string; changes: ComparedChange[] }) {
  const { editions } = useReader();
  const current = useStore(editions, (state) => state.current);
  const list = useRef<HTMLOListElement>(null);
  const [focused, setFocused] = useState(-1);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const stepped = changes.findIndex((change) => change.id === current);
  // The rows on each side of the focus too: Tab and Shift+Tab find one, however fast they come.
  const { parts, measure } = useRowWindow(
    list,
    changes,
    focused < 0 ? [stepped] : [stepped, focused - 1, focused, focused + 1],
  );
  // Kept here, not in the row: a row scrolled out of the window and back stays expanded.
  const toggle = useCallback(
    (id: string) =>
      setExpanded((now) => {
        const next = new Set(now);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const onBlur = (event: FocusEvent) => {
    if (!list.current?.contains(event.relatedTarget as Node | null)) setFocused(-1);
  };
  if (changes.length === 0) return null;
  return (
    <section className="change-group" aria-label={title}>
      <h3 className="panel-subtitle">
        {title}
        <span className="panel-count">{changes.length}</span>
      </h3>
      <ol
        className="item-list change-list"
        ref={list}
        onFocus={(event) => setFocused(rowOf(event.target))}
        onBlur={onBlur}
      >
        {parts.map((part) =>
          'gap' in part ? (
            <li
              key={`gap-${part.from}`}
              className="change-gap"
              aria-hidden="true"
              style={{ height: part.gap }}
            />
          ) : (
            <ChangeItem
              key={changes[part.row].id}
              change={changes[part.row]}
              row={part.row}
              rows={changes.length}
              expanded={expanded.has(changes[part.row].id)}
              onToggle={toggle}
              measure={measure}
            />
          ),
        )}
      </ol>
    </section>
  );
}
