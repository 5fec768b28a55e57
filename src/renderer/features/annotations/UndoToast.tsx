/** After a deletion: what went, and 撤销 (the annotation.undo command, also Ctrl/Cmd+Z) for a while. */
import { useEffect } from 'react';
import { useReader } from '../../app/context';
import { Toast } from '../../ui/Toast';
import type { Deleted } from '../../user-data/user-data-store';

const SHOWN_FOR_MS = 10_000;

export function UndoToast({ deleted }: { deleted: Deleted }) {
  const { userData, commands } = useReader();
  useEffect(() => {
    const timer = setTimeout(userData.dismissUndo, SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [deleted, userData]);
  const what = deleted.kind === 'annotation' ? '批注' : `书签“${deleted.item.name}”`;
  return (
    <Toast>
      <span>已删除{what}</span>
      <button type="button" className="tool-button" onClick={() => commands.run('annotation.undo')}>
        撤销
      </button>
    </Toast>
  );
}
