/**
 * Reports' compact search indexes built off main's thread (index-worker.ts):
 * one worker, started at the first request and given every request as it
 * comes (it builds them one after another), ended once it has had nothing to
 * do for a moment. A worker thread lives in main's process: left running, its
 * heap would count against the library's memory (issue 14: ≤ 300 MB after a
 * search across 100 reports), so none waits around.
 *
 * A worker that fails (it died, ran out of its heap) fails the requests it
 * held; the next request starts a new one.
 */
import type { Worker } from 'node:worker_threads';
import { LIMITS } from '../../core/formats/limits';
import { decodeReportIndex } from '../../core/search/report-index-codec';
import { startWorkerThread } from '../worker-entry';
import { drainWorkerOutput, exitedMessage } from '../worker-output';
import type { IndexSource } from './index-build';
import type { IndexAnswer, IndexJob } from './index-worker';
import { buildHere, type BuildIndex } from './report-index-file';

export type { IndexSource };

/** How long a worker with nothing left to build waits for more before it ends. */
export const INDEX_WORKER_IDLE_MS = 2_000;

interface Pending {
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
}

export interface IndexWorkerOptions {
  idleMs?: number;
  /** The worker's old-generation heap. */
  heapMb?: number;
}

export class ReportIndexWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private idle: NodeJS.Timeout | undefined;
  /** Workers started, for the tests of its lifecycle. */
  started = 0;

  constructor(private readonly options: IndexWorkerOptions = {}) {}

  /** Whether a worker is running now. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** The report's index, encoded (report-index-codec.ts). */
  build(source: IndexSource): Promise<Uint8Array> {
    const worker = this.worker ?? this.start();
    clearTimeout(this.idle);
    // Kept alive while it owes an answer; not a moment longer.
    worker.ref();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, source } satisfies IndexJob);
    });
  }

  /** Ends the worker now; requests it still held fail. */
  close(): void {
    this.stop(new Error('检索索引的构建已停止'));
  }

  private start(): Worker {
    const worker = startWorkerThread('index-worker', import.meta.url, {
      heapMb: this.options.heapMb ?? LIMITS.workerHeapMb,
    });
    this.started++;
    // Read as it comes, or the worker's output would pile up in its heap (worker-output.ts).
    const output = drainWorkerOutput(worker);
    worker.on('message', (answer: IndexAnswer) => this.answered(answer));
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.stop(outOfMemory ? new Error('构建检索索引的内存不够') : error, worker);
    });
    worker.on('exit', (code) =>
      this.stop(new Error(exitedMessage('检索索引进程', code, output())), worker),
    );
    this.worker = worker;
    return worker;
  }

  private answered(answer: IndexAnswer): void {
    const waiting = this.pending.get(answer.id);
    this.pending.delete(answer.id);
    if ('bytes' in answer) waiting?.resolve(answer.bytes);
    else waiting?.reject(new Error(answer.error));
    if (this.pending.size > 0 || !this.worker) return;
    this.worker.unref();
    const idleMs = this.options.idleMs ?? INDEX_WORKER_IDLE_MS;
    this.idle = setTimeout(() => this.stop(), idleMs);
    this.idle.unref();
  }

  /** Ends the worker (`only` that one, when given), failing what it still owed with `error`. */
  private stop(error?: Error, only?: Worker): void {
    const worker = this.worker;
    if (!worker || (only && only !== worker)) return;
    this.worker = undefined;
    clearTimeout(this.idle);
    worker.removeAllListeners('message');
    void worker.terminate();
    const owed = [...this.pending.values()];
    this.pending.clear();
    for (const waiting of owed) waiting.reject(error ?? new Error('检索索引进程已结束'));
  }
}

/**
 * Builds through `worker`: the bytes it answers, read back (and so checked
 * whole). Should the worker fail, the index is built in this thread: a
 * search must still answer, and find exactly what it finds.
 */
export function buildInWorker(worker: Pick<ReportIndexWorker, 'build'>): BuildIndex {
  return async (blocks) => {
    const bytes = await worker.build({ blocks }).catch(() => null);
    const index = bytes === null ? null : decodeReportIndex(bytes);
    return index ?? buildHere(blocks);
  };
}
