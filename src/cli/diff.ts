/**
 * `diff OLD NEW`: what changed between two editions, one JSON line per
 * change, those touching stored annotations first. The stored annotations
 * (which belong to the bundled report today) are read, never written.
 */
import { resolve } from 'node:path';
import { readingAccess } from './services';
import { openUserData } from '../services/user-data/user-data-file';
import { defaultDataDir } from '../services/data-dir';
import { diffEditions } from '../core/editions/diff-editions';
import { reviewChanges } from '../core/editions/touched';
import { readOptions, SEE_HELP } from './options';
import { readReport } from './read-report';
import { UsageError } from './usage-error';

export const DIFF_USAGE = `  npm run -s cli -- diff OLD NEW [--data-dir DIR]  两个版本的修订对照：每处修改一行 JSON，
                                                  涉及批注的在前（annotations：批注编号）`;

export async function diffCommand(args: string[]): Promise<void> {
  const { flags, positional } = readOptions('diff', args, ['--data-dir']);
  if (positional.length !== 2) throw new UsageError(`diff 需要两个文件：旧版和新版${SEE_HELP}`);
  const [oldDocument, newDocument] = await Promise.all(positional.map(readReport));
  const given = flags.get('--data-dir');
  const dataDir = given === undefined ? defaultDataDir() : resolve(given);
  // Only reads, like export and anchor: no lock taken, nothing written.
  const file = await openUserData(dataDir, undefined, readingAccess(dataDir));
  for (const notice of file.notices) process.stderr.write(`提示：${notice}\n`);

  const diff = diffEditions(oldDocument, newDocument);
  const review = reviewChanges(diff, oldDocument, newDocument, {
    annotations: file.value.annotations,
    // The line lists annotations only, as documented.
    bookmarks: [],
  });
  for (const change of review.changes) {
    const annotations = change.touched.map((mark) => mark.id);
    const line = {
      kind: change.kind,
      ...(change.oldBlock !== undefined && { oldBlock: change.oldBlock }),
      ...(change.newBlock !== undefined && { newBlock: change.newBlock }),
      removed: change.removed,
      added: change.added,
      ...(annotations.length > 0 && { annotations }),
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  }
}
