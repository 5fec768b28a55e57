/**
 * The 书架: every report on the shelf over the reading pane, the bundled one
 * first. Open one (click, or Enter), rename it, take it off the shelf (its
 * copy and its notes are kept: 已移除 puts it back), or add a file. Esc or
 * 返回阅读 goes back to the report, with focus where it was. After a removal
 * focus goes to the report now in the removed one's place.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Slots } from '../../app/slots';
import { createPortal } from 'react-dom';
import { useReader } from '../../app/context';
import { CommandButton } from '../../commands/CommandButton';
import { useStore } from '../../store';
import { focusMovedOn } from '../../ui/focus-after-removal';
import { ReportRow } from './ReportRow';
import { occasionLine } from './shelf-view';

export const LIBRARY_SLOT_ID = 'library-slot';

/** One string: a line break in JSX would put a space between two Chinese sentences. */
const HINT =
  '可以打开 PDF、Word（.docx）、网页（.html）和文本（.txt）格式的报告，也可以把文件直接拖进窗口。' +
  '报告会在数据文件夹中另存一份，原文件移走后照样能读。';

/**
 * While the shelf covers the text, the text and the sidebar are out of reach
 * (inert) and focus is on the shelf; after, focus goes back where it was.
 */
function coverText(slots: Slots, focus: HTMLElement | null): () => void {
  const returnTo = document.activeElement;
  slots.pane.inert = true;
  slots.sidebar.inert = true;
  focus?.focus();
  return () => {
    slots.pane.inert = false;
    slots.sidebar.inert = false;
    if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
  };
}

function Removed() {
  const { shelf } = useReader();
  const removed = useStore(shelf, (state) => state.view.removed);
  if (removed.length === 0) return null;
  return (
    <details className="library-removed">
      <summary>已移除（{removed.length}）：副本和批注都还在，可以放回书架</summary>
      <ul className="library-list">
        {removed.map((report) => (
          <li key={report.id} className="shelf-row">
            <div className="shelf-open">
              <span className="shelf-title">{report.title}</span>
              <span className="shelf-meta">
                {occasionLine(report)} · 批注 {report.counts.annotations} · 书签{' '}
                {report.counts.bookmarks}
              </span>
            </div>
            <div className="shelf-actions">
              <button
                type="button"
                className="tool-button"
                aria-label={`把《${report.title}》放回书架`}
                onClick={() => void shelf.restore(report.id)}
              >
                放回书架
              </button>
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function LibraryView() {
  const { shelf, slots, commands, report: onScreen } = useReader();
  const shown = useStore(shelf, (state) => state.shown);
  const reports = useStore(shelf, (state) => state.view.reports);
  const current = useStore(shelf, (state) => state.current);
  const focus = useStore(shelf, (state) => state.focus);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (shown) return coverText(slots, heading.current);
  }, [shown, slots]);
  useEffect(() => {
    // A reader going down (its report was just switched away from) leaves it to the next one's 书架.
    if (!shown || focus === null || onScreen.id !== current) return;
    shelf.focusTaken();
    // A reader who put focus elsewhere while the removal or the 撤销 was under
    // way keeps it there, as in the panels: only focus the removal dropped, or
    // the 书架's own first stop (its heading), moves on; so does focus left
    // where it was when the putting back began (Ctrl+Z on another row).
    const held = 'held' in focus && document.activeElement === focus.held;
    if (!held && focusMovedOn(heading.current)) return;
    const rows = [...(list.current?.querySelectorAll<HTMLElement>(':scope > li') ?? [])];
    const row =
      'report' in focus
        ? rows.find((candidate) => candidate.dataset.report === focus.report)
        : rows[Math.min(focus.at, rows.length - 1)];
    (row?.querySelector<HTMLElement>('.shelf-open') ?? heading.current)?.focus();
  }, [shown, focus, onScreen.id, current, reports, shelf]);

  const slot = document.getElementById(LIBRARY_SLOT_ID);
  if (!shown || !slot) return null;
  const onRemove = (report: string) => void shelf.remove(report);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    shelf.hide();
  };
  return createPortal(
    <section className="library" aria-labelledby="library-title" onKeyDown={onKeyDown}>
      <header className="library-header">
        <h2 id="library-title" className="library-title" tabIndex={-1} ref={heading}>
          书架
        </h2>
        <span className="library-count">共 {reports.length} 份报告</span>
        <CommandButton registry={commands} id="library.open">
          打开报告…
        </CommandButton>
        <button type="button" className="tool-button" onClick={shelf.hide}>
          返回阅读
        </button>
      </header>
      <p className="library-hint">{HINT}</p>
      <ul className="library-list" ref={list}>
        {reports.map((report) => (
          <ReportRow
            key={report.id}
            report={report}
            current={report.id === current}
            onRemove={onRemove}
          />
        ))}
      </ul>
      <Removed />
    </section>,
    slot,
  );
}
