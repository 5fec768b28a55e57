/** Whether the 快捷键 sheet is open. */
import { Store } from '../../store';

export class ShortcutsSheet extends Store<{ open: boolean }> {
  constructor() {
    super({ open: false });
  }

  readonly open = (): void => this.set({ open: true });

  readonly close = (): void => this.set({ open: false });
}
