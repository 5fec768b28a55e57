/** A bench run's results go to bench-results/, outside git; BENCHMARKS.md only on purpose. */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benchmarksFile, missedGoalNames, runSection, verdictLines } from '../../../bench/report';
import {
  BENCHMARKS_FILE,
  RESULTS_DIR,
  recordRequested,
  saveRun,
  type RunRecord,
} from '../../../bench/results';
import { PROJECT_ROOT } from '../../../src/services/paths';
import { makeTempDir, removeTempDir } from '../storage/helpers';

const record = (date: string): RunRecord => ({
  date,
  machine: {
    cpu: 'test CPU',
    cores: 2,
    memoryGiB: 24,
    os: 'Linux',
    node: 'v20',
    commit: 'abc1234',
    loadAverage: 0.5,
  },
  goalsMissed: [],
});

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('bench-results');
});
afterEach(() => removeTempDir(dir));

describe('saveRun', () => {
  it('appends one JSON line per run and keeps the latest tables', async () => {
    await saveRun(record('2026-01-02T00:00:00.000Z'), '## second', dir);
    await saveRun(record('2026-01-03T00:00:00.000Z'), '## third', dir);
    const lines = (await readFile(join(dir, 'history.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as RunRecord).date)).toEqual([
      '2026-01-02T00:00:00.000Z',
      '2026-01-03T00:00:00.000Z',
    ]);
    expect(await readFile(join(dir, 'latest.md'), 'utf8')).toBe('## third\n');
  });
});

describe('where results live', () => {
  it('bench-results/ is ignored by git, and BENCHMARKS.md is not', () => {
    const ignored = (path: string) => {
      try {
        execFileSync('git', ['check-ignore', '-q', path], { cwd: PROJECT_ROOT });
        return true;
      } catch {
        return false;
      }
    };
    expect(ignored(join(RESULTS_DIR, 'history.jsonl'))).toBe(true);
    expect(ignored(BENCHMARKS_FILE)).toBe(false);
  });

  it('BENCHMARKS.md is the method, then one run, well under 64 KB', async () => {
    const text = await readFile(BENCHMARKS_FILE, 'utf8');
    // Nine parts now (40 KB held three): the bound is there to catch runs piling up, not to trim a part.
    expect(Buffer.byteLength(text)).toBeLessThan(64_000);
    expect(text.startsWith(benchmarksFile('').trimEnd())).toBe(true);
    expect(text.match(/^## \d{4}-\d\d-\d\dT/gm)).toHaveLength(1);
  });

  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['1', true],
  ])('BENCH_RECORD=%j asks for BENCHMARKS.md: %s', (value, asked) => {
    expect(recordRequested(value === undefined ? {} : { BENCH_RECORD: value })).toBe(asked);
  });
});

describe('the goals a run missed', () => {
  it('names a parse shape over its goal, as it names every other part’s', () => {
    const parse = { tables: '| shape | s/MB |', missed: ['parse short lines: 1.40 s/MB'] };
    expect(missedGoalNames({ parse })).toEqual(['parse short lines: 1.40 s/MB']);
    expect(missedGoalNames({ parse: { ...parse, missed: [] } })).toEqual([]);
    const section = runSection({ date: new Date(0), machine: record('').machine, parse });
    expect(section).toContain('- Goals missed: parse short lines: 1.40 s/MB');
  });
});

describe('the verdict', () => {
  const summary = (median: number) => ({ median, p95: median, runs: 1 });
  it('says each missed goal with what was measured, and which parts met all of theirs', () => {
    const lines = verdictLines({
      pageLoad: {
        runs: 1,
        warmups: 0,
        timeline: '',
        rows: [
          {
            metric: 'interactive',
            unit: 'ms',
            floor: summary(72),
            app: summary(184),
            goalRatio: 2,
          },
          { metric: 'JS heap after load', unit: 'MiB', floor: summary(1), app: summary(9) },
        ],
      },
      library: { table: '', goals: [{ goal: 'open from the 书架', measured: '0.9×', pass: true }] },
    });
    expect(lines).toEqual([
      'GOAL MISSED: interactive — measured app median 2.56× the floor (goal ≤ 2×).',
      'Library: all goals met.',
    ]);
  });
});
