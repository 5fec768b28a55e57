/**
 * The app started while another reader (the CLI adding a report) held the
 * data folder: read-only at first, then, once the holder lets go, the folder
 * is taken without a restart: at the reader's next change, or on a slow
 * timer. What the holder wrote meanwhile is kept: the services are opened
 * again over the folder, not switched to writable over their old copies.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeFolderWhenFree, type FolderReturn } from '../../../src/services/folder-return';
import { openDataFolder, type FolderAccess } from '../../../src/services/storage/folder-access';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { ok, openLibrary, otherReportText, refused, utf8 } from '../library/helpers';
import { makeTempDir, removeTempDir } from './helpers';

let dir: string;
let folder: FolderReturn | undefined;
beforeEach(async () => {
  dir = await makeTempDir('folder-return');
});
afterEach(async () => {
  folder?.stop();
  await folder?.access().release();
  await removeTempDir(dir);
});

/** The app's start while `holder` has the folder: read-only, waiting for it. */
async function startWhileHeld(everyMs: number) {
  const access = await openDataFolder(dir, { app: 'desktop' });
  expect(access.heldBy?.app).toBe('cli');
  const open = (held: FolderAccess) => openLibrary(dir, { access: held });
  folder = takeFolderWhenFree({
    dir,
    app: 'desktop',
    access,
    services: await open(access),
    open,
    everyMs,
  });
  return folder;
}

/** The CLI's `library add`: holds the folder, adds a report, lets go. */
async function cliAdds(holder: FolderAccess) {
  const cli = await openLibrary(dir, { access: holder });
  const added = ok(
    await cli.handlers.addReport({ fileName: '江北.txt', bytes: utf8(otherReportText()) }),
  );
  await cli.flush();
  await holder.release();
  return added.report.id;
}

describe('a folder another reader held at start', () => {
  it('is taken at the next change once the holder lets go, and what it added is kept', async () => {
    const holder = await openDataFolder(dir, { app: 'cli' });
    const { handlers } = await startWhileHeld(60_000);
    expect(
      refused(await handlers.createBookmark({ report: BUNDLED_REPORT_ID, block: 'b8' })),
    ).toMatch(/正在使用这个数据文件夹/);
    const added = await cliAdds(holder);

    // No timer has run: the change itself takes the folder, and is kept.
    ok(await handlers.createBookmark({ report: BUNDLED_REPORT_ID, block: 'b8' }));
    const notices = ok(await handlers.getNotices(undefined));
    expect(notices.join('')).not.toMatch(/正在使用这个数据文件夹/);
    expect(ok(await handlers.getLibrary(undefined)).reports.map((r) => r.id)).toContain(added);
    await folder!.services().flush();

    // On disk: the CLI's report and this window's bookmark, both.
    const after = await openLibrary(dir);
    expect(ok(await after.handlers.getLibrary(undefined)).reports.map((r) => r.id)).toContain(
      added,
    );
    expect(
      ok(await after.handlers.getUserData({ report: BUNDLED_REPORT_ID })).bookmarks,
    ).toHaveLength(1);
  });

  it('is taken on the timer too, with nothing asked, and the notes are writable then', async () => {
    const holder = await openDataFolder(dir, { app: 'cli' });
    const { handlers } = await startWhileHeld(50);
    expect(ok(await handlers.getUserData({ report: BUNDLED_REPORT_ID })).readOnly).toBe(true);
    await cliAdds(holder);
    for (let tries = 0; tries < 100; tries++) {
      if (!ok(await handlers.getUserData({ report: BUNDLED_REPORT_ID })).readOnly) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(ok(await handlers.getUserData({ report: BUNDLED_REPORT_ID })).readOnly).toBe(false);
    expect(folder!.access().readOnlyReason).toBeNull();
  });

  it('is not taken while the holder still has it', async () => {
    const holder = await openDataFolder(dir, { app: 'cli' });
    const { handlers, tryNow } = await startWhileHeld(60_000);
    expect(await tryNow()).toBe(false);
    expect(
      refused(await handlers.renameReport({ report: BUNDLED_REPORT_ID, title: '新名' })),
    ).toMatch(/正在使用/);
    await holder.release();
  });
});
