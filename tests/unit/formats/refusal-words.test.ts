/**
 * What a delegate reads when a file is refused: one Chinese sentence that says
 * what is wrong and what to do about it (a sentence that only says what is
 * wrong leaves them at a dead end), shown after “文件名”没有加入书架：.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, tooLargeMessage } from '../../../src/core/formats/errors';
import { readFailureMessage } from '../../../src/services/report-file/read-failure';

/** Words that tell the reader what to do next. */
const ADVICE = /请/;

describe('every refusal of a file', () => {
  it.each(Object.entries(ERROR_MESSAGES))('%s: one sentence that says what to do', (_, message) => {
    // One sentence: ends with 。 and holds no other full stop, ! or ?.
    expect(message).toMatch(/^[^。！？!?]+。$/);
    expect(message).toMatch(ADVICE);
  });

  it('the upload limit is said as the same sentence, with its own size', () => {
    expect(tooLargeMessage(100 * 1024 * 1024)).toBe(ERROR_MESSAGES['too-large']);
    expect(tooLargeMessage(1024 * 1024)).toMatch(/^文件超过 1 MB，[^。]*请[^。]*。$/);
  });
});

describe('a file that cannot be read from where it was named', () => {
  const path = '/media/u盘/报告.pdf';
  it.each(['ENOENT', 'EISDIR', 'EACCES', 'EPERM', 'EIO'])(
    '%s: one sentence that names the file and says what to do',
    (code) => {
      const error = Object.assign(new Error(`${code}: raw`), { code });
      const message = readFailureMessage(path, error);
      expect(message).toMatch(/^[^。！？!?]+。$/);
      expect(message).toMatch(ADVICE);
      expect(message).toContain(path);
    },
  );
});
