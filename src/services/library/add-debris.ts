/**
 * What an add killed midway (kill -9, a power cut) leaves under `library/`:
 * the atomic writer's temp files, and a folder the add made but never listed
 * (the copy half-written, or whole but its document never written). The add
 * never answered, so the reader was never told the report is there; its file
 * is still where they picked it. Called once at start, after the unlisted
 * reports that are whole were put back (library-recovery.ts), and only by
 * the folder's lock holder: no other process can be mid-add.
 *
 * What is never touched: a listed report's files (only stray temps beside
 * them go), the notes under `reports/` and `quarantine/` (outside `library/`),
 * and any folder holding a document.json, whole or damaged: that is a kept
 * edition (an index restored from its .bak may not list it yet), not debris.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { removeTempsIn } from '../storage/stray-temps';
import { join } from 'node:path';
import { userDataPath } from '../user-data/user-data-file';
import type { LibraryStore } from './library-store';
import { DOCUMENT_FILE, LIBRARY_DIR } from './report-folder';

/** The atomic writer's temp name (`.<file>.<12 hex>.tmp`), and an upload's (report-upload.ts). */
const TEMP = /^\..+\.[0-9a-f]{12}\.tmp$/;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const DEBRIS_NOTICE =
  '上次添加报告时程序意外中断，留下的未完成文件已清理；如书架上没有那份报告，请重新添加它。';

const namesIn = (dir: string) => readdir(dir).catch(() => [] as string[]);
const isDir = (path: string) =>
  stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Removes the stray temps in `dir`; answers how many. */
const removeTemps = async (dir: string) => (await removeTempsIn(dir, TEMP)).length;

/** An edition folder an add made and never got past writing the copy: no document in it. */
async function unfinished(dir: string): Promise<boolean> {
  return !(await exists(join(dir, DOCUMENT_FILE)));
}

/**
 * Clears what killed adds left; answers the notice to show (one, or none
 * when there was nothing). A report id with a notes file belonged to a
 * report once: its folder is left alone.
 */
export async function clearAddDebris(dataDir: string, library: LibraryStore): Promise<string[]> {
  const root = join(dataDir, LIBRARY_DIR);
  let cleared = await removeTemps(root);
  for (const report of await namesIn(root)) {
    const reportDir = join(root, report);
    if (!ID.test(report) || !(await isDir(reportDir))) continue;
    const entry = library.get(report);
    const editions = (await namesIn(reportDir)).filter((name) => ID.test(name));
    cleared += await removeTemps(reportDir);
    if (!entry) {
      // A report's folder is the add's when none of its editions got a document.
      const all = await Promise.all(editions.map((name) => unfinished(join(reportDir, name))));
      if (all.every(Boolean) && !(await exists(userDataPath(dataDir, report)))) {
        await rm(reportDir, { recursive: true, force: true });
        cleared += 1;
        continue;
      }
    }
    for (const edition of editions) {
      const dir = join(reportDir, edition);
      if (!(await isDir(dir))) continue;
      cleared += await removeTemps(dir);
      const listed = entry?.editions.some((known) => known.id === edition) === true;
      if (entry && !listed && (await unfinished(dir))) {
        await rm(dir, { recursive: true, force: true });
        cleared += 1;
      }
    }
  }
  return cleared > 0 ? [DEBRIS_NOTICE] : [];
}
