import { describe, expect, it, vi } from 'vitest';
import { UndoStack } from '../../../../src/renderer/commands/undo-stack';
import {
  UserDataStore,
  type UserDataApi,
} from '../../../../src/renderer/user-data/user-data-store';
import type { Anchored, Bookmark, UserDataView } from '../../../../src/shared/user-data';

const bookmark = (id: string, name: string) =>
  ({ id, name, anchor: { status: 'exact', start: 0, end: 1 } }) as unknown as Anchored<Bookmark>;

/** main's side, kept in memory: every call answers as the services would. */
function fakeMain(view: UserDataView) {
  const calls: string[] = [];
  const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
  const api = {
    getUserData: () => ok(view),
    createBookmark: ({ block }: { block: string }) => {
      calls.push(`create ${block}`);
      return ok(bookmark(`b-${block}`, block));
    },
    deleteBookmark: ({ id }: { id: string }) => {
      calls.push(`delete ${id}`);
      return ok(view.bookmarks.find((item) => item.id === id)!);
    },
    restoreBookmark: ({ bookmark: item }: { bookmark: Bookmark }) => {
      calls.push(`restore ${item.id}`);
      return ok(item as Anchored<Bookmark>);
    },
    updateBookmark: () => Promise.resolve({ ok: false as const, error: '文件被占用' }),
  } as unknown as UserDataApi;
  return { api, calls };
}

/** Main's view with one bookmark, 开篇. */
const oneBookmark = (): UserDataView => ({
  annotations: [],
  bookmarks: [bookmark('b1', '开篇')],
  terms: [],
  readOnly: false,
  quarantined: 0,
});

describe('the user-data store', () => {
  it('loads main’s view, and keeps in step with each answer', async () => {
    const view = oneBookmark();
    const { api } = fakeMain(view);
    const store = new UserDataStore(api, vi.fn(), new UndoStack());
    expect(store.getSnapshot().loaded).toBe(false);
    await store.load();
    expect(store.getSnapshot().loaded).toBe(true);
    expect(store.data.bookmarks.map((item) => item.name)).toEqual(['开篇']);
    await store.createBookmark('b9');
    expect(store.data.bookmarks.map((item) => item.id)).toEqual(['b1', 'b-b9']);
  });

  it('a deletion can be undone once', async () => {
    const view = oneBookmark();
    const { api, calls } = fakeMain(view);
    const store = new UserDataStore(api, vi.fn(), new UndoStack());
    await store.load();
    await store.deleteBookmark('b1');
    expect(store.data.bookmarks).toEqual([]);
    expect(store.getSnapshot().lastDeleted?.kind).toBe('bookmark');
    store.undo();
    store.undo();
    await vi.waitFor(() => expect(store.data.bookmarks.map((item) => item.id)).toEqual(['b1']));
    expect(calls).toEqual(['delete b1', 'restore b1']);
    expect(store.getSnapshot().lastDeleted).toBeNull();
  });

  it('each deletion goes on the app’s undo stack, named, and stays there after its toast has gone', async () => {
    const view = oneBookmark();
    const { api, calls } = fakeMain(view);
    const stack = new UndoStack();
    const store = new UserDataStore(api, vi.fn(), stack);
    await store.load();
    await store.deleteBookmark('b1');
    expect(stack.label()).toBe('撤销删除书签');
    store.dismissUndo();
    expect(store.getSnapshot().lastDeleted).toBeNull();
    expect(stack.undoLatest()).toBe(true);
    await vi.waitFor(() => expect(store.data.bookmarks.map((item) => item.id)).toEqual(['b1']));
    expect(calls).toEqual(['delete b1', 'restore b1']);
    // The report's stores go: what they put on the stack goes with them.
    await store.deleteBookmark('b1');
    stack.dropOwnedBy(store);
    expect(stack.latest()).toBeUndefined();
  });

  it('a refused change says why in a notice and changes nothing', async () => {
    const view = oneBookmark();
    const addNotice = vi.fn();
    const store = new UserDataStore(fakeMain(view).api, addNotice, new UndoStack());
    await store.load();
    const before = store.getSnapshot();
    await store.renameBookmark('b1', '新名字');
    expect(addNotice).toHaveBeenCalledWith('重命名书签失败：文件被占用');
    expect(store.getSnapshot()).toBe(before);
  });
});
