/**
 * Turning a selection into a highlight or a note, and opening a highlight's
 * note: the selection is tracked as a range of the document text, the editor
 * as plain data ({ new range } or { existing id }).
 *
 * Words typed in the note editor are never lost without a word: a note
 * still being saved (or whose save failed) is held as a draft, which the
 * editor starts from when it reopens on the same words; a note cancelled
 * with words in it is set aside, and 撤销 (or Ctrl+Z) reopens the editor
 * with them, as Gmail's 撤消 does for a discarded message.
 */
import type { HighlightOutcome } from '../../../core/annotations/highlight-again';
import type { DocumentText } from '../../../core/report/doc-text';
import type { Anchored, Annotation, HighlightColor } from '../../../shared/user-data';
import type { Undoable, UndoStack } from '../../commands/undo-stack';
import { Store } from '../../store';
import type { UserDataStore } from '../../user-data/user-data-store';
import { scrollRangeIntoView } from '../reading/block-ranges';
import { positionAtPoint, rangeToText, textToRanges } from '../reading/text-ranges';
import { flashRanges } from './annotation-highlights';
import { annotationsAt } from './annotation-view';

export interface TextSelection {
  start: number;
  end: number;
  /** Where it is on screen now (it moves as the pane scrolls). */
  rect(): DOMRect;
}

export type Editing =
  | { mode: 'new'; start: number; end: number; color: HighlightColor; rect(): DOMRect }
  | { mode: 'edit'; id: string; rect(): DOMRect };

/** What the note editor edits: colour, note, tags. */
export interface EditorValue {
  color: HighlightColor;
  note: string;
  tags: string[];
}

export const sameValue = (a: EditorValue, b: EditorValue): boolean =>
  a.color === b.color && a.note === b.note && a.tags.join('\n') === b.tags.join('\n');

/**
 * Whether a cancel would throw away words the reader typed: a changed note
 * with a note or tags in it. A colour tried and cancelled, or a note emptied
 * and cancelled (the saved one is still there), loses no words.
 */
export const hasTypedWords = (value: EditorValue, saved: EditorValue): boolean =>
  !sameValue(value, saved) && (value.note.trim() !== '' || value.tags.length > 0);

/** Which note an editor is for: a new one on its words, or an annotation's. */
export const editingKey = (editing: Editing): string =>
  editing.mode === 'new' ? `new-${editing.start}-${editing.end}` : editing.id;

/** A note the reader cancelled with words in it, kept for 撤销. */
export interface Discarded {
  editing: Editing;
  value: EditorValue;
  /** Its entry on the app's undo stack (Ctrl+Z, the toast's 撤销). */
  undoable: Undoable;
}

interface AnnotatingState {
  selection: TextSelection | null;
  /** The pointer is down in the text: a selection is still being made. */
  dragging: boolean;
  editing: Editing | null;
  lastColor: HighlightColor;
  /** Notes typed but not yet saved (a save under way, or one that failed), by editingKey. */
  drafts: ReadonlyMap<string, EditorValue>;
  discarded: Discarded | null;
  /** Words highlighted again: said briefly, since nothing new shows. */
  repeated: Repeated | null;
}

/** What highlighting highlighted words did (core/annotations/highlight-again.ts). */
export interface Repeated {
  outcome: 'unchanged' | 'recoloured';
  /** The highlight's colour now. */
  color: HighlightColor;
}

function currentSelection(pane: HTMLElement, doc: DocumentText): TextSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!pane.contains(range.commonAncestorContainer)) return null;
  const place = rangeToText(pane, doc, range);
  if (!place) return null;
  const kept = range.cloneRange();
  return { ...place, rect: () => kept.getBoundingClientRect() };
}

/** The selection, while it is worth offering the toolbar for it. */
export const offeredSelection = (state: AnnotatingState) =>
  state.dragging || state.editing ? null : state.selection;

export class AnnotatingStore extends Store<AnnotatingState> {
  constructor(
    private readonly pane: HTMLElement,
    private readonly doc: DocumentText,
    private readonly userData: UserDataStore,
    private readonly undoStack: UndoStack,
  ) {
    super({
      selection: null,
      dragging: false,
      editing: null,
      lastColor: 'c1',
      drafts: new Map(),
      discarded: null,
      repeated: null,
    });
  }

  /** Follows the selection and clicks on highlighted text; answers the stop. */
  attach(): () => void {
    const { pane, doc } = this;
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => this.set({ selection: currentSelection(pane, doc) }));
    };
    const down = () => this.set({ dragging: true });
    const up = () => this.set({ dragging: false });
    // A click on highlighted text (not a selection, not a button) opens its note.
    const onClick = (event: MouseEvent) => {
      if ((event.target as Element | null)?.closest('button, a, input, textarea')) return;
      if (!(window.getSelection()?.isCollapsed ?? true)) return;
      const at = positionAtPoint(pane, doc, event.clientX, event.clientY);
      if (at === null) return;
      const [hit] = annotationsAt(this.userData.data.annotations, at);
      if (!hit) return;
      const { clientX: x, clientY: y } = event;
      this.openEditor(hit.id, () => new DOMRect(x, y - 10, 1, 20));
    };
    document.addEventListener('selectionchange', onChange);
    // A selection made before this listener existed (the reader was quick) counts too.
    onChange();
    pane.addEventListener('pointerdown', down);
    window.addEventListener('pointerup', up);
    pane.addEventListener('click', onClick);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
      pane.removeEventListener('pointerdown', down);
      window.removeEventListener('pointerup', up);
      pane.removeEventListener('click', onClick);
    };
  }

  /**
   * Whether report text is selected right now. Read live, not from state:
   * a key pressed in the same frame as the selection must still see it.
   */
  hasSelection(): boolean {
    return currentSelection(this.pane, this.doc) !== null;
  }

  private chosen(): TextSelection | null {
    return currentSelection(this.pane, this.doc) ?? this.getSnapshot().selection;
  }

  /** Drops the selection once it has become a highlight, unless the reader has since selected something else. */
  private clearSelectionOf(start: number, end: number): void {
    const now = currentSelection(this.pane, this.doc);
    if (now && (now.start !== start || now.end !== end)) return;
    window.getSelection()?.removeAllRanges();
    this.set({ selection: null });
  }

  readonly highlight = async (color = this.getSnapshot().lastColor): Promise<void> => {
    const chosen = this.chosen();
    if (!chosen) return;
    this.set({ lastColor: color });
    const made = await this.userData.createAnnotation({
      start: chosen.start,
      end: chosen.end,
      color,
    });
    if (!made) return;
    this.clearSelectionOf(chosen.start, chosen.end);
    this.tellRepeat(made.outcome, made.annotation.color);
  };

  /** Says so when a create added nothing new: the words were highlighted already. */
  private tellRepeat(outcome: HighlightOutcome, color: HighlightColor): void {
    if (outcome !== 'added') this.set({ repeated: { outcome, color } });
  }

  /** The brief word about a repeat has been shown long enough. */
  readonly forgetRepeated = (): void => this.set({ repeated: null });

  readonly startNote = (): void => {
    const chosen = this.chosen();
    if (!chosen) return;
    const { start, end, rect } = chosen;
    this.set({ editing: { mode: 'new', start, end, color: this.getSnapshot().lastColor, rect } });
  };

  /** The colour the next highlight gets (a swatch of the selection toolbar). */
  readonly chooseColor = (color: HighlightColor): void => this.set({ lastColor: color });

  readonly openEditor = (id: string, rect: () => DOMRect): void =>
    this.set({ editing: { mode: 'edit', id, rect } });

  /**
   * Closes the editor of `editing`, and only that one: a save that ends after
   * the reader has already opened another note must not close it.
   */
  closeEditorOf(editing: Editing): void {
    if (this.getSnapshot().editing === editing) this.set({ editing: null });
  }

  /**
   * A new note was saved: its editor closes, and so does the selection it was
   * made from. Saved with no words on highlighted words, it was a repeat.
   */
  afterCreate(
    editing: Editing & { mode: 'new' },
    made: { outcome: HighlightOutcome; annotation: Annotation },
  ): void {
    this.clearSelectionOf(editing.start, editing.end);
    this.closeEditorOf(editing);
    this.tellRepeat(made.outcome, made.annotation.color);
  }

  /** What the editor of `editing` starts from when a draft of it is held. */
  draftOf(editing: Editing): EditorValue | undefined {
    return this.getSnapshot().drafts.get(editingKey(editing));
  }

  /** Holds what is being saved, until the save has succeeded (dropDraft). */
  holdDraft(editing: Editing, value: EditorValue): void {
    const drafts = new Map(this.getSnapshot().drafts);
    drafts.set(editingKey(editing), value);
    this.set({ drafts });
  }

  dropDraft(editing: Editing): void {
    const key = editingKey(editing);
    if (!this.getSnapshot().drafts.has(key)) return;
    const drafts = new Map(this.getSnapshot().drafts);
    drafts.delete(key);
    this.set({ drafts });
  }

  /** The reader cancelled a note with words in it: the editor closes, the words are kept for 撤销. */
  discard(editing: Editing, value: EditorValue): void {
    this.dropDraft(editing);
    const discarded: Discarded = {
      editing,
      value,
      undoable: { what: '放弃批注', undo: () => this.reopen(discarded) },
    };
    this.undoStack.push(discarded.undoable, this);
    this.set({ discarded });
    this.closeEditorOf(editing);
  }

  readonly hasDiscarded = (): boolean => this.getSnapshot().discarded !== null;

  /** The toast's 撤销 after a cancel, taken back through the undo stack. */
  readonly restoreDiscarded = (): void => {
    const { discarded } = this.getSnapshot();
    if (discarded) this.undoStack.undo(discarded.undoable);
  };

  /** 撤销 after a cancel: the editor opens again where it was, with the words as they were. */
  private reopen(discarded: Discarded): void {
    this.holdDraft(discarded.editing, discarded.value);
    const shown = this.getSnapshot().discarded;
    this.set({ discarded: shown === discarded ? null : shown, editing: discarded.editing });
  }

  /** The toast's time is over (the cancel stays on the undo stack). */
  readonly forgetDiscarded = (): void => this.set({ discarded: null });

  /** Scrolls to an annotation's words and marks them for a moment. */
  readonly showAnnotation = (annotation: Anchored<Annotation>): void => {
    if (annotation.anchor.status === 'orphan') return;
    const ranges = textToRanges(
      this.pane,
      this.doc,
      annotation.anchor.start,
      annotation.anchor.end,
    );
    if (ranges.length === 0) return;
    scrollRangeIntoView(this.pane, ranges[0]);
    flashRanges(ranges);
  };

  /** Shows an annotation and opens its note there (from the 批注 panel's 编辑). */
  readonly editAnnotation = (annotation: Anchored<Annotation>, from: HTMLElement): void => {
    if (annotation.anchor.status === 'orphan') return;
    this.showAnnotation(annotation);
    const { start, end } = annotation.anchor;
    this.openEditor(annotation.id, () => {
      const [first] = textToRanges(this.pane, this.doc, start, end);
      return first?.getBoundingClientRect() ?? from.getBoundingClientRect();
    });
  };
}
