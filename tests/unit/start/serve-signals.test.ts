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
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeCleanClone, type CleanClone } from './clean-clone';
import { closedPort, spawnNpm, userEnv } from './run-npm';

let clone: CleanClone;
let dataDir: string;
let npm: ChildProcess | undefined;

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
      await untilStarted(npm);
      expect(await accepts(port)).toBe(true);

      stop(npm.pid!);
      await exited;
      // "Within seconds": the test's own timeout is the only clock; no speed is asserted.
      while (await accepts(port)) await new Promise((wait) => setTimeout(wait, 100));
      expect(await accepts(port)).toBe(false);
    },
    60_000,
  );
});

/** Resolves once the server says it listens; rejects if npm ends first. */
function untilStarted(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('已启动')) resolvePromise();
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`npm run serve ended (${code}):\n${output}`)));
  });
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
