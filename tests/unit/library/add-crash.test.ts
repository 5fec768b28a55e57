/**
 * An add killed midway (kill -9 of `library add`, a real child process) and
 * the next start: the folder it made and its temp files are cleared under
 * the folder's lock, the reader is told once, and nothing else is touched (a
 * listed report, the bundled report's notes, the quarantine).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { watch } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEBRIS_NOTICE } from '../../../src/services/library/add-debris';
import { openDataFolder } from '../../../src/services/storage/folder-access';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { makeDocx, reportLines } from '../formats/fixtures';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { ok, openLibrary, otherReportText, utf8 } from './helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let temp: string;
let data: string;
beforeEach(async () => {
  temp = await makeTempDir('add-crash');
  data = join(temp, 'data');
});
afterEach(() => removeTempDir(temp));

/** Every file under `dir`, relative, with its bytes. */
async function filesUnder(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(dir, path), (await readFile(path)).toString('base64'));
  }
  return found;
}

/** A Word file of another report, made large by a picture it carries: its copy takes a while to write. */
function largeDocx(): Uint8Array {
  const parts = unzipSync(makeDocx(reportLines(otherReportText('北仑'))));
  return zipSync(
    { ...parts, 'word/media/image1.bin': randomBytes(60 * 1024 * 1024) },
    { level: 0 },
  );
}

/** `library add FILE`, killed with SIGKILL as soon as it makes its report's folder. */
function addKilledMidway(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const library = join(data, 'library');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', 'library', 'add', file, '--data-dir', data],
      { cwd: ROOT, stdio: 'ignore', env: { ...process.env, READER_DATA_DIR: '' } },
    );
    const watcher = watch(library, () => child.kill('SIGKILL'));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      watcher.close();
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the add was not killed midway (exit ${code})`));
    });
  });
}

/** The data folder with a report of the reader's own on the shelf; answers its id. */
async function withOwnReport(bookmarkBundled = false): Promise<string> {
  const services = await openLibrary(data);
  const { report } = ok(
    await services.handlers.addReport({ fileName: '江北.txt', bytes: utf8(otherReportText()) }),
  );
  if (bookmarkBundled) {
    ok(await services.handlers.createBookmark({ report: BUNDLED_REPORT_ID, block: 'b8' }));
  }
  await services.flush();
  return report.id;
}

describe('an add killed midway', () => {
  it('leaves nothing behind after the next start, and touches nothing else', async () => {
    // The data folder as a reader has it: a report of their own, notes on the bundled one, a quarantine.
    const kept = await withOwnReport(true);
    await mkdir(join(data, 'quarantine'), { recursive: true });
    await writeFile(join(data, 'quarantine', 'kept-by-reader.json'), '{"a":1}');
    const untouched = await filesUnder(data);

    const file = join(temp, '北仑.docx');
    await writeFile(file, largeDocx());
    await addKilledMidway(file);

    // The kill left an unlisted folder behind (what this test is about).
    const left = (await readdir(join(data, 'library'))).filter((name) => name !== kept);
    expect(left).toHaveLength(1);
    const listed = JSON.parse(await readFile(join(data, 'library.json'), 'utf8')) as {
      library: { reports: { id: string }[] };
    };
    expect(listed.library.reports.map((report) => report.id)).not.toContain(left[0]);

    // The next start: the app takes the folder (the killed add's lock is stale) and tidies.
    const access = await openDataFolder(data, { app: 'desktop' });
    expect(access.readOnlyReason).toBeNull();
    const services = await openLibrary(data, { access });
    expect(ok(await services.handlers.getNotices(undefined))).toContain(DEBRIS_NOTICE);
    await services.flush();
    await access.release();

    const after = await filesUnder(data);
    const debris = [...after.keys()].filter((path) => !untouched.has(path));
    expect(debris.filter((path) => path !== 'reader.lock')).toEqual([]);
    for (const [path, bytes] of untouched) expect(after.get(path), path).toBe(bytes);
    // Adding it again works as if nothing had happened.
    const again = await openLibrary(data);
    const added = ok(
      await again.handlers.addReport({ fileName: '北仑.docx', bytes: await readFile(file) }),
    );
    expect(added.added).toBe(true);
    expect(ok(await again.handlers.getNotices(undefined))).not.toContain(DEBRIS_NOTICE);
  }, 120_000);
});

describe('what the start clears, and what it never does', () => {
  it('an edition an add never finished goes; a folder with a document, or with notes, stays', async () => {
    const id = await withOwnReport();
    const reportDir = join(data, 'library', id);
    // A new edition killed while its copy was written; another whose document got written.
    await mkdir(join(reportDir, 'half-edition'), { recursive: true });
    await writeFile(join(reportDir, 'half-edition', '.source.txt.0123456789ab.tmp'), 'half');
    await mkdir(join(reportDir, 'whole-edition'), { recursive: true });
    await writeFile(join(reportDir, 'whole-edition', 'document.json'), '{}');
    // A report the index lost, whose notes are still there; and a stray temp beside a listed copy.
    await mkdir(join(data, 'library', 'noted', 'noted'), { recursive: true });
    await mkdir(join(data, 'reports'), { recursive: true });
    await writeFile(join(data, 'reports', 'noted.json'), '{}');
    await writeFile(join(reportDir, id, '.search-index.json.0123456789ab.tmp'), 'half');

    const next = await openLibrary(data);
    expect(ok(await next.handlers.getNotices(undefined))).toContain(DEBRIS_NOTICE);
    expect((await readdir(reportDir)).sort()).toEqual([id, 'whole-edition'].sort());
    expect(await readdir(join(reportDir, id))).not.toContain('.search-index.json.0123456789ab.tmp');
    expect(await readdir(join(data, 'library'))).toContain('noted');
    expect(ok(await next.handlers.getDocument({ report: id })).version).toBe(id);
  });

  it('a folder another process holds is not tidied', async () => {
    await mkdir(join(data, 'library', 'half', 'half'), { recursive: true });
    const holder = await openDataFolder(data, { app: 'desktop' });
    const reader = await openDataFolder(data, { app: 'browser' });
    const services = await openLibrary(data, { access: reader });
    expect(ok(await services.handlers.getNotices(undefined))).not.toContain(DEBRIS_NOTICE);
    expect(await readdir(join(data, 'library'))).toContain('half');
    await holder.release();
  });
});
