/**
 * The 书架 as the page holds it: every report on the shelf (main's library
 * view), whether the 书架 is shown, the file being added and how far it has
 * come, and the last removal (撤销). Opening a report is the app's report
 * switch (app/report-switch.ts); this store only asks for it.
 */
import type { ReaderApi, Result } from '../../../shared/api';
import {
  carriedSummary,
  type AddedReport,
  type AddProgress,
  type EditionChoice,
  type EditionOffer,
  type LibraryReport,
  type LibraryView,
} from '../../../shared/library';
import { Store } from '../../store';

/** Where to land in the report being opened: a search hit chosen in another report. */
export interface Arrival {
  block: string;
  query: string;
}

/** How to open a report: where to land, which edition (its current one unless named), what to compare. */
export interface OpenOptions {
  arrival?: Arrival;
  edition?: string;
  /** Open 修订对照 against this edition once it is on screen. */
  compareWith?: string;
}

export type OpenReport = (report: string, options?: OpenOptions) => Promise<void>;

/** A file read as another edition of a report on the shelf, waiting for the reader's answer. */
export interface PendingOffer {
  offer: EditionOffer;
  /** The report it is offered as an edition of. */
  report: LibraryReport;
}

export type ShelfApi = Pick<
  ReaderApi,
  | 'getLibrary'
  | 'addReport'
  | 'addReportFile'
  | 'answerEditionOffer'
  | 'renameReport'
  | 'removeReport'
  | 'restoreReport'
  | 'onAddProgress'
>;

interface ShelfState {
  view: LibraryView;
  /** The 书架 covers the reading pane. */
  shown: boolean;
  /** The file being added (null when none), with the parse's progress. */
  adding: AddProgress | null;
  /** The report last removed, offered back by 撤销 for a while. */
  removed: LibraryReport | null;
  /** The report on screen. */
  current: string;
  /** A file that is another edition of a report: 作为新版本 or 单独的报告, the reader says. */
  offer: PendingOffer | null;
}

/** The shelf's own words for what a file being added is doing. */
export const STAGE_LABELS: Record<AddProgress['stage'], string> = {
  read: '读取文件',
  extract: '提取文字',
  structure: '整理结构',
  index: '建立索引',
  done: '完成',
};

export class ShelfStore extends Store<ShelfState> {
  /** Files dropped or chosen while another is being added: taken one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Resolves the add waiting for the reader's answer to an offer. */
  private answered: (() => void) | null = null;

  constructor(
    private readonly api: ShelfApi,
    view: LibraryView,
    current: string,
    private readonly openReport: OpenReport,
    private readonly addNotice: (message: string) => void,
  ) {
    super({ view, shown: false, adding: null, removed: null, current, offer: null });
  }

  /** Follows main's progress messages for the file being added; answers the stop. */
  attach(): () => void {
    return this.api.onAddProgress((progress) => {
      if (this.getSnapshot().adding) this.set({ adding: progress });
    });
  }

  get reports(): readonly LibraryReport[] {
    return this.getSnapshot().view.reports;
  }

  readonly show = (): void => this.set({ shown: true });
  readonly hide = (): void => this.set({ shown: false });
  readonly toggle = (): void => this.set({ shown: !this.getSnapshot().shown });

  /** The report now on screen. */
  setCurrent(report: string): void {
    this.set({ current: report });
  }

  async refresh(): Promise<void> {
    const answer = await this.api.getLibrary();
    if (answer.ok) this.set({ view: answer.value });
  }

  readonly open = (report: string, options?: OpenOptions): Promise<void> =>
    this.openReport(report, options);

  /** Adds files one after another, and opens the last one added. */
  addFiles(files: readonly File[]): Promise<void> {
    const run = async () => {
      for (const file of files) {
        await this.add(file.name, async () =>
          this.api.addReport({
            fileName: file.name,
            bytes: new Uint8Array(await file.arrayBuffer()),
          }),
        );
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }

  /** 打开报告… in the desktop app: main's open dialog, then the same as a dropped file. */
  addFromDialog(): Promise<void> {
    return this.add('', () => this.api.addReportFile());
  }

  private async add(
    fileName: string,
    call: () => Promise<Result<AddedReport | null>>,
  ): Promise<void> {
    this.set({ adding: { fileName, stage: 'read', done: 0, total: 1 } });
    let answer: Result<AddedReport | null>;
    try {
      answer = await call();
    } catch (error) {
      answer = { ok: false, error: (error as Error).message };
    } finally {
      this.set({ adding: null });
    }
    if (!answer.ok) {
      this.addNotice(`${fileName ? `“${fileName}”` : '文件'}没有加入书架：${answer.error}`);
      return;
    }
    if (answer.value === null) return; // the reader cancelled the dialog
    if (answer.value.offer) {
      const { offer, report } = answer.value;
      // Files after this one wait for the answer: one question at a time.
      return new Promise<void>((resolve) => {
        this.answered = resolve;
        this.set({ offer: { offer, report } });
      });
    }
    await this.arrived(answer.value);
  }

  /**
   * The reader's answer to an offer: the file as the report's new edition
   * (then 修订对照 against the edition before it opens), as a report of its
   * own, or nothing (`cancel`).
   */
  async answerOffer(as: EditionChoice | 'cancel'): Promise<void> {
    const pending = this.getSnapshot().offer;
    if (!pending) return;
    this.set({ offer: null });
    const done = this.answered;
    this.answered = null;
    try {
      const answer = await this.api.answerEditionOffer({ token: pending.offer.token, as });
      if (!answer.ok) {
        this.addNotice(`“${pending.offer.fileName}”没有加入书架：${answer.error}`);
      } else if (answer.value !== null) {
        await this.arrived(answer.value);
      }
    } finally {
      done?.();
    }
  }

  /** A file is on the shelf: said, then opened (an edition with 修订对照 against the one before). */
  private async arrived(answer: AddedReport): Promise<void> {
    const { report, added, restored, edition } = answer;
    if (edition) {
      this.addNotice(`已作为《${report.title}》的新版本加入：${carriedSummary(edition.carried)}`);
      await this.openReport(report.id, { compareWith: edition.previous });
      return;
    }
    if (!added) this.addNotice(`《${report.title}》已在书架上，已为你打开。`);
    if (restored) {
      const { annotations, bookmarks } = report.counts;
      this.addNotice(
        `《${report.title}》此前被移出书架，已放回，连同 ${annotations} 条批注、${bookmarks} 个书签。`,
      );
    }
    // On screen first; the shelf's list follows (the switch refreshes it too).
    await this.openReport(report.id);
  }

  async rename(report: string, title: string): Promise<boolean> {
    const answer = await this.api.renameReport({ report, title });
    if (!answer.ok) {
      this.addNotice(`重命名失败：${answer.error}`);
      return false;
    }
    await this.refresh();
    return true;
  }

  /** Takes a report off the shelf (its copy and notes are kept); the one on screen gives way to the bundled report. */
  async remove(report: string): Promise<void> {
    const answer = await this.api.removeReport({ report });
    if (!answer.ok) return this.addNotice(`移除失败：${answer.error}`);
    this.set({ removed: answer.value });
    await this.refresh();
    if (this.getSnapshot().current === report) await this.openReport(this.reports[0].id);
  }

  /** Puts a removed report back on the shelf, with its notes. */
  async restore(report: string): Promise<void> {
    const answer = await this.api.restoreReport({ report });
    if (!answer.ok) return this.addNotice(`放回失败：${answer.error}`);
    if (this.getSnapshot().removed?.id === report) this.set({ removed: null });
    await this.refresh();
  }

  readonly undoRemove = (): void => {
    const removed = this.getSnapshot().removed;
    if (removed) void this.restore(removed.id);
  };

  readonly dismissUndo = (): void => this.set({ removed: null });
}
