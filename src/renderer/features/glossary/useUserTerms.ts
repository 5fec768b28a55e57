/**
 * The reader's own terms: held with their other data (useUserData), and the
 * draft being written in the form.
 */
import { useCallback, useState } from 'react';
import type { TermDraft } from './user-terms';
import type { UserDataState } from '../../user-data/useUserData';

export function useUserTerms(userData: UserDataState, addNotice: (message: string) => void) {
  const { terms, readOnly } = userData.data;
  const { saveTerm, deleteTerm } = userData;
  const [draft, setDraft] = useState<TermDraft | null>(null);

  /** Opens the form for a new term, with the selected phrase (if any) filled in. */
  const startAdd = useCallback(
    (phrase: string) => {
      if (readOnly) return addNotice('数据文件来自更新版本的阅读器，只能查看，不能添加注释。');
      const existing = terms.find((term) => term.term === phrase);
      setDraft(existing ? { ...existing } : { term: phrase, definition: '' });
    },
    [readOnly, terms, addNotice],
  );

  const startEdit = useCallback(
    (id: string) => {
      const term = terms.find((candidate) => candidate.id === id);
      if (term && !readOnly)
        setDraft({ id: term.id, term: term.term, definition: term.definition });
    },
    [terms, readOnly],
  );

  /** Saves the draft; answers an error message, or null when saved. */
  const save = useCallback(
    async (next: TermDraft): Promise<string | null> => {
      const saved = await saveTerm({
        ...(next.id !== undefined && { id: next.id }),
        term: next.term.trim(),
        definition: next.definition.trim(),
      });
      // On failure useUserData has already said why, in a notice.
      return saved ? null : '未能保存，原因见页面上方的提示。';
      // On success the form closes itself (so the browser hands focus back), then calls cancel().
    },
    [saveTerm],
  );

  return {
    terms,
    readOnly,
    draft,
    startAdd,
    startEdit,
    save,
    remove: deleteTerm,
    cancel: useCallback(() => setDraft(null), []),
  };
}

export type UserTerms = ReturnType<typeof useUserTerms>;

/** The phrase selected in the reading pane, if the selection is there (at most one line's worth). */
export function selectedPhrase(pane: HTMLElement): string {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return '';
  const range = selection.getRangeAt(0);
  if (!pane.contains(range.commonAncestorContainer)) return '';
  return selection.toString().replace(/\s+/gu, '').slice(0, 100);
}
