import { describe, expect, it } from 'vitest';
import {
  importDialogOptions,
  MAX_IMPORT_BYTES,
  refuseImportFile,
} from '../../../src/main/import-file';

describe('the desktop import dialog', () => {
  it('opens one file, starting in the documents folder, offering JSON first', () => {
    const options = importDialogOptions('/home/reader/Documents');
    expect(options.properties).toEqual(['openFile']);
    expect(options.defaultPath).toBe('/home/reader/Documents');
    expect(options.filters[0].extensions).toEqual(['json', 'jsonld']);
    expect(options.title).toMatch(/\p{Script=Han}/u);
  });

  it('reads a file up to the limit, and refuses folders and anything bigger, saying why', () => {
    expect(refuseImportFile(1234, true)).toBeNull();
    expect(refuseImportFile(MAX_IMPORT_BYTES, true)).toBeNull();
    expect(refuseImportFile(MAX_IMPORT_BYTES + 1, true)).toMatch(/文件太大/);
    expect(refuseImportFile(0, false)).toBe('选中的不是文件');
  });
});
