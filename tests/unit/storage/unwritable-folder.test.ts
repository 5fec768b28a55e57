/**
 * A read-only data folder and a full disk, made for real (a read-only bind
 * mount and a small tmpfs as root, as in CI): the reader still opens, shows
 * the data, and refuses changes with a plain Chinese message, never errno text.
 * The same faults injected per write are in annotations/user-data-file.test.ts.
 */
import { forReport } from '../../support/report-handlers';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userDataPath } from '../../../src/services/user-data/user-data-file';
import { createReaderServices } from '../../../src/services/reader-services';
import { openDataFolder, type FolderAccess } from '../../../src/services/storage/folder-access';
import type { ServiceHandlers, Result } from '../../../src/shared/api';
import type { UserDataView } from '../../../src/shared/user-data';
import { annotation, dataWith } from '../annotations/helpers';
import { snapshot } from '../annotations/snapshot';
import { runCli } from '../../support/run-cli';
import { FAKE_DOCUMENT, loadFakeSearchIndex, makeTempDir, removeTempDir } from './helpers';
import { isRoot, makeReadOnly, mountSmallDisk } from './mounts';

let dir: string;
const undo: (() => Promise<void>)[] = [];
const opened: FolderAccess[] = [];

beforeEach(async () => {
  dir = await makeTempDir('unwritable');
});

afterEach(async () => {
  for (const access of opened.splice(0)) await access.release();
  for (const step of undo.splice(0).reverse()) await step();
  await removeTempDir(dir);
});

const envelope = (data: unknown) => JSON.stringify({ schemaVersion: 1, data }, null, 2) + '\n';
/** Errno codes and Node's English texts; the data folder's own (random) path is left out first. */
const expectPlain = (message: string, dataDir: string) => {
  const text = message.split(dataDir).join('');
  expect(text).not.toMatch(/\bE[A-Z]{3,}\b/);
  expect(text).not.toMatch(/no space|read-only file system|permission denied|no such file/i);
};

async function open(dataDir: string): Promise<{ access: FolderAccess; handlers: ServiceHandlers }> {
  const access = await openDataFolder(dataDir, { app: 'browser' });
  opened.push(access);
  const { handlers } = await createReaderServices({
    dataDir,
    document: FAKE_DOCUMENT,
    loadSearchIndex: loadFakeSearchIndex,
    access,
  });
  return { access, handlers: forReport(handlers) };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const cli = (args: string[]) => runCli(args, { env: { READER_DATA_DIR: '' } });

describe('a read-only data folder', () => {
  it('with a damaged file and a good .bak: opens, shows the notes, refuses changes plainly, writes nothing', async () => {
    const dataDir = join(dir, 'data');
    const path = userDataPath(dataDir);
    await mkdir(join(dataDir, 'reports'), { recursive: true });
    await writeFile(path, '{"schemaVersion":1,"data":{"annot');
    await writeFile(`${path}.bak`, envelope(dataWith(annotation(1), annotation(2), annotation(3))));
    const before = await snapshot(dataDir);
    undo.push(await makeReadOnly(dataDir));

    const { access, handlers } = await open(dataDir);
    expect(access.readOnlyReason).toMatch(/^数据文件夹是只读的（/);
    const notices = value(await handlers.getNotices(undefined));
    expect(notices[0]).toBe(access.readOnlyReason);
    expect(notices[1]).toMatch(
      /已从上一份完好副本（\.bak）恢复（3 条批注）（本次只读，未写回）；损坏的文件未改动/,
    );
    const view: UserDataView = value(await handlers.getUserData(undefined));
    expect(view.annotations.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(view.readOnly).toBe(true);
    expect(view.readOnlyReason).toBe(access.readOnlyReason);

    const refused = await handlers.createAnnotation({ start: 0, end: 2, color: 'c1' });
    expect(refused).toEqual({ ok: false, error: access.readOnlyReason });
    for (const notice of [...notices, refused.ok ? '' : refused.error]) {
      expectPlain(notice, dataDir);
    }
    // Settings still change for this session (the font size, say), silently unsaved.
    expect(value(await handlers.updateSettings({ fontSize: 22 })).fontSize).toBe(22);
    expect(await snapshot(dataDir)).toEqual(before);
  });

  it('the CLI: anchor and export work (exit 0), import is refused with the plain reason', async () => {
    const dataDir = join(dir, 'data');
    const path = userDataPath(dataDir);
    await mkdir(join(dataDir, 'reports'), { recursive: true });
    await writeFile(path, 'damaged');
    await writeFile(`${path}.bak`, envelope(dataWith(annotation(1), annotation(2))));
    await writeFile(join(dir, 'import.json'), '[]');
    const before = await snapshot(dataDir);
    undo.push(await makeReadOnly(dataDir));

    const [anchor, exported, imported] = await Promise.all([
      cli(['anchor', '--data-dir', dataDir]),
      cli(['export', '--format', 'json', '--data-dir', dataDir]),
      cli(['import', join(dir, 'import.json'), '--data-dir', dataDir]),
    ]);
    expect(anchor.code).toBe(0);
    expect(anchor.stdout.trim().split('\n')).toHaveLength(2);
    expect(anchor.stderr).toMatch(/^提示：批注文件已损坏.*已从上一份完好副本/);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).first.items).toHaveLength(2);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/^错误：数据文件夹是只读的（/m);
    for (const run of [anchor, exported, imported]) expectPlain(run.stderr, dataDir);
    expect(await snapshot(dataDir)).toEqual(before);
  }, 60_000);

  it('a data folder that does not exist under a read-only parent: opens empty, says why', async () => {
    const parent = join(dir, 'parent');
    await mkdir(parent);
    undo.push(await makeReadOnly(parent));
    const { access, handlers } = await open(join(parent, '报告阅读器'));
    expect(access.readOnlyReason).toMatch(/^数据文件夹是只读的（/);
    expect(value(await handlers.getUserData(undefined)).annotations).toEqual([]);
    const refused = await handlers.createBookmark({ block: 'b3' });
    expect(refused.ok ? '' : refused.error).toMatch(/^数据文件夹是只读的/);
    expect(await readdir(parent)).toEqual([]);
  });
});

// As root (CI) only: a full disk cannot be made without a mount. The same
// fault injected into the writer runs everywhere, in user-data-file.test.ts.
describe.runIf(isRoot)('a full disk (a 1 MiB tmpfs)', () => {
  let disk: string;
  let dataDir: string;

  beforeEach(async () => {
    disk = join(dir, 'disk');
    await mkdir(disk);
    undo.push(mountSmallDisk(disk, '1m'));
    dataDir = join(disk, 'data');
    await mkdir(join(dataDir, 'reports'), { recursive: true });
    await writeFile(userDataPath(dataDir), envelope(dataWith(annotation(1), annotation(2))));
  });

  /** Fills the disk to the last byte. */
  async function fill(): Promise<string> {
    const filler = join(disk, 'filler');
    await writeFile(filler, '');
    const chunk = Buffer.alloc(4096, 1);
    try {
      for (;;) await writeFile(filler, chunk, { flag: 'a' });
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    return filler;
  }

  it('filling up while open: a change is refused with 磁盘已满, nothing is damaged, it works once there is room', async () => {
    const { access, handlers } = await open(dataDir);
    expect(access.readOnlyReason).toBeNull();
    const filler = await fill();
    const refused = await handlers.createAnnotation({
      start: 0,
      end: 2,
      color: 'c1',
      note: '很长的批注'.repeat(1000),
    });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error).toMatch(/^磁盘已满：改动没有保存，原有数据未受影响/);
    expectPlain(refused.ok ? '' : refused.error, dataDir);
    // What the reader sees is what is on disk; the file is whole; no temp file is left.
    expect(value(await handlers.getUserData(undefined)).annotations).toHaveLength(2);
    const onDisk = JSON.parse(await readFile(userDataPath(dataDir), 'utf8'));
    expect(onDisk.data.annotations).toHaveLength(2);
    expect((await readdir(join(dataDir, 'reports'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    await rm(filler);
    value(await handlers.createAnnotation({ start: 0, end: 2, color: 'c1' }));
    const after = JSON.parse(await readFile(userDataPath(dataDir), 'utf8'));
    expect(after.data.annotations).toHaveLength(3);
  });

  it('full before start: opens read-only, shows the data, refuses changes with 磁盘已满', async () => {
    await fill();
    const { access, handlers } = await open(dataDir);
    expect(access.readOnlyReason).toMatch(/^磁盘已满.*本次只读打开。$/);
    expect(value(await handlers.getNotices(undefined))[0]).toBe(access.readOnlyReason);
    expect(value(await handlers.getUserData(undefined)).annotations).toHaveLength(2);
    const refused = await handlers.createAnnotation({ start: 0, end: 2, color: 'c1' });
    expect(refused.ok ? '' : refused.error).toMatch(/^磁盘已满/);
    expect(await readdir(dataDir)).toEqual(['reports']);
  });
});
