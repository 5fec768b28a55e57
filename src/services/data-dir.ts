/**
 * Where user data lives. Electron uses its `userData` folder; browser mode and
 * the CLI use the same folder so both see the same notes. READER_DATA_DIR
 * overrides both (tests always set it). An empty variable counts as unset, as it
 * does for Chromium, so every entry point agrees on the folder.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { APP_NAME } from '../shared/app-name';

/** Electron names `userData` after package.json's productName. */
export const APP_DIR_NAME = APP_NAME;

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.READER_DATA_DIR) return resolve(env.READER_DATA_DIR);
  if (platform === 'win32')
    return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}
