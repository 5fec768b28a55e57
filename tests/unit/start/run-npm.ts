/** Runs a real `npm` command the way a reader types it, in a folder of our choice. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * The environment a new user has: none of the Electron download settings of
 * the machine running the tests (a developer's mirror, cache or override).
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^electron_/i.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}

export function spawnNpm(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  detached = false,
): ChildProcess {
  // npm_execpath is npm's own CLI script when the tests run under npm.
  const cli = process.env.npm_execpath;
  const [command, commandArgs] = cli?.endsWith('.js')
    ? [process.execPath, [cli, ...args]]
    : ['npm', args];
  return spawn(command, commandArgs, {
    cwd,
    env,
    detached,
    stdio: ['ignore', 'pipe', 'pipe'],
    // npm is a .cmd script on Windows, which only a shell can start.
    shell: process.platform === 'win32' && command === 'npm',
  });
}

export interface NpmResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time, for the report only: no test asserts on speed. */
  ms: number;
}

export function runNpm(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<NpmResult> {
  const started = performance.now();
  const child = spawnNpm(args, cwd, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ code, stdout, stderr, ms: Math.round(performance.now() - started) }),
    );
  });
}

/** A loopback port nothing listens on: connecting to it is refused at once. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  const { port } = server.address() as { port: number };
  await new Promise((resolvePromise) => server.close(resolvePromise));
  return port;
}
