/**
 * `library add | list | remove`, `search --all` and `--report` as a user runs
 * them: child processes against temp data folders, with the same services as
 * the app (and the same worker for reading a file). Runs that do not depend
 * on each other start at once; each spawn costs about a second.
 */
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataFolder } from '../../../src/services/storage/folder-access';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { snapshot } from '../annotations/snapshot';
import { encryptedPdf } from '../formats/bad-files';
import { makeDocx, reportLines } from '../formats/fixtures';
import { runAll, runCli as runProcess, type Run } from '../../support/run-cli';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { otherReportText } from './helpers';
import { RAW, revise } from '../editions/fixtures';
import { ERROR_MESSAGES } from '../../../src/core/formats/errors';

function runCli(args: string[]): Promise<Run> {
  // An empty READER_DATA_DIR: the caller's own setting must not leak into the test.
  return runProcess(args, { env: { READER_DATA_DIR: '' } });
}

const lines = (run: Run) =>
  run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

let temp: string;
let data: string;
const path = (name: string) => join(temp, name);
const dataArgs = () => ['--data-dir', data];

beforeAll(async () => {
  temp = await makeTempDir('library-cli');
  data = path('data');
  await writeFile(path('jiangbei.docx'), makeDocx(reportLines(otherReportText())));
  await writeFile(path('jiangbei.txt'), otherReportText());
  await writeFile(path('locked.pdf'), encryptedPdf());
  // 3 GB with no blocks behind them: said to be too large by its size, never read.
  await writeFile(path('huge.pdf'), '');
  await truncate(path('huge.pdf'), 3 * 1024 ** 3);
  await writeFile(
    path('bundled.txt'),
    await readFile(
      new URL('../../../resources/haishu-2018-government-work-report.txt', import.meta.url),
    ),
  );
}, 30_000);

afterAll(() => removeTempDir(temp));

describe('library add and list', () => {
  let added: Run;
  let again: Run;
  let bundled: Run;
  let list: Run;

  beforeAll(async () => {
    added = await runCli(['library', 'add', path('jiangbei.docx'), ...dataArgs()]);
    ({ again, bundled } = await runAll({
      again: runCli(['library', 'add', path('jiangbei.txt'), ...dataArgs()]),
      bundled: runCli(['library', 'add', path('bundled.txt'), ...dataArgs()]),
    }));
    list = await runCli(['library', 'list', ...dataArgs()]);
  }, 60_000);

  it('add prints { id, title, added } and keeps the app’s copy', async () => {
    expect(added.code, added.stderr).toBe(0);
    const [line] = lines(added);
    expect(line).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      title: '2019年江北区政府工作报告',
      added: true,
    });
    const id = line.id as string;
    const copy = await readFile(join(data, 'library', id, id, 'source.docx'));
    expect(copy).toEqual(await readFile(path('jiangbei.docx')));
  });

  it('the same text again, in another format, is the same report: added false', () => {
    expect(again.code, again.stderr).toBe(0);
    expect(lines(again)).toEqual([{ ...lines(added)[0], added: false }]);
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(lines(bundled)).toEqual([
      { id: BUNDLED_REPORT_ID, title: '2018年海曙区政府工作报告', added: false },
    ]);
  });

  it('list prints one line per report, the bundled one first and marked', () => {
    expect(list.code, list.stderr).toBe(0);
    expect(lines(list)).toEqual([
      {
        id: BUNDLED_REPORT_ID,
        title: '2018年海曙区政府工作报告',
        occasion: '2018年2月7日在海曙区第十一届人民代表大会第二次会议上',
        date: '2018-02-07',
        bundled: true,
      },
      {
        id: lines(added)[0].id,
        title: '2019年江北区政府工作报告',
        occasion: '2019年1月8日在江北区第十一届人民代表大会第二次会议上',
        date: '2019-01-08',
      },
    ]);
  });
});

describe('library add of another edition of a report on the shelf', () => {
  let runs: Record<string, Run>;
  let list: Run;
  const editionArgs = () => ['--data-dir', path('edition-data')];

  beforeAll(async () => {
    const final = revise(RAW);
    await writeFile(path('final.txt'), final);
    await writeFile(path('final-2.txt'), final.replace('新增停车位 5000 个', '新增停车位 6000 个'));
    // One after another: each takes the folder's lock.
    runs = {
      edition: await runCli(['library', 'add', path('final.txt'), ...editionArgs()]),
      apart: await runCli([
        'library',
        'add',
        path('final-2.txt'),
        '--as',
        'report',
        ...editionArgs(),
      ]),
      badAs: await runCli(['library', 'add', path('final.txt'), '--as', 'both', ...editionArgs()]),
    };
    list = await runCli(['library', 'list', ...editionArgs()]);
  }, 60_000);

  it('becomes its new edition unless told otherwise: "edition": true, and how the notes fared', () => {
    expect(runs.edition.code, runs.edition.stderr).toBe(0);
    expect(lines(runs.edition)).toEqual([
      { id: BUNDLED_REPORT_ID, title: '2018年海曙区政府工作报告', added: true, edition: true },
    ]);
    expect(runs.edition.stderr).toBe(
      '提示：作为《2018年海曙区政府工作报告》的新版本加入（现为当前版本，原版本保留）。没有批注。\n',
    );
  });

  it('--as report keeps it apart; --as takes nothing else', () => {
    expect(runs.apart.code, runs.apart.stderr).toBe(0);
    const [line] = lines(runs.apart);
    expect(line).toMatchObject({ added: true, title: '2018年海曙区政府工作报告' });
    expect(line.id).not.toBe(BUNDLED_REPORT_ID);
    expect(line.edition).toBeUndefined();
    expect(runs.badAs.code).toBe(1);
    expect(runs.badAs.stderr).toMatch('--as 只能是 edition 或 report，不是 both');
  });

  it('list counts the editions of a report that has more than one', () => {
    expect(list.code, list.stderr).toBe(0);
    const [bundled, apart] = lines(list);
    expect(bundled).toMatchObject({ id: BUNDLED_REPORT_ID, editions: 2 });
    expect(apart.editions).toBeUndefined();
  });
});

describe('what library refuses', () => {
  let runs: Record<string, Run>;
  let before: Record<string, string>;

  beforeAll(async () => {
    before = await snapshot(data);
    runs = await runAll({
      locked: runCli(['library', 'add', path('locked.pdf'), ...dataArgs()]),
      missing: runCli(['library', 'add', path('nope.pdf'), ...dataArgs()]),
      huge: runCli(['library', 'add', path('huge.pdf'), ...dataArgs()]),
      removeBundled: runCli(['library', 'remove', BUNDLED_REPORT_ID, ...dataArgs()]),
      removePath: runCli(['library', 'remove', '../../etc', ...dataArgs()]),
      noSub: runCli(['library', ...dataArgs()]),
      badSub: runCli(['library', 'delete', 'x', ...dataArgs()]),
      exportPath: runCli(['export', '--format', 'md', '--report', '../x', ...dataArgs()]),
    });
    // After the others: it takes the folder's lock, as the add above does.
    runs.removeUnknown = await runCli(['library', 'remove', 'ffffffffffffffff', ...dataArgs()]);
  }, 60_000);

  it('a bad file: one sentence, exit 1, the folder as it was', async () => {
    expect(runs.locked.code).toBe(1);
    expect(runs.locked.stderr).toBe(`错误：${ERROR_MESSAGES['pdf-encrypted']}\n`);
    expect(runs.missing.code).toBe(1);
    // Where the file went, and what to do about it: one sentence.
    expect(runs.missing.stderr).toMatch(/^错误：找不到文件：.*nope\.pdf，请[^。\n]*。\n?$/u);
    expect(runs.huge.code).toBe(1);
    expect(runs.huge.stderr).toBe(`错误：${ERROR_MESSAGES['too-large']}\n`);
    expect(await snapshot(data)).toEqual(before);
  });

  it('the bundled report cannot be removed: exit 1 and why', () => {
    expect(runs.removeBundled.code).toBe(1);
    expect(runs.removeBundled.stderr).toBe('错误：内置报告不能移除。\n');
    expect(runs.removeUnknown.code).toBe(1);
    expect(runs.removeUnknown.stderr).toMatch(/书架上没有这份报告/);
    expect(runs.removePath.code).toBe(1);
    expect(runs.exportPath.code).toBe(1);
    expect(runs.exportPath.stderr).toMatch(/不是有效的报告编号/);
  });

  it('library alone or with an unknown word says what it takes', () => {
    expect(runs.noSub.code).toBe(1);
    expect(runs.noSub.stderr).toMatch(/library 需要 add、list 或 remove/);
    expect(runs.badSub.stderr).toMatch(/library 不认识 delete/);
  });
});

describe('search --all, --report, remove', () => {
  let id: string;
  let runs: Record<string, Run>;

  beforeAll(async () => {
    id = lines(await runCli(['library', 'list', ...dataArgs()]))[1].id as string;
    const imported = path('notes.json');
    await writeFile(
      imported,
      JSON.stringify([
        {
          id: 'n1',
          target: { selector: { type: 'TextQuoteSelector', exact: '江北区' } },
          body: '问一下',
        },
      ]),
    );
    const importRun = await runCli(['import', imported, '--report', id, ...dataArgs()]);
    expect(importRun.code, importRun.stderr).toBe(0);
    runs = await runAll({
      all: runCli(['search', '江北区', '--all', ...dataArgs()]),
      both: runCli(['search', '区人民政府', '--all', ...dataArgs()]),
      exported: runCli(['export', '--format', 'json', '--report', id, ...dataArgs()]),
      bundledExport: runCli(['export', '--format', 'json', ...dataArgs()]),
      anchor: runCli(['anchor', '--report', id, ...dataArgs()]),
      allWithFile: runCli(['search', '江北区', '--all', '--file', path('jiangbei.txt')]),
    });
  }, 60_000);

  it('search --all finds across reports; each hit names its report', () => {
    expect(runs.all.code, runs.all.stderr).toBe(0);
    const [answer] = lines(runs.all) as { query: string; hits: Record<string, unknown>[] }[];
    expect(answer.query).toBe('江北区');
    expect(answer.hits.length).toBeGreaterThan(0);
    for (const hit of answer.hits) {
      expect(hit).toMatchObject({
        report: id,
        block: expect.any(String),
        snippet: expect.stringContaining('江北区'),
      });
    }
    const [both] = lines(runs.both) as { hits: { report: string }[] }[];
    expect(new Set(both.hits.map((hit) => hit.report))).toEqual(new Set([id, BUNDLED_REPORT_ID]));
    expect(runs.allWithFile.code).toBe(1);
  });

  it('--report picks the report whose notes export and anchor read; the default is the bundled one', () => {
    expect(runs.exported.code, runs.exported.stderr).toBe(0);
    expect(JSON.parse(runs.exported.stdout).total).toBe(1);
    expect(JSON.parse(runs.bundledExport.stdout).total).toBe(0);
    expect(lines(runs.anchor)).toEqual([
      { id: 'n1', status: 'exact', block: expect.any(String), text: '江北区' },
    ]);
  });

  it('remove takes it off the shelf and says its notes are kept; adding it again brings them back', async () => {
    const removed = await runCli(['library', 'remove', id, ...dataArgs()]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stderr).toMatch(
      /已移出书架：2019年江北区政府工作报告（其副本和 1 条批注、0 个书签仍保留/,
    );
    expect(lines(await runCli(['library', 'list', ...dataArgs()]))).toHaveLength(1);
    const back = await runCli(['library', 'add', path('jiangbei.txt'), ...dataArgs()]);
    expect(lines(back)).toEqual([{ id, title: '2019年江北区政府工作报告', added: true }]);
    expect(back.stderr).toMatch(/已放回，连同 1 条批注/);
  }, 30_000);

  it('another command holding the folder is waited for, however long its add takes', async () => {
    // Another `library add` reading a long PDF on a busy machine: more than a moment.
    const other = await openDataFolder(data, { app: 'cli' });
    const waiting = runCli(['library', 'add', path('jiangbei.txt'), ...dataArgs()]);
    // Longer than the child takes to start and then wait its first moment (2 s).
    await new Promise((resolve) => setTimeout(resolve, 9_000));
    await other.release();
    const add = await waiting;
    expect(add.code, add.stderr).toBe(0);
    expect(lines(add)).toEqual([{ id, title: '2019年江北区政府工作报告', added: false }]);
  }, 30_000);

  it('a folder the app holds refuses add and remove with exit 75', async () => {
    const app = await openDataFolder(data, { app: 'browser' });
    try {
      const busy = await runAll({
        add: runCli(['library', 'add', path('jiangbei.txt'), ...dataArgs()]),
        remove: runCli(['library', 'remove', id, ...dataArgs()]),
        list: runCli(['library', 'list', ...dataArgs()]),
      });
      expect(busy.add.code).toBe(75);
      expect(busy.add.stderr).toMatch(
        /正在使用这个数据文件夹，添加报告没有进行：请先关闭它再添加报告/,
      );
      expect(busy.remove.code).toBe(75);
      // Listing only reads: it works while the app runs.
      expect(busy.list.code).toBe(0);
    } finally {
      await app.release();
    }
  }, 30_000);
});
