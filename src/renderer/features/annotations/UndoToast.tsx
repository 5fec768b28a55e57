/** After a deletion: what went, and 撤销 (also Ctrl/Cmd+Z) for a while. */
import { useEffect } from 'react';
import type { Deleted } from '../../user-data/useUserData';

const SHOWN_FOR_MS = 10_000;

export function UndoToast({
  deleted,
  onUndo,
  onDismiss,
}: {
  deleted: Deleted;
  onUndo(): void;
  onDismiss(): void;
}) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [deleted, onDismiss]);
  const what = deleted.kind === 'annotation' ? '批注' : `书签“${deleted.item.name}”`;
  return (
    <div className="toast" role="status">
      <span>已删除{what}</span>
      <button type="button" className="tool-button" onClick={onUndo}>
        撤销
      </button>
    </div>
  );
}
