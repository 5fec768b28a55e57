/**
 * Reports whose files are in the library's folder but not in its index: the
 * index was damaged with no good copy, or the app stopped between keeping a
 * file and listing it. They are put back on the shelf (the copy and the
 * document are there; a renamed title is lost), so a report never vanishes
 * because one file did.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EMPTY_VIEW, REPORT_FORMATS, type LibraryReport } from '../../shared/library';
import type { FileAccess } from '../storage/versioned-file';
import { describedBy, type LibraryStore } from './library-store';
import { LIBRARY_DIR, readEditionDocument, sha256OfBytes, sourceName } from './report-folder';
import { readFile } from 'node:fs/promises';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

async function entryFrom(dir: string, id: string): Promise<LibraryReport | null> {
  const read = await readEditionDocument(join(dir, id, id), id, false);
  if (read.status !== 'ok') return null;
  for (const format of REPORT_FORMATS) {
    const path = join(dir, id, id, sourceName(format));
    const bytes = await readFile(path).catch(() => null);
    if (!bytes) continue;
    const added = (await stat(path)).mtime.toISOString();
    return {
      id,
      ...describedBy(read.value),
      added,
      edition: id,
      editions: [
        {
          id,
          format,
          fileName: sourceName(format),
          bytes: bytes.length,
          sha256: sha256OfBytes(new Uint8Array(bytes)),
          added,
        },
      ],
      view: EMPTY_VIEW,
      counts: { annotations: 0, bookmarks: 0 },
    };
  }
  return null;
}

/** Puts unlisted reports back on the shelf; answers the notice to show, if any. */
export async function findUnlisted(
  dataDir: string,
  library: LibraryStore,
  access?: FileAccess,
): Promise<string[]> {
  const dir = join(dataDir, LIBRARY_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const found: LibraryReport[] = [];
  for (const name of names) {
    if (!ID.test(name) || library.get(name)) continue;
    const entry = await entryFrom(dir, name);
    if (entry) found.push(entry);
  }
  if (found.length === 0) return [];
  const titlesOf = (reports: LibraryReport[]) =>
    reports.map((report) => `《${report.title}》`).join('、');
  const notPutBack = (reports: LibraryReport[], why: string) =>
    `数据文件夹中有 ${reports.length} 份报告不在书架索引里（${titlesOf(reports)}），${why}，未能放回书架。`;
  // The folder, or the index itself (a newer version's), may not be written this session.
  if ((access?.readOnlyReason ?? null) !== null || library.readOnly) {
    return [notPutBack(found, '本次只读')];
  }
  const back: LibraryReport[] = [];
  const failed: LibraryReport[] = [];
  for (const entry of found) {
    const listed = await library.add(entry).then(
      () => true,
      () => false,
    );
    (listed ? back : failed).push(entry);
  }
  return [
    ...(back.length > 0
      ? [
          `书架索引中缺少 ${back.length} 份报告（${titlesOf(back)}），已按数据文件夹中保存的副本放回书架。`,
        ]
      : []),
    ...(failed.length > 0 ? [notPutBack(failed, '书架索引写入失败')] : []),
  ];
}
