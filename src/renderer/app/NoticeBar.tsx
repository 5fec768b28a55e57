/**
 * Messages the reader must see: a damaged file moved aside, a save that
 * failed, a file that could not be added (errors, announced as alerts, in
 * red), and news such as a file exported or a report already on the shelf
 * (calm, a polite status). Errors come first; each kind keeps the order it
 * was told. Several at once (a folder of bad files dropped) scroll within a
 * third of the window and go with one button. A notice dismissed from the
 * keyboard hands focus to the next one, or to the text once none is left,
 * never to the page's start.
 */
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from '../store';
import { useReader } from './context';
import type { Notice } from './notices';

type Shown = Notice & { index: number };

function NoticeItem({
  notice,
  dismiss,
}: {
  notice: Shown;
  dismiss: (index: number, button: HTMLElement) => void;
}) {
  return (
    <p className={`notice notice-${notice.kind}`}>
      <span>{notice.text}</span>
      <button
        type="button"
        className="tool-button"
        onClick={(event) => dismiss(notice.index, event.currentTarget)}
      >
        知道了
      </button>
    </p>
  );
}

export function NoticeBar() {
  const { notices, slots } = useReader();
  const list = useStore(notices, (state) => state.list);
  const bar = useRef<HTMLDivElement>(null);
  /** Where focus was among the notices' buttons when one was dismissed. */
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    const at = refocus.current;
    if (at === null) return;
    refocus.current = null;
    const buttons = bar.current?.querySelectorAll<HTMLElement>('.notice > button') ?? [];
    (buttons[Math.min(at, buttons.length - 1)] ?? slots.pane).focus();
  }, [list, slots]);
  const held = (button: HTMLElement | null) => {
    if (!bar.current?.contains(document.activeElement)) return;
    const buttons = [...bar.current.querySelectorAll<HTMLElement>('.notice > button')];
    refocus.current = Math.max(0, button === null ? 0 : buttons.indexOf(button));
  };
  const dismiss = (index: number, button: HTMLElement) => {
    held(button);
    notices.dismiss(index);
  };
  const dismissAll = () => {
    held(null);
    notices.dismissAll();
  };
  const shown = list.map((notice, index) => ({ ...notice, index }));
  const errors = shown.filter((notice) => notice.kind === 'error');
  const news = shown.filter((notice) => notice.kind === 'info');
  return createPortal(
    <div className={list.length > 0 ? 'notices' : 'notices-none'} ref={bar}>
      {/* An alert is announced as it appears: it is made with its first error. */}
      {errors.length > 0 && (
        <div role="alert" className="notice-group">
          {errors.map((notice) => (
            <NoticeItem key={notice.index} notice={notice} dismiss={dismiss} />
          ))}
        </div>
      )}
      {/* A polite region is only heard when it changes: it is there before any news. */}
      <div role="status" aria-live="polite" className="notice-group">
        {news.map((notice) => (
          <NoticeItem key={notice.index} notice={notice} dismiss={dismiss} />
        ))}
      </div>
      {list.length > 1 && (
        <p className="notices-all">
          <span>共 {list.length} 条提示</span>
          <button type="button" className="tool-button" onClick={dismissAll}>
            全部知道了
          </button>
        </p>
      )}
    </div>,
    slots.notices,
  );
}
