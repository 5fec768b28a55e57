/** Parsing in a worker thread: the same result, progress events, and bounds that hold. */
import { isIndexOf } from '../../../src/core/search/report-index';
import { decodeReportIndex } from '../../../src/core/search/report-index-codec';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../../support/temp-folder';
import { ReportFormatError } from '../../../src/core/formats/errors';
import { parseReportFile } from '../../../src/services/report-file/parse-file';
import type { ParseProgress } from '../../../src/services/report-file/extract-text';
import {
  FileReadError,
  parseReportFileInWorker,
} from '../../../src/services/report-file/parse-in-worker';
import { encryptedPdf } from './bad-files';
import { makePrintedPdf } from './fixtures';

const tempFolder = useTempFolder('reader-worker-');

describe('parseReportFileInWorker', () => {
  it('parses a PDF by path as the calling thread would, reporting each page', async () => {
    const pdf = await makePrintedPdf();
    const path = join(tempFolder(), '政府工作报告.pdf');
    await writeFile(path, pdf);
    const events: ParseProgress[] = [];
    const inWorker = await parseReportFileInWorker({ path }, { onProgress: (p) => events.push(p) });
    const here = await parseReportFile(pdf, { fileName: 'report.pdf' });
    expect(inWorker).toEqual(here);
    const pages = events.filter((event) => event.stage === 'extract');
    expect(pages.map((event) => event.done)).toEqual(
      Array.from({ length: here.source.pages! }, (_, i) => i + 1),
    );
    expect(events.at(-1)).toEqual({ stage: 'done', done: 1, total: 1 });
  }, 60_000);

  it('hands the document over before building its indexes, when asked, then the compact one, and answers with both', async () => {
    const bytes = await makePrintedPdf();
    const order: string[] = [];
    let early: unknown;
    let compact: Uint8Array | undefined;
    const answer = await parseReportFileInWorker(
      { bytes },
      {
        fileName: 'report.pdf',
        index: true,
        onParsed: (parsed) => {
          order.push('parsed');
          early = parsed;
        },
        onReportIndex: (bytes) => {
          order.push('compact');
          compact = bytes;
        },
        onProgress: (p) => order.push(p.stage),
      },
    );
    expect(order.indexOf('parsed')).toBeLessThan(order.indexOf('index'));
    // The compact index comes before the lunr one is done, and is the one the answer carries.
    expect(order.slice(order.indexOf('index'))).toEqual(['index', 'compact', 'done']);
    expect(compact).toBe(answer.reportIndex);
    const { searchIndex, reportIndex, ...parsed } = answer;
    expect(early).toEqual(parsed);
    expect(parsed).toEqual(await parseReportFile(bytes, { fileName: 'report.pdf' }));
    expect(JSON.parse(searchIndex!)).toMatchObject({ version: expect.any(String) });
    // And the compact index for the search across reports, of these blocks.
    expect(isIndexOf(decodeReportIndex(reportIndex!)!, parsed.document.blocks)).toBe(true);
  }, 60_000);

  it('passes a bad file’s error through with its code and sentence', async () => {
    const error = await parseReportFileInWorker({ bytes: encryptedPdf() }).catch((e) => e);
    expect(error).toBeInstanceOf(ReportFormatError);
    expect(error).toMatchObject({ code: 'pdf-encrypted' });
  }, 30_000);

  it('says which file-system error stopped it', async () => {
    const error = await parseReportFileInWorker({ path: join(tempFolder(), 'missing.txt') }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(FileReadError);
    expect(error).toMatchObject({ code: 'ENOENT' });
  }, 30_000);

  it('stops a parse that runs past its time limit', async () => {
    const pdf = await makePrintedPdf();
    const error = await parseReportFileInWorker({ bytes: pdf }, { timeoutMs: 50 }).catch((e) => e);
    expect(error).toBeInstanceOf(ReportFormatError);
    expect(error).toMatchObject({ code: 'timeout' });
  }, 30_000);

  it('stops a parse that runs past its heap limit', async () => {
    const text = '这是一个完整的句子。\n'.repeat(300_000);
    const error = await parseReportFileInWorker(
      { bytes: new TextEncoder().encode(text) },
      { heapMb: 16 },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ReportFormatError);
    expect(error).toMatchObject({ code: 'out-of-memory' });
  }, 60_000);

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const parsing = parseReportFileInWorker(
      { bytes: await makePrintedPdf() },
      { signal: controller.signal },
    );
    controller.abort(new Error('用户取消'));
    await expect(parsing).rejects.toThrow('用户取消');
  }, 30_000);
});
