/**
 * The 书架's pieces that are not needed for the first frame: the shelf
 * itself, a file's progress while it is added, the question whether a file
 * is another edition of a report, and 撤销 after a removal.
 * Loaded as a chunk of their own once the reader is up (app/Reader.tsx).
 */
import { AddingProgress } from './AddingProgress';
import { EditionOffer } from './EditionOffer';
import { LibraryView } from './LibraryView';
import { RemovalToast } from './RemovalToast';

export function LibraryLayer() {
  return (
    <>
      <LibraryView />
      <AddingProgress />
      <EditionOffer />
      <RemovalToast />
    </>
  );
}
