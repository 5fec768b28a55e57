/**
 * One piece of work in a worker thread, awaited with its bounds: the worker
 * is stopped, and the caller answered, at the first of its answer, an error,
 * its exit, the wall-time limit or the caller giving up. Parsing a file and
 * comparing two editions both run this way; each says what its messages mean
 * and how each failure reads.
 */
import type { Worker } from 'node:worker_threads';
import { drainWorkerOutput } from './worker-output';

/** What a message from the worker settles: its answer, its error, or nothing yet (progress). */
export type Settled<T> = { result: T } | { error: Error } | undefined;

export interface WorkerRun<M, T> {
  timeoutMs: number;
  signal?: AbortSignal;
  onMessage(message: M): Settled<T>;
  /** The wall-time limit was reached. */
  timedOut(): Error;
  /** The worker ran out of its heap. */
  outOfMemory(): Error;
  /** An exception its code did not catch (thrown outside the work's own promise); as it is without this. */
  crashed?(error: Error): Error;
  /** The worker ended without an answer; `output` is the tail of what it printed ('' when nothing). */
  exited(code: number, output: string): Error;
}

export function awaitWorker<M, T>(worker: Worker, run: WorkerRun<M, T>): Promise<T> {
  // Read as it comes, or the worker's output would pile up in its heap (worker-output.ts).
  const output = drainWorkerOutput(worker);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: NonNullable<Settled<T>>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', abort);
      void worker.terminate();
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.result);
    };
    const timer = setTimeout(() => finish({ error: run.timedOut() }), run.timeoutMs);
    const abort = () => finish({ error: run.signal?.reason ?? new Error('aborted') });
    if (run.signal?.aborted) abort();
    run.signal?.addEventListener('abort', abort);

    worker.on('message', (message: M) => {
      // Nothing after the answer: not even a progress message already on its way.
      if (settled) return;
      const outcome = run.onMessage(message);
      if (outcome) finish(outcome);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({
        error: outOfMemory ? run.outOfMemory() : run.crashed ? run.crashed(error) : error,
      });
    });
    worker.on('exit', (code) => finish({ error: run.exited(code, output()) }));
  });
}
