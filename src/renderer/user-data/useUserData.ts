/**
 * The reader's annotations, bookmarks and terms as held by main: loaded once,
 * then kept in step with every answer. A failed call says why in a notice and
 * changes nothing on screen. The last deletion can be undone.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnnotationChange, NewAnnotation, ReaderApi, Result } from '../../shared/api';
import type { Anchored, Annotation, Bookmark, UserDataView } from '../../shared/user-data';

export type Deleted =
  { kind: 'annotation'; item: Annotation } | { kind: 'bookmark'; item: Bookmark };

const EMPTY: UserDataView = { annotations: [], bookmarks: [], terms: [], readOnly: false };

const replaceOrAdd = <T extends { id: string }>(list: T[], item: T) =>
  list.some((old) => old.id === item.id)
    ? list.map((old) => (old.id === item.id ? item : old))
    : [...list, item];

export function useUserData(api: ReaderApi, addNotice: (message: string) => void) {
  const [data, setData] = useState<UserDataView>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  const [lastDeleted, setLastDeleted] = useState<Deleted | null>(null);

  useEffect(() => {
    void api.getUserData().then((answer) => {
      if (answer.ok) setData(answer.value);
      else addNotice(`批注和书签未能读取：${answer.error}`);
      setLoaded(true);
    });
  }, [api, addNotice]);

  /** Runs a call; on failure tells the reader and answers undefined. */
  const attempt = useCallback(
    async <T>(what: string, call: Promise<Result<T>>): Promise<T | undefined> => {
      const answer = await call;
      if (answer.ok) return answer.value;
      addNotice(`${what}失败：${answer.error}`);
      return undefined;
    },
    [addNotice],
  );

  const putAnnotation = useCallback(
    (annotation: Anchored<Annotation>) =>
      setData((view) => ({ ...view, annotations: replaceOrAdd(view.annotations, annotation) })),
    [],
  );
  const putBookmark = useCallback(
    (bookmark: Anchored<Bookmark>) =>
      setData((view) => ({ ...view, bookmarks: replaceOrAdd(view.bookmarks, bookmark) })),
    [],
  );

  // Stable identities, so effects and memoised children don't re-run on every render.
  const actions = useMemo(
    () => ({
      async createAnnotation(request: NewAnnotation) {
        const made = await attempt('保存批注', api.createAnnotation(request));
        if (made) putAnnotation(made);
        return made;
      },
      async updateAnnotation(change: AnnotationChange) {
        const changed = await attempt('修改批注', api.updateAnnotation(change));
        if (changed) putAnnotation(changed);
        return changed;
      },
      async deleteAnnotation(id: string) {
        const gone = await attempt('删除批注', api.deleteAnnotation({ id }));
        if (!gone) return;
        setData((view) => ({ ...view, annotations: view.annotations.filter((a) => a.id !== id) }));
        setLastDeleted({ kind: 'annotation', item: gone });
      },
      async createBookmark(block: string) {
        const made = await attempt('添加书签', api.createBookmark({ block }));
        if (made) putBookmark(made);
        return made;
      },
      async renameBookmark(id: string, name: string) {
        const changed = await attempt('重命名书签', api.updateBookmark({ id, name }));
        if (changed) putBookmark(changed);
      },
      async deleteBookmark(id: string) {
        const gone = await attempt('删除书签', api.deleteBookmark({ id }));
        if (!gone) return;
        setData((view) => ({ ...view, bookmarks: view.bookmarks.filter((b) => b.id !== id) }));
        setLastDeleted({ kind: 'bookmark', item: gone });
      },
      async saveTerm(term: { id?: string; term: string; definition: string }) {
        const saved = await attempt('保存注释', api.saveTerm(term));
        if (saved) setData((view) => ({ ...view, terms: replaceOrAdd(view.terms, saved) }));
        return saved;
      },
      async deleteTerm(id: string) {
        const gone = await attempt('删除注释', api.deleteTerm({ id }));
        if (gone) setData((view) => ({ ...view, terms: view.terms.filter((t) => t.id !== id) }));
      },
      /** Replaces everything with main's view, e.g. after an import. */
      async reload() {
        const view = await attempt('读取批注', api.getUserData());
        if (view) setData(view);
      },
    }),
    [api, attempt, putAnnotation, putBookmark],
  );

  const undo = useCallback(async () => {
    const deleted = lastDeleted;
    if (!deleted) return;
    setLastDeleted(null);
    if (deleted.kind === 'annotation') {
      const back = await attempt('撤销删除', api.restoreAnnotation(deleted.item));
      if (back) putAnnotation(back);
    } else {
      const back = await attempt('撤销删除', api.restoreBookmark(deleted.item));
      if (back) putBookmark(back);
    }
  }, [api, attempt, lastDeleted, putAnnotation, putBookmark]);

  return {
    data,
    loaded,
    lastDeleted,
    dismissUndo: useCallback(() => setLastDeleted(null), []),
    undo,
    ...actions,
  };
}

export type UserDataState = ReturnType<typeof useUserData>;
