/**
 * Where a worker thread's code is, for the services that run work off the
 * calling thread (parsing a file, comparing two editions). In a build it is
 * the emitted `<name>.js` next to the code that starts it (an extra entry in
 * the main build's inputs, electron.vite.config.ts). From source (dev, tests)
 * it is a bootstrap that registers tsx in the worker before it requires the
 * `.ts`: Node 20 does not apply `--import` loaders to a worker's own entry.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

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
