/**
 * The 发言提纲 with its optional 数据摘录, as the contract answers it and as
 * `cli export --format md --data-excerpt` prints it: only when asked for,
 * holding exactly the figures the panel's filter keeps, and refused for JSON.
 */
import { bundledHandlers } from '../../support/report-handlers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataExcerpt } from '../../../src/core/figures/excerpt';
import { selectFigures } from '../../../src/core/figures/select';
import type { Result, ServiceHandlers } from '../../../src/shared/api';
import { runAll, runCli, type Run } from '../../support/run-cli';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { FIGURES, REPORT } from './helpers';

let dir: string;
let handlers: ServiceHandlers;
let runs: Record<string, Run> = {};

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}

beforeAll(async () => {
  dir = await makeTempDir('excerpt-export');
  handlers = await bundledHandlers(dir, REPORT);
  runs = await runAll({
    all: runCli(['export', '--format', 'md', '--data-dir', dir, '--data-excerpt', 'all']),
    target: runCli(['export', '--format', 'md', '--data-dir', dir, '--data-excerpt', 'target']),
    json: runCli(['export', '--format', 'json', '--data-dir', dir, '--data-excerpt', 'all']),
    bad: runCli(['export', '--format', 'md', '--data-dir', dir, '--data-excerpt', '目标']),
  });
}, 60_000);

afterAll(async () => {
  await removeTempDir(dir);
});

const EXCERPT_HEADING = '\n## 数据摘录\n';

describe('the 发言提纲 with a 数据摘录', () => {
  it('has none unless asked for', async () => {
    const plain = ok(await handlers.exportAnnotations({ format: 'md' })).content;
    expect(plain).not.toContain('数据摘录');
  });

  it('ends with the excerpt of every figure when asked with no filter', async () => {
    const notes = ok(await handlers.exportAnnotations({ format: 'md', dataExcerpt: {} })).content;
    const at = notes.indexOf(EXCERPT_HEADING);
    expect(at).toBeGreaterThan(0);
    expect(notes.slice(at + 1)).toBe(dataExcerpt(FIGURES, REPORT));
    expect(notes).toContain('共 109 个数字：实绩 54 个，目标 55 个。');
    expect(notes).toContain(
      '| 地区生产总值 | 增长 6.3%（一（一）第1段） | 增长 7%左右（二第3段） |',
    );
  });

  it('holds exactly the figures the filter keeps', async () => {
    const selection = { period: 'result', kind: 'money', query: '收入' } as const;
    const notes = ok(
      await handlers.exportAnnotations({ format: 'md', dataExcerpt: selection }),
    ).content;
    const kept = selectFigures(FIGURES, selection, REPORT);
    expect(kept).toHaveLength(4);
    expect(notes.slice(notes.indexOf(EXCERPT_HEADING) + 1)).toBe(dataExcerpt(kept, REPORT));
    expect(notes).toContain('- 财政总收入：163.84亿元（实绩 · 一（一）第1段）');
    expect(notes).not.toContain('地区生产总值');
  });

  it('is refused for JSON and for a filter the contract does not know', async () => {
    const json = await handlers.exportAnnotations({ format: 'json', dataExcerpt: {} });
    expect(json.ok).toBe(false);
    const unknown = await handlers.exportAnnotations({
      format: 'md',
      dataExcerpt: { period: 'later' },
    } as never);
    expect(unknown.ok).toBe(false);
  });
});

describe('cli export --data-excerpt', () => {
  it('appends the excerpt of every figure, or of one period', () => {
    expect(runs.all.code).toBe(0);
    expect(runs.all.stdout).toContain('共 109 个数字：实绩 54 个，目标 55 个。');
    expect(runs.target.code).toBe(0);
    expect(runs.target.stdout).toContain('## 数据摘录\n\n共 55 个数字：目标 55 个。');
    expect(runs.target.stdout).not.toContain('（实绩 · ');
  });

  it('says in one line what is wrong with a bad use', () => {
    for (const run of [runs.json, runs.bad]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(runs.json.stderr).toContain('--data-excerpt 只用于 --format md');
    expect(runs.bad.stderr).toContain('all、result、target、other');
  });
});
