/**
 * Which report is on screen, and switching to another. A switch loads the
 * report's document and marks it opened, then goes in two steps so that no
 * feature of the old report ever sees the new report's text: the reader of
 * the old report is taken down first (its stores detach from the page and
 * save where the reader was), then the pane gets the new report's text,
 * rendered by the same pure renderer the build uses for the bundled report,
 * and a reader with fresh stores is put up around it.
 */
import type { ReaderApi } from '../../shared/api';
import type { ReportDocument } from '../../shared/document';
import type { LibraryReport } from '../../shared/library';
import { renderReportHtml } from '../../core/report/report-html';
import type { Arrival, OpenOptions } from '../features/library/shelf-store';
import { FIRST_PARAGRAPH_TIMING } from '../instrumentation';
import { Store } from '../store';

export interface LoadedReport {
  id: string;
  /** The edition on screen (its `version` is the edition's id): the current one, or an earlier one to read. */
  document: ReportDocument;
  entry: LibraryReport;
  /** Where to land once it is on screen (a hit chosen in a search across reports). */
  arrival?: Arrival;
  /** An edition to compare the one on screen with, once it is up (修订对照 opens). */
  compareWith?: string;
  /** Then jump to the first change. */
  firstChange?: boolean;
}

/** The edition on screen is the report's current one: the one notes are made in. */
export const isCurrentEdition = (report: LoadedReport) =>
  report.entry.edition === report.document.version;

interface SwitchState {
  /** The report on screen; null for the moment between taking one down and putting the next up. */
  current: LoadedReport | null;
  /** The report to put up next. */
  pending: LoadedReport | null;
  /** A report being loaded, for the 书架 to show it is on its way. */
  opening: string | null;
}

export type SwitchApi = Pick<ReaderApi, 'getDocument' | 'openReport'>;

/** Puts a report's text into the pane, in place of whatever was there. */
export function showReportText(pane: HTMLElement, document: ReportDocument): void {
  pane.innerHTML = renderReportHtml(document, { firstParagraphTiming: FIRST_PARAGRAPH_TIMING });
  pane.scrollTop = 0;
}

/** The report is on screen as asked: the same one, in the same edition, with nothing to land on or compare. */
function onScreen(current: LoadedReport | null, report: string, options: OpenOptions): boolean {
  if (current?.id !== report || options.arrival || options.compareWith !== undefined) return false;
  return current.document.version === (options.edition ?? current.entry.edition);
}

export class ReportSwitch extends Store<SwitchState> {
  private ticket = 0;

  constructor(
    private readonly api: SwitchApi,
    initial: LoadedReport,
    private readonly tell: {
      error(message: string): void;
      /** What reading the report's files had to say. */
      notices(messages: readonly string[]): void;
      /** The report is on its way to the screen, in this edition. */
      opened(entry: LibraryReport, edition: string): void;
    },
  ) {
    super({ current: initial, pending: null, opening: null });
  }

  /**
   * Loads a report (in an edition, its current one unless named) and puts it
   * on screen; the latest asked for wins, even when it is the one already on
   * screen (nothing to load then, unless a place in it is to be shown or two
   * editions compared).
   */
  async open(report: string, options: OpenOptions = {}): Promise<void> {
    const { arrival, edition, compareWith, firstChange } = options;
    const ticket = ++this.ticket;
    if (onScreen(this.getSnapshot().current, report, options)) return this.set({ opening: null });
    this.set({ opening: report });
    const [document, opened] = await Promise.all([
      this.api.getDocument({ report, ...(edition !== undefined && { edition }) }),
      this.api.openReport({ report }),
    ]);
    if (ticket !== this.ticket) return;
    if (!document.ok || !opened.ok) {
      this.set({ opening: null });
      const error = !document.ok ? document.error : !opened.ok ? opened.error : '';
      return this.tell.error(`这份报告没能打开：${error}`);
    }
    this.tell.notices(opened.value.notices);
    this.tell.opened(opened.value.report, document.value.version);
    const next: LoadedReport = {
      id: report,
      document: document.value,
      entry: opened.value.report,
      ...(arrival && { arrival }),
      ...(compareWith !== undefined && { compareWith }),
      ...(firstChange === true && { firstChange }),
    };
    this.set({ current: null, pending: next });
  }

  /** The second step, once the old reader is down: the new text in, the new reader up. */
  swapIn(pane: HTMLElement): void {
    const { pending } = this.getSnapshot();
    if (!pending) return;
    showReportText(pane, pending.document);
    this.set({ current: pending, pending: null, opening: null });
  }
}
