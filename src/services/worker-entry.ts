/**
 * Where a worker thread's code is, and how it starts, for the services that
 * run work off the calling thread (parsing a file, comparing two editions,
 * building search indexes). In a build it is the emitted `<name>.js` next to
 * the code that starts it (an extra entry in the main build's inputs,
 * electron.vite.config.ts). From source (dev, tests) it is a bootstrap that
 * registers tsx in the worker before it requires the `.ts`: Node 20 does not
 * apply `--import` loaders to a worker's own entry.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface WorkerEntry {
  entry: string | URL;
  /** True when `entry` is code to evaluate (the bootstrap), not a file. */
  eval: boolean;
}

/** The entry of worker `name` (`parse-worker`), for a module at `callerUrl` (its import.meta.url). */
export function workerEntry(name: string, callerUrl: string): WorkerEntry {
  if (!callerUrl.endsWith('.ts')) return { entry: new URL(`./${name}.js`, callerUrl), eval: false };
  const tsx = createRequire(callerUrl).resolve('tsx/cjs/api');
  const source = fileURLToPath(new URL(`./${name}.ts`, callerUrl));
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`;
  return { entry: bootstrap, eval: true };
}

/**
 * Starts worker `name` (`parse-worker`) for a module at `callerUrl`, with the
 * bounds every worker here has: an old-generation heap of `heapMb`, a young
 * one of 64 MB, and its output piped, for the caller to drain
 * (worker-output.ts) so it never piles up in the worker's heap.
 */
export function startWorkerThread(
  name: string,
  callerUrl: string,
  { heapMb, workerData }: { heapMb: number; workerData?: unknown },
): Worker {
  const { entry, eval: isEval } = workerEntry(name, callerUrl);
  return new Worker(entry, {
    eval: isEval,
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 },
    stdout: true,
    stderr: true,
  });
}
