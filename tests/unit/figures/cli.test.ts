/**
 * `cli figures` as a user runs it: the documented JSON shape for the bundled
 * report and for another file, the CSV, and one-line errors. The spawns
 * (about a second each) all start at once in beforeAll.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresCsv } from '../../../src/core/figures/csv';
import { runAll, runCli, type Run } from '../../support/run-cli';
import { FIGURES, REPORT, figuresOf, report } from './helpers';

const OTHER = report('2018年1月10日', '昆都仑区', [
  '一、2017年工作回顾',
  '全年完成地区生产总值580.5亿元，增长6.8%。',
  '二、2018年工作安排',
  '地区生产总值增长6.5%左右，力争实施重点项目50个以上。',
]);

let dir = '';
let runs: Record<string, Run> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'figures-cli-'));
  const other = join(dir, '昆都仑区 2018.txt');
  writeFileSync(other, OTHER.replace(/\n/g, '\r\n'));
  runs = await runAll({
    bundled: runCli(['figures']),
    csv: runCli(['figures', '--csv']),
    other: runCli(['figures', other]),
    twoFiles: runCli(['figures', other, other]),
    unknownFlag: runCli(['figures', '--json']),
    missing: runCli(['figures', '/nonexistent/report.txt']),
  });
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const KEYS = [
  'block',
  'start',
  'end',
  'text',
  'value',
  'unit',
  'qualifier',
  'indicator',
  'change',
  'period',
];

describe('cli figures', () => {
  it('prints { figures } for the bundled report: the extractor’s answer, in the documented shape', () => {
    const { code, stdout, stderr } = runs.bundled;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { figures: Record<string, unknown>[] };
    expect(Object.keys(printed)).toEqual(['figures']);
    expect(printed.figures).toEqual(JSON.parse(JSON.stringify(FIGURES)));
    for (const figure of printed.figures) {
      for (const key of Object.keys(figure)) expect(KEYS).toContain(key);
      expect(typeof figure.value).toBe('number');
      expect(['result', 'target', 'other']).toContain(figure.period);
    }
    const gdp = printed.figures.find((figure) => figure.text === '1164.48亿元');
    expect(gdp).toEqual({
      block: 'b8',
      start: expect.any(Number),
      end: expect.any(Number),
      text: '1164.48亿元',
      value: 1164.48,
      unit: '亿元',
      indicator: '地区生产总值',
      period: 'result',
    });
    const block = REPORT.blocks.find((candidate) => candidate.id === 'b8')!;
    expect(block.text.slice(gdp!.start as number, gdp!.end as number)).toBe('1164.48亿元');
  });

  it('--csv prints the table with its BOM, byte for byte what the export writes', () => {
    const { code, stdout, stderr } = runs.csv;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(figuresCsv(FIGURES, REPORT));
    expect(stdout.startsWith('\uFEFF指标,数值,单位')).toBe(true);
  });

  it('reads another report given as FILE (CRLF, a space in its name)', () => {
    const { code, stdout, stderr } = runs.other;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { figures } = figuresOf(OTHER);
    const printed = JSON.parse(stdout) as { figures: unknown[] };
    expect(printed.figures).toEqual(JSON.parse(JSON.stringify(figures)));
    expect(figures.map((f) => [f.text, f.period, f.qualifier])).toEqual([
      ['580.5亿元', 'result', undefined],
      ['6.8%', 'result', undefined],
      ['6.5%', 'target', '左右'],
      ['50个', 'target', '以上'],
    ]);
  });

  it.each([
    ['twoFiles', '只接受一个文件'],
    ['unknownFlag', '--json'],
    ['missing', '/nonexistent/report.txt'],
  ])('%s: exit 1, nothing on stdout, one line on stderr', (name, mention) => {
    const { code, stdout, stderr } = runs[name];
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith('错误：')).toBe(true);
    expect(lines[0]).toContain(mention);
  });
});
