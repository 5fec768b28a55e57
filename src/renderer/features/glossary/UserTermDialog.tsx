/** The small form for a reader's own term: the phrase and their explanation of it. */
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { useModalDialog } from '../../ui/useModalDialog';
import { draftProblem, type TermDraft } from './user-terms';

export function UserTermDialog({ draft }: { draft: TermDraft }) {
  const { glossary, userData } = useReader();
  const existing = useStore(userData, (state) => state.data.terms);
  const onSave = glossary.saveDraft;
  const onClose = glossary.closeDraft;
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [term, setTerm] = useState(draft.term);
  const [definition, setDefinition] = useState(draft.definition);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const termField = useRef<HTMLInputElement>(null);
  const definitionField = useRef<HTMLTextAreaElement>(null);
  // A modal <dialog>: Tab goes round inside it, Esc cancels, focus goes back where it was.
  useModalDialog(dialog);
  useEffect(() => {
    // showModal() focuses the first field; with the phrase already there, the explanation is next.
    (draft.term === '' ? termField : definitionField).current?.focus();
    // Only on opening: later edits of the fields must not move focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const close = () => {
    dialog.current?.close();
    onClose();
  };
  // Esc or 取消 with an explanation typed asks once: the reader's words are never lost by one key.
  const [confirming, setConfirming] = useState(false);
  const typed =
    definition.trim() !== '' && (definition !== draft.definition || term !== draft.term);
  const cancel = () => {
    if (!typed || confirming) return close();
    setConfirming(true);
    setProblem('写下的解释还没有保存：再按 Esc 或“取消”放弃，或按“保存”。');
  };

  return createPortal(
    <dialog
      ref={dialog}
      className="modal-dialog term-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
    >
      <form
        // Ctrl+Enter saves, as in the note editor: a reader who wrote a note that way writes this one so too.
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
          if (event.nativeEvent.isComposing) return;
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }}
        onSubmit={(event) => {
          event.preventDefault();
          const next = { ...draft, term, definition };
          const found = draftProblem(next, existing);
          if (found) return setProblem(found);
          setSaving(true);
          void onSave(next).then((failure) => {
            setSaving(false);
            if (failure) setProblem(failure);
            else close();
          });
        }}
      >
        <h2 id={titleId} className="modal-dialog-title">
          {draft.id === undefined ? '添加我的注释' : '编辑我的注释'}
        </h2>
        <label className="term-field">
          <span>词语</span>
          <input
            ref={termField}
            className="field"
            value={term}
            onChange={(event) => setTerm(event.target.value)}
          />
        </label>
        <label className="term-field">
          <span>我的解释</span>
          <textarea
            className="field"
            rows={5}
            ref={definitionField}
            value={definition}
            onChange={(event) => {
              setDefinition(event.target.value);
              setConfirming(false);
            }}
          />
        </label>
        <p className="term-dialog-hint">只保存在本机，与报告原文分开显示。</p>
        {problem && (
          <p className="term-dialog-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="term-dialog-actions">
          <button type="button" className="tool-button" onClick={cancel}>
            取消
          </button>
          <button type="submit" className="tool-button term-dialog-save" disabled={saving}>
            保存
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
