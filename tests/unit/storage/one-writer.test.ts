/**
 * Several processes on one data folder, as a reader really runs them: two
 * browser-mode servers and the CLI's import at once, and a writer killed with
 * -9 thirty times. Before the folder lock, two servers lost half their
 * acknowledged writes (2,217 of 4,415) and an import printed {"added":2}
 * that the server's next save removed. Now a write is either kept or refused
 * with a message.
 */
import { forReport } from '../../support/report-handlers';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import type { ChildProcess } from 'node:child_process';
import { spawnWatched } from '../../support/watched-child';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openUserData } from '../../../src/services/user-data/user-data-file';
import { createReaderServices } from '../../../src/services/reader-services';
import { openDataFolder } from '../../../src/services/storage/folder-access';
import { LOCK_FILE } from '../../../src/services/storage/folder-lock';
import type { Result } from '../../../src/shared/api';
import { runCli } from '../../support/run-cli';
import {
  FAKE_DOCUMENT,
  fakeServiceHandlers,
  loadFakeSearchIndex,
  makeTempDir,
  removeTempDir,
} from './helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = ['--import', 'tsx', 'tests/support/data-folder-child.ts'];

let dir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await makeTempDir('one-writer');
});

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await removeTempDir(dir);
});

function startChild(dataDir: string, mode: 'serve' | 'write') {
  const watched = spawnWatched([...CHILD, dataDir, mode], ROOT);
  children.push(watched.child);
  return watched;
}

async function call(url: string, method: string, payload: unknown): Promise<Result<unknown>> {
  const response = await fetch(`${url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return (await response.json()) as Result<unknown>;
}

/** Two annotations as a W3C collection, for the CLI to import. */
async function importFile(): Promise<string> {
  const scratch = join(dir, 'scratch');
  const handlers = await fakeServiceHandlers(scratch);
  for (const note of ['导入一', '导入二']) {
    await handlers.createAnnotation({ start: 0, end: 2, color: 'c2', note });
  }
  const exported = await handlers.exportAnnotations({ format: 'json' });
  if (!exported.ok) throw new Error(exported.error);
  const file = join(dir, 'import.json');
  await writeFile(file, exported.value.content);
  return file;
}

const tempFiles = async (folder: string) =>
  (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.tmp'));

describe('two servers and the CLI on one data folder', () => {
  it('3 repeats: no acknowledged write is lost; the rest are refused with a message', async () => {
    const toImport = await importFile();
    const totals = { acknowledged: 0, refused: 0, lost: 0, importsRefused: 0 };
    for (let repeat = 0; repeat < 3; repeat++) {
      const dataDir = join(dir, `data-${repeat}`);
      const servers = [startChild(dataDir, 'serve'), startChild(dataDir, 'serve')];
      const started = (await Promise.all(servers.map((server) => server.firstLine()))).map(
        (line) => JSON.parse(line) as { url: string; readOnlyReason: string | null },
      );
      // Exactly one writes; the other says why it only reads.
      expect(started.filter((server) => server.readOnlyReason === null)).toHaveLength(1);
      const reader = started.find((server) => server.readOnlyReason !== null)!;
      expect(reader.readOnlyReason).toMatch(
        /^另一个报告阅读器（浏览器模式，进程 \d+）正在使用这个数据文件夹/,
      );

      const acknowledged = new Set<string>();
      const refusals: string[] = [];
      const writeTo = async (url: string, count: number) => {
        for (let n = 0; n < count; n++) {
          const answer = await call(url, 'createAnnotation', {
            report: BUNDLED_REPORT_ID,
            start: 0,
            end: 2,
            color: 'c1',
            // A note each: the same words highlighted again would answer the one highlight.
            note: `第 ${n} 条`,
          });
          if (answer.ok) acknowledged.add((answer.value as { id: string }).id);
          else refusals.push(answer.error);
        }
      };
      const [, , cli] = await Promise.all([
        writeTo(started[0].url, 150),
        writeTo(started[1].url, 150),
        runCli(['import', toImport, '--data-dir', dataDir], { env: { READER_DATA_DIR: '' } }),
      ]);
      // The import is refused while a server holds the folder, and says what to do.
      expect(cli.code).toBe(75);
      expect(cli.stdout).toBe('');
      expect(cli.stderr).toMatch(/正在使用这个数据文件夹，导入没有进行：请先关闭它再导入/);
      totals.importsRefused++;
      for (const refusal of refusals) expect(refusal).toMatch(/^另一个报告阅读器.*只读打开/);

      for (const server of servers) server.child.kill('SIGTERM');
      await Promise.all(servers.map((server) => server.closed));
      const onDisk = new Set((await openUserData(dataDir)).value.annotations.map((a) => a.id));
      const lost = [...acknowledged].filter((id) => !onDisk.has(id));
      expect(lost).toEqual([]);
      expect(acknowledged.size).toBe(150);
      expect(refusals).toHaveLength(150);
      // Both servers gave the folder back on the way out.
      expect(await readdir(dataDir)).not.toContain(LOCK_FILE);
      totals.acknowledged += acknowledged.size;
      totals.refused += refusals.length;
      totals.lost += lost.length;
    }
    console.log('two servers + CLI import, 3 repeats:', totals);
  }, 180_000);

  it('once the servers have closed, the same import goes through and is kept', async () => {
    const dataDir = join(dir, 'data');
    const run = await runCli(['import', await importFile(), '--data-dir', dataDir], {
      env: { READER_DATA_DIR: '' },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ added: 2 });
    const kept = (await openUserData(dataDir)).value.annotations.map((a) => a.note).sort();
    expect(kept).toEqual(['导入一', '导入二']);
    expect(await readdir(dataDir)).not.toContain(LOCK_FILE);
  }, 60_000);
});

describe('kill -9 thirty times', () => {
  it('every acknowledged annotation survives, and the next start leaves no temp files', async () => {
    const FOLDERS = 5;
    const ROUNDS_EACH = 6;
    const totals = {
      rounds: 0,
      acknowledged: 0,
      lost: 0,
      tempFilesLeftByKill: 0,
      tempFilesAfterStart: 0,
    };
    await Promise.all(
      Array.from({ length: FOLDERS }, async (_, folderIndex) => {
        const dataDir = join(dir, `killed-${folderIndex}`);
        const acknowledged = new Set<string>();
        for (let round = 0; round < ROUNDS_EACH; round++) {
          const writer = startChild(dataDir, 'write');
          expect(await writer.firstLine()).toBe('ready');
          await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 400));
          writer.child.kill('SIGKILL');
          expect((await writer.closed).signal).toBe('SIGKILL');
          for (const line of writer.output().split('\n')) {
            if (line.startsWith('ack ')) acknowledged.add(line.slice(4));
          }
          const reports = join(dataDir, 'reports');
          totals.tempFilesLeftByKill += (await tempFiles(reports)).length;

          // The next start: the lock of the killed process is taken over at once.
          const access = await openDataFolder(dataDir, { app: 'browser' });
          expect(access.readOnlyReason).toBeNull();
          const services = await createReaderServices({
            dataDir,
            document: FAKE_DOCUMENT,
            loadSearchIndex: loadFakeSearchIndex,
            access,
          });
          const view = await forReport(services.handlers).getUserData(undefined);
          if (!view.ok) throw new Error(view.error);
          const present = new Set(view.value.annotations.map((a) => a.id));
          const lost = [...acknowledged].filter((id) => !present.has(id));
          expect(lost).toEqual([]);
          const left = [...(await tempFiles(reports)), ...(await tempFiles(dataDir))];
          expect(left).toEqual([]);
          totals.tempFilesAfterStart += left.length;
          await access.release();
          totals.rounds++;
        }
        totals.acknowledged += acknowledged.size;
      }),
    );
    expect(totals.rounds).toBe(FOLDERS * ROUNDS_EACH);
    // Only meaningful if the writers got work done before dying.
    expect(totals.acknowledged).toBeGreaterThan(FOLDERS * ROUNDS_EACH);
    console.log('kill -9 ×30:', totals);
  }, 240_000);
});
