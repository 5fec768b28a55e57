/**
 * What comparing two editions of a report produces: plain, JSON-safe data, so
 * the main process (or its worker) can compute it and the 修订对照 view can
 * draw it; shared, because the contract carries it.
 *
 * Coordinates: `BlockRange` offsets are into a block's repaired `text` (the
 * same text the reader shows); `oldAt` / `newAt` are offsets into the whole
 * document text of that edition (`documentText`, the annotation coordinate
 * system), so a change can be ordered, jumped to and tested against
 * annotation ranges.
 */
import type { Anchor, HighlightColor } from './user-data';

export type ChangeKind = 'insert' | 'delete' | 'change' | 'move';

/** A half-open range of one block's text. */
export interface BlockRange {
  block: string;
  start: number;
  end: number;
}

/** A changed figure, named for the reader: `地区生产总值 1164.48亿元 → 1164.50亿元`. */
export interface FigureChange {
  /** What the figure measures, as the text says it; may be empty when the text names nothing. */
  label: string;
  before: string;
  after: string;
}

export interface EditionChange {
  /** `c1`, `c2`, … in the order of the new edition; stable for one comparison only. */
  id: string;
  kind: ChangeKind;
  /** The old edition's block (absent for an insert). */
  oldBlock?: string;
  /** The new edition's block (absent for a delete). */
  newBlock?: string;
  /**
   * The text removed and added: the whole paragraph for insert and delete, the
   * changed words for change; for a move both are empty (edits made to a moved
   * paragraph are changes of their own, with the same pair of blocks).
   */
  removed: string;
  added: string;
  /** Where the removed text was; for a change that only adds, an empty range at the point. */
  old?: BlockRange;
  /** Where the added text is; for a change that only removes, an empty range at the point. */
  new?: BlockRange;
  /** Offsets in the old document text: `[start, end)`, empty for an insert (the point it went in). */
  oldAt: { start: number; end: number };
  /** Offsets in the new document text: empty for a delete (the point it was taken from). */
  newAt: { start: number; end: number };
  /** Set when both sides of a change are a figure at the same place. */
  figure?: FigureChange;
}

export interface EditionDiffStats {
  insert: number;
  delete: number;
  change: number;
  move: number;
  /** Blocks paired as the same paragraph, split or joined only by layout (not reported). */
  relaid: number;
}

export interface EditionDiff {
  /** Document versions (`ReportDocument.version`) of the two editions compared. */
  oldVersion: string;
  newVersion: string;
  /** In the order of the new edition (deletes where they were taken from). */
  changes: EditionChange[];
  stats: EditionDiffStats;
}

/** One of my notes (stored against the old edition) that a change touches. */
export interface TouchedMark {
  kind: 'annotation' | 'bookmark';
  id: string;
  /** The passage as stored (the annotation's quote, the bookmark's opening words). */
  quote: string;
  /** The annotation's note; for a bookmark, its name. */
  note: string;
  color?: HighlightColor;
  tags?: string[];
  /** Where it anchors in the new edition (document-text offsets), or orphan. */
  now: Anchor;
  /** The new edition's block it now starts in; absent for an orphan. */
  nowBlock?: string;
}

export interface ReviewedChange extends EditionChange {
  /** My annotations and bookmarks whose passage this change touches; empty when none. */
  touched: TouchedMark[];
}

export interface EditionReview {
  /** Changes that touch my notes first, then the rest; each group in the new edition's order. */
  changes: ReviewedChange[];
  /** How many changes touch at least one note. */
  touchedChanges: number;
}

/**
 * Two editions compared for the reader: the review (changes touching my notes
 * first), with the versions compared and the counts, which the 修订对照 view
 * and its Markdown export name.
 */
export interface EditionComparison extends EditionReview {
  oldVersion: string;
  newVersion: string;
  stats: EditionDiffStats;
}
