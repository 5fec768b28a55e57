import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from '../../../../src/core/report/parse-report';
import { buildSearchIndex } from '../../../../src/core/search/build-index';
import { segmentWords } from '../../../../src/services/search/words';
import { SearchEngine } from '../../../../src/core/search/engine';
import {
  firstOccurrenceFrom,
  hitPlace,
  hitsInDocumentOrder,
  matchesPerSection,
  numbersLabel,
  occurrenceNumbers,
  occurrencesInOrder,
  sectionPath,
} from '../../../../src/renderer/features/search/search-view';

const report = parseReportBytes(
  readFileSync(
    new URL('../../../../resources/haishu-2018-government-work-report.txt', import.meta.url),
  ),
);
const order = new Map(report.blocks.map((block, index) => [block.id, index]));
const engine = new SearchEngine(buildSearchIndex(report.blocks, segmentWords), report.blocks);
const idOf = (prefix: string) => report.blocks.find((block) => block.text.startsWith(prefix))!.id;
const titles = (block: string) => sectionPath(report.outline, order, block).map((e) => e.title);

describe('sectionPath', () => {
  it('gives the enclosing entries, outermost first', () => {
    expect(titles(idOf('强化平台建设。'))).toEqual([
      '二、2018年主要目标任务',
      '（一）突出质量效益，着力提升经济发展后劲',
      '强化平台建设',
    ]);
    // A paragraph after the last key task of a subsection still belongs to it.
    expect(titles(idOf('狠抓廉政风险防控'))).toEqual([
      '三、切实加强政府自身建设',
      '（四）坚持从严治政，提高廉政素养',
    ]);
    // A level-1 heading closes the level-2/3 entries before it.
    expect(titles(idOf('新时代、新思想'))).toEqual(['三、切实加强政府自身建设']);
    expect(titles(report.blocks[0].id)).toEqual([]);
  });
});

describe('occurrences and counts', () => {
  const result = engine.search('月湖');

  it('lists every match in reading order, whatever the ranking', () => {
    const occurrences = occurrencesInOrder(result.hits, order);
    expect(occurrences).toHaveLength(result.total);
    const positions = occurrences.map((o) => [order.get(o.block)!, o.start]);
    expect(positions).toEqual([...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    for (const { block, start, end } of occurrences) {
      expect(report.blocks[order.get(block)!].text.slice(start, end)).toBe('月湖');
    }
  });

  it('orders hits by document position for 按原文顺序', () => {
    const ordinals = hitsInDocumentOrder(result.hits, order).map((hit) => order.get(hit.block)!);
    expect(ordinals).toEqual([...ordinals].sort((a, b) => a - b));
    expect(ordinals).toHaveLength(result.hits.length);
  });

  it('counts matches per section, parents including their children', () => {
    const counts = matchesPerSection(report.outline, order, result.hits);
    const level1 = report.outline.filter((entry) => entry.level === 1);
    const sum = level1.reduce((total, entry) => total + (counts.get(entry.block) ?? 0), 0);
    // Every match lies in exactly one level-1 section (none are in the front matter).
    expect(sum).toBe(result.total);
    for (const [block, count] of counts) {
      const children = report.outline.filter(
        (entry) =>
          titles(entry.block).length > 1 &&
          sectionPath(report.outline, order, entry.block).at(-2)?.block === block,
      );
      const childSum = children.reduce((total, child) => total + (counts.get(child.block) ?? 0), 0);
      expect(count).toBeGreaterThanOrEqual(childSum);
    }
  });

  it('the first step starts at the reader’s place and wraps to the top', () => {
    const occurrences = occurrencesInOrder(result.hits, order);
    expect(firstOccurrenceFrom(occurrences, order, null)).toBe(0);
    const lastBlock = occurrences.at(-1)!.block;
    expect(occurrences[firstOccurrenceFrom(occurrences, order, lastBlock)].block).toBe(lastBlock);
    const afterLast = report.blocks.at(-1)!.id;
    expect(firstOccurrenceFrom(occurrences, order, afterLast)).toBe(0);
    expect(firstOccurrenceFrom([], order, null)).toBe(-1);
  });
});

describe('a paged answer (ranges for the first hits only)', () => {
  const full = engine.search('建设');
  const paged = engine.search('建设', { matchLimit: 5 });

  it('counts per section from every hit’s count, ranges or not', () => {
    expect(paged.hits.filter((hit) => hit.matches).length).toBe(5);
    expect(matchesPerSection(report.outline, order, paged.hits)).toEqual(
      matchesPerSection(report.outline, order, full.hits),
    );
  });

  it('lists only the occurrences whose ranges are in', () => {
    const shown = occurrencesInOrder(paged.hits, order);
    const withRanges = new Set(paged.hits.filter((hit) => hit.matches).map((hit) => hit.block));
    expect(shown).toEqual(
      occurrencesInOrder(full.hits, order).filter((occurrence) => withRanges.has(occurrence.block)),
    );
  });
});

describe('what a result says about itself', () => {
  it('paragraphs before the first heading are 开篇, not 标题; later ones give their sections', () => {
    expect(hitPlace(report.outline, order, idOf('各位代表'))).toBe('开篇');
    expect(hitPlace(report.outline, order, idOf('现在，我代表'))).toBe('开篇');
    expect(hitPlace(report.outline, order, idOf('强化平台建设。'))).toBe(
      '二、2018年主要目标任务 › （一）突出质量效益，着力提升经济发展后劲 › 强化平台建设',
    );
  });

  it('numbers each result’s occurrences as 第 k/N 处 counts them, whatever order the list is in', () => {
    const result = engine.search('月湖');
    const all = occurrencesInOrder(result.hits, order);
    const numbers = occurrenceNumbers(all);
    expect(numbers.size).toBe(result.hits.length);
    // Every step 1…N belongs to exactly one result, in reading order.
    const steps = [...numbers.values()].flatMap(([first, last]) =>
      Array.from({ length: last - first + 1 }, (_, i) => first + i),
    );
    expect(steps.sort((a, b) => a - b)).toEqual(all.map((_, i) => i + 1));
    for (const [block, [first, last]] of numbers) {
      expect(all[first - 1].block).toBe(block);
      expect(all[last - 1].block).toBe(block);
    }
    expect(numbersLabel([3, 3])).toBe('第 3 处');
    expect(numbersLabel([3, 5])).toBe('第 3–5 处');
  });
});
