/**
 * `cli export | import | anchor` as a user runs them: a child process against
 * temp data folders. The data is made in-process through the same handlers
 * the app uses; the spawns (about a second each) all start at once.
 */
import { bundledHandlers } from '../../support/report-handlers';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUserData } from '../../../src/services/user-data/user-data-file';
import type { ServiceHandlers, Result } from '../../../src/shared/api';
import type { Anchored, Annotation } from '../../../src/shared/user-data';
import { reportText } from '../report/helpers';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { REPORT, rangeOf } from './helpers';
import { snapshot } from './snapshot';
import { runAll, runCli as runProcess, type Run } from '../../support/run-cli';

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  // An empty READER_DATA_DIR: the caller's own setting must not leak into the test.
  return runProcess(args, { env: { READER_DATA_DIR: '', ...env } });
}

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}

/** A long quote that the edited report corrects by one character (修编 → 修订). */
const LONG = '突出规划先导作用，主动对接新一轮城市总规修编，深化重大区块专项规划';
const CORRECTED = LONG.replace('修编', '修订');
/** A quote inside a sentence the edited report deletes. */
const DELETED_SENTENCE =
  '加强海绵城市建设，姚江、奉化江堤防工程竣工，开工建设鄞江堤防整治等工程，加大积水点改造力度，深化调蓄池、风棚碶河和沿山干河整治工程前期。';
const GONE = '姚江、奉化江堤防工程竣工，开工建设鄞江堤防整治等工程';
const KEPT = '污水零直排区';

let temp: string;
let data: string;
let empty: string;
let made: Anchored<Annotation>[];
let before: Record<string, string>;
const runs: Record<string, Run> = {};

const path = (name: string) => join(temp, name);

beforeAll(async () => {
  temp = await makeTempDir('annotation-cli');
  data = path('data');
  empty = path('empty');
  const handlers: ServiceHandlers = await bundledHandlers(data, REPORT);
  made = [
    ok(await handlers.createAnnotation({ ...rangeOf(LONG), color: 'c3', note: '问进度' })),
    ok(await handlers.createAnnotation({ ...rangeOf(GONE), color: 'c1', tags: ['水利'] })),
    ok(await handlers.createAnnotation({ ...rangeOf(KEPT), color: 'c4' })),
  ];
  const json = ok(await handlers.exportAnnotations({ format: 'json' })).content;
  await writeFile(path('good.json'), json);
  const collection = JSON.parse(json) as { first: { items: object[] } };
  collection.first.items.splice(1, 0, { id: 'bad', type: 'Annotation', target: { source: 'x' } });
  await writeFile(path('bad.json'), JSON.stringify(collection));

  const raw = reportText();
  if (!raw.includes(LONG) || !raw.includes(DELETED_SENTENCE)) throw new Error('fixture moved');
  await writeFile(path('edited.txt'), raw.replace(LONG, CORRECTED).replace(DELETED_SENTENCE, ''));
  before = await snapshot(data);

  const pending: Record<string, Promise<Run>> = {
    md: runCli(['export', '--format', 'md', '--data-dir', data]),
    json: runCli(['export', '--format', 'json', '--data-dir', data]),
    mdOut: runCli(['export', '--format', 'md', '--data-dir', data, '--out', path('out')]),
    jsonOut: runCli(['export', '--format', 'json', '--out', path('out')], {
      READER_DATA_DIR: data,
    }),
    importGood: runCli(['import', path('good.json'), '--data-dir', empty]),
    importBad: runCli(['import', path('bad.json'), '--data-dir', data]),
    importMissing: runCli(['import', path('nope.json'), '--data-dir', data]),
    anchorBundled: runCli(['anchor', '--data-dir', data]),
    anchorEdited: runCli(['anchor', '--file', path('edited.txt')], { READER_DATA_DIR: data }),
    badFormat: runCli(['export', '--format', 'pdf', '--data-dir', data]),
    noFile: runCli(['import', '--data-dir', data]),
    unknownFlag: runCli(['anchor', '--verbose', 'yes', '--data-dir', data]),
  };
  Object.assign(runs, await runAll(pending));
}, 120_000);

afterAll(async () => {
  if (temp) await removeTempDir(temp);
});

const succeeded = (run: Run) => {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
};

function failedWith(run: Run, message: RegExp) {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^错误：/u);
  expect(lines[0]).toMatch(message);
}

describe('cli export', () => {
  it('--format md prints the 发言提纲 to stdout', () => {
    succeeded(runs.md);
    const md = runs.md.stdout;
    expect(md.startsWith('# 发言提纲：2018年海曙区政府工作报告\n')).toBe(true);
    expect(md).toContain(`**二（三）第2段** · 建议\n\n> ${LONG}\n\n问进度\n`);
    expect(md).toContain(`**二（三）第4段** · 重点\n\n> ${GONE}\n\n标签：水利\n`);
    expect(md).toContain(`> ${KEPT}`);
  });

  it('--format json prints the W3C collection of every annotation', () => {
    succeeded(runs.json);
    const collection = JSON.parse(runs.json.stdout) as {
      type: string;
      first: { items: { id: string }[] };
    };
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.items.map((item) => item.id)).toEqual(
      made.map((annotation) => `urn:uuid:${annotation.id}`),
    );
  });

  it('--out writes the sanitized name inside the folder and prints the path (READER_DATA_DIR honoured)', async () => {
    succeeded(runs.mdOut);
    succeeded(runs.jsonOut);
    const names = (await readdir(path('out'))).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toBe('2018年海曙区政府工作报告-发言提纲.md');
    expect(names[1]).toBe('2018年海曙区政府工作报告-批注.json');
    expect(runs.mdOut.stdout).toBe(join(path('out'), names[0]) + '\n');
    expect(runs.jsonOut.stdout).toBe(join(path('out'), names[1]) + '\n');
    // The same bytes as stdout gives, apart from the export time in the header.
    const written = await readFile(join(path('out'), names[1]), 'utf8');
    const withoutTime = (json: string) => json.replace(/"generated": "[^"]+"/u, '');
    expect(withoutTime(written)).toBe(withoutTime(runs.json.stdout));
  });

  it('a wrong format: exit 1, one line', () => {
    failedWith(runs.badFormat, /--format md 或 --format json/u);
  });
});

describe('cli import', () => {
  it('prints the import report and recreates the annotations in an empty folder', async () => {
    succeeded(runs.importGood);
    expect(JSON.parse(runs.importGood.stdout)).toEqual({
      added: 3,
      updated: 0,
      unchanged: 0,
      orphans: 0,
    });
    const imported = (await openUserData(empty)).value.annotations;
    expect(imported).toEqual(made.map(({ anchor: _anchor, ...stored }) => stored));
  });

  it('a bad file: exit 1, the bad item named, nothing changed', async () => {
    failedWith(runs.importBad, /第 2 条批注无效：缺少 TextQuoteSelector/u);
    failedWith(runs.importMissing, /找不到文件：.*nope\.json/u);
    failedWith(runs.noFile, /import 需要一个文件/u);
    // Nor did any export or anchor run write to the data folder.
    expect(await snapshot(data)).toEqual(before);
  });
});

describe('cli anchor', () => {
  const lines = (run: Run) =>
    run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as object);

  it('against the bundled report: every annotation exact, with its block and text', () => {
    succeeded(runs.anchorBundled);
    expect(lines(runs.anchorBundled)).toEqual([
      { id: made[0].id, status: 'exact', block: 'b31', text: LONG },
      { id: made[1].id, status: 'exact', block: 'b33', text: GONE },
      { id: made[2].id, status: 'exact', block: 'b11', text: KEPT },
    ]);
  });

  it('against an edited copy: a one-character correction is fuzzy, a deleted passage an orphan with no block', () => {
    succeeded(runs.anchorEdited);
    const [corrected, gone, kept] = lines(runs.anchorEdited);
    expect(corrected).toEqual({ id: made[0].id, status: 'fuzzy', block: 'b31', text: CORRECTED });
    expect(gone).toEqual({ id: made[1].id, status: 'orphan' });
    expect(kept).toEqual({ id: made[2].id, status: 'exact', block: 'b11', text: KEPT });
  });

  it('an unknown option: exit 1, one line', () => {
    failedWith(runs.unknownFlag, /anchor 不认识选项 --verbose/u);
  });
});
