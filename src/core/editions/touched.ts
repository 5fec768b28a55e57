/**
 * Which of my notes a change touches. Annotations and bookmarks are stored
 * against the old edition; each is anchored there (the existing anchoring:
 * position, exact quote, fuzzy, orphan), and a change touches it when the
 * change's old range overlaps the passage (or, for text only put in, lands
 * strictly inside it). A bookmark marks a paragraph, so its passage is the
 * whole block it anchors in. Each touched note is then anchored in the new
 * edition, so the reader sees where it is now, or that it is now an orphan.
 * Notes that are orphans already in the old edition touch nothing.
 */
import { anchorTarget } from '../annotations/anchor';
import { blockIndexAt, documentText, type DocumentText } from '../report/doc-text';
import type { ReportDocument } from '../../shared/document';
import type { Anchor, Annotation, Bookmark, UserData } from '../../shared/user-data';
import type { EditionChange, EditionDiff, EditionReview, TouchedMark } from './types';

interface Placed {
  mark: Annotation | Bookmark;
  kind: TouchedMark['kind'];
  start: number;
  end: number;
}

function touches(change: EditionChange, place: Placed): boolean {
  const { start, end } = change.oldAt;
  if (end > start) return start < place.end && place.start < end;
  return place.start < start && start < place.end;
}

function place(
  doc: DocumentText,
  kind: TouchedMark['kind'],
  mark: Annotation | Bookmark,
): Placed | undefined {
  const anchor = anchorTarget(doc.text, mark.target);
  if (anchor.status === 'orphan') return undefined;
  if (kind === 'annotation') return { mark, kind, start: anchor.start, end: anchor.end };
  const index = blockIndexAt(doc, anchor.start);
  const blockEnd = (doc.starts[index + 1] ?? doc.text.length + 1) - 1;
  return { mark, kind, start: doc.starts[index], end: Math.max(blockEnd, anchor.end) };
}

export interface ReviewOptions {
  /**
   * Where a note anchors in the new edition, when the caller knows. A note it
   * does not know (undefined) is anchored afresh (a full fuzzy search for a
   * quote no longer there: ~25 ms at 1.2 million characters); a caller that
   * has the new edition open already holds these anchors (the user-data
   * service makes them), and passing them also makes the list say where the
   * reader sees the note.
   */
  anchorNow?: (mark: Annotation | Bookmark, kind: TouchedMark['kind']) => Anchor | undefined;
}

export function reviewChanges(
  diff: EditionDiff,
  oldDocument: ReportDocument,
  newDocument: ReportDocument,
  marks: Pick<UserData, 'annotations' | 'bookmarks'>,
  options: ReviewOptions = {},
): EditionReview {
  const oldDoc = documentText(oldDocument.blocks);
  const newDoc = documentText(newDocument.blocks);
  const placed = [
    ...marks.annotations.map((mark) => place(oldDoc, 'annotation', mark)),
    ...marks.bookmarks.map((mark) => place(oldDoc, 'bookmark', mark)),
  ].filter((entry) => entry !== undefined);

  // Anchored in the new edition once each, and only when some change touches it.
  const nowOf = new Map<string, TouchedMark>();
  const touchedMark = ({ mark, kind }: Placed): TouchedMark => {
    const key = `${kind}:${mark.id}`;
    let found = nowOf.get(key);
    if (found === undefined) {
      const now = options.anchorNow?.(mark, kind) ?? anchorTarget(newDoc.text, mark.target);
      const annotation = kind === 'annotation' ? (mark as Annotation) : undefined;
      found = {
        kind,
        id: mark.id,
        quote: mark.target.quote.exact,
        note: annotation ? annotation.note : (mark as Bookmark).name,
        ...(annotation && { color: annotation.color, tags: annotation.tags }),
        now,
        ...(now.status !== 'orphan' && { nowBlock: newDoc.ids[blockIndexAt(newDoc, now.start)] }),
      };
      nowOf.set(key, found);
    }
    return found;
  };

  const reviewed = diff.changes.map((change) => ({
    ...change,
    touched: placed.filter((entry) => touches(change, entry)).map(touchedMark),
  }));
  const touched = reviewed.filter((change) => change.touched.length > 0);
  return {
    changes: [...touched, ...reviewed.filter((change) => change.touched.length === 0)],
    touchedChanges: touched.length,
  };
}
