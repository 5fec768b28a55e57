/**
 * Two editions compared for the reader, in one call: the changes (figures
 * named as 数说报告 names them), which of my notes each touches and where
 * those notes anchor in the new edition, each with its place and context.
 * What the worker (src/services/editions) runs off the main thread, and what
 * a test can run in its own.
 */
import type { ReportDocument } from '../../shared/document';
import type { EditionComparison } from '../../shared/editions';
import type { Anchor, UserData } from '../../shared/user-data';
import { diffEditions } from './diff-editions';
import { presentReview } from './present';
import { reportFigureNamer } from './report-figures';
import { reviewChanges } from './touched';

export type ReviewedMarks = Pick<UserData, 'annotations' | 'bookmarks'> & {
  /**
   * Where the notes already anchor in the new edition, by `annotation:<id>` or
   * `bookmark:<id>` (main holds these for the edition it reads): the list then
   * says where the reader sees each note, and a 1.2-million-character edition
   * is not searched again for every touched note. Any not given are anchored here.
   */
  now?: Record<string, Anchor>;
};

export function compareEditions(
  oldDocument: ReportDocument,
  newDocument: ReportDocument,
  marks: ReviewedMarks,
): EditionComparison {
  const diff = diffEditions(oldDocument, newDocument, { nameFigure: reportFigureNamer() });
  const { now } = marks;
  const review = reviewChanges(diff, oldDocument, newDocument, marks, {
    ...(now && { anchorNow: (mark, kind) => now[`${kind}:${mark.id}`] }),
  });
  return presentReview(review, oldDocument, newDocument);
}
