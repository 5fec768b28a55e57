/**
 * Makes sure Electron's binary is there, the way Electron itself documents:
 * its `install-electron` bin downloads it once (honouring ELECTRON_MIRROR,
 * electron_config_cache and the rest), then `require('electron')` names the
 * executable. Both run in child processes, with their output kept: a failed
 * download is told in one line, never as the installer's stack trace.
 *
 * `electron-vite preview` does neither: it only reads path.txt and otherwise
 * throws "Electron uninstall", which is why `npm start` no longer uses it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where each platform's Electron keeps its executable inside a dist folder. */
export const PLATFORM_BINARY: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

export type ElectronLookup =
  | { ok: true; path: string }
  | { ok: false; reason: 'download-failed'; cause: string }
  | { ok: false; reason: 'override-missing'; dir: string; tried: string[] };

export interface EnsureOptions {
  root: string;
  env?: NodeJS.ProcessEnv;
  /** Told once the installer really starts a download (not when the binary is already there). */
  onDownload?: (url: string) => void;
}

/** A URL, as `--import` wants: a Windows path is not a module specifier. */
const WATCH_HOOK = new URL('./download-watch.mjs', import.meta.url).href;
const TAG = '@@reader-electron-download ';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface DownloadEvent {
  event: 'request' | 'error';
  url: string;
  message?: string;
}

export async function ensureElectron(options: EnsureOptions): Promise<ElectronLookup> {
  const env = options.env ?? process.env;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  // With an override Electron never downloads: it runs what is in that folder.
  if (!override) {
    const failure = await runInstaller(options.root, env, options.onDownload);
    if (failure) return { ok: false, reason: 'download-failed', cause: failure };
  }
  const named = await run(
    process.execPath,
    ['-e', "process.stdout.write(JSON.stringify(require('electron')))"],
    options.root,
    env,
  );
  if (named.code !== 0) {
    return { ok: false, reason: 'download-failed', cause: firstErrorLine(named.stderr) };
  }
  const path = JSON.parse(named.stdout) as string;
  if (!override) return { ok: true, path };
  // Electron names `<dir>/electron` when it has never downloaded (no path.txt),
  // which is not where a macOS or Windows Electron keeps its executable.
  const platformPath = join(override, PLATFORM_BINARY[process.platform] ?? 'electron');
  const tried = [...new Set([path, platformPath])];
  const found = tried.find((candidate) => existsSync(candidate));
  return found
    ? { ok: true, path: found }
    : { ok: false, reason: 'override-missing', dir: override, tried };
}

/** Runs Electron's `install-electron` bin; the one-line reason it failed, or null. */
async function runInstaller(
  root: string,
  env: NodeJS.ProcessEnv,
  onDownload?: (url: string) => void,
): Promise<string | null> {
  const events: DownloadEvent[] = [];
  const result = await run(
    process.execPath,
    ['--import', WATCH_HOOK, installerPath(root)],
    root,
    env,
    (line) => {
      if (!line.startsWith(TAG)) return false;
      const event = JSON.parse(line.slice(TAG.length)) as DownloadEvent;
      if (event.event === 'request' && !events.some((seen) => seen.event === 'request')) {
        onDownload?.(event.url);
      }
      events.push(event);
      return true;
    },
  );
  if (result.code === 0) return null;
  const error = events.find((event) => event.event === 'error');
  if (error) return `${error.message} (${error.url})`;
  return firstErrorLine(result.stderr);
}

/** The `install-electron` bin of the electron package this project installed. */
function installerPath(root: string): string {
  const manifest = createRequire(join(root, 'package.json')).resolve('electron/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifest), bin['install-electron']);
}

/**
 * The line that says what went wrong in a Node error dump: `HTTPError: Response
 * code 404 …`, `Error: … checksum …`. Stack frames and source excerpts are dropped.
 */
function firstErrorLine(output: string): string {
  const lines = output.split(/\r?\n/).map((line) => line.trim());
  return (
    lines.find((line) => /^[A-Za-z]*Error\b/.test(line)) ??
    lines.find((line) => line !== '' && !line.startsWith('at ')) ??
    ''
  );
}

/** Runs a command with its output kept; `onLine` may claim stderr lines for itself. */
function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  onLine?: (line: string) => boolean,
): Promise<Finished> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (!onLine?.(line)) stderr += line + '\n';
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (partial && !onLine?.(partial)) stderr += partial;
      resolvePromise({ code, stdout, stderr });
    });
  });
}
