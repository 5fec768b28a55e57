/**
 * Every bad file gets one clear Chinese sentence, as a ReportFormatError with
 * a code, and the file itself is left as it was.
 */
import { createHash } from 'node:crypto';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../../support/temp-folder';
import {
  ERROR_MESSAGES,
  ReportFormatError,
  type ReportErrorCode,
} from '../../../src/core/formats/errors';
import { LIMITS } from '../../../src/core/formats/limits';
import { parseReportFile, readReportFile } from '../../../src/services/report-file/parse-file';
import {
  blankPdf,
  corruptDocx,
  docxBomb,
  encryptedPdf,
  ownerPasswordPdf,
  legacyDoc,
  lyingDocxBomb,
  randomBytes,
  scannedPdf,
} from './bad-files';
import { makeDocx, makePrintedPdf } from './fixtures';
import { readPdfPages } from '../../../src/services/report-file/pdf-text';

const tempFolder = useTempFolder('reader-bad-files-');

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes the file, opens it, and returns the error; checks the file is unchanged. */
async function refusal(name: string, bytes: Uint8Array): Promise<ReportFormatError> {
  const path = join(tempFolder(), name);
  await writeFile(path, bytes);
  const before = sha(bytes);
  const error = await readReportFile(path).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(sha(await readFile(path))).toBe(before);
  expect(error).toBeInstanceOf(ReportFormatError);
  const reportError = error as ReportFormatError;
  expect(reportError.message).toBe(ERROR_MESSAGES[reportError.code]);
  return reportError;
}

describe('bad files are refused with one sentence each', () => {
  const cases: [string, string, () => Uint8Array | Promise<Uint8Array>, ReportErrorCode][] = [
    ['an empty file', 'empty.pdf', () => new Uint8Array(0), 'empty'],
    ['an empty .txt', 'empty.txt', () => new Uint8Array(0), 'empty'],
    ['a PDF with a password', 'locked.pdf', encryptedPdf, 'pdf-encrypted'],
    ['a scanned PDF', 'scan.pdf', scannedPdf, 'pdf-scanned'],
    ['a PDF with a blank page', 'blank.pdf', blankPdf, 'pdf-blank'],
    [
      'an English note',
      'note.txt',
      () => new TextEncoder().encode('Meeting moved to Thursday 3pm.\nBring the budget draft.\n'),
      'not-chinese',
    ],
    [
      'a shopping list',
      'list.txt',
      () => new TextEncoder().encode('milk\neggs\nbread\n2 apples\n'),
      'not-chinese',
    ],
    [
      'a truncated PDF',
      'cut.pdf',
      async () => {
        const pdf = await makePrintedPdf();
        return pdf.subarray(0, Math.floor(pdf.length * 0.6));
      },
      'pdf-damaged',
    ],
    ['a .pdf that is not a PDF', 'fake.pdf', () => new TextEncoder().encode('hello'), 'not-pdf'],
    [
      'a program renamed .pdf',
      'report.pdf',
      () => Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, ...randomBytes(2048)]),
      'not-pdf',
    ],
    [
      'a program renamed .docx',
      'report.docx',
      () => Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...randomBytes(2048)]),
      'not-docx',
    ],
    ['random bytes', 'noise.bin', () => randomBytes(4096), 'binary'],
    ['random bytes named .txt', 'noise.txt', () => randomBytes(4096), 'binary'],
    ['a .docx zip bomb', 'bomb.docx', () => docxBomb(80), 'docx-too-large'],
    [
      'a .docx zip bomb whose directory lies',
      'liar.docx',
      () => lyingDocxBomb(80),
      'docx-too-large',
    ],
    ['a truncated .docx', 'cut.docx', () => makeDocx().subarray(0, 3000), 'docx-damaged'],
    ['a .docx whose data is corrupt', 'corrupt.docx', corruptDocx, 'docx-damaged'],
    ['an old .doc', 'old.doc', legacyDoc, 'legacy-office'],
    [
      'a picture',
      'photo.png',
      () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]),
      'unsupported',
    ],
    // Not "open a PDF instead": the reader did, as far as the name says.
    [
      'a picture renamed .pdf',
      'scan.pdf',
      () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]),
      'not-pdf',
    ],
    [
      'a picture renamed .docx',
      'scan.docx',
      () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]),
      'not-docx',
    ],
    ['a zip that is not a .docx', 'files.zip', () => makeZipWithout(), 'unsupported'],
    [
      'a web page with nothing but scripts',
      'empty.html',
      () =>
        new TextEncoder().encode(
          '<!doctype html><html><head><script>var 报告 = 1;</script></head><body></body></html>',
        ),
      'no-text',
    ],
    [
      'a text file of blank lines',
      'blank.txt',
      () => new TextEncoder().encode('\n\u3000\n  \n'),
      'no-text',
    ],
  ];

  it.each(cases)(
    '%s',
    async (_label, name, make, code) => {
      const error = await refusal(name, await make());
      expect(error.code).toBe(code);
    },
    60_000,
  );

  it('a short Chinese text is read: length alone does not tell a report', async () => {
    const note = new TextEncoder().encode(
      '关于召开区人大常委会会议的通知\n\n定于三月五日上午九时召开。\n',
    );
    const parsed = await parseReportFile(note, { fileName: 'notice.txt' });
    expect(parsed.document.blocks.length).toBeGreaterThan(0);
  });

  it('a PDF with only an owner password (no copying) is read, as every PDF reader opens it', async () => {
    const pages = await readPdfPages(ownerPasswordPdf());
    expect(pages.flatMap((page) => page.items.map((item) => item.str)).join('')).toBe(
      'Report reader',
    );
  });

  it('a file over the size limit is refused before it is read', async () => {
    const path = join(tempFolder(), 'huge.pdf');
    await writeFile(path, '%PDF-1.4\n');
    await truncate(path, LIMITS.fileBytes + 1);
    await expect(readReportFile(path)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('text longer than the limit is refused', async () => {
    const bytes = new TextEncoder().encode('字'.repeat(LIMITS.textChars + 1));
    await expect(parseReportFile(bytes)).rejects.toMatchObject({ code: 'text-too-long' });
  });

  it('every message is one Chinese sentence of its own', () => {
    const messages = Object.values(ERROR_MESSAGES);
    expect(new Set(messages).size).toBe(messages.length);
    for (const message of messages) {
      expect(message).toMatch(/^[^\n]+。$/u);
      expect(message).toMatch(/\p{Script=Han}/u);
      expect(message.match(/。/gu)).toHaveLength(1);
    }
  });
});

function makeZipWithout(): Uint8Array {
  const docx = makeDocx();
  // The same zip with its Word part renamed: a zip, but not a Word document.
  const bytes = docx.slice();
  const name = new TextEncoder().encode('word/document.xml');
  for (let at = 0; at + name.length <= bytes.length; at++) {
    if (name.every((byte, i) => bytes[at + i] === byte)) bytes[at] = 'x'.charCodeAt(0);
  }
  return bytes;
}
