/**
 * The reader's own terms: loaded with their other data, saved and deleted
 * through the contract, and the draft being written in the form.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ReaderApi } from '../../shared/api';
import type { UserTerm } from '../../shared/user-data';
import type { TermDraft } from '../lib/user-terms';

export function useUserTerms(api: ReaderApi, addNotice: (message: string) => void) {
  const [terms, setTerms] = useState<UserTerm[]>([]);
  /** The data file is from a newer version of the app: shown, never written. */
  const [readOnly, setReadOnly] = useState(false);
  const [draft, setDraft] = useState<TermDraft | null>(null);

  useEffect(() => {
    let live = true;
    void api.getUserData().then((result) => {
      if (!live) return;
      if (!result.ok) return addNotice(`我的注释未能读取：${result.error}`);
      setTerms(result.value.terms);
      setReadOnly(result.value.readOnly);
    });
    return () => {
      live = false;
    };
  }, [api, addNotice]);

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
      const result = await api.saveTerm({
        ...(next.id !== undefined && { id: next.id }),
        term: next.term.trim(),
        definition: next.definition.trim(),
      });
      if (!result.ok) return `未能保存：${result.error}`;
      const saved = result.value;
      setTerms((list) =>
        list.some((term) => term.id === saved.id)
          ? list.map((term) => (term.id === saved.id ? saved : term))
          : [...list, saved],
      );
      // The form closes itself (so the browser hands focus back), then calls cancel().
      return null;
    },
    [api],
  );

  const remove = useCallback(
    async (id: string) => {
      const result = await api.deleteTerm({ id });
      if (!result.ok) return addNotice(`注释未能删除：${result.error}`);
      setTerms((list) => list.filter((term) => term.id !== id));
    },
    [api, addNotice],
  );

  return {
    terms,
    readOnly,
    draft,
    startAdd,
    startEdit,
    save,
    remove,
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
