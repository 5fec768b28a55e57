/**
 * One writer per data folder: a lock file every process takes (the desktop
 * app, browser mode, the CLI) before it writes anything there.
 *
 * Written here because proper-lockfile failed our fault test: with a stale
 * lock left by a crash and four processes starting together, two of them held
 * the lock at once in 3 of 20 rounds (each removes "the stale lock" after the
 * other has already replaced it with a fresh one). Here:
 * - the lock is a file made with O_EXCL, holding who owns it and a random token;
 * - a lock is stale when its process is gone (same machine), or when its owner
 *   stopped refreshing it for `staleMs` (another machine, or a reused pid);
 * - a stale lock is removed by one claimant at a time (a second O_EXCL file),
 *   after checking it is still the stale one; then O_EXCL picks the new owner;
 * - the owner checks its token before every write and on every refresh, so a
 *   process that lost the lock stops writing instead of overwriting another's.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';

export const LOCK_FILE = 'reader.lock';

/** Which program holds the folder; shown to the reader who is refused. */
export type LockApp = 'desktop' | 'browser' | 'cli';

export interface LockOwner {
  app: LockApp;
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
  token: string;
}

export interface HeldLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** True while the lock file still carries this process's token. */
  stillOurs(): Promise<boolean>;
  /** Called once if another process takes the lock over (after a long freeze, say). */
  onLost(listener: () => void): void;
  release(): Promise<void>;
}

export type Claim =
  { held: true; lock: HeldLock } | { held: false; owner: LockOwner | null; error?: undefined };

export interface LockOptions {
  app: LockApp;
  /** Keep trying this long while another process holds the folder (a CLI import takes ~1 s). */
  waitMs?: number;
  /** How often the owner refreshes the lock's mtime. */
  refreshMs?: number;
  /** A lock not refreshed for this long is stale even if its pid seems alive. */
  staleMs?: number;
}

const DEFAULTS = { waitMs: 0, refreshMs: 5_000, staleMs: 30_000 };
/** A lock file still empty this long after it was made belongs to a process that died making it. */
const UNWRITTEN_GRACE_MS = 5_000;
const RETRY_DELAY_MS = 150;
/**
 * How long past its deadline a claim waits for a lock file just made (still
 * empty) to say who made it: two readers started together otherwise find it
 * empty and can only say "another reader" holds the folder, not which.
 */
const UNWRITTEN_WAIT_MS = 1_000;

/** True if `pid` is a live process on this machine (EPERM: alive, but another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (
      typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.token === 'string' &&
      typeof value.app === 'string' &&
      typeof value.since === 'string'
    ) {
      return value as LockOwner;
    }
  } catch {
    // Not written yet, or damaged: judged by its age below.
  }
  return null;
}

interface Found {
  owner: LockOwner | null;
  /** The token that identifies exactly this lock file, or its raw text when unparseable. */
  identity: string;
  stale: boolean;
}

async function inspect(path: string, staleMs: number): Promise<Found | 'gone'> {
  let text: string;
  let mtime: number;
  try {
    [text, mtime] = await Promise.all([
      fs.readFile(path, 'utf8'),
      fs.stat(path).then((info) => info.mtimeMs),
    ]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  const owner = parseOwner(text);
  const age = Date.now() - mtime;
  if (!owner) return { owner, identity: text, stale: age > UNWRITTEN_GRACE_MS };
  const dead = owner.host === hostname() && !processAlive(owner.pid);
  return { owner, identity: owner.token, stale: dead || age > staleMs };
}

const identityOf = (text: string) => parseOwner(text)?.token ?? text;

const pause = () => new Promise<void>((resolveWait) => setTimeout(resolveWait, RETRY_DELAY_MS));

/**
 * Removes a stale lock so the claimants can race to create a new one, which
 * O_EXCL settles. Only the holder of `<lock>.takeover` (itself made with
 * O_EXCL) removes anything, and only after checking the lock is still the
 * stale one: nobody else can change a lock file that exists, so a fresh lock
 * is never removed in its place. A takeover file left by a crash is cleared
 * after a few seconds.
 */
async function takeOver(path: string, stale: Found, owner: LockOwner): Promise<void> {
  const guard = `${path}.takeover`;
  if (!(await create(guard, owner))) {
    const age = await fs.stat(guard).then(
      (info) => Date.now() - info.mtimeMs,
      () => 0,
    );
    if (age > UNWRITTEN_GRACE_MS) await fs.unlink(guard).catch(() => undefined);
    return pause();
  }
  try {
    const again = await inspect(path, Number.POSITIVE_INFINITY);
    if (again !== 'gone' && again.identity === stale.identity) {
      await fs.unlink(path).catch(() => undefined);
    }
  } finally {
    await fs.unlink(guard).catch(() => undefined);
  }
}

/** Makes the lock file only if none exists; false when one does. */
async function create(path: string, owner: LockOwner): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
    await handle.sync();
  } catch (error) {
    // A full disk leaves an empty lock: remove it rather than block the folder.
    await handle.close().catch(() => undefined);
    await fs.unlink(path).catch(() => undefined);
    throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
  return true;
}

/**
 * mkdir -p that reports the real reason: Node's recursive mkdir answers
 * ENOENT when a read-only disk refuses it, so the first missing folder is
 * made alone to get EROFS (or EACCES).
 */
async function makeFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    let missing = dir;
    while (dirname(missing) !== missing && !existsSync(dirname(missing))) {
      missing = dirname(missing);
    }
    await fs.mkdir(missing);
    throw error;
  }
}

/**
 * Takes the folder's lock, or says who has it. Throws only what the file
 * system throws (EROFS, EACCES, ENOSPC …): the caller says it plainly.
 */
export async function claimFolder(dir: string, options: LockOptions): Promise<Claim> {
  const { waitMs, refreshMs, staleMs } = { ...DEFAULTS, ...options };
  const path = join(dir, LOCK_FILE);
  const owner: LockOwner = {
    app: options.app,
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  const deadline = Date.now() + waitMs;
  await makeFolder(dir);
  for (;;) {
    if (await create(path, owner)) {
      // Made and still ours: a frozen old owner waking up could have removed it.
      const found = await inspect(path, staleMs);
      if (found !== 'gone' && found.identity === owner.token) {
        return { held: true, lock: holdLock(path, owner, refreshMs) };
      }
    }
    const found = await inspect(path, staleMs);
    if (found === 'gone') continue;
    if (found.stale) {
      await takeOver(path, found, owner);
      continue;
    }
    const late = Date.now() - deadline;
    if (late >= 0 && (found.owner !== null || late >= UNWRITTEN_WAIT_MS)) {
      return { held: false, owner: found.owner };
    }
    await pause();
  }
}

function holdLock(path: string, owner: LockOwner, refreshMs: number): HeldLock {
  let released = false;
  let lost = false;
  const listeners: (() => void)[] = [];
  const ours = async () => {
    try {
      return identityOf(await fs.readFile(path, 'utf8')) === owner.token;
    } catch {
      return false;
    }
  };
  const markLost = () => {
    if (lost || released) return;
    lost = true;
    clearInterval(timer);
    for (const listener of listeners) listener();
  };
  const timer = setInterval(() => {
    void ours().then(async (still) => {
      if (released) return;
      if (!still) return markLost();
      const now = new Date();
      await fs.utimes(path, now, now).catch(() => undefined);
    });
  }, refreshMs);
  // The lock must not keep a finished CLI command alive.
  timer.unref();
  // A normal exit (Ctrl+C in `npm run serve`, the app quitting) leaves no lock behind.
  const onExit = () => {
    if (released) return;
    try {
      if (existsSync(path) && identityOf(readFileSync(path, 'utf8')) === owner.token) {
        unlinkSync(path);
      }
    } catch {
      // Exiting anyway: the next start sees the pid is gone.
    }
  };
  process.on('exit', onExit);
  return {
    path,
    owner,
    async stillOurs() {
      if (lost) return false;
      const still = await ours();
      if (!still) markLost();
      return still;
    },
    onLost: (listener) => void listeners.push(listener),
    async release() {
      if (released) return;
      clearInterval(timer);
      process.off('exit', onExit);
      const still = !lost && (await ours());
      released = true;
      if (still) await fs.unlink(path).catch(() => undefined);
    },
  };
}
