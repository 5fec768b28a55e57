/** How the library reads a report file: in a worker thread by default; tests may pass their own. */
import {
  parseReportFileInWorker,
  type WorkerParseInput,
  type WorkerParseOptions,
} from '../report-file/parse-in-worker';
import type { WorkerResult } from '../report-file/parse-worker';

export type ParseFile = (
  input: WorkerParseInput,
  options: WorkerParseOptions,
) => Promise<WorkerResult>;

/** In a worker; the next file's worker is kept warm, so a PDF's read never waits for pdf.js to load. */
export const parseInWorker: ParseFile = (input, options) =>
  parseReportFileInWorker(input, { ...options, keepWarm: true });
