/**
 * Everything annotations put over the pre-rendered text: highlights (CSS
 * Custom Highlight API), the selection toolbar, the note editor, the undo
 * toast and the word said when highlighted words are highlighted again. None
 * of it adds text to the report, so every text offset stays valid.
 */
import { useEffect } from 'react';
import type { HighlightColor } from '../../../shared/user-data';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { useMarksVersion } from '../glossary/useMarksVersion';
import { textToRanges } from '../reading/text-ranges';
import { showAnnotationHighlights } from './annotation-highlights';
import { annotationsWithWords } from './annotation-view';
import { editingKey, hasTypedWords, offeredSelection, type EditorValue } from './annotating';
import { alternateShades } from './highlight-runs';
import { clearNotes, markNotes } from './note-markers';
import { AnnotationEditor, type NoteTarget } from './AnnotationEditor';
import { SelectionToolbar } from './SelectionToolbar';
import { UndoToast } from './UndoToast';
import { repeatMessage, RepeatToast } from './RepeatToast';

function useHighlights(): void {
  const { slots, doc, userData } = useReader();
  const { pane } = slots;
  const annotations = useStore(userData, (state) => state.data.annotations);
  // The reader's term marks split text nodes: highlight ranges are rebuilt after.
  const marks = useMarksVersion(pane);
  useEffect(() => {
    const byColor = new Map<HighlightColor, Range[]>();
    const withNotes: Range[] = [];
    const darker: Range[] = [];
    const shaded = alternateShades(annotations);
    for (const annotation of annotations) {
      if (annotation.anchor.status === 'orphan') continue;
      const ranges = textToRanges(pane, doc, annotation.anchor.start, annotation.anchor.end);
      byColor.set(annotation.color, [...(byColor.get(annotation.color) ?? []), ...ranges]);
      if (annotation.note.trim() !== '') withNotes.push(...ranges);
      if (shaded.has(annotation.id)) darker.push(...ranges);
    }
    showAnnotationHighlights(byColor, withNotes, darker);
  }, [pane, doc, annotations, marks]);
}

/** Each note's marker in the margin (note-markers.ts); a click on one opens its note. */
function useNoteMarkers(): void {
  const { slots, doc, userData, annotating } = useReader();
  const { pane } = slots;
  const annotations = useStore(userData, (state) => state.data.annotations);
  useEffect(() => {
    markNotes(pane, doc, annotationsWithWords(annotations));
    return () => clearNotes(pane);
  }, [pane, doc, annotations]);
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const marker = (event.target as Element | null)?.closest<HTMLElement>('.note-marker');
      const id = marker?.dataset.annotation;
      const annotation = id && userData.data.annotations.find((item) => item.id === id);
      if (marker && annotation) annotating.editAnnotation(annotation, marker);
    };
    pane.addEventListener('click', onClick);
    return () => pane.removeEventListener('click', onClick);
  }, [pane, userData, annotating]);
}

/** What the note editor edits now, as data: a new note on a range, or an existing annotation. */
function useNoteTarget(): NoteTarget | null {
  const { doc, userData, annotating } = useReader();
  const editing = useStore(annotating, (state) => state.editing);
  const drafts = useStore(annotating, (state) => state.drafts);
  const annotations = useStore(userData, (state) => state.data.annotations);
  if (!editing) return null;
  const key = editingKey(editing);
  /** What every editor does, for the note as saved: `initial`. */
  const common = (initial: EditorValue) => ({
    key,
    initial,
    draft: drafts.get(key),
    rect: editing.rect,
    cancel(value: EditorValue) {
      if (hasTypedWords(value, initial)) annotating.discard(editing, value);
      else {
        annotating.dropDraft(editing);
        annotating.closeEditorOf(editing);
      }
    },
    close: () => annotating.closeEditorOf(editing),
  });
  if (editing.mode === 'new') {
    const { start, end } = editing;
    return {
      ...common({ color: editing.color, note: '', tags: [] }),
      quote: doc.text.slice(start, end),
      async save(value) {
        // Held until saved: reopened meanwhile, or after a failed save, the editor has the words.
        annotating.holdDraft(editing, value);
        const made = await userData.createAnnotation({ start, end, ...value });
        if (!made) return;
        annotating.dropDraft(editing);
        annotating.afterCreate(editing, made);
      },
    };
  }
  const edited = annotations.find((annotation) => annotation.id === editing.id);
  if (!edited) return null;
  return {
    ...common(edited),
    quote: edited.target.quote.exact,
    async save(value) {
      annotating.holdDraft(editing, value);
      const changed = await userData.updateAnnotation({ id: edited.id, ...value });
      if (!changed) return;
      annotating.dropDraft(editing);
      annotating.closeEditorOf(editing);
    },
    remove() {
      annotating.dropDraft(editing);
      annotating.closeEditorOf(editing);
      void userData.deleteAnnotation(edited.id);
    },
  };
}

export function AnnotationLayer() {
  const { userData, annotating, keyboardSelection, settings } = useReader();
  useHighlights();
  useNoteMarkers();
  const selection = useStore(annotating, offeredSelection);
  const target = useNoteTarget();
  const lastDeleted = useStore(userData, (state) => state.lastDeleted);
  const discarded = useStore(annotating, (state) => state.discarded);
  const selectionSaid = useStore(keyboardSelection, (state) => state.message);
  const repeated = useStore(annotating, (state) => state.repeated);
  const colorNames = useStore(settings, (state) => state.colorNames);
  return (
    <>
      {/* What the keyboard selection holds now, for screen readers (keyboard-selection.ts). */}
      <div className="visually-hidden" aria-live="polite" data-testid="keyboard-selection-status">
        {selectionSaid}
      </div>
      {selection && <SelectionToolbar selection={selection} />}
      {target && <AnnotationEditor key={target.key} target={target} />}
      {lastDeleted && (
        <UndoToast
          message={`已删除${lastDeleted.kind === 'annotation' ? '批注' : `书签“${lastDeleted.item.name}”`}`}
          token={lastDeleted}
          undo={userData.undo}
          expire={userData.dismissUndo}
        />
      )}
      {discarded && (
        <UndoToast
          message="已放弃未保存的批注"
          token={discarded}
          undo={annotating.restoreDiscarded}
          expire={annotating.forgetDiscarded}
        />
      )}
      {repeated && (
        <RepeatToast
          message={repeatMessage(repeated, colorNames)}
          token={repeated}
          expire={annotating.forgetRepeated}
        />
      )}
    </>
  );
}
