/**
 * Everything annotations put over the pre-rendered text: highlights (CSS
 * Custom Highlight API), bookmark markers (an attribute on the block, drawn in
 * the margin by CSS), the selection toolbar, the note editor and the undo toast.
 * None of it adds text to the report, so every text offset stays valid.
 */
import { useEffect } from 'react';
import type { DocumentText } from '../../../shared/doc-text';
import type { HighlightColor } from '../../../shared/user-data';
import type { AnnotatingState } from './useAnnotating';
import { useMarksVersion } from '../glossary/useMarksVersion';
import type { UserDataState } from '../../user-data/useUserData';
import { showAnnotationHighlights } from './annotation-highlights';
import { bookmarkInBlock } from './annotation-view';
import { textToRanges } from '../reading/text-ranges';
import { AnnotationEditor } from './AnnotationEditor';
import { SelectionToolbar } from './SelectionToolbar';
import { UndoToast } from './UndoToast';

interface Props {
  pane: HTMLElement;
  doc: DocumentText;
  userData: UserDataState;
  annotating: AnnotatingState;
  colorNames: Record<HighlightColor, string>;
  /** Explain the selected phrase as a term of the reader's own (名词解释). */
  onTerm?(): void;
}

export function AnnotationLayer({ pane, doc, userData, annotating, colorNames, onTerm }: Props) {
  const { annotations, bookmarks, readOnly } = userData.data;

  // The reader's term marks split text nodes: highlight ranges are rebuilt after.
  const marks = useMarksVersion(pane);
  useEffect(() => {
    const byColor = new Map<HighlightColor, Range[]>();
    const withNotes: Range[] = [];
    for (const annotation of annotations) {
      if (annotation.anchor.status === 'orphan') continue;
      const ranges = textToRanges(pane, doc, annotation.anchor.start, annotation.anchor.end);
      byColor.set(annotation.color, [...(byColor.get(annotation.color) ?? []), ...ranges]);
      if (annotation.note.trim() !== '') withNotes.push(...ranges);
    }
    showAnnotationHighlights(byColor, withNotes);
  }, [pane, doc, annotations, marks]);

  useEffect(() => {
    for (const element of pane.querySelectorAll<HTMLElement>('[data-bookmarked]')) {
      delete element.dataset.bookmarked;
    }
    for (const id of doc.ids) {
      const bookmark = bookmarkInBlock(bookmarks, doc, id);
      const element = bookmark && pane.querySelector<HTMLElement>(`[data-block="${id}"]`);
      if (element) element.dataset.bookmarked = bookmark.name;
    }
  }, [pane, doc, bookmarks]);

  const { editing, selection } = annotating;
  const edited =
    editing?.mode === 'edit'
      ? annotations.find((annotation) => annotation.id === editing.id)
      : undefined;

  return (
    <>
      {selection && (
        <SelectionToolbar
          selection={selection}
          pane={pane}
          colorNames={colorNames}
          readOnly={readOnly}
          onHighlight={(color) => void annotating.highlight(color)}
          onNote={annotating.startNote}
          onTerm={onTerm}
        />
      )}
      {editing?.mode === 'new' && (
        <AnnotationEditor
          key={`new-${editing.start}-${editing.end}`}
          quote={doc.text.slice(editing.start, editing.end)}
          initial={{ color: editing.color, note: '', tags: [] }}
          isNew
          readOnly={readOnly}
          rect={editing.rect}
          pane={pane}
          colorNames={colorNames}
          onSave={async (value) => {
            const made = await userData.createAnnotation({
              start: editing.start,
              end: editing.end,
              ...value,
            });
            if (made) annotating.afterCreate(editing.start, editing.end);
          }}
          onDelete={annotating.closeEditor}
          onClose={annotating.closeEditor}
        />
      )}
      {edited && editing?.mode === 'edit' && (
        <AnnotationEditor
          key={edited.id}
          quote={edited.target.quote.exact}
          initial={edited}
          isNew={false}
          readOnly={readOnly}
          rect={editing.rect}
          pane={pane}
          colorNames={colorNames}
          onSave={async (value) => {
            const changed = await userData.updateAnnotation({ id: edited.id, ...value });
            if (changed) annotating.closeEditor();
          }}
          onDelete={() => {
            annotating.closeEditor();
            void userData.deleteAnnotation(edited.id);
          }}
          onClose={annotating.closeEditor}
        />
      )}
      {userData.lastDeleted && (
        <UndoToast
          deleted={userData.lastDeleted}
          onUndo={() => void userData.undo()}
          onDismiss={userData.dismissUndo}
        />
      )}
    </>
  );
}
