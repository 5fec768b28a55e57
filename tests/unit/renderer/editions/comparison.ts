/** The six-edit revision of the bundled report, compared with notes on it, as the view gets it. */
import { compareEditions } from '../../../../src/core/editions/compare';
import { documentText } from '../../../../src/core/report/doc-text';
import { BOOKMARKS, NEW, NOTES, OLD } from '../../editions/fixtures';

export const COMPARISON = compareEditions(OLD, NEW, {
  annotations: Object.values(NOTES),
  bookmarks: Object.values(BOOKMARKS),
});

/** One with no note touched: the same edits, no notes. */
export const UNTOUCHED = compareEditions(OLD, NEW, { annotations: [], bookmarks: [] });

export const NEW_DOC = documentText(NEW.blocks);
export { NEW, OLD };

export const changeOf = (kind: string, removed = '') =>
  COMPARISON.changes.find((change) => change.kind === kind && change.removed.includes(removed))!;
