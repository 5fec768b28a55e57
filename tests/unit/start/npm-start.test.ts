/**
 * `npm start` as a new user runs it, on a clean clone (see clean-clone.ts):
 * the real package.json script, Electron's real installer, the real build.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strToU8, zipSync } from 'fflate';
import { PLATFORM_BINARY } from '../../../scripts/start/electron-download';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCleanClone, type CleanClone } from './clean-clone';
import { closedPort, runNpm, userEnv } from './run-npm';

let clone: CleanClone;
let scratch: string;

beforeAll(async () => {
  clone = await makeCleanClone();
  scratch = await mkdtemp(join(tmpdir(), 'reader-start-'));
}, 60_000);

afterAll(async () => {
  await clone?.remove();
  await rm(scratch, { recursive: true, force: true });
});

/** npm, tsx and Electron's installer each start a Node: seconds on a busy machine. */
const SLOW_MACHINE = 30_000;

/** Every line of a Node stack trace starts like this. */
const STACK_FRAME = /^\s+at .+/m;

describe('npm start with no Electron binary and no way to download one', () => {
  it(
    'fails before building, with the reason in one line and the advice in Chinese and English',
    async () => {
      const port = await closedPort();
      const result = await runNpm(['start'], clone.root, {
        ...userEnv({
          // Fails at once everywhere, online or not: nothing listens there.
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          electron_config_cache: join(scratch, 'empty-cache'),
        }),
      });
      const output = result.stdout + result.stderr;

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('一次性下载 Electron 失败');
      expect(result.stderr).toContain('the one-time download of Electron failed');
      // The network error itself, not the installer's "fetch failed".
      expect(result.stderr).toMatch(
        new RegExp(
          `原因 / Cause: connect ECONNREFUSED 127\\.0\\.0\\.1:${port} \\(http://127\\.0\\.0\\.1:${port}/`,
        ),
      );
      for (const fix of [
        'ELECTRON_MIRROR',
        'electron_config_cache',
        'ELECTRON_OVERRIDE_DIST_PATH',
      ]) {
        expect(result.stderr).toContain(fix);
      }
      expect(result.stderr).toContain('npm run serve 可在浏览器中打开同一个阅读器');
      expect(result.stderr).toContain('npm run serve opens the same reader in your browser');
      expect(output).not.toMatch(STACK_FRAME);
      expect(output).not.toContain('Electron uninstall');
      expect(output).not.toContain('fetch failed');
      // It stopped at the download: nothing was built, nothing was written into Electron's package.
      expect(existsSync(join(clone.root, 'out'))).toBe(false);
      expect(existsSync(join(clone.root, 'node_modules/electron/path.txt'))).toBe(false);
    },
    SLOW_MACHINE,
  );

  it(
    'says so when ELECTRON_OVERRIDE_DIST_PATH names a folder with no Electron in it',
    async () => {
      const empty = join(scratch, 'no-electron-here');
      const result = await runNpm(
        ['start'],
        clone.root,
        userEnv({ ELECTRON_OVERRIDE_DIST_PATH: empty }),
      );

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH 指向的文件夹里没有 Electron');
      expect(result.stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH=${empty}`);
      expect(result.stderr).toContain(`Looked for: ${join(empty, 'electron')}`);
      expect(result.stderr).toContain('npm run serve');
      expect(result.stdout + result.stderr).not.toMatch(STACK_FRAME);
    },
    SLOW_MACHINE,
  );
});

describe('npm start with ELECTRON_OVERRIDE_DIST_PATH', () => {
  // A stand-in must be a program the OS runs by itself; on Windows that is an .exe, not a script.
  it.skipIf(process.platform === 'win32')(
    'builds the app, then runs that folder’s electron on it with the arguments after --',
    async () => {
      const folder = join(scratch, 'stand-in');
      const record = join(scratch, 'launches.jsonl');
      await writeStandIn(folder);
      const result = await runNpm(
        ['start', '--', '--no-sandbox'],
        clone.root,
        userEnv({
          ELECTRON_OVERRIDE_DIST_PATH: folder,
          STANDIN_RECORD: record,
          // Would make a real Electron run as plain Node: npm start must not pass it on.
          ELECTRON_RUN_AS_NODE: '1',
        }),
      );
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.code).toBe(0);

      const launches = await readLaunches(record);
      expect(launches).toHaveLength(1);
      const [launch] = launches;
      expect(launch.args).toHaveLength(2);
      expect(resolve(launch.args[0])).toBe(resolve(clone.root));
      expect(launch.args[1]).toBe('--no-sandbox');
      // Launched on the built app, which package.json's `main` names.
      expect(launch.builtMain).toBe(true);
      expect(launch.runAsNode).toBeNull();
    },
    120_000,
  );
});

describe('npm start where Electron can be downloaded', () => {
  let mirror: Mirror;
  let fresh: CleanClone;
  beforeAll(async () => {
    fresh = await makeCleanClone();
    mirror = await startMirror(await standInZip());
  }, 60_000);
  afterAll(async () => {
    await mirror?.close();
    await fresh?.remove();
  });

  it.skipIf(process.platform === 'win32')(
    'downloads it once through Electron’s own installer, then starts the built app with it',
    async () => {
      const record = join(scratch, 'downloaded-launches.jsonl');
      const env = userEnv({
        ELECTRON_MIRROR: mirror.url,
        // The mirror publishes its own SHASUMS256.txt; the zip is not Electron's real one.
        electron_use_remote_checksums: '1',
        electron_config_cache: join(scratch, 'cache'),
        STANDIN_RECORD: record,
      });
      const first = await runNpm(['start'], fresh.root, env);
      expect(first.stderr).not.toMatch(STACK_FRAME);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('首次运行：正在下载 Electron');
      expect(mirror.requests.filter((path) => path.endsWith('.zip'))).toHaveLength(1);
      expect(await readFile(join(fresh.root, 'node_modules/electron/path.txt'), 'utf8')).toBe(
        PLATFORM_BINARY[process.platform],
      );

      const again = await runNpm(['start'], fresh.root, env);
      expect(again.code).toBe(0);
      expect(again.stdout).not.toContain('正在下载');
      expect(mirror.requests.filter((path) => path.endsWith('.zip'))).toHaveLength(1);

      const launches = await readLaunches(record);
      expect(launches).toHaveLength(2);
      for (const launch of launches) {
        expect(launch.args.map((arg) => resolve(arg))).toEqual([resolve(fresh.root)]);
        expect(launch.builtMain).toBe(true);
      }
    },
    180_000,
  );
});

interface StandInLaunch {
  args: string[];
  builtMain: boolean;
  runAsNode: string | null;
}

async function readLaunches(record: string): Promise<StandInLaunch[]> {
  const lines = (await readFile(record, 'utf8')).trim().split('\n');
  return lines.map((line) => JSON.parse(line) as StandInLaunch);
}

/** An `electron` that records how it was started (one JSON line per launch) and exits 0. */
async function writeStandIn(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const path = join(folder, 'electron');
  await writeFile(path, STAND_IN);
  await chmod(path, 0o755);
}

/** Electron's download as a mirror serves it: a zip holding the executable where path.txt will point. */
async function standInZip(): Promise<Uint8Array> {
  const executable = PLATFORM_BINARY[process.platform] ?? 'electron';
  return zipSync({
    // Unix mode in the high 16 bits, as zip tools write it: a regular file, rwxr-xr-x.
    [executable]: [strToU8(STAND_IN), { os: 3, attrs: (0o100755 << 16) >>> 0 }],
    version: strToU8('v45.5.0'),
  });
}

interface Mirror {
  url: string;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * An Electron mirror on loopback: any *.zip it is asked for is the stand-in,
 * and its SHASUMS256.txt vouches for that zip under the name last asked for.
 */
async function startMirror(zip: Uint8Array): Promise<Mirror> {
  const requests: string[] = [];
  const sha256 = createHash('sha256').update(zip).digest('hex');
  let zipName = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mirror').pathname;
    requests.push(path);
    if (path.endsWith('.zip')) {
      zipName = path.slice(path.lastIndexOf('/') + 1);
      response.writeHead(200, { 'content-type': 'application/zip' }).end(zip);
    } else if (path.endsWith('/SHASUMS256.txt')) {
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`${sha256} *${zipName}\n`);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolvePromise) => server.close(() => resolvePromise())),
  };
}

const STAND_IN = `#!${process.execPath}
const { appendFileSync, existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const root = process.argv[2];
const main = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main;
appendFileSync(process.env.STANDIN_RECORD, JSON.stringify({
  args: process.argv.slice(2),
  builtMain: existsSync(join(root, main)),
  runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null,
}) + '\\n');
`;
