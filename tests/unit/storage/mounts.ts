/**
 * Folders that refuse writes the way a reader's disk does. As root (CI),
 * chmod does not stop a write, so a read-only folder is a read-only bind mount
 * and a full disk a small tmpfs; elsewhere, chmod makes a folder read-only.
 * Each returns the function that undoes it.
 */
import { execFileSync } from 'node:child_process';
import { chmod } from 'node:fs/promises';

export const isRoot = process.getuid?.() === 0;

const run = (...args: string[]) => execFileSync(args[0], args.slice(1), { stdio: 'pipe' });

export async function makeReadOnly(dir: string): Promise<() => Promise<void>> {
  if (!isRoot) {
    await chmod(dir, 0o555);
    return () => chmod(dir, 0o755);
  }
  run('mount', '--bind', dir, dir);
  run('mount', '-o', 'remount,bind,ro', dir);
  return async () => void run('umount', dir);
}

/** A disk of `size` (e.g. '512k') at `dir`: root only. */
export function mountSmallDisk(dir: string, size: string): () => Promise<void> {
  run('mount', '-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir);
  return async () => void run('umount', dir);
}
