/**
 * The library's index in memory: every report's entry, kept in `library.json`
 * (library-file.ts) and changed only through here, one save after another.
 *
 * The bundled report is always there and first. Its entry is made from the
 * built document until the library is first written, so opening the app on
 * an existing data folder changes nothing on disk: the reader's notes stay in
 * `reports/haishu-2018-government-work-report.json` as they always were, and
 * the reading position and folded 目录 entries the settings held become the
 * bundled report's (settings.json is left as it was).
 */
import type { ReportDocument } from '../../shared/document';
import {
  BUNDLED_REPORT_ID,
  EMPTY_VIEW,
  MAX_OCCASION_LENGTH,
  MAX_PLACE_LENGTH,
  MAX_SPEAKER_LENGTH,
  type Edition,
  type Library,
  type LibraryReport,
  type LibraryView,
  type ReportCounts,
  type ReportView,
  MAX_EDITIONS,
} from '../../shared/library';
import { LibraryReportSchema } from '../../shared/library-schema';
import type { Settings } from '../../shared/settings';
import { libraryView, reportPlace, shelfTitle } from '../../core/library/shelf';
import type { VersionedFile } from '../storage/versioned-file';
import { ReadOnlyError } from '../storage/versioned-file';
import { reasonOf } from './library-file';

/**
 * The entry's fields read from a document: what the shelf shows of it, cut
 * to the library file's limits. The document is an opened file's: an entry
 * longer than the schema takes would be written, then set aside at every
 * start, taking the reader's name for it and its removal with it.
 */
export function describedBy(document: ReportDocument) {
  const place = reportPlace(document);
  const cut = (text: string, max: number) => text.slice(0, max);
  return {
    title: shelfTitle(document),
    ...(document.occasion !== undefined && {
      occasion: cut(document.occasion, MAX_OCCASION_LENGTH),
    }),
    ...(document.date !== undefined && { date: document.date }),
    ...(place !== undefined && { place: cut(place, MAX_PLACE_LENGTH) }),
    ...(document.speaker !== undefined && {
      speaker: cut(document.speaker, MAX_SPEAKER_LENGTH),
    }),
  };
}

/** The bundled report's entry as a fresh library has it. */
export function bundledEntry(
  document: ReportDocument,
  legacy: Pick<Settings, 'position' | 'collapsed'> | null,
): LibraryReport {
  const added = `${document.date ?? '2018-01-01'}T00:00:00.000Z`;
  return {
    id: BUNDLED_REPORT_ID,
    ...describedBy(document),
    bundled: true,
    added,
    edition: document.version,
    editions: [
      {
        id: document.version,
        format: 'text',
        fileName: `${BUNDLED_REPORT_ID}.txt`,
        encoding: 'utf-8',
        added,
        bundled: true,
      },
    ],
    view: legacy ? { position: legacy.position, collapsed: legacy.collapsed } : EMPTY_VIEW,
    counts: { annotations: 0, bookmarks: 0 },
  };
}

/** The bundled report's shipped text among its editions (marked so, or as main wrote it before editions). */
const isShipped = (edition: Edition) =>
  edition.bundled === true ||
  (edition.sha256 === undefined && edition.fileName === `${BUNDLED_REPORT_ID}.txt`);

/**
 * A stored bundled entry brought up to the built document: a corrected text
 * in a new version of the app is the shipped edition now. Editions the
 * reader added are kept, and stay current when one was.
 */
function withBuiltEdition(stored: LibraryReport, document: ReportDocument): LibraryReport {
  const shipped = stored.editions.find(isShipped);
  if (shipped?.id === document.version && shipped.bundled) return stored;
  const fresh = bundledEntry(document, null).editions[0];
  const added = stored.editions.filter(
    (edition) => !isShipped(edition) && edition.id !== document.version,
  );
  const editions = [fresh, ...added];
  const keeps = added.some((edition) => edition.id === stored.edition);
  return { ...stored, edition: keeps ? stored.edition : document.version, editions };
}

export class LibraryStore {
  /** Counts saves asked for, so a failed save knows whether a later one has built on it. */
  private saves = 0;

  private constructor(
    private readonly file: VersionedFile<Library>,
    /** What the reader is shown: what is on disk, with the bundled entry, and this session's changes. */
    private current: Library,
    private readonly now: () => Date,
  ) {}

  static open(options: {
    file: VersionedFile<Library>;
    bundled: ReportDocument;
    /** The settings before the library existed: the bundled report's view comes from them. */
    legacy: Pick<Settings, 'position' | 'collapsed'> | null;
    now?: () => Date;
  }): LibraryStore {
    const { reports } = options.file.value;
    const stored = reports.find((report) => report.id === BUNDLED_REPORT_ID);
    const bundled = stored
      ? withBuiltEdition(stored, options.bundled)
      : bundledEntry(options.bundled, options.legacy);
    const others = reports.filter((report) => report.id !== BUNDLED_REPORT_ID);
    // In memory only: written with the first real change, never just for opening.
    const current = { reports: [{ ...bundled, bundled: true as const }, ...others] };
    return new LibraryStore(options.file, current, options.now ?? (() => new Date()));
  }

  get readOnly(): boolean {
    return this.file.readOnly;
  }

  get readOnlyReason(): string | null {
    return this.file.readOnlyReason;
  }

  get notices(): string[] {
    return this.file.notices;
  }

  private get value(): Library {
    return this.current;
  }

  /** Every entry, removed ones too. */
  all(): readonly LibraryReport[] {
    return this.value.reports;
  }

  view(): LibraryView {
    return libraryView(this.value.reports, BUNDLED_REPORT_ID);
  }

  get(id: string): LibraryReport | undefined {
    return this.value.reports.find((report) => report.id === id);
  }

  /** The entry, or an error a reader can read. */
  require(id: string): LibraryReport {
    const report = this.get(id);
    if (!report) throw new Error(`书架上没有这份报告（${id}），它可能已被移除。`);
    return report;
  }

  /** The report that has an edition with this version, if any: the same text is the same report. */
  withEdition(version: string): LibraryReport | undefined {
    return this.value.reports.find((report) =>
      report.editions.some((edition) => edition.id === version),
    );
  }

  flush(): Promise<void> {
    return this.file.flush();
  }

  /**
   * Saves the next library. A change the reader asked for (`must`) fails
   * when the file may not be written; the reader's place and the counts are
   * then kept for this session only, as settings are. A failed save is taken
   * back unless a later one has built on it (and will write it).
   */
  private async save(next: Library, must: boolean): Promise<void> {
    if (this.file.readOnly) {
      if (must) throw new ReadOnlyError(this.file.readOnlyReason ?? '书架只能查看，不能修改。');
      this.current = next;
      return;
    }
    const before = this.current;
    const ticket = ++this.saves;
    this.current = next;
    try {
      await this.file.save(next);
    } catch (error) {
      if (ticket === this.saves) this.current = before;
      throw error;
    }
  }

  private replace(report: LibraryReport): Library {
    return { reports: this.value.reports.map((old) => (old.id === report.id ? report : old)) };
  }

  private async change(
    id: string,
    patch: (report: LibraryReport) => LibraryReport,
    must: boolean,
  ): Promise<LibraryReport> {
    const next = patch(this.require(id));
    await this.save(this.replace(next), must);
    return next;
  }

  async add(report: LibraryReport): Promise<LibraryReport> {
    if (this.get(report.id)) throw new Error(`报告 ${report.id} 已在书架上`);
    // Checked as the next start will read it: an entry it would set aside is never written.
    const checked = LibraryReportSchema.safeParse(report);
    if (!checked.success) {
      throw new Error(`这份报告的书架记录无效（${reasonOf(checked.error)}），没有加入书架。`);
    }
    await this.save({ reports: [...this.value.reports, report] }, true);
    return report;
  }

  /**
   * Adds an edition to a report and makes it the current one: the edition
   * notes are made in from now on. The reading place is cleared, since it
   * named a paragraph of the edition before.
   */
  addEdition(id: string, edition: Edition): Promise<LibraryReport> {
    return this.change(
      id,
      (report) => {
        if (report.editions.some((known) => known.id === edition.id)) {
          throw new Error(`《${report.title}》已有这个版本`);
        }
        if (report.editions.length >= MAX_EDITIONS) {
          throw new Error(`《${report.title}》已有 ${MAX_EDITIONS} 个版本，不能再加入。`);
        }
        const next = {
          ...report,
          edition: edition.id,
          editions: [...report.editions, edition],
          view: { ...report.view, position: null },
        };
        // Checked as the next start will read it, as a new report's entry is.
        const checked = LibraryReportSchema.safeParse(next);
        if (!checked.success) {
          throw new Error(`这个版本的书架记录无效（${reasonOf(checked.error)}），没有加入书架。`);
        }
        return next;
      },
      true,
    );
  }

  rename(id: string, title: string): Promise<LibraryReport> {
    return this.change(id, (report) => ({ ...report, title: title.trim() }), true);
  }

  remove(id: string): Promise<LibraryReport> {
    const report = this.require(id);
    if (report.bundled) return Promise.reject(new Error('内置报告不能移除。'));
    if (report.removed !== undefined) return Promise.resolve(report);
    return this.change(id, (old) => ({ ...old, removed: this.now().toISOString() }), true);
  }

  restore(id: string): Promise<LibraryReport> {
    return this.change(id, ({ removed: _removed, ...rest }) => rest, true);
  }

  /**
   * Notes the report as opened now, and answers its entry at once: the write
   * follows (in order with the others) and is not waited for. Where the reader
   * is on the shelf is not worth holding a switch of report for a disk's
   * fsync; a write that fails is taken back as any other.
   */
  opened(id: string): LibraryReport {
    const next = { ...this.require(id), opened: this.now().toISOString() };
    this.save(this.replace(next), false).catch(() => undefined);
    return next;
  }

  saveView(id: string, view: Partial<ReportView>): Promise<LibraryReport> {
    return this.change(id, (report) => ({ ...report, view: { ...report.view, ...view } }), false);
  }

  /**
   * Keeps the shelf's counts in step with the report's notes; nothing is
   * written when they agree. Counted at start (`persist: false`), they are
   * only remembered: opening the app writes nothing, and the next change
   * writes them along.
   */
  async setCounts(id: string, counts: ReportCounts, persist = true): Promise<void> {
    const report = this.get(id);
    if (!report) return;
    const same =
      report.counts.annotations === counts.annotations &&
      report.counts.bookmarks === counts.bookmarks;
    if (same) return;
    const next = this.replace({ ...report, counts });
    if (persist) await this.save(next, false);
    else this.current = next;
  }
}
