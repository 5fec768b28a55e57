// Preloaded (node --require) into a child and so into its worker threads: a
// library that prints a lot, a megabyte per turn of the event loop, for as
// long as the thread lives. Only in a parse worker (its data names the
// file): not in the main thread, nor in the thread of tsx's loader.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a `node --require` preload is CommonJS
const { isMainThread, workerData } = require('node:worker_threads');

if (!isMainThread && typeof workerData?.fileName === 'string') {
  const line = `Warning: ${'x'.repeat(1024 * 1024)}\n`;
  const chatter = () => {
    console.log(line);
    process.stderr.write(line);
    setImmediate(chatter);
  };
  setImmediate(chatter);
}
