/** Bookmarks in the text: one per block at most, put where the reader is, and jumped back to. */
import { blockIndexAt, type DocumentText } from '../../../core/report/doc-text';
import type { Anchored, Bookmark } from '../../../shared/user-data';
import type { UserDataStore } from '../../user-data/user-data-store';
import { bookmarkInBlock } from '../annotations/annotation-view';
import type { ReadingPane } from '../reading/reading-pane';

/** Ctrl+D: a bookmark on the paragraph the reader chose (in focus, else at the top of the view), or its bookmark removed. */
export function toggleBookmark(
  userData: UserDataStore,
  reading: ReadingPane,
  doc: DocumentText,
): void {
  const block = reading.chosenBlock();
  if (block === null) return;
  const current = bookmarkInBlock(userData.data.bookmarks, doc, block);
  if (current) void userData.deleteBookmark(current.id);
  else void userData.createBookmark(block);
}

export function jumpToBookmark(
  reading: ReadingPane,
  doc: DocumentText,
  bookmark: Anchored<Bookmark>,
): void {
  if (bookmark.anchor.status !== 'orphan')
    reading.jumpTo(doc.ids[blockIndexAt(doc, bookmark.anchor.start)]);
}

/** Marks each bookmarked block (`data-bookmarked`, its name), for CSS to draw a ribbon in the margin. */
export function markBookmarks(
  pane: HTMLElement,
  doc: DocumentText,
  bookmarks: Anchored<Bookmark>[],
): void {
  for (const element of pane.querySelectorAll<HTMLElement>('[data-bookmarked]')) {
    delete element.dataset.bookmarked;
  }
  for (const id of doc.ids) {
    const bookmark = bookmarkInBlock(bookmarks, doc, id);
    const element = bookmark && pane.querySelector<HTMLElement>(`[data-block="${id}"]`);
    if (element) element.dataset.bookmarked = bookmark.name;
  }
}
