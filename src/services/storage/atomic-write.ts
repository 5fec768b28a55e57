/**
 * Atomic, complete file writes. We measured that write-file-atomic and
 * atomically rename a truncated temp file over the good one when a write comes
 * up short (ENOSPC, quota) and report success. This writer checks every byte
 * count, fsyncs, and only then renames; any failure leaves the old file as it
 * was and rejects.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The parts of node:fs/promises the writer uses, so tests can inject faults. */
export interface WriterIo {
  open: typeof fs.open;
  rename: typeof fs.rename;
  unlink: typeof fs.unlink;
}

const realIo: WriterIo = { open: fs.open, rename: fs.rename, unlink: fs.unlink };

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  io: WriterIo = realIo,
): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await io.open(temp, 'wx', 0o600);
  try {
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, written);
      if (!(bytesWritten > 0)) {
        // A write that makes no progress is a full disk or quota by another name.
        const short: NodeJS.ErrnoException = new Error(
          `写入不完整：${written}/${bytes.length} 字节 (short write to ${temp})`,
        );
        short.code = 'ESHORTWRITE';
        throw short;
      }
      written += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    await io.rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await io.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** Makes the rename itself durable. Directories cannot be opened for fsync on Windows. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
