import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type WriterIo } from '../../../src/services/storage/atomic-write';
import { makeDoc } from './atomic-write-doc.mjs';
import { makeTempDir, removeTempDir, tempFilesIn } from './helpers';
import { transpileForChild } from './transpile';

const MODULE_SOURCE = fileURLToPath(
  new URL('../../../src/services/storage/atomic-write.ts', import.meta.url),
);
const CHILD_SCRIPT = fileURLToPath(new URL('./atomic-write-child.mjs', import.meta.url));

type WriteFn = FileHandle['write'];
type WriteArgs = [Uint8Array, number, number, number];

/**
 * The real fs/promises, except that every opened handle's `write` goes through
 * `write(real, ...args)`, so a test decides what each call does.
 */
function ioWithWrite(
  write: (
    real: (...args: WriteArgs) => Promise<{ bytesWritten: number }>,
    ...args: WriteArgs
  ) => Promise<{ bytesWritten: number }>,
  overrides: Partial<WriterIo> = {},
): WriterIo {
  const open = (async (...args: Parameters<typeof fs.open>) => {
    const handle = await fs.open(...args);
    const realWrite = (...writeArgs: WriteArgs) =>
      (handle.write as unknown as (...a: WriteArgs) => Promise<{ bytesWritten: number }>)(
        ...writeArgs,
      );
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'write') {
          return ((...writeArgs: WriteArgs) =>
            write(realWrite, ...writeArgs)) as unknown as WriteFn;
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }) as typeof fs.open;
  return { open, rename: fs.rename, unlink: fs.unlink, ...overrides };
}

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${message}`);
  error.code = code;
  return error;
}

let dir: string;
let target: string;
const ORIGINAL = Buffer.from('{"original":true,"text":"原来的内容"}\n', 'utf8');

beforeEach(async () => {
  dir = await makeTempDir('atomic');
  target = join(dir, 'settings.json');
});

afterEach(async () => {
  await removeTempDir(dir);
});

describe('writeFileAtomic with the real file system', () => {
  it('writes a string exactly, including CJK and surrogate pairs', async () => {
    const text = '报告阅读器 😀𠀀𝌆 \u2028 end\n';
    await writeFileAtomic(target, text);
    expect(await fs.readFile(target, 'utf8')).toBe(text);
    expect(await fs.readFile(target)).toEqual(Buffer.from(text, 'utf8'));
  });

  it('writes raw bytes exactly, including every byte value', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => i % 256);
    await writeFileAtomic(target, bytes);
    expect(new Uint8Array(await fs.readFile(target))).toEqual(bytes);
  });

  it('writes a 1 MB document exactly', async () => {
    const big = 'ab😀报告'.repeat(110_000);
    expect(Buffer.byteLength(big)).toBeGreaterThan(1_000_000);
    await writeFileAtomic(target, big);
    const back = await fs.readFile(target);
    expect(back.length).toBe(Buffer.byteLength(big));
    expect(back.toString('utf8')).toBe(big);
  });

  it('writes an empty file', async () => {
    await writeFileAtomic(target, '');
    expect((await fs.readFile(target)).length).toBe(0);
  });

  it('overwriting leaves only the new content (never a tail of the old one)', async () => {
    await writeFileAtomic(target, 'x'.repeat(10_000));
    await writeFileAtomic(target, 'short');
    expect(await fs.readFile(target, 'utf8')).toBe('short');
  });

  it('leaves no temp files after success', async () => {
    for (let i = 0; i < 5; i++) await writeFileAtomic(target, `version ${i}`);
    expect(await tempFilesIn(dir)).toEqual([]);
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });

  it('many concurrent writers to one file leave one complete version and no temp files', async () => {
    const versions = Array.from(
      { length: 20 },
      (_, i) => `{"v":${i},"pad":"${'p'.repeat(i * 500)}"}`,
    );
    await Promise.all(versions.map((version) => writeFileAtomic(target, version)));
    expect(versions).toContain(await fs.readFile(target, 'utf8'));
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('rejects when the folder does not exist, and creates nothing', async () => {
    const missing = join(dir, 'no-such-folder', 'settings.json');
    await expect(writeFileAtomic(missing, 'x')).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('rejects when the target is a directory, and leaves it and no temp file', async () => {
    await fs.mkdir(target);
    await fs.writeFile(join(target, 'inside'), 'keep');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(await fs.readFile(join(target, 'inside'), 'utf8')).toBe('keep');
    expect(await tempFilesIn(dir)).toEqual([]);
  });
});

describe('writeFileAtomic with injected faults', () => {
  beforeEach(async () => {
    await fs.writeFile(target, ORIGINAL);
  });

  async function expectOriginalIntact(): Promise<void> {
    expect(await fs.readFile(target)).toEqual(ORIGINAL);
    expect(await tempFilesIn(dir)).toEqual([]);
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  }

  it('the fault-injection proxy passes real writes through unchanged', async () => {
    let calls = 0;
    const io = ioWithWrite((real, ...args) => {
      calls++;
      return real(...args);
    });
    await writeFileAtomic(target, 'through the proxy', io);
    expect(calls).toBeGreaterThan(0);
    expect(await fs.readFile(target, 'utf8')).toBe('through the proxy');
  });

  it('a write that reports 0 bytes written rejects and keeps the original', async () => {
    const io = ioWithWrite(async () => ({ bytesWritten: 0 }));
    await expect(writeFileAtomic(target, 'new content that never lands', io)).rejects.toThrow();
    await expectOriginalIntact();
  });

  it('a short write followed by 0 bytes rejects and keeps the original', async () => {
    let call = 0;
    const io = ioWithWrite(async (real, buffer, offset, length, position) => {
      call++;
      if (call === 1) return real(buffer, offset, Math.floor(length / 2), position);
      return { bytesWritten: 0 };
    });
    const content = JSON.stringify({ replaced: true, pad: 'z'.repeat(5000) });
    await expect(writeFileAtomic(target, content, io)).rejects.toThrow();
    expect(call).toBe(2);
    await expectOriginalIntact();
  });

  it('a write reporting a negative or NaN count rejects and keeps the original', async () => {
    for (const bogus of [-1, Number.NaN]) {
      const io = ioWithWrite(async () => ({ bytesWritten: bogus }));
      await expect(writeFileAtomic(target, 'new', io)).rejects.toThrow();
      await expectOriginalIntact();
    }
  });

  it('short writes that keep making progress are continued at the right offset', async () => {
    const io = ioWithWrite((real, buffer, offset, length, position) =>
      real(buffer, offset, Math.min(length, 777), position),
    );
    const content = '续写😀'.repeat(3000);
    await writeFileAtomic(target, content, io);
    expect(await fs.readFile(target, 'utf8')).toBe(content);
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('ENOSPC from write rejects with that error and keeps the original', async () => {
    let call = 0;
    const io = ioWithWrite(async (real, buffer, offset, length, position) => {
      call++;
      if (call === 1) return real(buffer, offset, Math.min(length, 100), position);
      throw errnoError('ENOSPC', 'no space left on device');
    });
    await expect(writeFileAtomic(target, 'n'.repeat(10_000), io)).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    await expectOriginalIntact();
  });

  it('a failing fsync rejects and keeps the original', async () => {
    const open = (async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      return new Proxy(handle, {
        get(targetHandle, property) {
          if (property === 'sync') return () => Promise.reject(errnoError('EIO', 'i/o error'));
          const value: unknown = Reflect.get(targetHandle, property, targetHandle);
          return typeof value === 'function' ? value.bind(targetHandle) : value;
        },
      });
    }) as typeof fs.open;
    const io: WriterIo = { open, rename: fs.rename, unlink: fs.unlink };
    await expect(writeFileAtomic(target, 'new', io)).rejects.toMatchObject({ code: 'EIO' });
    await expectOriginalIntact();
  });

  it('a failing rename rejects, keeps the original and removes the temp file', async () => {
    const renames: string[] = [];
    const io: WriterIo = {
      open: fs.open,
      unlink: fs.unlink,
      rename: (async (from: string) => {
        renames.push(from);
        // The temp file must be complete when the rename is attempted.
        expect(await fs.readFile(from, 'utf8')).toBe('complete new content');
        throw errnoError('EXDEV', 'cross-device link not permitted');
      }) as typeof fs.rename,
    };
    await expect(writeFileAtomic(target, 'complete new content', io)).rejects.toMatchObject({
      code: 'EXDEV',
    });
    expect(renames).toHaveLength(1);
    expect(renames[0].startsWith(dir)).toBe(true);
    await expectOriginalIntact();
  });

  it('a failing open rejects and leaves the folder as it was', async () => {
    const io: WriterIo = {
      open: (async () => {
        throw errnoError('EMFILE', 'too many open files');
      }) as typeof fs.open,
      rename: fs.rename,
      unlink: fs.unlink,
    };
    await expect(writeFileAtomic(target, 'new', io)).rejects.toMatchObject({ code: 'EMFILE' });
    await expectOriginalIntact();
  });

  it('the temp file is created next to the target, exclusively, and not world-readable', async () => {
    const opened: { path: string; flags: unknown; mode: unknown }[] = [];
    const io: WriterIo = {
      open: (async (path: string, flags: string, mode: number) => {
        opened.push({ path, flags, mode });
        return fs.open(path, flags, mode);
      }) as unknown as typeof fs.open,
      rename: fs.rename,
      unlink: fs.unlink,
    };
    await writeFileAtomic(target, 'new', io);
    expect(opened).toHaveLength(1);
    expect(join(opened[0].path, '..')).toBe(dir);
    expect(opened[0].path).not.toBe(target);
    expect(opened[0].flags).toBe('wx');
    expect(opened[0].mode).toBe(0o600);
  });
});

describe('writeFileAtomic under kill -9', () => {
  const CHILDREN = 30;
  const PARALLEL = 6;

  interface ChildOutcome {
    lastReported: number;
    onDisk: number;
  }

  /** The real writer, as plain JS for the children. */
  const transpileWriter = () => transpileForChild(MODULE_SOURCE, dir);

  function runAndKill(modulePath: string, path: string, killAfterMs: number): Promise<number> {
    return new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, [CHILD_SCRIPT, path, modulePath], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let timer: NodeJS.Timeout | undefined;
      const startupLimit = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`child never became ready: ${stderr}`));
      }, 10_000);
      child.stdout.setEncoding('utf8');
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => (stderr += chunk));
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (timer === undefined && stdout.includes('ready\n')) {
          clearTimeout(startupLimit);
          timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
      });
      child.on('error', reject);
      child.on('close', (_code, signal) => {
        clearTimeout(startupLimit);
        if (timer) clearTimeout(timer);
        if (signal !== 'SIGKILL') {
          reject(new Error(`child exited on its own (${signal}): ${stderr}`));
          return;
        }
        const reported = stdout
          .split('\n')
          .filter((line) => /^\d+$/.test(line))
          .map(Number);
        resolvePromise(reported.length > 0 ? Math.max(...reported) : 0);
      });
    });
  }

  it('the target always parses and is exactly one complete version', async () => {
    const modulePath = await transpileWriter();
    const seed = makeDoc(0);
    const jobs = Array.from({ length: CHILDREN }, (_, index) => index);
    const outcomes: ChildOutcome[] = [];

    for (let start = 0; start < jobs.length; start += PARALLEL) {
      const batch = jobs.slice(start, start + PARALLEL);
      const results = await Promise.all(
        batch.map(async (index) => {
          const path = join(dir, `doc-${index}.json`);
          await fs.writeFile(path, seed);
          const killAfterMs = 10 + Math.floor(Math.random() * 141);
          const lastReported = await runAndKill(modulePath, path, killAfterMs);

          const text = await fs.readFile(path, 'utf8');
          let parsed: { version: number };
          try {
            parsed = JSON.parse(text) as { version: number };
          } catch {
            throw new Error(
              `doc-${index}.json is not JSON after kill at ${killAfterMs} ms (${text.length} chars)`,
            );
          }
          expect(Number.isInteger(parsed.version)).toBe(true);
          expect(text).toBe(makeDoc(parsed.version));
          // A version reported as written must be on disk (or a later one).
          expect(parsed.version).toBeGreaterThanOrEqual(lastReported);
          expect(parsed.version).toBeLessThanOrEqual(lastReported + 1);
          return { lastReported, onDisk: parsed.version };
        }),
      );
      outcomes.push(...results);
    }

    expect(outcomes).toHaveLength(CHILDREN);
    // The test only means something if children replaced the file before dying
    // and some died mid-write (a kill before the rename leaves its temp file).
    const replaced = outcomes.filter((outcome) => outcome.onDisk > 0).length;
    expect(replaced).toBeGreaterThanOrEqual(5);
    expect((await tempFilesIn(dir)).length).toBeGreaterThan(0);
  }, 60_000);
});
