/** While a file is being added: its name, what is being done, and how far it has come. The window stays usable. */
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { Toast } from '../../ui/Toast';
import { STAGE_LABELS } from './shelf-store';

export function AddingProgress() {
  const { shelf } = useReader();
  const adding = useStore(shelf, (state) => state.adding);
  if (!adding) return null;
  const { fileName, stage, done, total } = adding;
  // PDF pages are counted; the other steps are one step each.
  const pages = stage === 'extract' && total > 1 ? `（第 ${done}/${total} 页）` : '';
  return (
    <Toast className="adding-progress">
      <span className="adding-text">
        正在加入书架{fileName ? `：${fileName}` : ''} — {STAGE_LABELS[stage]}
        {pages}
      </span>
      <progress
        max={total > 0 ? total : undefined}
        value={total > 1 ? done : undefined}
        aria-label="加入书架的进度"
      />
    </Toast>
  );
}
