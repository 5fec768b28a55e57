/**
 * Parsing a report file off the calling thread, bounded: a worker thread per
 * file, with a heap limit (LIMITS.workerHeapMb) and a wall-time limit
 * (LIMITS.parseMs), after which the worker is terminated and the caller gets a
 * ReportFormatError (`timeout`, `out-of-memory`). Progress arrives as events
 * (PDF pages as they are read). Main and the browser-mode bridge call this; a
 * crash or hang in a hostile file never reaches their thread.
 *
 * The worker is this folder's parse-worker (worker-entry.ts says where it is
 * from source and in a build).
 */
import { Worker } from 'node:worker_threads';
import { ReportFormatError, type ReportErrorCode } from '../../core/formats/errors';
import { LIMITS } from '../../core/formats/limits';
import type { ParseProgress } from './extract-text';
import type { ParsedReportFile } from './parse-file';
import type { WorkerInput, WorkerMessage } from './parse-worker';
import { workerEntry } from '../worker-entry';

export interface WorkerParseOptions {
  /** The file's name, for its extension. Defaults to the path's. */
  fileName?: string;
  onProgress?: (progress: ParseProgress) => void;
  /** Wall time before the worker is stopped. */
  timeoutMs?: number;
  /** The worker's old-generation heap. */
  heapMb?: number;
  signal?: AbortSignal;
}

export type WorkerParseInput = { path: string } | { bytes: Uint8Array };

/** A file-system error from the worker, with its code (`ENOENT`, `EACCES`…). */
export class FileReadError extends Error {
  override name = 'FileReadError';

  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

function errorFrom(message: Extract<WorkerMessage, { type: 'error' }>): Error {
  if (message.reportError) {
    return new ReportFormatError(message.code as ReportErrorCode, message.message);
  }
  return new FileReadError(message.message, message.code);
}

/** Parses a file (by path or bytes) in a worker thread. Rejects with ReportFormatError for bad files. */
export function parseReportFileInWorker(
  input: WorkerParseInput,
  options: WorkerParseOptions = {},
): Promise<ParsedReportFile> {
  const { entry, eval: isEval } = workerEntry('parse-worker', import.meta.url);
  const data: WorkerInput = { ...input, fileName: options.fileName };
  const worker = new Worker(entry, {
    eval: isEval,
    workerData: data,
    resourceLimits: {
      maxOldGenerationSizeMb: options.heapMb ?? LIMITS.workerHeapMb,
      maxYoungGenerationSizeMb: 64,
    },
    stdout: true,
    stderr: true,
  });
  return new Promise<ParsedReportFile>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined, result?: ParsedReportFile) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      void worker.terminate();
      if (error) reject(error);
      else resolve(result!);
    };
    const timer = setTimeout(
      () => finish(new ReportFormatError('timeout')),
      options.timeoutMs ?? LIMITS.parseMs,
    );
    const abort = () => finish(options.signal?.reason ?? new Error('aborted'));
    if (options.signal?.aborted) abort();
    options.signal?.addEventListener('abort', abort);

    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'done') finish(undefined, message.result);
      else finish(errorFrom(message));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(outOfMemory ? new ReportFormatError('out-of-memory') : error);
    });
    worker.on('exit', (code) => {
      finish(new Error(`解析进程意外退出（代码 ${code}）`));
    });
  });
}
