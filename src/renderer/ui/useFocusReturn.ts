/**
 * Focus back to the control an in-place edit started from (重命名), once the
 * edit's field has gone: the field had focus, and without this it would be
 * handed to the page's start. Only when asked: an edit ended by clicking
 * elsewhere leaves focus where the click put it.
 */
import { useEffect, useRef } from 'react';

export function useFocusReturn<T extends HTMLElement>(editing: boolean) {
  const target = useRef<T>(null);
  const wanted = useRef(false);
  useEffect(() => {
    if (editing || !wanted.current) return;
    wanted.current = false;
    target.current?.focus();
  }, [editing]);
  return {
    /** The control focus returns to. */
    target,
    /** Call as the edit ends from the keyboard (Enter, Esc, 保存, 取消). */
    returnFocus: () => {
      wanted.current = true;
    },
  };
}
