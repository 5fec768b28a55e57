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

/** A touched note, with where it is now said the way the reader cites it. */
export interface ComparedMark extends TouchedMark {
  /** `二（三）第2段`: the new edition's place of `nowBlock`; absent for an orphan. */
  nowPlace?: string;
}

/** A change as the 修订对照 view and its export show it. */
export interface ComparedChange extends ReviewedChange {
  /**
   * Where it is, as a delegate cites it: `二（三）第2段` in the new edition,
   * `原一（二）第3段` for a paragraph deleted, `由原…移至…` for one moved.
   */
  place: string;
  /**
   * The words just before and after a change inside a paragraph (from the
   * new edition's text, `…` where cut), so the words removed and added read
   * in their sentence. For a paragraph moved, `after` is its opening words;
   * for one put in or taken out (it is all in `added` or `removed`), both are empty.
   */
  before: string;
  after: string;
  touched: ComparedMark[];
}

/**
 * Two editions compared for the reader: the changes that touch my notes
 * first, each with its place and context, and the versions compared. Plain
 * data, so the worker that computes it and the view that draws it need
 * neither edition's document.
 */
export interface EditionComparison {
  oldVersion: string;
  newVersion: string;
  changes: ComparedChange[];
  /** How many changes (the first ones) touch at least one note. */
  touchedChanges: number;
}
