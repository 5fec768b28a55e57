/**
 * `cli diff OLD NEW` as a user runs it: a child process on files in a temp
 * folder, with annotations stored in a data folder through the app's own
 * storage. The spawns (about a second each) all start at once.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUserData } from '../../../src/services/user-data/user-data-file';
import { runAll, runCli as runProcess, type Run } from '../../support/run-cli';
import { snapshot } from '../annotations/snapshot';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { BOOKMARKS, EXPECTED, NOTES, RAW, relayout, revise } from './fixtures';

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  // An empty READER_DATA_DIR: the caller's own setting must not leak into the test.
  return runProcess(args, { env: { READER_DATA_DIR: '', ...env } });
}

let temp: string;
let data: string;
let before: Record<string, string>;
let runs: Record<string, Run> = {};
const path = (name: string) => join(temp, name);

beforeAll(async () => {
  temp = await makeTempDir('editions-cli');
  data = path('data');
  const file = await openUserData(data);
  await file.save({
    annotations: [NOTES.moved, NOTES.sentence, NOTES.beside, NOTES.kept],
    bookmarks: [BOOKMARKS.paragraph],
    terms: [],
  });
  await writeFile(path('old.txt'), RAW);
  await writeFile(path('new.txt'), revise(RAW));
  await writeFile(path('relaid.txt'), relayout(RAW));
  before = await snapshot(data);

  const pending: Record<string, Promise<Run>> = {
    revised: runCli(['diff', path('old.txt'), path('new.txt'), '--data-dir', data]),
    byEnv: runCli(['diff', path('old.txt'), path('new.txt')], { READER_DATA_DIR: data }),
    noNotes: runCli(['diff', path('old.txt'), path('new.txt'), '--data-dir', path('none')]),
    relaid: runCli(['diff', path('old.txt'), path('relaid.txt'), '--data-dir', data]),
    oneFile: runCli(['diff', path('old.txt')]),
    missing: runCli(['diff', path('old.txt'), path('nope.txt')]),
    badFlag: runCli(['diff', path('old.txt'), path('new.txt'), '--format', 'md']),
  };
  runs = await runAll(pending);
}, 120_000);

afterAll(async () => {
  if (temp) await removeTempDir(temp);
});

const lines = (run: Run) =>
  run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const CHANGES = EXPECTED;

describe('cli diff', () => {
  it('prints one JSON line per change, those touching stored annotations first', () => {
    expect(runs.revised.stderr).toBe('');
    expect(runs.revised.code).toBe(0);
    expect(lines(runs.revised)).toEqual([
      { ...CHANGES.sentence, annotations: ['a-sentence'] },
      { ...CHANGES.moved, annotations: ['a-moved'] },
      CHANGES.figure,
      CHANGES.reworded,
      CHANGES.paragraph,
      CHANGES.inserted,
    ]);
  });

  it('keeps the documented key order and nothing else on a line', () => {
    const first = runs.revised.stdout.split('\n')[0];
    expect(Object.keys(JSON.parse(first) as object)).toEqual([
      'kind',
      'oldBlock',
      'newBlock',
      'removed',
      'added',
      'annotations',
    ]);
  });

  it('reads the data folder from READER_DATA_DIR too', () => {
    expect(runs.byEnv.code).toBe(0);
    expect(runs.byEnv.stdout).toBe(runs.revised.stdout);
  });

  it('without stored annotations: every change, in the order of the new edition', () => {
    expect(runs.noNotes.code).toBe(0);
    expect(lines(runs.noNotes)).toEqual([
      CHANGES.figure,
      CHANGES.reworded,
      CHANGES.paragraph,
      CHANGES.inserted,
      CHANGES.sentence,
      CHANGES.moved,
    ]);
  });

  it('two files that differ only in layout print nothing', () => {
    expect(runs.relaid.stderr).toBe('');
    expect(runs.relaid.code).toBe(0);
    expect(runs.relaid.stdout).toBe('');
  });

  it('reads the stored annotations and writes nothing', async () => {
    expect(await snapshot(data)).toEqual(before);
  });

  it('bad arguments are one line on stderr and exit 1', () => {
    for (const [run, message] of [
      [runs.oneFile, /diff 需要两个文件/u],
      [runs.missing, /找不到文件：.*nope\.txt/u],
      [runs.badFlag, /diff 不认识选项 --format/u],
    ] as const) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^错误：[^\n]*\n$/u);
      expect(run.stderr).toMatch(message);
    }
  });
});
