/**
 * The data folder's lock under faults: a second claimant, a holder killed
 * with -9, a lock left half-written, a holder that froze, and the race that
 * proper-lockfile lost (several processes taking over one stale lock at once).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { spawnWatched } from '../../support/watched-child';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  claimFolder,
  LOCK_FILE,
  processAlive,
  type Claim,
  type LockOwner,
} from '../../../src/services/storage/folder-lock';
import { makeTempDir, removeTempDir } from './helpers';
import { transpileForChild } from './transpile';

const LOCK_SOURCE = fileURLToPath(
  new URL('../../../src/services/storage/folder-lock.ts', import.meta.url),
);
const CHILD = fileURLToPath(new URL('./lock-child.mjs', import.meta.url));

let dir: string;
const claims: Claim[] = [];

beforeEach(async () => {
  dir = await makeTempDir('lock');
});

afterEach(async () => {
  for (const claim of claims.splice(0)) if (claim.held) await claim.lock.release();
  await removeTempDir(dir);
});

async function claim(options: Parameters<typeof claimFolder>[1] = { app: 'browser' }) {
  const result = await claimFolder(dir, options);
  claims.push(result);
  return result;
}

const lockPath = () => join(dir, LOCK_FILE);

/** A lock file as a process would have left it. */
async function leaveLock(owner: Partial<LockOwner>, ageMs = 0): Promise<void> {
  await writeFile(
    lockPath(),
    JSON.stringify({
      app: 'desktop',
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      token: 'left-behind',
      ...owner,
    }),
  );
  const then = new Date(Date.now() - ageMs);
  await utimes(lockPath(), then, then);
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolveExit) => child.on('close', resolveExit));
  expect(processAlive(child.pid!)).toBe(false);
  return child.pid!;
}

describe('one holder at a time, in one process', () => {
  it('the second claim is refused and names the holder; after release it is granted', async () => {
    const first = await claim({ app: 'desktop' });
    expect(first.held).toBe(true);
    const second = await claim({ app: 'cli' });
    expect(second).toEqual({
      held: false,
      owner: expect.objectContaining({ app: 'desktop', pid: process.pid, host: hostname() }),
    });
    if (first.held) await first.lock.release();
    expect(await readdir(dir)).toEqual([]);
    expect((await claim()).held).toBe(true);
  });

  it('a lock file still empty (its maker about to write who it is) is waited for, so the holder is named', async () => {
    const owner: LockOwner = {
      app: 'browser',
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      token: 'made-a-moment-ago',
    };
    await writeFile(lockPath(), '');
    setTimeout(() => void writeFile(lockPath(), JSON.stringify(owner)), 300);
    expect(await claim({ app: 'cli' })).toEqual({ held: false, owner });
  });

  it('a lock file that stays empty is not waited for long: the claim is refused without a name', async () => {
    await writeFile(lockPath(), '');
    const started = Date.now();
    expect(await claim({ app: 'cli' })).toEqual({ held: false, owner: null });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('a claim that waits gets the folder once the holder lets go', async () => {
    const first = await claim();
    if (!first.held) throw new Error('expected the lock');
    setTimeout(() => void first.lock.release(), 300);
    const started = Date.now();
    const second = await claim({ app: 'cli', waitMs: 5_000 });
    expect(second.held).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('creates a missing data folder to hold the lock in', async () => {
    const nested = join(dir, 'a', 'b');
    const result = await claimFolder(nested, { app: 'cli' });
    claims.push(result);
    expect(result.held).toBe(true);
    expect(await readdir(nested)).toEqual([LOCK_FILE]);
  });
});

describe('stale locks', () => {
  it('a lock whose process is gone is taken over at once', async () => {
    await leaveLock({ pid: await deadPid() });
    const result = await claim();
    expect(result.held).toBe(true);
  });

  it('a lock of a live process, refreshed recently, is respected', async () => {
    await leaveLock({ pid: process.pid }, 1_000);
    expect((await claim({ app: 'cli', staleMs: 30_000 })).held).toBe(false);
  });

  it('a lock not refreshed for staleMs is stale even if its pid is alive (reused, or another machine)', async () => {
    await leaveLock({ pid: process.pid, host: 'another-computer' }, 5_000);
    expect((await claim({ app: 'cli', staleMs: 2_000 })).held).toBe(true);
  });

  it('an empty lock file: fresh means someone is writing it, old means they died doing so', async () => {
    await writeFile(lockPath(), '');
    expect((await claim({ app: 'cli' })).held).toBe(false);
    const then = new Date(Date.now() - 10_000);
    await utimes(lockPath(), then, then);
    expect((await claim({ app: 'cli' })).held).toBe(true);
  });

  it('the holder refreshes the lock, so a live holder never looks stale', async () => {
    const held = await claim({ app: 'browser', refreshMs: 100 });
    if (!held.held) throw new Error('expected the lock');
    const before = (await stat(lockPath())).mtimeMs;
    const then = new Date(Date.now() - 60_000);
    await utimes(lockPath(), then, then);
    await new Promise((resolveWait) => setTimeout(resolveWait, 350));
    expect((await stat(lockPath())).mtimeMs).toBeGreaterThanOrEqual(before);
  });

  it('a holder whose lock was taken over learns it: stillOurs is false and onLost fires', async () => {
    const held = await claim({ app: 'browser', refreshMs: 100 });
    if (!held.held) throw new Error('expected the lock');
    let lost = 0;
    held.lock.onLost(() => lost++);
    await leaveLock({ token: 'someone-else' });
    await new Promise((resolveWait) => setTimeout(resolveWait, 350));
    expect(lost).toBe(1);
    expect(await held.lock.stillOurs()).toBe(false);
    // Giving it back must not remove the other process's lock.
    await held.lock.release();
    expect(JSON.parse(await readFile(lockPath(), 'utf8')).token).toBe('someone-else');
  });
});

describe('across processes', () => {
  let modulePath: string;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    modulePath = await transpileForChild(LOCK_SOURCE, dir);
  });

  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  function run(mode: 'race' | 'hold', folder: string, startAt = 0) {
    const watched = spawnWatched([CHILD, modulePath, folder, mode, String(startAt)]);
    children.push(watched.child);
    return { ...watched, done: () => watched.closed.then(() => watched.output().trim()) };
  }

  it('kill -9 of the holder: the next claim gets the folder at once, 10 times over', async () => {
    for (let round = 0; round < 10; round++) {
      const holder = run('hold', dir);
      expect(await holder.firstLine()).toBe('held');
      expect((await claimFolder(dir, { app: 'cli' })).held).toBe(false);
      holder.child.kill('SIGKILL');
      await holder.done();
      const started = Date.now();
      const next = await claimFolder(dir, { app: 'cli' });
      expect(next.held).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_000);
      if (next.held) await next.lock.release();
    }
  }, 60_000);

  it('four processes taking over one stale lock at once: never two holders (20 rounds)', async () => {
    const ROUNDS = 20;
    const CONTENDERS = 4;
    let doubleHolders = 0;
    let noHolder = 0;
    let lostAfterGrant = 0;
    /** One round in its own folder; rounds run a few at a time, which only adds contention. */
    async function raceOnce(round: number): Promise<void> {
      const folder = join(dir, `round-${round}`);
      await mkdir(folder);
      // Stale twice over: a dead pid and an old mtime.
      await writeFile(
        join(folder, LOCK_FILE),
        JSON.stringify({
          app: 'desktop',
          pid: await deadPid(),
          host: hostname(),
          since: '2020-01-01T00:00:00.000Z',
          token: 'crashed',
        }),
      );
      const old = new Date(Date.now() - 120_000);
      await utimes(join(folder, LOCK_FILE), old, old);
      const startAt = Date.now() + 1_000;
      const outputs = await Promise.all(
        Array.from({ length: CONTENDERS }, () => run('race', folder, startAt).done()),
      );
      // Every claim granted counts, even one that later found its lock gone:
      // the lock itself must exclude, not only the check before each write.
      const granted = outputs
        .filter((line) => line.startsWith('held'))
        .map((line) => line.split(' '));
      if (granted.some(([, , , ours]) => ours !== 'true')) lostAfterGrant++;
      const holders = granted.map(([, from, to]) => [Number(from), Number(to)] as const);
      const overlapping = holders.some(([from, to], i) =>
        holders.some(([otherFrom, otherTo], j) => i !== j && from < otherTo && otherFrom < to),
      );
      if (overlapping) doubleHolders++;
      if (holders.length === 0) noHolder++;
    }
    for (let round = 0; round < ROUNDS; round += 4) {
      await Promise.all([0, 1, 2, 3].map((offset) => raceOnce(round + offset)));
    }
    expect(doubleHolders).toBe(0);
    expect(lostAfterGrant).toBe(0);
    // The stale lock never blocks the folder: someone always got it.
    expect(noHolder).toBe(0);
  }, 120_000);
});
