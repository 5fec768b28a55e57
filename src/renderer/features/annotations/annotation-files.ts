/**
 * The reader's notes as files: 发言提纲 (Markdown) and W3C JSON exported as a
 * download, the records set aside as unreadable exported to keep or mend, and
 * a W3C annotation file imported, from the 批注 panel's file chooser or, in
 * the desktop app, main's own open dialog.
 */
import type { ImportReport, Result } from '../../../shared/api';
import type { ScopedApi } from '../../api/scoped';
import type { Notices } from '../../app/notices';
import type { ReaderStores } from '../../app/stores';
import { offerDownload } from '../../ui/download';

type FilesApi = Pick<
  ScopedApi,
  'exportAnnotations' | 'exportQuarantine' | 'importAnnotations' | 'importAnnotationsFile'
>;

/** 'quarantine': the records that failed validation and were set aside, as main keeps them. */
export type ExportFormat = 'md' | 'json' | 'quarantine';

export async function exportAnnotations(
  api: FilesApi,
  notices: Pick<Notices, 'add' | 'inform'>,
  format: ExportFormat,
): Promise<void> {
  const answer =
    format === 'quarantine'
      ? await api.exportQuarantine()
      : await api.exportAnnotations({ format });
  if (!answer.ok) return notices.add(`导出失败：${answer.error}`);
  offerDownload(answer.value);
  // A download can go by unseen: say on screen that the file was made, and its name.
  notices.inform(`已导出“${answer.value.fileName}”。`);
}

/** Says what an import did, and shows main's new view of the notes. */
async function reportImport(
  { notices, userData }: Pick<ReaderStores, 'notices' | 'userData'>,
  answer: Result<ImportReport | null>,
): Promise<void> {
  if (!answer.ok) return notices.add(`导入失败，批注没有任何改动：${answer.error}`);
  if (answer.value === null) return; // the reader cancelled the dialog
  const { added, updated, unchanged, orphans, from } = answer.value;
  const lost = orphans > 0 ? `；其中 ${orphans} 条在本版原文中未能定位，已列在“未能定位”下` : '';
  const source = from === undefined ? '' : `（批注来自《${from}》）`;
  notices.inform(
    `导入完成${source}：新增 ${added} 条，更新 ${updated} 条，未变 ${unchanged} 条${lost}。`,
  );
  await userData.reload();
}

/** A file the reader chose in the 批注 panel. */
export async function importAnnotationFile(stores: ReaderStores, file: File): Promise<void> {
  const answer = await stores.api.importAnnotations({ content: await file.text() });
  await reportImport(stores, answer);
}

/** 导入批注…: a file chooser opened by a command. */
export function chooseAnnotationFile(stores: ReaderStores): void {
  // A file chooser opened by a menu click would lack the user gesture the
  // browser wants, so the desktop app asks main to show its own dialog.
  if (stores.desktop) {
    void stores.api.importAnnotationsFile().then((answer) => reportImport(stores, answer));
    return;
  }
  const { open, panel } = stores.sidebar.getSnapshot();
  if (!open || panel !== 'annotations') stores.sidebar.show('annotations');
  requestAnimationFrame(() => document.getElementById('annotation-import')?.click());
}
