/** The note editor's words: what counts as typed, and the drafts and cancelled notes the store keeps. */
import { describe, expect, it } from 'vitest';
import type { DocumentText } from '../../../../src/core/report/doc-text';
import {
  AnnotatingStore,
  hasTypedWords,
  type Editing,
  type EditorValue,
} from '../../../../src/renderer/features/annotations/annotating';
import { UndoStack } from '../../../../src/renderer/commands/undo-stack';
import type { UserDataStore } from '../../../../src/renderer/user-data/user-data-store';

const EMPTY: EditorValue = { color: 'c1', note: '', tags: [] };
const rect = () => ({}) as DOMRect;

// Only the editor's state is exercised here: nothing touches the pane or the text.
const store = (stack = new UndoStack()) =>
  new AnnotatingStore({} as HTMLElement, {} as DocumentText, {} as UserDataStore, stack);

describe('hasTypedWords', () => {
  it('is true for a changed note or tags, false for a colour alone or an emptied note', () => {
    expect(hasTypedWords({ ...EMPTY, note: '问进度' }, EMPTY)).toBe(true);
    expect(hasTypedWords({ ...EMPTY, tags: ['民生'] }, EMPTY)).toBe(true);
    expect(hasTypedWords({ ...EMPTY, color: 'c3' }, EMPTY)).toBe(false);
    expect(hasTypedWords({ ...EMPTY, note: '   ' }, EMPTY)).toBe(false);
    const saved = { ...EMPTY, note: '原有' };
    expect(hasTypedWords(saved, saved)).toBe(false);
    expect(hasTypedWords(EMPTY, saved)).toBe(false);
    expect(hasTypedWords({ ...saved, note: '原有补充' }, saved)).toBe(true);
  });
});

describe('AnnotatingStore drafts', () => {
  it('a cancelled note comes back, words and all, in the editor it left', () => {
    const annotating = store();
    annotating.openEditor('a1', rect);
    const editing = annotating.getSnapshot().editing as Editing;
    const typed = { ...EMPTY, note: '会上追问' };
    annotating.discard(editing, typed);
    expect(annotating.getSnapshot().editing).toBeNull();
    expect(annotating.hasDiscarded()).toBe(true);
    annotating.restoreDiscarded();
    expect(annotating.getSnapshot().editing).toBe(editing);
    expect(annotating.draftOf(editing)).toEqual(typed);
    expect(annotating.hasDiscarded()).toBe(false);
  });

  it('a cancelled note goes on the undo stack: Ctrl+Z brings it back after its toast has gone', () => {
    const stack = new UndoStack();
    const annotating = store(stack);
    annotating.openEditor('a1', rect);
    const editing = annotating.getSnapshot().editing as Editing;
    annotating.discard(editing, { ...EMPTY, note: '会上追问' });
    expect(stack.label()).toBe('撤销放弃批注');
    annotating.forgetDiscarded();
    expect(stack.undoLatest()).toBe(true);
    expect(annotating.getSnapshot().editing).toBe(editing);
    expect(annotating.draftOf(editing)?.note).toBe('会上追问');
    expect(stack.latest()).toBeUndefined();
  });

  it('a save that ends late closes only its own editor', () => {
    const annotating = store();
    annotating.openEditor('a1', rect);
    const first = annotating.getSnapshot().editing as Editing;
    annotating.openEditor('a2', rect);
    annotating.closeEditorOf(first);
    expect(annotating.getSnapshot().editing).toMatchObject({ mode: 'edit', id: 'a2' });
  });

  it('holds a draft by the words or annotation it is for, until dropped', () => {
    const annotating = store();
    const fresh: Editing = { mode: 'new', start: 3, end: 9, color: 'c2', rect };
    annotating.holdDraft(fresh, { ...EMPTY, note: '草稿' });
    expect(annotating.draftOf({ ...fresh })?.note).toBe('草稿');
    expect(annotating.draftOf({ ...fresh, end: 10 })).toBeUndefined();
    annotating.dropDraft(fresh);
    expect(annotating.draftOf(fresh)).toBeUndefined();
  });
});
