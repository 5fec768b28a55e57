/** Opening a report from the system's open dialog: the dialog's options as data (unit-tested under Node). */
import type { OpenDialogOptions } from 'electron';

export function openReportDialogOptions(documentsDir: string): OpenDialogOptions {
  return {
    title: '打开报告',
    buttonLabel: '打开',
    defaultPath: documentsDir,
    filters: [
      { name: '报告（PDF、Word、网页、文本）', extensions: ['pdf', 'docx', 'html', 'htm', 'txt'] },
      { name: '所有文件', extensions: ['*'] },
    ],
    properties: ['openFile'],
  };
}
