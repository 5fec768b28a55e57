/**
 * The worker thread behind parse-in-worker.ts: reads and parses one file,
 * posts progress, then the result or the error, and ends. Runs nothing else.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ReportFormatError } from '../../core/formats/errors';
import { parseReportFile, readReportFile, type ParsedReportFile } from './parse-file';
import type { ParseProgress } from './extract-text';

export interface WorkerInput {
  path?: string;
  bytes?: Uint8Array;
  fileName?: string;
}

export type WorkerMessage =
  | { type: 'progress'; progress: ParseProgress }
  | { type: 'done'; result: ParsedReportFile }
  | { type: 'error'; code?: string; reportError: boolean; message: string };

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

async function run(input: WorkerInput): Promise<void> {
  const options = {
    fileName: input.fileName,
    onProgress: (progress: ParseProgress) => post({ type: 'progress', progress }),
  };
  try {
    const result =
      input.path !== undefined
        ? await readReportFile(input.path, options)
        : await parseReportFile(input.bytes ?? new Uint8Array(0), options);
    post({ type: 'done', result });
  } catch (error) {
    const reportError = error instanceof ReportFormatError;
    post({
      type: 'error',
      reportError,
      code: reportError ? error.code : (error as NodeJS.ErrnoException).code,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

void run(workerData as WorkerInput);
