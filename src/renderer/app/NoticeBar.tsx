/** Messages the reader must see: a damaged file moved aside, a save that failed. */
import { createPortal } from 'react-dom';
import { useStore } from '../store';
import { useReader } from './context';

export function NoticeBar() {
  const { notices, slots } = useReader();
  const list = useStore(notices, (state) => state.list);
  if (list.length === 0) return null;
  return createPortal(
    <div className="notices" role="alert">
      {list.map((notice, index) => (
        <p key={index} className="notice">
          <span>{notice}</span>
          <button type="button" className="tool-button" onClick={() => notices.dismiss(index)}>
            知道了
          </button>
        </p>
      ))}
    </div>,
    slots.notices,
  );
}
