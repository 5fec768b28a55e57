/**
 * Messages the reader must see until dismissed, each of a kind: an `error`
 * (a damaged file moved aside, a save that failed, a file that could not be
 * added) is an alert; `info` (a file exported, a report already on the shelf
 * and opened) is news, told calmly.
 */
import { Store } from '../store';

export type NoticeKind = 'info' | 'error';

export interface Notice {
  readonly text: string;
  readonly kind: NoticeKind;
}

/** What is on screen: a report, in one of its editions. */
export interface ShownEdition {
  report: string;
  edition: string;
}

export interface NoticeOptions {
  /**
   * The report and edition the message is news of (已作为…新版本加入 is news
   * of the edition just added), stale once another report, or another
   * edition of the same report, is on screen: said once, not again when the
   * reader comes back to it from an earlier edition.
   */
  about?: ShownEdition;
  /** `error` unless said: a message nobody classed is one the reader must not miss. */
  kind?: NoticeKind;
}

export class Notices extends Store<{ list: readonly Notice[] }> {
  /** Every message shown this page's life: a file's notice is told once, however often its report opens. */
  private readonly told = new Set<string>();
  /** Messages that are news about one report's edition (它已为你打开): the edition they are about. */
  private readonly about = new Map<string, ShownEdition>();

  /** `initial`: main's notices at start (a damaged file recovered, …), errors all. */
  constructor(initial: readonly string[]) {
    super({ list: initial.map((text) => ({ text, kind: 'error' as const })) });
    for (const message of initial) this.told.add(message);
  }

  readonly add = (message: string, options: NoticeOptions = {}): void => {
    this.told.add(message);
    if (options.about !== undefined) this.about.set(message, options.about);
    const notice: Notice = { text: message, kind: options.kind ?? 'error' };
    // Told again (the same file added twice): one notice, moved to the end as the latest news.
    this.set({
      list: [...this.getSnapshot().list.filter((shown) => shown.text !== message), notice],
    });
  };

  /** News, not a failure: told as a status, not an alert. */
  readonly inform = (message: string, about?: ShownEdition): void =>
    this.add(message, { kind: 'info', ...(about !== undefined && { about }) });

  /**
   * A report is on screen: news of another report's arrival (《甲》已在书架上，
   * 已为你打开), or of another edition's, would now say the wrong thing, and
   * goes for good. Every other message stays.
   */
  readonly reportShown = (shown: ShownEdition): void => {
    const list = this.getSnapshot().list;
    const kept = list.filter(({ text }) => {
      const about = this.about.get(text);
      return !about || (about.report === shown.report && about.edition === shown.edition);
    });
    if (kept.length !== list.length) this.set({ list: kept });
  };

  /** Adds the messages not told before (a report's notices, given each time it is opened). */
  readonly addOnce = (messages: readonly string[]): void => {
    for (const message of messages) if (!this.told.has(message)) this.add(message);
  };

  /** `index`: the notice's place in the list, in the order told. */
  readonly dismiss = (index: number): void =>
    this.set({ list: this.getSnapshot().list.filter((_, i) => i !== index) });

  readonly dismissAll = (): void => this.set({ list: [] });

  /** Takes a message back that is no longer true (the folder read-only, now writable). */
  readonly withdraw = (message: string): void =>
    this.set({ list: this.getSnapshot().list.filter((shown) => shown.text !== message) });
}
