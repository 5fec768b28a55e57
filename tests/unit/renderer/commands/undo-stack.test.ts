import { describe, expect, it, vi } from 'vitest';
import { UNDO_LIMIT, UndoStack, type Undoable } from '../../../../src/renderer/commands/undo-stack';

const change = (what: string): Undoable => ({ what, undo: vi.fn() });

describe('the undo stack', () => {
  it('takes back the latest change first, whichever feature made it, each once', () => {
    const stack = new UndoStack();
    expect(stack.label()).toBe('撤销');
    expect(stack.undoLatest()).toBe(false);
    const note = change('删除批注');
    const removal = change('移出书架');
    stack.push(note, {});
    stack.push(removal);
    expect(stack.label()).toBe('撤销移出书架');
    expect(stack.undoLatest()).toBe(true);
    expect(removal.undo).toHaveBeenCalledOnce();
    expect(note.undo).not.toHaveBeenCalled();
    expect(stack.label()).toBe('撤销删除批注');
    stack.undoLatest();
    expect(note.undo).toHaveBeenCalledOnce();
    expect(stack.undoLatest()).toBe(false);
    expect(stack.label()).toBe('撤销');
  });

  it('a toast’s 撤销 takes back its own change from under a later one, and Ctrl+Z never does it again', () => {
    const stack = new UndoStack();
    const bookmark = change('删除书签');
    const note = change('删除批注');
    stack.push(bookmark);
    stack.push(note);
    expect(stack.undo(bookmark)).toBe(true);
    expect(stack.undo(bookmark)).toBe(false);
    expect(bookmark.undo).toHaveBeenCalledOnce();
    expect(stack.latest()).toBe(note);
    stack.undoLatest();
    expect(stack.undoLatest()).toBe(false);
    expect(bookmark.undo).toHaveBeenCalledOnce();
  });

  it('forgets a change undone another way, and the changes of a report’s stores when they go', () => {
    const stack = new UndoStack();
    const owner = {};
    const removal = change('移出书架');
    stack.push(removal);
    stack.push(change('删除批注'), owner);
    stack.push(change('放弃批注'), owner);
    stack.dropOwnedBy(owner);
    expect(stack.latest()).toBe(removal);
    expect(stack.forget(removal)).toBe(true);
    expect(stack.undo(removal)).toBe(false);
    expect(removal.undo).not.toHaveBeenCalled();
  });

  it('keeps the latest changes only, and tells its watchers of each change', () => {
    const stack = new UndoStack();
    const told = vi.fn();
    stack.subscribe(told);
    const first = change('删除批注');
    stack.push(first);
    for (let n = 0; n < UNDO_LIMIT; n++) stack.push(change('删除书签'));
    expect(told).toHaveBeenCalledTimes(UNDO_LIMIT + 1);
    expect(stack.undo(first)).toBe(false);
  });
});
