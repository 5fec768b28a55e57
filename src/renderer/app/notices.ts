/** Messages the reader must see (a damaged file moved aside, a save that failed), until dismissed. */
import { Store } from '../store';

export class Notices extends Store<{ list: readonly string[] }> {
  constructor(initial: readonly string[]) {
    super({ list: initial });
  }

  readonly add = (message: string): void =>
    this.set({ list: [...this.getSnapshot().list, message] });

  readonly dismiss = (index: number): void =>
    this.set({ list: this.getSnapshot().list.filter((_, i) => i !== index) });
}
