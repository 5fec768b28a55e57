/** Keeps the bookmark ribbons in the margin in step with the bookmarks. Renders nothing. */
import { useEffect } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { markBookmarks } from './bookmarks';

export function BookmarkMarkers() {
  const { slots, doc, userData } = useReader();
  const bookmarks = useStore(userData, (state) => state.data.bookmarks);
  useEffect(() => markBookmarks(slots.pane, doc, bookmarks), [slots, doc, bookmarks]);
  return null;
}
