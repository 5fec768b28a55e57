/**
 * The 书架 as the page holds it: every report on the shelf (main's library
 * view), whether the 书架 is shown, the file being added and how far it has
 * come, and the last removal (撤销). Opening a report is the app's report
 * switch (app/report-switch.ts); this store only asks for it.
 */
import type { ReaderApi, Result } from '../../../shared/api';
import { ERROR_MESSAGES } from '../../../core/formats/errors';
import {
  MAX_REPORT_FILE_BYTES,
  type AddedReport,
  type AddProgress,
  type LibraryReport,
  type LibraryView,
} from '../../../shared/library';
import type { NoticeOptions } from '../../app/notices';
import type { Undoable, UndoStack } from '../../commands/undo-stack';
import { Store } from '../../store';
import { EditionQuestion, type PendingOffer } from './edition-question';
import { arrivalNotices } from './shelf-view';

/** Where to land in the report being opened: a search hit chosen in another report. */
export interface SearchArrival {
  block: string;
  query: string;
}

/** A figure chosen in 目标兑现 that is in the report being opened: marked there as the panel marks one. */
export interface FigureArrival {
  block: string;
  start: number;
  end: number;
}

export type Arrival = SearchArrival | FigureArrival;

/** How to open a report: where to land, which edition (its current one unless named), what to compare. */
export interface OpenOptions {
  arrival?: Arrival;
  edition?: string;
  /** Open 修订对照 against this edition once it is on screen. */
  compareWith?: string;
  /** With compareWith: jump to the first change, its paragraph in focus. */
  firstChange?: boolean;
}

export type OpenReport = (report: string, options?: OpenOptions) => Promise<void>;

/**
 * The row of the 书架 focus goes to once the list shows it: a report put back
 * (its button went with the toast or the 已移除 list), or the place of one
 * removed. Held here, not in the list: removing the report on screen puts up
 * another reader, and a new 书架 with it.
 */
export type ShelfFocus =
  | {
      report: string;
      /**
       * What had focus when the putting back began (Ctrl+Z pressed on another
       * row): still there, it has not been moved by the reader, and gives way.
       */
      held?: Element | null;
    }
  | { at: number };

/** What has focus now; none under Node, where the store is tested. */
const focused = (): Element | null => globalThis.document?.activeElement ?? null;

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
  /** Where focus goes on the 书架 once it is drawn; null when it stays where it is. */
  focus: ShelfFocus | null;
}

/** The shelf's own words for what a file being added is doing. */
export const STAGE_LABELS: Record<AddProgress['stage'], string> = {
  read: '读取文件',
  extract: '提取文字',
  structure: '整理结构',
  index: '建立索引',
  done: '完成',
};

/**
 * A chosen or dropped file's bytes, or null when it can no longer be read: a
 * USB stick pulled out, the file moved or deleted after it was chosen (files
 * are read one after another, so a later one can be gone by its turn). The
 * browser's reason is in English and names no file: the shelf says it in its own words.
 */
async function readDropped(file: File): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return null;
  }
}

export class ShelfStore extends Store<ShelfState> {
  /** Files dropped or chosen while another is being added: taken one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** A file that is another edition of a report: 作为新版本 or 单独的报告, the reader says. */
  readonly question = new EditionQuestion();
  /** Each removal's entry on the undo stack, by report: forgotten there once it is put back another way. */
  private readonly removals = new Map<string, Undoable>();

  constructor(
    private readonly api: ShelfApi,
    view: LibraryView,
    current: string,
    private readonly openReport: OpenReport,
    /** Its `about`: the report a notice is news of (gone once another report is on screen). */
    private readonly addNotice: (message: string, options?: NoticeOptions) => void,
    /** The app's one undo: each removal goes on it (撤销移出书架, Ctrl+Z). */
    private readonly undoStack: UndoStack,
  ) {
    super({ view, shown: false, adding: null, removed: null, current, focus: null });
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
        await this.add(file.name, async () => {
          // Said by its size: a video dropped by mistake is never read into the page.
          if (file.size > MAX_REPORT_FILE_BYTES)
            return { ok: false, error: ERROR_MESSAGES['too-large'] };
          const bytes = await readDropped(file);
          return bytes
            ? this.api.addReport({ fileName: file.name, bytes })
            : { ok: false, error: ERROR_MESSAGES['file-gone'] };
        });
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
    const { offer, report } = answer.value;
    // Files after this one wait for the answer: one question at a time.
    if (offer) return this.settleOffer({ offer, report });
    await this.arrived(answer.value);
  }

  /**
   * Asks what a file that is another edition of a report is, then adds it as
   * that: the report's new edition (opened with 修订对照 against the edition
   * before it), a report of its own, or nothing.
   */
  private async settleOffer(pending: PendingOffer): Promise<void> {
    const as = await this.question.ask(pending);
    const answer = await this.api.answerEditionOffer({ token: pending.offer.token, as });
    if (!answer.ok)
      return this.addNotice(`“${pending.offer.fileName}”没有加入书架：${answer.error}`);
    if (answer.value !== null) await this.arrived(answer.value);
  }

  /** A file is on the shelf: said, then opened (on screen first; the shelf's list follows). */
  private async arrived(answer: AddedReport): Promise<void> {
    // News, not a failure: told as a status, gone once another report or edition is on screen.
    const about = { report: answer.report.id, edition: answer.report.edition };
    for (const notice of arrivalNotices(answer)) this.addNotice(notice, { about, kind: 'info' });
    const { report, edition } = answer;
    await this.openReport(report.id, edition && { compareWith: edition.previous });
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

  /**
   * Takes a report off the shelf (its copy and notes are kept); the one on
   * screen gives way to the bundled report, behind the 书架, which stays up
   * as it does when any other report is removed.
   */
  async remove(report: string): Promise<void> {
    const at = this.reports.findIndex((candidate) => candidate.id === report);
    const answer = await this.api.removeReport({ report });
    // Still listed: focus stays put, and a notice says why.
    if (!answer.ok) return this.addNotice(`移除失败：${answer.error}`);
    const undoable: Undoable = { what: '移出书架', undo: () => this.restore(report) };
    this.removals.set(report, undoable);
    this.undoStack.push(undoable);
    this.set({ removed: answer.value });
    await this.refresh();
    if (this.getSnapshot().current === report) {
      const shown = this.getSnapshot().shown;
      await this.openReport(this.reports[0].id);
      if (shown) this.show();
    }
    this.set({ focus: { at } });
  }

  /** Puts a removed report back on the shelf, with its notes. */
  async restore(report: string): Promise<void> {
    // Put back (from 已移除, or by 撤销): Ctrl+Z must not try it again.
    const undoable = this.removals.get(report);
    if (undoable) this.undoStack.forget(undoable);
    this.removals.delete(report);
    const held = focused();
    const answer = await this.api.restoreReport({ report });
    if (!answer.ok) return this.addNotice(`放回失败：${answer.error}`);
    if (this.getSnapshot().removed?.id === report) this.set({ removed: null });
    await this.refresh();
    // Put back from the 书架 (or 撤销 while it is up): its row takes focus there.
    if (this.getSnapshot().shown) this.set({ focus: { report, held } });
  }

  /** The 书架 has put focus where it was asked to. */
  readonly focusTaken = (): void => this.set({ focus: null });

  /** The toast's 撤销: the removal it shows, taken back through the undo stack. */
  readonly undoRemove = (): void => {
    const removed = this.getSnapshot().removed;
    const undoable = removed && this.removals.get(removed.id);
    if (undoable) this.undoStack.undo(undoable);
  };

  /** The toast's time is over (the removal stays on the undo stack). */
  readonly dismissUndo = (): void => this.set({ removed: null });
}
