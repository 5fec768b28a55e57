/**
 * Browser mode as a reader runs it: `src/server/cli.ts` in a process of its
 * own. The keystroke measure needs this: in the bench's own process the
 * bridge would share its event loop with Playwright's driver, which is busy
 * sending those very keystrokes, and every answer would wait for it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/services/paths';

export interface ServerProcess {
  url: string;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

export async function startServerProcess(): Promise<ServerProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'reader-bench-typing-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', READER_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await closed;
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`the app server did not start in ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found[0]);
        }
      });
      child.once('close', (code) => {
        clearTimeout(timer);
        reject(new Error(`the app server exited (${code}) before starting:\n${output}`));
      });
    });
    return { url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
