/**
 * After a report is taken off the shelf: what happened to it and its notes
 * (kept, never deleted), and 撤销 for a while. It can also be put back from
 * 已移除 on the 书架 at any time.
 */
import { useEffect } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { Toast } from '../../ui/Toast';

const SHOWN_FOR_MS = 10_000;

export function RemovalToast() {
  const { shelf, slots } = useReader();
  const removed = useStore(shelf, (state) => state.removed);
  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(shelf.dismissUndo, SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [removed, shelf]);
  if (!removed) return null;
  const undo = () => {
    shelf.undoRemove();
    // Over the text, the button goes with the toast: the text keeps focus, not the page's start.
    if (!shelf.getSnapshot().shown) slots.pane.focus({ preventScroll: true });
  };
  const { annotations, bookmarks } = removed.counts;
  const kept =
    annotations + bookmarks > 0 ? `，其 ${annotations} 条批注、${bookmarks} 个书签保留着` : '';
  return (
    <Toast>
      <span>
        已把《{removed.title}》移出书架{kept}
      </span>
      <button type="button" className="tool-button" onClick={undo}>
        撤销
      </button>
    </Toast>
  );
}
