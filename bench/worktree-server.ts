/**
 * A worktree's own browser-mode server (`src/server/cli.ts` run in it, so
 * it serves that worktree's build) on a data folder, for the diagnosis
 * scripts that compare builds side by side (trace-start.ts, trace-redline.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface WorktreeServer {
  /** The worktree's folder. */
  label: string;
  url: string;
  close(): Promise<void>;
}

export async function serveWorktree(dir: string, dataDir: string): Promise<WorktreeServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts'], {
    cwd: dir,
    env: { ...process.env, PORT: '0', READER_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (found) resolveUrl(found[0]);
    });
    child.once('close', (code) => reject(new Error(`${dir}: server exited (${code})`)));
  });
  const closed = new Promise<void>((done) => child.once('close', () => done()));
  return {
    label: dir,
    url,
    close: async () => {
      child.kill('SIGTERM');
      await closed;
    },
  };
}
