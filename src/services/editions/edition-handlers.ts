/**
 * The contract's edition calls: the reader's answer to a file offered as
 * another edition of a report, and 修订对照 between two editions of a report
 * (compared in a worker, the report's notes reviewed against the changes).
 */
import type { Handler } from '../../shared/api';
import type { AddedReport, CarriedNotes, EditionChoice } from '../../shared/library';
import type { Anchor, UserDataView } from '../../shared/user-data';
import { validate } from '../validate';
import type { ReportSessions } from '../library/report-sessions';
import { compareEditionsInWorker, StoredEditionError } from './compare-in-worker';

export interface EditionHandlerOptions {
  sessions: ReportSessions;
  /** Adds the file held under `token` as asked, or lets it go. */
  answer(token: string, as: EditionChoice | 'cancel'): Promise<AddedReport | null>;
  /** Told after an answer that changed the shelf. */
  changed(): void;
  /** How two editions are compared: in a worker unless a test says otherwise. */
  compare?: typeof compareEditionsInWorker;
}

/** How a report's notes anchor in the edition a session reads. */
export function carriedNotes(view: UserDataView): CarriedNotes {
  const count = (status: string) =>
    view.annotations.filter((annotation) => annotation.anchor.status === status).length;
  return {
    exact: count('exact'),
    fuzzy: count('fuzzy'),
    orphan: count('orphan'),
    bookmarks: view.bookmarks.length,
    orphanBookmarks: view.bookmarks.filter((bookmark) => bookmark.anchor.status === 'orphan')
      .length,
  };
}

/**
 * Where the session's notes anchor in its edition (the new side of the
 * comparison), as the reader sees them there: the worker says the same, and
 * does not anchor them again.
 */
function anchorsNow(view: UserDataView): Record<string, Anchor> {
  const now: Record<string, Anchor> = {};
  for (const annotation of view.annotations) now[`annotation:${annotation.id}`] = annotation.anchor;
  for (const bookmark of view.bookmarks) now[`bookmark:${bookmark.id}`] = bookmark.anchor;
  return now;
}

export function editionHandlers(options: EditionHandlerOptions): {
  answerEditionOffer: Handler<'answerEditionOffer'>;
  compareEditions: Handler<'compareEditions'>;
} {
  const { sessions } = options;
  const compare = options.compare ?? compareEditionsInWorker;
  return {
    answerEditionOffer: (payload) =>
      validate('answerEditionOffer', payload, async ({ token, as }) => {
        const answer = await options.answer(token, as);
        if (answer?.added) options.changed();
        return answer;
      }),
    compareEditions: (payload) =>
      validate('compareEditions', payload, async ({ report, edition, against }) => {
        // The session of the edition compared to: it holds the report's notes.
        const session = await sessions.open(report, edition);
        if (against === session.edition) throw new Error('请选择两个不同的版本来对照。');
        const { annotations, bookmarks } = session.file.value;
        const marks = { annotations, bookmarks, now: anchorsNow(session.userData.view()) };
        // The worker reads stored editions itself: main neither reads nor copies a large document.
        const stored = (version: string) => sessions.storedDocument(report, version);
        const oldSource = stored(against) ?? (await sessions.document(report, against));
        const newSource = stored(session.edition) ?? session.document;
        return compare(oldSource, newSource, marks).catch(async (error: unknown) => {
          if (!(error instanceof StoredEditionError)) throw error;
          // A damaged document.json: read here, which mends it from the app's copy of the file.
          return compare(await sessions.document(report, against), session.document, marks);
        });
      }),
  };
}
