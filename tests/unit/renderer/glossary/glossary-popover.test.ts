import { describe, expect, it } from 'vitest';
import {
  popoverModel,
  positionLabel,
  type TermEntry,
} from '../../../../src/renderer/features/glossary/glossary-popover';
import { reportDocument } from '../fixtures';

const reportEntry = (id: string): TermEntry => {
  const entry = reportDocument().glossary.find((candidate) => candidate.id === id)!;
  return { ...entry, source: 'report' };
};

describe('popoverModel', () => {
  it('a report term with one occurrence: its definition, 第 1/1 处, no neighbours, the appendix', () => {
    const entry = reportEntry('g9');
    expect(popoverModel(entry, 0)).toEqual({
      source: 'report',
      heading: '名词解释',
      title: '“六医”统筹',
      definition: '是指统筹医保、医疗、医药、医院、中医、医生的改革发展。',
      position: '第 1/1 处',
      previous: null,
      next: null,
      appendix: entry.block,
    });
  });

  it('an entry with two terms is titled by the term written at each occurrence', () => {
    const entry = reportEntry('g4');
    const first = popoverModel(entry, 0);
    const second = popoverModel(entry, 1);
    expect([first.title, first.position, first.previous, first.next]).toEqual([
      '隐形冠军',
      '第 1/2 处',
      null,
      { entry: 'g4', index: 1 },
    ]);
    expect([second.title, second.position, second.previous, second.next]).toEqual([
      '单打冠军',
      '第 2/2 处',
      { entry: 'g4', index: 0 },
      null,
    ]);
    expect(first.definition.startsWith('“隐形冠军”是指')).toBe(true);
  });

  it('the reader’s own term says so and has no appendix link', () => {
    const entry: TermEntry = {
      id: 'u:7',
      source: 'user',
      terms: ['最多跑一次'],
      definition: '我的解释',
      occurrences: [
        { block: 'b10', start: 1, end: 6, term: '最多跑一次' },
        { block: 'b20', start: 3, end: 8, term: '最多跑一次' },
        { block: 'b30', start: 0, end: 5, term: '最多跑一次' },
      ],
    };
    expect(popoverModel(entry, 1)).toEqual({
      source: 'user',
      heading: '我的注释',
      title: '最多跑一次',
      definition: '我的解释',
      position: '第 2/3 处',
      previous: { entry: 'u:7', index: 0 },
      next: { entry: 'u:7', index: 2 },
      appendix: null,
    });
  });

  it('an out-of-range index is clamped, and an entry the body never uses says so', () => {
    expect(popoverModel(reportEntry('g4'), 9).position).toBe('第 2/2 处');
    const unused: TermEntry = { ...reportEntry('g2'), occurrences: [] };
    expect(popoverModel(unused, 0)).toMatchObject({
      title: '三品',
      position: '正文未出现',
      previous: null,
      next: null,
    });
  });

  it('positionLabel counts from 1', () => {
    expect(positionLabel(0, 11)).toBe('第 1/11 处');
  });
});
