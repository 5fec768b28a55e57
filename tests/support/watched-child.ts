/** A child process whose output a fault test reads: its first line, all of it, and its end. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface WatchedChild {
  child: ChildProcess;
  /** Resolves when it has exited, with its code or the signal that ended it. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed so far. */
  output(): string;
  /** Its first line; rejects with its stderr if it exits without one. */
  firstLine(): Promise<string>;
}

export function spawnWatched(args: string[], cwd?: string): WatchedChild {
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    closed,
    output: () => out,
    firstLine: () =>
      new Promise<string>((resolve, reject) => {
        const check = () => out.includes('\n') && resolve(out.split('\n')[0]);
        child.stdout.on('data', check);
        void closed.then(() => (out.includes('\n') ? check() : reject(new Error(err))));
        check();
      }),
  };
}
