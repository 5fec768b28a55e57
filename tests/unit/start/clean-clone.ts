/**
 * A fresh copy of the project, as a new user has it right after `npm install`:
 * the sources, and node_modules with Electron's package but no Electron binary
 * (electron 45 installs none until first use). The other packages are linked,
 * not copied. Running `npm start` or `npm run serve` here builds into the
 * copy's own out/, so these tests never race the suite over ./out, and a
 * binary downloaded on a developer's machine cannot make them pass or fail.
 */
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-root';

/** What `npm install` and the build leave; never part of a clone. */
const NOT_IN_A_CLONE = new Set([
  '.git',
  'node_modules',
  'out',
  'dist',
  'test-results',
  'playwright-report',
]);
/** What Electron's installer writes into its package once it has downloaded a binary. */
const DOWNLOADED = ['dist', 'path.txt'];

export interface CleanClone {
  root: string;
  remove(): Promise<void>;
}

export async function makeCleanClone(): Promise<CleanClone> {
  const root = await mkdtemp(join(tmpdir(), 'reader-clone-'));
  for (const entry of await readdir(PROJECT_ROOT)) {
    if (NOT_IN_A_CLONE.has(entry)) continue;
    await cp(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
  }
  const modules = join(PROJECT_ROOT, 'node_modules');
  await mkdir(join(root, 'node_modules'));
  for (const entry of await readdir(modules)) {
    if (entry === 'electron') continue;
    // 'junction' lets Windows link folders without admin rights; POSIX ignores it.
    await symlink(join(modules, entry), join(root, 'node_modules', entry), 'junction');
  }
  const electron = join(modules, 'electron');
  const downloaded = new Set(DOWNLOADED.map((entry) => join(electron, entry)));
  await cp(electron, join(root, 'node_modules', 'electron'), {
    recursive: true,
    filter: (source) => !downloaded.has(source),
  });
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
