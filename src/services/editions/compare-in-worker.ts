/**
 * 修订对照 off the calling thread: two editions of a report (their documents,
 * or where their stored documents are: a large document is neither read nor
 * copied on the calling thread) and the report's notes go to a worker
 * thread, which compares them and reviews the notes (compare-worker.ts); the
 * comparison comes back. At 100×
 * the bundled report (two 1.2-million-character editions) that is up to a
 * few seconds of work, which main's thread (every IPC answer, the window's
 * menus) and the browser-mode bridge must never wait behind. The worker has
 * a heap limit and a wall-time limit, after which it is stopped and the
 * caller gets an EditionCompareError.
 */
import { LIMITS } from '../../core/formats/limits';
import type { ReviewedMarks } from '../../core/editions/compare';
import type { EditionComparison } from '../../shared/editions';
import { startWorkerThread } from '../worker-entry';
import { awaitWorker } from '../worker-run';
import { exitedMessage } from '../worker-output';
import type { CompareInput, CompareMessage, EditionSource } from './compare-worker';

export type { EditionSource };

/** Two editions as long as the longest text a report may have take well under this. */
const COMPARE_MS = 60_000;

export interface WorkerCompareOptions {
  timeoutMs?: number;
  /** The worker's old-generation heap. */
  heapMb?: number;
  signal?: AbortSignal;
}

/** Why a comparison did not finish, in words for the reader. */
export class EditionCompareError extends Error {
  override name = 'EditionCompareError';
}

/** A stored document.json was not whole: the caller reads it the way that mends it, and tries again. */
export class StoredEditionError extends Error {
  override name = 'StoredEditionError';
}

export function compareEditionsInWorker(
  oldEdition: EditionSource,
  newEdition: EditionSource,
  marks: ReviewedMarks,
  options: WorkerCompareOptions = {},
): Promise<EditionComparison> {
  const data: CompareInput = {
    old: oldEdition,
    new: newEdition,
    // Only what the review reads: the terms and the rest of the file stay here.
    marks: {
      annotations: marks.annotations,
      bookmarks: marks.bookmarks,
      ...(marks.now && { now: marks.now }),
    },
  };
  const worker = startWorkerThread('compare-worker', import.meta.url, {
    heapMb: options.heapMb ?? LIMITS.workerHeapMb,
    workerData: data,
  });
  return awaitWorker<CompareMessage, EditionComparison>(worker, {
    timeoutMs: options.timeoutMs ?? COMPARE_MS,
    ...(options.signal && { signal: options.signal }),
    onMessage: (message) => {
      if (message.type === 'done') return { result: message.comparison };
      if (message.stored) return { error: new StoredEditionError(message.message) };
      return { error: new EditionCompareError(`修订对照未能完成：${message.message}`) };
    },
    timedOut: () => new EditionCompareError('两个版本太长，修订对照未能在限定时间内完成'),
    outOfMemory: () => new EditionCompareError('两个版本太大，修订对照的内存不够'),
    exited: (code, output) => new Error(exitedMessage('修订对照进程', code, output)),
  });
}
