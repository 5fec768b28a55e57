/**
 * The reader's notebook wired to the reading pane: jumping to annotations and
 * bookmarks, the bookmark toggle, export and import, colour names. What the
 * panels and the commands call; no rendering here.
 */
import { useCallback, useMemo } from 'react';
import type { ImportReport, ReaderApi, Result } from '../../../shared/api';
import { blockIndexAt, type DocumentText } from '../../../shared/doc-text';
import type { SettingsPatch, Settings } from '../../../shared/settings';
import type { Anchored, Annotation, Bookmark, HighlightColor } from '../../../shared/user-data';
import { flashRanges } from './annotation-highlights';
import { bookmarkInBlock } from './annotation-view';
import { offerDownload } from '../../ui/download';
import { scrollRangeIntoView } from '../search/highlights';
import { textToRanges } from '../reading/text-ranges';
import type { AnnotatingState } from './useAnnotating';
import type { UserDataState } from '../../user-data/useUserData';

interface Options {
  api: ReaderApi;
  pane: HTMLElement;
  doc: DocumentText;
  userData: UserDataState;
  annotating: AnnotatingState;
  /** The block at the top of the view: where Ctrl+D puts a bookmark. */
  topBlock: string | null;
  jumpTo(block: string): void;
  settings: Settings;
  update(patch: SettingsPatch): void;
  addNotice(message: string): void;
}

export function useNotebook(options: Options) {
  const { api, pane, doc, userData, annotating, topBlock, jumpTo, settings, update, addNotice } =
    options;

  const showRange = useCallback(
    (start: number, end: number) => {
      const ranges = textToRanges(pane, doc, start, end);
      if (ranges.length === 0) return;
      scrollRangeIntoView(pane, ranges[0]);
      flashRanges(ranges);
    },
    [pane, doc],
  );

  const jumpToAnnotation = useCallback(
    (annotation: Anchored<Annotation>) => {
      if (annotation.anchor.status !== 'orphan')
        showRange(annotation.anchor.start, annotation.anchor.end);
    },
    [showRange],
  );

  const editAnnotation = useCallback(
    (annotation: Anchored<Annotation>, from: HTMLElement) => {
      if (annotation.anchor.status === 'orphan') return;
      showRange(annotation.anchor.start, annotation.anchor.end);
      const { start, end } = annotation.anchor;
      annotating.openEditor(annotation.id, () => {
        const [first] = textToRanges(pane, doc, start, end);
        return first?.getBoundingClientRect() ?? from.getBoundingClientRect();
      });
    },
    [annotating, showRange, pane, doc],
  );

  const currentBookmark =
    topBlock === null ? undefined : bookmarkInBlock(userData.data.bookmarks, doc, topBlock);

  const toggleBookmark = useCallback(() => {
    if (topBlock === null) return;
    if (currentBookmark) void userData.deleteBookmark(currentBookmark.id);
    else void userData.createBookmark(topBlock);
  }, [topBlock, currentBookmark, userData]);

  const exportAs = useCallback(
    async (format: 'md' | 'json') => {
      const answer = await api.exportAnnotations({ format });
      if (answer.ok) offerDownload(answer.value);
      else addNotice(`导出失败：${answer.error}`);
    },
    [api, addNotice],
  );

  const reportImport = useCallback(
    async (answer: Result<ImportReport | null>) => {
      if (!answer.ok) return addNotice(`导入失败，批注没有任何改动：${answer.error}`);
      if (answer.value === null) return; // the reader cancelled the dialog
      const { added, updated, unchanged, orphans } = answer.value;
      const lost =
        orphans > 0 ? `；其中 ${orphans} 条在本版原文中未能定位，已列在“未能定位”下` : '';
      addNotice(`导入完成：新增 ${added} 条，更新 ${updated} 条，未变 ${unchanged} 条${lost}。`);
      await userData.reload();
    },
    [addNotice, userData],
  );

  const importFile = useCallback(
    async (file: File) => reportImport(await api.importAnnotations({ content: await file.text() })),
    [api, reportImport],
  );

  /** The desktop app's 导入批注… menu item: the system's open dialog, run by main. */
  const importFromDialog = useCallback(
    async () => reportImport(await api.importAnnotationsFile()),
    [api, reportImport],
  );

  const renameColor = useCallback(
    (color: HighlightColor, name: string) =>
      update({ colorNames: { ...settings.colorNames, [color]: name } }),
    [settings.colorNames, update],
  );

  return useMemo(
    () => ({
      jumpToAnnotation,
      editAnnotation,
      jumpToBookmark: (bookmark: Anchored<Bookmark>) => {
        if (bookmark.anchor.status !== 'orphan')
          jumpTo(doc.ids[blockIndexAt(doc, bookmark.anchor.start)]);
      },
      toggleBookmark,
      currentBookmark,
      exportAs,
      importFile,
      importFromDialog,
      renameColor,
    }),
    [
      jumpToAnnotation,
      editAnnotation,
      jumpTo,
      doc,
      toggleBookmark,
      currentBookmark,
      exportAs,
      importFile,
      importFromDialog,
      renameColor,
    ],
  );
}
