/** 书签: each with its name (renamable), its place in the report, a jump and a delete. */
import { useRef, useState } from 'react';
import type { Anchored, Bookmark } from '../../../shared/user-data';
import { useReader } from '../../app/context';
import { keyLabel } from '../../commands/shortcut-labels';
import { useStore } from '../../store';
import { DeleteRowButton } from '../sidebar/DeleteRowButton';
import { focusFirstIn, useFocusInto } from '../sidebar/useFocusInto';
import { useFocusReturn } from '../../ui/useFocusReturn';
import { placeOf } from '../annotations/annotation-view';
import { jumpToBookmark } from './bookmarks';

function BookmarkItem({ bookmark }: { bookmark: Anchored<Bookmark> }) {
  const { document, doc, userData, reading, sidebar } = useReader();
  const readOnly = useStore(userData, (state) => state.data.readOnly);
  const [renaming, setRenaming] = useState(false);
  const { target: renameButton, returnFocus } = useFocusReturn<HTMLButtonElement>(renaming);
  const place =
    bookmark.anchor.status === 'orphan' ? undefined : placeOf(document, doc, bookmark.anchor.start);
  const finish = (name: string) => {
    setRenaming(false);
    const trimmed = name.trim();
    if (trimmed !== '' && trimmed !== bookmark.name)
      void userData.renameBookmark(bookmark.id, trimmed);
  };
  return (
    <li className="panel-item bookmark-item">
      {renaming ? (
        <input
          className="bookmark-rename field"
          aria-label="书签名称"
          defaultValue={bookmark.name}
          maxLength={200}
          autoFocus
          onBlur={(event) => finish(event.target.value)}
          onKeyDown={(event) => {
            // The Enter or Esc that ends an input method's composition is the input method's.
            if (event.nativeEvent.isComposing) return;
            if (event.key === 'Enter') {
              // Else the Enter would go on to press 重命名, which takes focus back.
              event.preventDefault();
              returnFocus();
              finish(event.currentTarget.value);
            }
            if (event.key === 'Escape') {
              event.stopPropagation();
              returnFocus();
              setRenaming(false);
            }
          }}
        />
      ) : (
        <button
          type="button"
          className="panel-item-jump row-button bookmark-jump"
          disabled={!place}
          onClick={() => {
            jumpToBookmark(reading, doc, bookmark);
            sidebar.closeIfCovering();
          }}
        >
          <span className="bookmark-name">{bookmark.name}</span>
          <span className="panel-item-place bookmark-place">{place?.label ?? '未能定位'}</span>
        </button>
      )}
      <div className="button-row">
        <button
          ref={renameButton}
          type="button"
          className="link-button"
          disabled={readOnly}
          onClick={() => setRenaming(true)}
        >
          重命名
        </button>
        <DeleteRowButton
          panel=".bookmarks-panel"
          disabled={readOnly}
          onDelete={() => void userData.deleteBookmark(bookmark.id)}
        />
      </div>
    </li>
  );
}

export function BookmarksPanel() {
  const { userData, commands } = useReader();
  const section = useRef<HTMLElement>(null);
  useFocusInto('bookmarks', () => focusFirstIn(section.current));
  const bookmarks = useStore(userData, (state) => state.data.bookmarks);
  const readOnly = useStore(userData, (state) => state.data.readOnly);
  const readOnlyReason = useStore(userData, (state) => state.data.readOnlyReason);
  const ordered = [...bookmarks].sort(
    (a, b) =>
      (a.anchor.status === 'orphan' ? Infinity : a.anchor.start) -
      (b.anchor.status === 'orphan' ? Infinity : b.anchor.start),
  );
  return (
    <section ref={section} className="panel bookmarks-panel" aria-label="书签">
      <h2 className="panel-title">书签（{bookmarks.length}）</h2>
      {ordered.length === 0 ? (
        <p className="panel-empty">
          {readOnly
            ? // An earlier edition (or a folder another reader holds): the key would only fail.
              `没有书签。${readOnlyReason ?? '数据文件只能查看，不能添加书签。'}`
            : `按 ${keyLabel(commands.get('bookmark.toggle'))} 在当前段落添加书签，再按一次移除。`}
        </p>
      ) : (
        <ol className="item-list bookmark-list">
          {ordered.map((bookmark) => (
            <BookmarkItem key={bookmark.id} bookmark={bookmark} />
          ))}
        </ol>
      )}
    </section>
  );
}
