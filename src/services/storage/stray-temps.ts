/**
 * Housekeeping after a crash: the atomic writer's temp files
 * (`.<file>.<12 hex>.tmp`, beside the file they were for) that a killed
 * process never renamed. Only the folder's lock holder calls this, so no
 * other process can be in the middle of writing one.
 */
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The files in `dir` whose names `pattern` matches, removed; returns their names. */
export async function removeTempsIn(dir: string, pattern: RegExp): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const stray = names.filter((name) => pattern.test(name));
  await Promise.all(stray.map((name) => unlink(join(dir, name)).catch(() => undefined)));
  return stray;
}

/** The temp files left for `file` and its companions (`.bak`, quarantine …); returns their names. */
export function removeStrayTemps(file: string): Promise<string[]> {
  return removeTempsIn(
    dirname(file),
    new RegExp(`^\\.${escapeRegExp(basename(file))}(\\.[^/\\\\]+)?\\.[0-9a-f]{12}\\.tmp$`),
  );
}
