/** The 数据摘录 Markdown section for the 发言提纲. */
import { describe, expect, it } from 'vitest';
import { dataExcerpt } from '../../../src/core/figures/excerpt';
import type { Figure } from '../../../src/core/figures/figure';
import { FIGURES, REPORT } from './helpers';

describe('dataExcerpt', () => {
  const markdown = dataExcerpt(FIGURES, REPORT);

  it('opens with its heading and the counts by period', () => {
    const result = FIGURES.filter((f) => f.period === 'result').length;
    const target = FIGURES.filter((f) => f.period === 'target').length;
    expect(
      markdown.startsWith(
        `## 数据摘录\n\n共 ${FIGURES.length} 个数字：实绩 ${result} 个，目标 ${target} 个。\n`,
      ),
    ).toBe(true);
  });

  it('puts 目标与实绩 first, each side cited the way the 发言提纲 cites', () => {
    expect(markdown).toContain('### 目标与实绩\n\n| 指标 | 实绩 | 目标 |\n| --- | --- | --- |\n');
    expect(markdown).toContain(
      '| 地区生产总值 | 增长 6.3%（一（一）第1段） | 增长 7%左右（二第3段） |',
    );
    expect(markdown).toContain(
      '| 公厕 | 103座（一（四）第1段） | 100座（改造提升公厕，二（四）第3段） |',
    );
  });

  it('lists every figure under its level-1 section, in reading order', () => {
    const review = markdown.indexOf('### 一、2017年工作回顾');
    const plan = markdown.indexOf('### 二、2018年主要目标任务');
    const own = markdown.indexOf('### 三、切实加强政府自身建设');
    expect(review).toBeGreaterThan(markdown.indexOf('### 目标与实绩'));
    expect(plan).toBeGreaterThan(review);
    expect(own).toBeGreaterThan(plan);
    expect(markdown).toContain('- 地区生产总值：1164.48亿元（实绩 · 一（一）第1段）\n');
    expect(markdown).toContain('- 大市外内资：120亿元（目标 · 二（一）第3段）\n');
    expect(markdown.match(/^- /gmu)).toHaveLength(FIGURES.length);
  });

  it('takes only the figures given (the panel filter), and says so when there are none', () => {
    const targets = FIGURES.filter((f) => f.period === 'target');
    const only = dataExcerpt(targets, REPORT, { level: 3 });
    expect(
      only.startsWith(`### 数据摘录\n\n共 ${targets.length} 个数字：目标 ${targets.length} 个。`),
    ).toBe(true);
    expect(only).not.toContain('目标与实绩');
    expect(only).not.toContain('实绩 ·');
    expect(dataExcerpt([], REPORT)).toBe('## 数据摘录\n\n（没有选中的数字。）\n');
  });

  it('writes no markup from a report’s text', () => {
    const hostile: Figure = { ...FIGURES[0], indicator: '<img src=x onerror=alert(1)>|**粗**' };
    const line = dataExcerpt([hostile], REPORT)
      .split('\n')
      .find((l) => l.startsWith('- '))!;
    expect(line).toContain('\\<img src=x onerror=alert(1)\\>\\|\\*\\*粗\\*\\*');
  });
});
