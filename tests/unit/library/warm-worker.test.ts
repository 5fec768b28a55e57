/**
 * The warm worker the app keeps for the next report file: it parses the file
 * it is handed exactly as a fresh worker does, within the same bounds, and is
 * used once; a parse with other limits does not take it.
 */
import { describe, expect, it } from 'vitest';
import { ReportFormatError } from '../../../src/core/formats/errors';
import { isIndexOf } from '../../../src/core/search/report-index';
import { decodeReportIndex } from '../../../src/core/search/report-index-codec';
import {
  parseReportFileInWorker,
  warmParseWorker,
} from '../../../src/services/report-file/parse-in-worker';
import { buildEncodedIndex } from '../../../src/services/search/index-build';
import { reportText } from '../report/helpers';
import { encryptedPdf } from '../formats/bad-files';
import { makePrintedPdf } from '../formats/fixtures';

describe('a warm parse worker', () => {
  it('reads a PDF as a fresh worker does, with its index, and the next one is warmed for the next file', async () => {
    const pdf = await makePrintedPdf();
    const fresh = await parseReportFileInWorker({ bytes: pdf }, { index: true });
    warmParseWorker();
    // Its preload (pdf.js) gets a head start, as the app's does after start.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const stages: string[] = [];
    const warm = await parseReportFileInWorker(
      { bytes: pdf },
      { index: true, keepWarm: true, onProgress: (p) => stages.push(p.stage) },
    );
    expect(warm).toEqual(fresh);
    expect(stages.at(-1)).toBe('done');
    // The one warmed for the next file works too.
    const next = await parseReportFileInWorker({ bytes: encryptedPdf() }).catch((e) => e);
    expect(next).toBeInstanceOf(ReportFormatError);
    expect(next).toMatchObject({ code: 'pdf-encrypted' });
  }, 60_000);

  it('keeps the bounds: a warm worker past its time limit is stopped', async () => {
    warmParseWorker();
    const error = await parseReportFileInWorker(
      { bytes: await makePrintedPdf() },
      { timeoutMs: 30 },
    ).catch((e) => e);
    expect(error).toMatchObject({ code: 'timeout' });
  }, 30_000);

  it('a parse with a heap limit of its own starts its own worker', async () => {
    warmParseWorker();
    const text = '这是一个完整的句子。\n'.repeat(300_000);
    const error = await parseReportFileInWorker(
      { bytes: new TextEncoder().encode(text) },
      { heapMb: 16 },
    ).catch((e) => e);
    expect(error).toMatchObject({ code: 'out-of-memory' });
  }, 60_000);
});

describe('a parse with its index', () => {
  it('answers the compact index for the search across reports too, the very one built here', async () => {
    const text = new TextEncoder().encode(reportText());
    const parsed = await parseReportFileInWorker({ bytes: text }, { index: true });
    const { blocks } = parsed.document;
    expect(isIndexOf(decodeReportIndex(parsed.reportIndex!)!, blocks)).toBe(true);
    const here = await buildEncodedIndex({ blocks });
    expect(Buffer.from(parsed.reportIndex!).equals(Buffer.from(here))).toBe(true);
  }, 60_000);
});

describe('the warm-up a waiting worker does', () => {
  it('reads its own one-page PDF and indexes a one-paragraph report', async () => {
    const { warmUp } = await import('../../../src/services/report-file/warm-up');
    expect(await warmUp()).toBe('Report reader');
  }, 30_000);
});
