/**
 * Messages the reader must see: a damaged file moved aside, a save that
 * failed, a file that could not be added. Several at once (a folder of bad
 * files dropped) scroll within a third of the window and go with one button.
 * A notice dismissed from the keyboard hands focus to the next one, or to
 * the text once none is left, never to the page's start.
 */
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from '../store';
import { useReader } from './context';

export function NoticeBar() {
  const { notices, slots } = useReader();
  const list = useStore(notices, (state) => state.list);
  const bar = useRef<HTMLDivElement>(null);
  /** Where focus was among the notices when one was dismissed. */
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    const at = refocus.current;
    if (at === null) return;
    refocus.current = null;
    const buttons = bar.current?.querySelectorAll<HTMLElement>('.notice > button') ?? [];
    (buttons[Math.min(at, buttons.length - 1)] ?? slots.pane).focus();
  }, [list, slots]);
  if (list.length === 0) return null;
  const dismiss = (index: number | null) => {
    if (bar.current?.contains(document.activeElement)) refocus.current = index ?? 0;
    if (index === null) notices.dismissAll();
    else notices.dismiss(index);
  };
  return createPortal(
    <div className="notices" role="alert" ref={bar}>
      {list.map((notice, index) => (
        <p key={index} className="notice">
          <span>{notice}</span>
          <button type="button" className="tool-button" onClick={() => dismiss(index)}>
            知道了
          </button>
        </p>
      ))}
      {list.length > 1 && (
        <p className="notice notice-all">
          <span>共 {list.length} 条提示</span>
          <button type="button" className="tool-button" onClick={() => dismiss(null)}>
            全部知道了
          </button>
        </p>
      )}
    </div>,
    slots.notices,
  );
}
