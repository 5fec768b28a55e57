/**
 * `npm start`: makes sure Electron's binary is there (downloading it once, as
 * Electron documents), builds the app, then runs it. Arguments after `--` go to
 * Electron (`npm start -- --no-sandbox`). ELECTRON_OVERRIDE_DIST_PATH runs the
 * Electron in that folder instead. Written in Node, not shell, so it is the same
 * on Linux, Windows and macOS.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { stopWithParent } from '../src/server/stop-with-parent';
import { ensureElectron } from './start/electron-download';
import {
  downloadFailedMessage,
  downloadingMessage,
  launchFailedMessage,
  overrideMissingMessage,
} from './start/messages';

/** The project this script belongs to: Electron runs its package.json `main`. */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const lookup = await ensureElectron({
  root: PROJECT_ROOT,
  onDownload: (url) => console.log(downloadingMessage(url)),
});
if (!lookup.ok) {
  console.error(
    lookup.reason === 'download-failed'
      ? downloadFailedMessage(lookup.cause)
      : overrideMissingMessage(lookup.dir, lookup.tried),
  );
  process.exit(1);
}

const built = await exitCodeOf(npm(['run', '-s', 'build']));
if (built !== 0) process.exit(built);

const env = { ...process.env };
// Set by some editors' terminals (VS Code tasks): Electron would then run as plain Node.
delete env.ELECTRON_RUN_AS_NODE;
const electron = spawn(lookup.path, [PROJECT_ROOT, ...process.argv.slice(2)], {
  cwd: PROJECT_ROOT,
  env,
  stdio: 'inherit',
});
electron.on('error', (error) => {
  console.error(launchFailedMessage(lookup.path, error.message));
  process.exit(1);
});
const quit = (signal: NodeJS.Signals) => () => electron.kill(signal);
process.on('SIGINT', quit('SIGINT'));
process.on('SIGTERM', quit('SIGTERM'));
// npm passes SIGTERM to its shell only, which dies without passing it on.
if (process.env.npm_lifecycle_event) stopWithParent(quit('SIGTERM'));
electron.on('exit', (code, signal) =>
  process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)),
);

/** npm itself, as the one running this script (npm_execpath), else the one on PATH. */
function npm(args: string[]): { command: string; args: string[]; options: SpawnOptions } {
  const options: SpawnOptions = { cwd: PROJECT_ROOT, stdio: 'inherit' };
  const cli = process.env.npm_execpath;
  if (cli) return { command: process.execPath, args: [cli, ...args], options };
  // npm is a .cmd script on Windows, which only a shell can start.
  return {
    command: 'npm',
    args,
    options: { ...options, shell: process.platform === 'win32' },
  };
}

function exitCodeOf({
  command,
  args,
  options,
}: {
  command: string;
  args: string[];
  options: SpawnOptions;
}): Promise<number> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, options);
    child.on('error', () => resolvePromise(1));
    child.on('exit', (code) => resolvePromise(code ?? 1));
  });
}
