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
import type { Worker } from 'node:worker_threads';
import { ReportFormatError, type ReportErrorCode } from '../../core/formats/errors';
import { LIMITS } from '../../core/formats/limits';
import type { ParseProgress } from './extract-text';
import type { ParsedReportFile } from './parse-file';
import type { WorkerInput, WorkerMessage, WorkerResult } from './parse-worker';
import { startWorkerThread } from '../worker-entry';
import { awaitWorker } from '../worker-run';
import { exitedMessage } from '../worker-output';

export interface WorkerParseOptions {
  /** The file's name, for its extension. Defaults to the path's. */
  fileName?: string;
  onProgress?: (progress: ParseProgress) => void;
  /** Wall time before the worker is stopped. */
  timeoutMs?: number;
  /** The worker's old-generation heap. */
  heapMb?: number;
  signal?: AbortSignal;
  /** Also build the document's search indexes in the worker (the answer's `searchIndex` and `reportIndex`). */
  index?: boolean;
  /**
   * With `index`: called with the parsed file as soon as it is read, while
   * the worker goes on to build its index (the answer then carries both).
   * The library shows a new report without waiting for its index.
   */
  onParsed?: (parsed: ParsedReportFile) => void;
  /**
   * With `onParsed`: called with the compact index (report-index-codec.ts)
   * as soon as the worker has built it, before its lunr index. The library
   * answers a new report's first searches with it.
   */
  onReportIndex?: (reportIndex: Uint8Array) => void;
  /**
   * Keep a warm worker waiting for the next file (warmParseWorker): the app
   * does, so a file's read does not wait for pdf.js to load; the CLI, which
   * reads one file and ends, does not.
   */
  keepWarm?: boolean;
  /** With `keepWarm`: main's resident memory above which no spare is warmed (default SPARE_RSS_LIMIT). */
  spareRssLimit?: number;
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

function startWorker(workerData: WorkerInput | { warm: true }, heapMb: number): Worker {
  return startWorkerThread('parse-worker', import.meta.url, { heapMb, workerData });
}

/**
 * A worker started ahead, with the costly first imports done, waiting for
 * one file. It parses that file alone and ends like any other, within the
 * same limits; it never keeps the process alive while it waits.
 *
 * Nor does it wait for long: a worker thread's heap is in main's process.
 * Measured with 100 reports on the shelf, in browser mode from source, after
 * a search across them and a forced GC: main's RSS was 295 MiB (309 MB, over
 * issue 14's 300 MB) with a spare waiting, 199 MiB once it had ended (a
 * built spare alone: ~80 MiB). A spare that no file came for within
 * SPARE_IDLE_MS ends, and the next file's read starts a worker of its own
 * (~0.6 s more for a PDF, pdf.js loading) and, once read, a spare for the
 * file after it when main has room for one (SPARE_RSS_LIMIT).
 */
let spare: { worker: Worker; idle: NodeJS.Timeout } | undefined;

/**
 * How long a spare waits for a file: the first moments after start (a
 * reader opening the app to add a file), and after each file (files come in
 * a row, each re-warming the spare for the next). A reader who adds nothing
 * for this long is reading, or searching the shelf.
 */
export const SPARE_IDLE_MS = 20_000;

/**
 * How long after a file is read the worker for the next one is started. Not
 * at once: its start (pdf.js loaded, a tiny PDF read) costs about a second of
 * CPU, which on a two-core machine would be taken from this file's search
 * index and from the window showing the report.
 */
const WARM_AGAIN_AFTER_MS = 2_000;

/**
 * Main's resident memory (worker threads included) above which no spare is
 * warmed after a file. A spare holds ~80–110 MiB (a built one; from source,
 * with tsx, the more), and issue 14 bounds main at 300 MB: with 100 reports
 * on the shelf after a search across them, main was 295 MiB with the spare
 * warmed after an add and 199 MiB without. A large shelf then reads its next
 * file with a worker of its own (~0.6 s more for a PDF); a small one keeps
 * the spare for files that come in a row.
 */
export const SPARE_RSS_LIMIT = 200_000_000;

/**
 * Starts a warm worker for the next file, unless one is waiting already; it
 * ends after `idleMs` if no file came (a file's read then starts its own).
 */
export function warmParseWorker(idleMs: number = SPARE_IDLE_MS): void {
  if (spare) return;
  const worker = startWorker({ warm: true }, LIMITS.workerHeapMb);
  worker.unref();
  const forget = () => {
    if (spare?.worker !== worker) return;
    clearTimeout(spare.idle);
    spare = undefined;
  };
  worker.once('error', forget);
  worker.once('exit', forget);
  const idle = setTimeout(() => {
    forget();
    void worker.terminate();
  }, idleMs);
  idle.unref();
  spare = { worker, idle };
}

/** Whether a warm worker is waiting for a file now. */
export const spareWaiting = (): boolean => spare !== undefined;

/** The warm worker for a parse with the default heap, handed its file; null when there is none. */
function takeSpare(data: WorkerInput, heapMb: number): Worker | null {
  if (!spare || heapMb !== LIMITS.workerHeapMb) return null;
  const { worker, idle } = spare;
  spare = undefined;
  clearTimeout(idle);
  worker.removeAllListeners();
  worker.ref();
  worker.postMessage(data);
  return worker;
}

/** Parses a file (by path or bytes) in a worker thread. Rejects with ReportFormatError for bad files. */
export function parseReportFileInWorker(
  input: WorkerParseInput,
  options: WorkerParseOptions = {},
): Promise<WorkerResult> {
  const early = options.index === true && options.onParsed !== undefined;
  const data: WorkerInput = {
    ...input,
    fileName: options.fileName,
    index: options.index,
    ...(early && { early }),
  };
  const heapMb = options.heapMb ?? LIMITS.workerHeapMb;
  const worker = takeSpare(data, heapMb) ?? startWorker(data, heapMb);
  let parsed: ParsedReportFile | undefined;
  let reportIndex: Uint8Array | undefined;
  const answer = awaitWorker<WorkerMessage, WorkerResult>(worker, {
    timeoutMs: options.timeoutMs ?? LIMITS.parseMs,
    ...(options.signal && { signal: options.signal }),
    onMessage: (message) => {
      switch (message.type) {
        case 'progress':
          return void options.onProgress?.(message.progress);
        case 'parsed':
          parsed = message.result;
          return void options.onParsed?.(parsed);
        case 'compact':
          reportIndex = message.reportIndex;
          return void options.onReportIndex?.(reportIndex);
        case 'indexed':
          // The worker posts `parsed` and `compact` first, always.
          return { result: { ...parsed!, searchIndex: message.searchIndex, reportIndex } };
        case 'done':
          return { result: message.result };
        case 'error':
          return { error: errorFrom(message) };
      }
    },
    timedOut: () => new ReportFormatError('timeout'),
    outOfMemory: () => new ReportFormatError('out-of-memory'),
    // A library's stray throw in the worker is still the file's doing: one sentence, not its text.
    crashed: (error) => new ReportFormatError('unreadable', undefined, { cause: error }),
    exited: (code, output) => new Error(exitedMessage('解析进程', code, output)),
  });
  // The next file's worker, once this one's work is out of the way, if main has room for it.
  if (options.keepWarm) {
    const limit = options.spareRssLimit ?? SPARE_RSS_LIMIT;
    const warmIfRoom = () => {
      if (process.memoryUsage.rss() <= limit) warmParseWorker();
    };
    const warmAgain = () => void setTimeout(warmIfRoom, WARM_AGAIN_AFTER_MS).unref();
    answer.then(warmAgain, warmAgain);
  }
  return answer;
}
