/** Where the project's own files are, for the CLI, the build script and browser mode. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUNDLED_REPORT = join(
  PROJECT_ROOT,
  'resources',
  'haishu-2018-government-work-report.txt',
);
export const OUT_DIR = join(PROJECT_ROOT, 'out');
export const BUILT_DATA_DIR = join(OUT_DIR, 'data');
export const RENDERER_DIR = join(OUT_DIR, 'renderer');
