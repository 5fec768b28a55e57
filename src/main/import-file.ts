/** Importing annotations from a file the reader picks in the system dialog: the choices as data. */

/** Far above a week of notes; a mistaken pick of a video stops here, before it is read. */
export const MAX_IMPORT_BYTES = 5_000_000;

export function importDialogOptions(documentsDir: string) {
  return {
    title: '导入批注',
    buttonLabel: '导入',
    defaultPath: documentsDir,
    filters: [
      { name: 'W3C 批注（JSON）', extensions: ['json', 'jsonld'] },
      { name: '所有文件', extensions: ['*'] },
    ],
    properties: ['openFile'] as 'openFile'[],
  };
}

/** Why a picked file is not read, or null when it may be. */
export function refuseImportFile(size: number, isFile: boolean): string | null {
  if (!isFile) return '选中的不是文件';
  if (size > MAX_IMPORT_BYTES) {
    return `文件太大（${(size / 1_000_000).toFixed(1)} MB），批注文件不会超过 ${MAX_IMPORT_BYTES / 1_000_000} MB`;
  }
  return null;
}
