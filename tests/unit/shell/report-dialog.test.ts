/** 打开报告… in the desktop app: what the system's open dialog offers, as data. */
import { describe, expect, it } from 'vitest';
import { openReportDialogOptions } from '../../../src/main/report-dialog';

describe('openReportDialogOptions', () => {
  const options = openReportDialogOptions('/home/代表/文档');

  it('opens one file, from the documents folder, in Chinese', () => {
    expect(options).toMatchObject({
      title: '打开报告',
      buttonLabel: '打开',
      defaultPath: '/home/代表/文档',
      properties: ['openFile'],
    });
  });

  it('offers every format the reader reads first, and any file after (its content decides)', () => {
    expect(options.filters).toEqual([
      { name: '报告（PDF、Word、网页、文本）', extensions: ['pdf', 'docx', 'html', 'htm', 'txt'] },
      { name: '所有文件', extensions: ['*'] },
    ]);
  });
});
