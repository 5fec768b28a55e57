/**
 * Finds an Electron binary without resolving the `electron` package, which
 * would try to download one (impossible on our build machines).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORM_BINARY } from '../../scripts/start/electron-download';
import { GET_ELECTRON_ADVICE } from '../../scripts/start/messages';

export function findElectronBinary(
  root: string,
  env = process.env,
): { path?: string; tried: string[] } {
  const tried: string[] = [];
  const binaryName = PLATFORM_BINARY[process.platform] ?? 'electron';
  if (env.ELECTRON_OVERRIDE_DIST_PATH)
    tried.push(join(env.ELECTRON_OVERRIDE_DIST_PATH, binaryName));
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (existsSync(pathFile)) {
    tried.push(
      join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()),
    );
  } else {
    tried.push(join(root, 'node_modules', 'electron', 'dist', binaryName));
  }
  return { path: tried.find((candidate) => existsSync(candidate)), tried };
}

/** Why the desktop tests skip, and how to get the binary: the advice `npm start` gives. */
export function skipNotice(tried: readonly string[]): string {
  return [
    `No Electron binary, so the desktop app tests are skipped (looked at ${tried.join(', ')}).`,
    ...GET_ELECTRON_ADVICE,
  ].join('\n');
}
