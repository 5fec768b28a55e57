/** A bench run's results go to bench-results/, outside git; BENCHMARKS.md only on purpose. */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chosenParts } from '../../../bench/parts';
import {
  benchmarksFile,
  missedGoalNames,
  pageLoadGoals,
  parseGoals,
  replaceParts,
  runSection,
  verdictLines,
  type PartOutcome,
} from '../../../bench/report';
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

const parsePart = (missed: string[]): PartOutcome => ({
  id: 'parse',
  title: 'Parse',
  section: ['| shape | s/MB |', ''],
  goals: parseGoals(missed),
});

describe('the goals a run missed', () => {
  it('names a parse shape over its goal, as it names every other part’s', () => {
    expect(missedGoalNames([parsePart(['parse short lines: 1.40 s/MB'])])).toEqual([
      'parse short lines: 1.40 s/MB',
    ]);
    expect(missedGoalNames([parsePart([])])).toEqual([]);
    const section = runSection({
      date: new Date(0),
      machine: record('').machine,
      parts: [parsePart(['parse short lines: 1.40 s/MB'])],
    });
    expect(section).toContain('- Goals missed: parse short lines: 1.40 s/MB');
    expect(section).toContain('### Parse\n\n| shape | s/MB |');
  });
});

describe('the verdict', () => {
  const summary = (median: number) => ({ median, p95: median, runs: 1 });
  it('says each missed goal with what was measured, and which parts met all of theirs', () => {
    const pageLoad = {
      runs: 1,
      warmups: 0,
      timeline: '',
      rows: [
        {
          metric: 'interactive',
          unit: 'ms' as const,
          floor: summary(72),
          app: summary(184),
          goalRatio: 2,
        },
        { metric: 'JS heap after load', unit: 'MiB' as const, floor: summary(1), app: summary(9) },
      ],
    };
    const lines = verdictLines([
      { id: 'page-load', title: 'Page load', section: [], goals: pageLoadGoals(pageLoad) },
      // A part that judges nothing says nothing.
      { id: 'annotations', title: 'Annotations', section: [], goals: [] },
      {
        id: 'library',
        title: 'Library (书架)',
        section: [],
        goals: [{ goal: 'open from the 书架', measured: '0.9×', pass: true }],
      },
    ]);
    expect(lines).toEqual([
      'GOAL MISSED: interactive — measured app median 2.56× the floor (goal ≤ 2×).',
      'Library (书架): all goals met.',
    ]);
  });
});

describe('BENCH_ONLY', () => {
  it('takes one part or a comma-separated list, run in the table’s order', () => {
    expect(chosenParts(undefined).map((part) => part.id)).toEqual([
      'page-load',
      'search',
      'multisearch',
      'annotations',
      'parse',
      'figures',
      'figures-panel',
      'editions',
      'library',
    ]);
    expect(chosenParts('search').map((part) => part.id)).toEqual(['search']);
    expect(chosenParts('parse, search').map((part) => part.id)).toEqual(['search', 'parse']);
    expect(() => chosenParts('search,serach')).toThrow(/comma-separated list of page-load, search/);
    expect(() => chosenParts('search,')).toThrow(/BENCH_ONLY/);
  });

  it('every part has its own id and heading, and only the browser parts ask for a browser', () => {
    const parts = chosenParts(undefined);
    expect(new Set(parts.map((part) => part.id)).size).toBe(parts.length);
    expect(new Set(parts.map((part) => part.title)).size).toBe(parts.length);
    expect(parts.filter((part) => part.needs.browser).map((part) => part.id)).toEqual([
      'page-load',
      'figures-panel',
      'editions',
      'library',
    ]);
  });
});

describe('recording some parts alone (BENCH_RECORD with BENCH_ONLY)', () => {
  const full = [
    '# Benchmarks',
    '',
    'The method.',
    '',
    '## 2026-12-06T23:49:09.004Z',
    '',
    '- Machine: test CPU, 2 cores',
    '- Load average (1 min) at start: 10.93',
    '- Commit: 2935bf0',
    '- Parts: page load and search and parse',
    '- Goals missed: interactive',
    '',
    '### Page load',
    '',
    'old page-load table',
    '',
    '### Search',
    '',
    'old search table',
    '',
    '### Search across reports',
    '',
    'old multisearch table',
    '',
    '### Parse',
    '',
    'old parse table',
    '',
  ].join('\n');
  const search: PartOutcome = {
    id: 'search',
    title: 'Search',
    section: ['new search table', ''],
    goals: [{ goal: 'engine p95 ≤ scan p95', measured: '0.5×', pass: true }],
  };
  const machine = { ...record('').machine, commit: 'def5678', loadAverage: 3.25 };
  const at = new Date('2026-12-07T05:00:00.000Z');

  it('replaces only those sections, each saying its own date, commit and load', () => {
    const text = replaceParts(full, [search], at, machine, 'search');
    expect(text).toContain('old page-load table');
    expect(text).toContain('old multisearch table');
    expect(text).toContain('old parse table');
    expect(text).not.toContain('old search table');
    const searchAt = text.indexOf('### Search\n');
    const section = text.slice(searchAt, text.indexOf('### Search across reports'));
    expect(section).toContain('new search table');
    expect(section).toContain('BENCH_ONLY=search) at 2026-12-07T05:00:00.000Z');
    expect(section).toContain('- Commit: def5678');
    expect(section).toContain('- Load average (1 min) at start: 3.25');
    expect(section).toContain('- Goals missed: none');
    // The run's header keeps its own commit and load, and says which part was measured since.
    expect(text).toContain('- Commit: 2935bf0');
    expect(text).toContain(
      '- Measured since, on their own (each section says its machine and load): ' +
        'Search (2026-12-07T05:00:00.000Z, commit def5678)',
    );
    // The method above the run is untouched, and there is still one run.
    expect(text.startsWith('# Benchmarks\n\nThe method.\n\n## 2026-12-06T23:49:09.004Z')).toBe(
      true,
    );
    expect(text.match(/^## /gm)).toHaveLength(1);
  });

  it('a second partial record replaces its own again, the last section and a new one too', () => {
    const once = replaceParts(full, [search], at, machine, 'search');
    const later = new Date('2026-12-07T06:00:00.000Z');
    const twice = replaceParts(
      once,
      [
        { ...search, section: ['newer search table', ''] },
        { id: 'parse', title: 'Parse', section: ['new parse table', ''], goals: [] },
        { id: 'figures', title: 'Figures', section: ['figures table', ''], goals: [] },
      ],
      later,
      machine,
      'search,parse,figures',
    );
    expect(twice).not.toContain('new search table');
    expect(twice).toContain('newer search table');
    expect(twice).not.toContain('old parse table');
    expect(twice.match(/^### Search$/gm)).toHaveLength(1);
    expect(twice.match(/^### Parse$/gm)).toHaveLength(1);
    expect(twice.trimEnd().endsWith('figures table')).toBe(true);
    expect(twice).toContain('old multisearch table');
    const since = twice.split('\n').filter((line) => line.startsWith('- Measured since'));
    expect(since).toEqual([
      '- Measured since, on their own (each section says its machine and load): ' +
        'Search (2026-12-07T06:00:00.000Z, commit def5678); ' +
        'Parse (2026-12-07T06:00:00.000Z, commit def5678); ' +
        'Figures (2026-12-07T06:00:00.000Z, commit def5678)',
    ]);
  });
});
