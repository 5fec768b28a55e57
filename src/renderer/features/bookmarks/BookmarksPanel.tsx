/** 书签: each with its name (renamable), its place in the report, a jump and a delete. */
import { useState } from 'react';
import type { DocumentText } from '../../../shared/doc-text';
import type { ReportDocument } from '../../../shared/document';
import type { Anchored, Bookmark } from '../../../shared/user-data';
import { placeOf } from '../annotations/annotation-view';

interface Props {
  document: ReportDocument;
  doc: DocumentText;
  bookmarks: Anchored<Bookmark>[];
  readOnly: boolean;
  onJump(bookmark: Anchored<Bookmark>): void;
  onRename(bookmark: Anchored<Bookmark>, name: string): void;
  onDelete(bookmark: Anchored<Bookmark>): void;
}

function BookmarkItem({ bookmark, props }: { bookmark: Anchored<Bookmark>; props: Props }) {
  const [renaming, setRenaming] = useState(false);
  const place =
    bookmark.anchor.status === 'orphan'
      ? undefined
      : placeOf(props.document, props.doc, bookmark.anchor.start);
  const finish = (name: string) => {
    setRenaming(false);
    const trimmed = name.trim();
    if (trimmed !== '' && trimmed !== bookmark.name) props.onRename(bookmark, trimmed);
  };
  return (
    <li className="bookmark-item">
      {renaming ? (
        <input
          className="bookmark-rename"
          aria-label="书签名称"
          defaultValue={bookmark.name}
          maxLength={200}
          autoFocus
          onBlur={(event) => finish(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') finish(event.currentTarget.value);
            if (event.key === 'Escape') {
              event.stopPropagation();
              setRenaming(false);
            }
          }}
        />
      ) : (
        <button
          type="button"
          className="bookmark-jump"
          disabled={!place}
          onClick={() => props.onJump(bookmark)}
        >
          <span className="bookmark-name">{bookmark.name}</span>
          <span className="bookmark-place">{place?.label ?? '未能定位'}</span>
        </button>
      )}
      <div className="annotation-actions">
        <button
          type="button"
          className="link-button"
          disabled={props.readOnly}
          onClick={() => setRenaming(true)}
        >
          重命名
        </button>
        <button
          type="button"
          className="link-button"
          disabled={props.readOnly}
          onClick={() => props.onDelete(bookmark)}
        >
          删除
        </button>
      </div>
    </li>
  );
}

export function BookmarksPanel(props: Props) {
  const ordered = [...props.bookmarks].sort(
    (a, b) =>
      (a.anchor.status === 'orphan' ? Infinity : a.anchor.start) -
      (b.anchor.status === 'orphan' ? Infinity : b.anchor.start),
  );
  return (
    <section className="panel bookmarks-panel" aria-label="书签">
      <h2 className="panel-title">书签（{props.bookmarks.length}）</h2>
      {ordered.length === 0 ? (
        <p className="panel-empty">按 Ctrl+D 在当前段落添加书签，再按一次移除。</p>
      ) : (
        <ol className="bookmark-list">
          {ordered.map((bookmark) => (
            <BookmarkItem key={bookmark.id} bookmark={bookmark} props={props} />
          ))}
        </ol>
      )}
    </section>
  );
}
