/**
 * The reader's annotations, bookmarks and own terms as held by main: loaded
 * once, then kept in step with every answer. A failed call says why in a
 * notice and changes nothing on screen. Each deletion goes on the app's
 * undo stack (撤销, Ctrl+Z); the last one is offered back by its toast too.
 * The annotations, bookmarks and glossary features all read this one store.
 */
import { outcomeOf } from '../../core/annotations/highlight-again';
import type { Result } from '../../shared/api';
import type { ReportRequest } from '../../shared/report-api';
import type { ScopedApi } from '../api/scoped';
import type { Anchored, Annotation, Bookmark, UserDataView } from '../../shared/user-data';
import type { Undoable, UndoStack } from '../commands/undo-stack';
import { Store } from '../store';

type DeletedItem = { kind: 'annotation'; item: Annotation } | { kind: 'bookmark'; item: Bookmark };

export type Deleted = DeletedItem & {
  /** Its entry on the undo stack: the toast's 撤销 takes it back through the stack. */
  undoable: Undoable;
};

interface UserDataState {
  data: UserDataView;
  loaded: boolean;
  lastDeleted: Deleted | null;
}

const EMPTY: UserDataView = {
  annotations: [],
  bookmarks: [],
  terms: [],
  readOnly: false,
  quarantined: 0,
};

const replaceOrAdd = <T extends { id: string }>(list: T[], item: T) =>
  list.some((old) => old.id === item.id)
    ? list.map((old) => (old.id === item.id ? item : old))
    : [...list, item];

export type UserDataApi = Pick<
  ScopedApi,
  | 'getUserData'
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'createBookmark'
  | 'updateBookmark'
  | 'deleteBookmark'
  | 'restoreBookmark'
  | 'saveTerm'
  | 'deleteTerm'
>;

export class UserDataStore extends Store<UserDataState> {
  constructor(
    private readonly api: UserDataApi,
    private readonly addNotice: (message: string) => void,
    /** The app's one undo: each deletion goes on it, as this store's (dropped when the report goes). */
    private readonly undoStack: UndoStack,
  ) {
    super({ data: EMPTY, loaded: false, lastDeleted: null });
  }

  get data(): UserDataView {
    return this.getSnapshot().data;
  }

  async load(): Promise<void> {
    const answer = await this.api.getUserData();
    if (answer.ok) this.set({ data: answer.value, loaded: true });
    else {
      this.addNotice(`批注和书签未能读取：${answer.error}`);
      this.set({ loaded: true });
    }
  }

  /** Runs a call; on failure tells the reader and answers undefined. */
  private async attempt<T>(what: string, call: Promise<Result<T>>): Promise<T | undefined> {
    const answer = await call;
    if (answer.ok) return answer.value;
    this.addNotice(`${what}失败：${answer.error}`);
    return undefined;
  }

  private change(update: (data: UserDataView) => Partial<UserDataView>): void {
    const { data } = this.getSnapshot();
    this.set({ data: { ...data, ...update(data) } });
  }

  private putAnnotation(annotation: Anchored<Annotation>): void {
    this.change((data) => ({ annotations: replaceOrAdd(data.annotations, annotation) }));
  }

  private putBookmark(bookmark: Anchored<Bookmark>): void {
    this.change((data) => ({ bookmarks: replaceOrAdd(data.bookmarks, bookmark) }));
  }

  /**
   * Answers the annotation and what became of the request: words already
   * highlighted are answered with their highlight, not added again
   * (core/annotations/highlight-again.ts).
   */
  async createAnnotation(request: ReportRequest<'createAnnotation'>) {
    const before = this.data.annotations;
    const made = await this.attempt('保存批注', this.api.createAnnotation(request));
    if (!made) return undefined;
    this.putAnnotation(made);
    return { annotation: made, outcome: outcomeOf(before, made) };
  }

  async updateAnnotation(change: ReportRequest<'updateAnnotation'>) {
    const changed = await this.attempt('修改批注', this.api.updateAnnotation(change));
    if (changed) this.putAnnotation(changed);
    return changed;
  }

  async deleteAnnotation(id: string): Promise<void> {
    const gone = await this.attempt('删除批注', this.api.deleteAnnotation({ id }));
    if (!gone) return;
    this.change((data) => ({ annotations: data.annotations.filter((a) => a.id !== id) }));
    this.deleted({ kind: 'annotation', item: gone }, '删除批注');
  }

  async createBookmark(block: string) {
    const made = await this.attempt('添加书签', this.api.createBookmark({ block }));
    if (made) this.putBookmark(made);
    return made;
  }

  async renameBookmark(id: string, name: string): Promise<void> {
    const changed = await this.attempt('重命名书签', this.api.updateBookmark({ id, name }));
    if (changed) this.putBookmark(changed);
  }

  async deleteBookmark(id: string): Promise<void> {
    const gone = await this.attempt('删除书签', this.api.deleteBookmark({ id }));
    if (!gone) return;
    this.change((data) => ({ bookmarks: data.bookmarks.filter((b) => b.id !== id) }));
    this.deleted({ kind: 'bookmark', item: gone }, '删除书签');
  }

  async saveTerm(term: { id?: string; term: string; definition: string }) {
    const saved = await this.attempt('保存注释', this.api.saveTerm(term));
    if (saved) this.change((data) => ({ terms: replaceOrAdd(data.terms, saved) }));
    return saved;
  }

  async deleteTerm(id: string): Promise<void> {
    const gone = await this.attempt('删除注释', this.api.deleteTerm({ id }));
    if (gone) this.change((data) => ({ terms: data.terms.filter((t) => t.id !== id) }));
  }

  /** Replaces everything with main's view, e.g. after an import. */
  async reload(): Promise<void> {
    const view = await this.attempt('读取批注', this.api.getUserData());
    if (view) this.set({ data: view });
  }

  /** The toast's time is over: it goes; the deletion stays on the undo stack. */
  readonly dismissUndo = (): void => this.set({ lastDeleted: null });

  /** 撤销 on the toast: the deletion it shows, taken back through the stack. */
  readonly undo = (): void => {
    const deleted = this.getSnapshot().lastDeleted;
    if (deleted) this.undoStack.undo(deleted.undoable);
  };

  private deleted(item: DeletedItem, what: string): void {
    const deleted: Deleted = { ...item, undoable: { what, undo: () => this.restore(deleted) } };
    this.undoStack.push(deleted.undoable, this);
    this.set({ lastDeleted: deleted });
  }

  private async restore(deleted: Deleted): Promise<void> {
    if (this.getSnapshot().lastDeleted === deleted) this.set({ lastDeleted: null });
    if (deleted.kind === 'annotation') {
      const back = await this.attempt(
        '撤销删除',
        this.api.restoreAnnotation({ annotation: deleted.item }),
      );
      if (back) this.putAnnotation(back);
    } else {
      const back = await this.attempt(
        '撤销删除',
        this.api.restoreBookmark({ bookmark: deleted.item }),
      );
      if (back) this.putBookmark(back);
    }
  }
}
