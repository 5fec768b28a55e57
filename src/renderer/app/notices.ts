/** Messages the reader must see (a damaged file moved aside, a save that failed), until dismissed. */
import { Store } from '../store';

export class Notices extends Store<{ list: readonly string[] }> {
  /** Every message shown this page's life: a file's notice is told once, however often its report opens. */
  private readonly told = new Set<string>();

  constructor(initial: readonly string[]) {
    super({ list: initial });
    for (const message of initial) this.told.add(message);
  }

  readonly add = (message: string): void => {
    this.told.add(message);
    this.set({ list: [...this.getSnapshot().list, message] });
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
