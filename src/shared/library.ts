/**
 * The library (书架): every report the reader has opened, as plain types safe
 * for the renderer. The zod schemas are in library-schema.ts.
 *
 * A report is known by its content: its id is the version (the hash of its
 * repaired text) of the first edition it was added with, so the same file
 * added twice, in any format that reads the same, is one report. The bundled
 * report keeps the id it always had. A report has editions (a draft, then
 * the final text): the reader's annotations belong to the report and anchor
 * against the edition being read. One edition is current, the one notes are
 * made in; earlier ones are kept and can be opened to read.
 */
import type { ReadingPosition } from './settings';

/** The bundled report's id, which its data file has always been named after. */
export const BUNDLED_REPORT_ID = 'haishu-2018-government-work-report';

export const REPORT_FORMATS = ['text', 'docx', 'pdf', 'html'] as const;
export type ReportFileFormat = (typeof REPORT_FORMATS)[number];

/** One text of a report, as a file was read. */
export interface Edition {
  /** The document's version: the hash of its repaired text. */
  id: string;
  format: ReportFileFormat;
  /** The file's name as the reader had it (the app keeps its own copy). */
  fileName: string;
  /** The size of the file (absent for the bundled report, whose text ships with the app). */
  bytes?: number;
  /** SHA-256 of the file's bytes, checked whenever the copy is read again (absent as `bytes`). */
  sha256?: string;
  /** For text and web pages: the character encoding read. */
  encoding?: string;
  /** For PDFs: the number of pages. */
  pages?: number;
  /** ISO 8601. */
  added: string;
  /** The bundled report's text as this version of the app ships it (no copy in the data folder). */
  bundled?: true;
}

/** Where the reader was in a report, and which 目录 entries they folded. */
export interface ReportView {
  position: ReadingPosition | null;
  collapsed: string[];
}

export interface ReportCounts {
  annotations: number;
  bookmarks: number;
}

export interface LibraryReport {
  id: string;
  /** The name on the shelf: made from the document (year, place, title) until the reader renames it. */
  title: string;
  occasion?: string;
  /** YYYY-MM-DD when the report says. */
  date?: string;
  /** 海曙区, 武昌区 …: where the report was given, when the text says. */
  place?: string;
  speaker?: string;
  /** The report that ships with the app: always there, first, never removed. */
  bundled?: true;
  /** ISO 8601. */
  added: string;
  /** Last opened, ISO 8601. */
  opened?: string;
  /** Set while the report is in 已移除: its files and notes are kept, it can be put back. */
  removed?: string;
  /** The edition being read (an id in `editions`). */
  edition: string;
  editions: Edition[];
  view: ReportView;
  counts: ReportCounts;
}

/** The library file's value. */
export interface Library {
  reports: LibraryReport[];
}

/** The library as the interface shows it. */
export interface LibraryView {
  /** The bundled report first, then the others, latest added first. */
  reports: LibraryReport[];
  /** Removed reports, latest removed first: kept with their notes until put back. */
  removed: LibraryReport[];
  /** The report to open at start: the one read last (the bundled report the first time). */
  last: string;
}

/** How the report's notes anchor in an edition just made current. */
export interface CarriedNotes {
  /** Found word for word. */
  exact: number;
  /** Found with the words around them, or a few words changed. */
  fuzzy: number;
  /** Their words are no longer in the text: kept, and listed as orphans. */
  orphan: number;
  bookmarks: number;
  /** Bookmarks whose paragraph is no longer in the text. */
  orphanBookmarks: number;
}

/** How the notes anchor in a new edition, in the reader's words (the app's notice, the CLI's). */
export function carriedSummary(carried: CarriedNotes): string {
  const { exact, fuzzy, orphan, bookmarks, orphanBookmarks } = carried;
  const notes =
    exact + fuzzy + orphan === 0
      ? '没有批注'
      : [
          `批注 ${exact} 条原文未变`,
          fuzzy > 0 && `${fuzzy} 条按上下文找到`,
          orphan > 0 && `${orphan} 条在新版本中找不到原文（已保留为孤立批注）`,
        ]
          .filter(Boolean)
          .join('，');
  const marks =
    bookmarks === 0
      ? ''
      : `；书签 ${bookmarks} 个${orphanBookmarks > 0 ? `，其中 ${orphanBookmarks} 个找不到原段落` : ''}`;
  return `${notes}${marks}。`;
}

/** A file that reads as another edition of a report on the shelf: nothing is written until the reader says which. */
export interface EditionOffer {
  /** Names the read file, held by main for a while, in `answerEditionOffer`. */
  token: string;
  fileName: string;
  /** Why: the same title and occasion, or most of the text the same. */
  evidence: 'title' | 'text';
  /** The share of the file's text in sentences the report has (0–1). */
  shared: number;
}

/** What the reader chose for a file that is another edition of a report. */
export type EditionChoice = 'edition' | 'report';

/** What adding a file did. */
export interface AddedReport {
  report: LibraryReport;
  /** False when the report was already on the shelf (or an offer waits for an answer). */
  added: boolean;
  /** True when it had been removed and was put back, with its notes. */
  restored?: boolean;
  /** Set when the file was added as the report's new current edition. */
  edition?: {
    /** The edition current before it: what 修订对照 compares it with. */
    previous: string;
    carried: CarriedNotes;
  };
  /** Set when the file is another edition of `report`: nothing was added yet. */
  offer?: EditionOffer;
}

/** What opening a report answers: its entry and what the reader must be told about its files. */
export interface OpenedReport {
  report: LibraryReport;
  notices: string[];
}

/** How far adding a file has come (main → renderer). */
export interface AddProgress {
  fileName: string;
  stage: 'read' | 'extract' | 'structure' | 'index' | 'done';
  done: number;
  total: number;
}

export const EMPTY_VIEW: ReportView = { position: null, collapsed: [] };

export const MAX_TITLE_LENGTH = 120;
/** What the shelf keeps of a report's own lines: longer ones (a hostile or badly read file) are cut. */
export const MAX_OCCASION_LENGTH = 300;
export const MAX_PLACE_LENGTH = 60;
export const MAX_SPEAKER_LENGTH = 120;
/** The largest file the library takes: the report parser's own limit (core/formats/limits.ts). */
export const MAX_REPORT_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 255;
/** Editions one report keeps (the library file's own limit). */
export const MAX_EDITIONS = 50;

/** The bundled report's text as the app ships it (pre-rendered into the page); undefined for other reports. */
export function shippedEdition(report: LibraryReport): string | undefined {
  return report.editions.find((edition) => edition.bundled)?.id;
}

/** The edition being read: the report's current one unless another is named. */
export function editionIn(report: LibraryReport, edition?: string): Edition | undefined {
  return report.editions.find((candidate) => candidate.id === (edition ?? report.edition));
}
