/**
 * The one undo of the app: every change that can be taken back (a note or
 * highlight deleted, a bookmark deleted, a note cancelled with words in it,
 * a report taken off the 书架) is pushed here as it happens, and 撤销
 * (Ctrl/Cmd+Z, 编辑 → 撤销) takes back the latest, whichever feature made it.
 * A toast's own 撤销 takes back its change through here too, wherever it
 * now is in the stack, so nothing is undone twice.
 *
 * Plain TypeScript over the renderer's Store: tested under Node.
 */
import { Store } from '../store';

export interface Undoable {
  /** What was done, as 撤销 names it: 删除批注 makes the command 撤销删除批注. */
  readonly what: string;
  /** Takes the change back (a call to main, most often). */
  undo(): void | Promise<void>;
}

/** Enough for a reader working back through a session; the oldest go first. */
export const UNDO_LIMIT = 50;

interface Entry {
  undoable: Undoable;
  /** The report's stores that made it (see dropOwnedBy); none for the app's own (the 书架). */
  owner: object | undefined;
}

export class UndoStack extends Store<{ entries: readonly Entry[] }> {
  constructor() {
    super({ entries: [] });
  }

  /** A change that can be taken back has just been made. */
  push(undoable: Undoable, owner?: object): void {
    const entries = [...this.getSnapshot().entries, { undoable, owner }];
    this.set({ entries: entries.slice(-UNDO_LIMIT) });
  }

  /** What 撤销 would take back now. */
  latest(): Undoable | undefined {
    return this.getSnapshot().entries.at(-1)?.undoable;
  }

  /** `撤销删除批注`, or plain 撤销 when there is nothing to undo. */
  label(): string {
    return `撤销${this.latest()?.what ?? ''}`;
  }

  /** Takes back the latest change; answers whether there was one. */
  readonly undoLatest = (): boolean => {
    const latest = this.latest();
    return latest ? this.undo(latest) : false;
  };

  /**
   * Takes back this change (a toast's 撤销), wherever it is in the stack;
   * answers false, doing nothing, when it was already taken back or forgotten.
   */
  readonly undo = (undoable: Undoable): boolean => {
    if (!this.forget(undoable)) return false;
    void undoable.undo();
    return true;
  };

  /** The change can no longer be taken back here (the report was put back from 已移除); answers whether it was held. */
  forget(undoable: Undoable): boolean {
    const { entries } = this.getSnapshot();
    const kept = entries.filter((entry) => entry.undoable !== undoable);
    if (kept.length === entries.length) return false;
    this.set({ entries: kept });
    return true;
  }

  /**
   * The report's stores are going (another report, or edition, is put up):
   * the changes they made are forgotten, since undoing them would change
   * notes that are no longer on screen, with nothing to show it.
   */
  dropOwnedBy(owner: object): void {
    const { entries } = this.getSnapshot();
    const kept = entries.filter((entry) => entry.owner !== owner);
    if (kept.length !== entries.length) this.set({ entries: kept });
  }
}
