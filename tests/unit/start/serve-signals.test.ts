/**
 * Stopping `npm run serve`: a process manager signals the `npm` process it
 * started, a terminal's Ctrl+C signals the whole foreground process group.
 * Either way the server must let go of its port. npm forwards a signal only
 * to its shell (`sh -c`), so this is tested through the real script.
 *
 * Not tested, because no script can make it work: SIGINT to the npm process
 * alone. The shell catches it and waits for its child before acting on it
 * (dash and bash both do), and the child is never told.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeCleanClone, type CleanClone } from './clean-clone';
import { closedPort, spawnNpm, userEnv } from './run-npm';

let clone: CleanClone;
let dataDir: string;
let npm: ChildProcess | undefined;

/** `npm run serve` builds first: slow on a busy machine, so the wait is long. */
const BUILD_AND_START = { timeout: 90_000, interval: 100 };

beforeAll(async () => {
  clone = await makeCleanClone();
  dataDir = await mkdtemp(join(tmpdir(), 'reader-serve-data-'));
}, 60_000);

afterEach(() => {
  // Whatever the test left, by its process group: npm, its shell and the server it started.
  if (npm?.pid) {
    try {
      process.kill(-npm.pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
  npm = undefined;
});

afterAll(async () => {
  await clone?.remove();
  await rm(dataDir, { recursive: true, force: true });
});

// Windows has no SIGTERM or SIGINT to send to one process.
describe.skipIf(process.platform === 'win32')('npm run serve', () => {
  it.each([
    [
      'SIGTERM to its npm process (a process manager)',
      (pid: number) => process.kill(pid, 'SIGTERM'),
    ],
    [
      'SIGINT to its process group (Ctrl+C in a terminal)',
      (pid: number) => process.kill(-pid, 'SIGINT'),
    ],
  ])(
    'frees its port on %s',
    async (_name, stop) => {
      const port = await closedPort();
      npm = spawnNpm(
        ['run', 'serve'],
        clone.root,
        userEnv({ PORT: String(port), READER_DATA_DIR: dataDir }),
        // A group of its own, as a terminal gives it; afterEach cleans up by it too.
        true,
      );
      const exited = new Promise<void>((resolvePromise) => npm!.on('exit', () => resolvePromise()));
      const output = collect(npm);
      await vi.waitFor(() => {
        if (npm?.exitCode !== null) throw new Error(`npm run serve ended early:\n${output.text}`);
        expect(output.text).toContain('已启动');
      }, BUILD_AND_START);
      expect(await accepts(port)).toBe(true);

      stop(npm.pid!);
      // Generous for a loaded machine; it takes about a quarter of a second. No speed is asserted.
      await vi.waitFor(async () => expect(await accepts(port), output.text).toBe(false), {
        timeout: 20_000,
        interval: 100,
      });
      await exited;
    },
    120_000,
  );
});

/** Everything npm and the server print, as it comes. */
function collect(child: ChildProcess): { text: string } {
  const output = { text: '' };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8').on('data', (chunk: string) => (output.text += chunk));
  }
  return output;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}
