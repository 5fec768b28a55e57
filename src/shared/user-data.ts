/**
 * What a reader adds to the report: highlights with notes, bookmarks and their
 * own glossary terms. Plain types, safe for the renderer; the zod schemas are
 * in user-data-schema.ts.
 */

export const HIGHLIGHT_COLORS = ['c1', 'c2', 'c3', 'c4', 'c5'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** The names a reader sees until they rename a colour. */
export const DEFAULT_COLOR_NAMES: Record<HighlightColor, string> = {
  c1: '重点',
  c2: '疑问',
  c3: '建议',
  c4: '数据',
  c5: '其他',
};

/** W3C Web Annotation TextQuoteSelector, against the document text (see doc-text.ts). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: a half-open range of the document text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextTarget {
  /** `ReportDocument.version` when the target was made; absent for imports from other tools. */
  documentVersion?: string;
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

interface Dated {
  id: string;
  /** ISO 8601 */
  created: string;
  modified: string;
}

export interface Annotation extends Dated {
  color: HighlightColor;
  note: string;
  tags: string[];
  target: TextTarget;
}

export interface Bookmark extends Dated {
  name: string;
  target: TextTarget;
}

export interface UserTerm extends Dated {
  term: string;
  definition: string;
}

export type AnchorStatus = 'exact' | 'fuzzy' | 'orphan';

/** Where a target sits in the current text; orphans have no range and are still kept. */
export type Anchor =
  { status: 'exact' | 'fuzzy'; start: number; end: number } | { status: 'orphan' };

export type Anchored<T> = T & { anchor: Anchor };

export interface UserDataView {
  annotations: Anchored<Annotation>[];
  bookmarks: Anchored<Bookmark>[];
  terms: UserTerm[];
  /**
   * Shown, never written: the file came from a newer version of the app, the
   * folder is read-only, or another reader holds it.
   */
  readOnly: boolean;
  /** Why it is read-only, in plain Chinese, when it is. */
  readOnlyReason?: string;
  /** How many records failed validation and were set aside (exportQuarantine gives them). */
  quarantined: number;
}

export interface UserData {
  annotations: Annotation[];
  bookmarks: Bookmark[];
  terms: UserTerm[];
}

export const EMPTY_USER_DATA: UserData = { annotations: [], bookmarks: [], terms: [] };

export const LIMITS = {
  // The issue: notes up to 10 000 characters work, longer ones are refused with a message.
  note: 10_000,
  tag: 40,
  tags: 30,
  name: 200,
  term: 100,
  definition: 5_000,
  /** Longer than any paragraph of a report, short of a paste of the whole thing. */
  quote: 10_000,
} as const;
