/** Messages the reader must see (a damaged file moved aside, a save that failed), until dismissed. */
import { Store } from '../store';

export class Notices extends Store<{ list: readonly string[] }> {
  /** Every message shown this page's life: a file's notice is told once, however often its report opens. */
  private readonly told = new Set<string>();
  /** Messages that are news about one report (它已为你打开): the report they are about. */
  private readonly about = new Map<string, string>();

  constructor(initial: readonly string[]) {
    super({ list: initial });
    for (const message of initial) this.told.add(message);
  }

  /** `about`: the report the message is news of, which is stale once another report is on screen. */
  readonly add = (message: string, about?: string): void => {
    this.told.add(message);
    if (about !== undefined) this.about.set(message, about);
    // Told again (the same file added twice): one notice, moved to the end as the latest news.
    this.set({ list: [...this.getSnapshot().list.filter((shown) => shown !== message), message] });
  };

  /**
   * A report is on screen: news of another report's arrival (《甲》已在书架上，
   * 已为你打开) would now say the wrong thing, and goes. Every other message stays.
   */
  readonly reportShown = (report: string): void => {
    const list = this.getSnapshot().list;
    const kept = list.filter((message) => (this.about.get(message) ?? report) === report);
    if (kept.length !== list.length) this.set({ list: kept });
  };

  /** Adds the messages not told before (a report's notices, given each time it is opened). */
  readonly addOnce = (messages: readonly string[]): void => {
    for (const message of messages) if (!this.told.has(message)) this.add(message);
  };

  readonly dismiss = (index: number): void =>
    this.set({ list: this.getSnapshot().list.filter((_, i) => i !== index) });

  readonly dismissAll = (): void => this.set({ list: [] });

  /** Takes a message back that is no longer true (the folder read-only, now writable). */
  readonly withdraw = (message: string): void =>
    this.set({ list: this.getSnapshot().list.filter((shown) => shown !== message) });
}
