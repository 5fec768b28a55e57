/**
 * Which report on the shelf a document just read is another edition of, if
 * any (core/editions/same-report.ts says how one tells). Every report on the
 * shelf is a candidate, but one given somewhere else (its place on the shelf
 * differs) is passed over without reading its text: a shelf of a hundred
 * districts' reports costs a look at their entries, not their documents.
 */
import { editionOf, elsewhere, type EditionMatch } from '../../core/editions/same-report';
import { reportPlace } from '../../core/library/shelf';
import type { ReportDocument } from '../../shared/document';
import type { LibraryReport } from '../../shared/library';
import type { LibraryStore } from './library-store';

export interface ReportMatch extends EditionMatch {
  report: LibraryReport;
}

export interface MatchContext {
  library: LibraryStore;
  documentOf: (report: string) => Promise<ReportDocument>;
}

/** Same title and occasion beats most of the text; then the most text shared. */
function better(a: ReportMatch, b: ReportMatch | undefined): boolean {
  if (b === undefined) return true;
  if (a.evidence !== b.evidence) return a.evidence === 'title';
  return a.shared > b.shared;
}

export async function findEditionOf(
  context: MatchContext,
  document: ReportDocument,
): Promise<ReportMatch | undefined> {
  const place = reportPlace(document);
  let best: ReportMatch | undefined;
  for (const report of context.library.view().reports) {
    if (elsewhere(place, report.place)) continue;
    // A report whose files cannot be read is no candidate: the file is added on its own.
    const existing = await context.documentOf(report.id).catch(() => undefined);
    if (existing === undefined) continue;
    const match = editionOf(document, existing);
    if (match === undefined) continue;
    const candidate = { ...match, report };
    if (better(candidate, best)) best = candidate;
  }
  return best;
}
