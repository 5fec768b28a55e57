/**
 * What a worker thread (or a library in it) writes to stdout and stderr.
 * Workers start with `stdout: true, stderr: true`, so nothing they print
 * reaches the CLI's stdout (its JSON answer) or the app's log. But Node sends
 * a worker's writes to the starting thread and frees each one only once that
 * thread has read it: unread, every byte printed stays in the worker's heap,
 * and a chatty library ends a good file's parse as "out of memory" (measured:
 * ~200 MB of warnings was enough under a small heap). And a synchronous loop
 * that prints piles up in the worker before anyone can read it at all.
 *
 * So both ends bound it: the worker drops what it writes once its own code
 * runs (nothing crosses to the starting thread, nothing piles up), and the
 * starting thread reads whatever still comes (written before that: a loader,
 * a library's import) and keeps its tail for the error message of a worker
 * that died.
 */
import type { Worker } from 'node:worker_threads';

/** The most kept of a worker's output. */
export const OUTPUT_TAIL_CHARS = 2_000;

/** In a worker: what it writes is dropped (it has its answer and its errors to say what happened). */
export function quietWorkerOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.write = ((_chunk: unknown, encoding?: unknown, done?: unknown) => {
      const callback = typeof encoding === 'function' ? encoding : done;
      if (typeof callback === 'function') queueMicrotask(() => (callback as () => void)());
      return true;
    }) as typeof stream.write;
  }
}

/** In the starting thread: reads the worker's stdout and stderr as they come; answers their tail. */
export function drainWorkerOutput(worker: Worker): () => string {
  let tail = '';
  for (const stream of [worker.stdout, worker.stderr]) {
    // Null unless the worker was started with `stdout`/`stderr: true`: then it goes to ours.
    stream?.on(
      'data',
      (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-OUTPUT_TAIL_CHARS)),
    );
  }
  return () => tail.trim().split('\n').slice(-3).join(' | ');
}

/** 「解析进程意外退出（代码 1）」, with the last of what it printed when there is any. */
export const exitedMessage = (what: string, code: number, output: string) =>
  `${what}意外退出（代码 ${code}）${output === '' ? '' : `：${output.slice(-300)}`}`;
