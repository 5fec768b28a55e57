/**
 * The editions-ui bench's app server, in a process of its own (as a reader
 * runs browser mode, and as server-process.ts runs it for the keystroke
 * measure): in the bench's own process, main's event loop is shared with
 * Playwright's driver, whose own work (serializing each evaluate, sending
 * each wheel notch) was the longest stall measured, not the app's.
 *
 * Serves the data folder given in argv[2] and watches its own event loop;
 * over the IPC channel `watch` starts a new watch and `read` answers its
 * longest stall in ms.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { startReaderServer } from '../src/server/start';

export type ServerRequest = 'watch' | 'read';
export type ServerMessage = { url: string } | { stallMs: number };

const dataDir = process.argv[2];
if (!dataDir || !process.send)
  throw new Error('bench: start this with a data folder and an IPC channel');
const app = await startReaderServer({ dataDir, port: 0 });
let watch: IntervalHistogram | null = null;
const send = (message: ServerMessage) => process.send!(message);
process.on('message', (request: ServerRequest) => {
  if (request === 'watch') {
    watch?.disable();
    watch = monitorEventLoopDelay({ resolution: 5 });
    watch.enable();
  } else {
    watch?.disable();
    send({ stallMs: (watch?.max ?? 0) / 1e6 });
  }
});
// The bench going away (it disconnects or dies) takes this server with it.
process.on('disconnect', () => void app.close().then(() => process.exit(0)));
send({ url: app.url });
