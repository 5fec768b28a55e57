import { describe, expect, it } from 'vitest';
import {
  firstEndingAfter,
  firstStartingFrom,
  sentenceSpans,
} from '../../../src/core/report/sentences';

const words = (text: string) => sentenceSpans(text).map(({ start, end }) => text.slice(start, end));

describe('sentenceSpans', () => {
  it('ends a sentence at 。！？ and ；, and at the end of a block', () => {
    expect(words('一是稳增长；二是促改革。行吗？好！\n各位代表：\n现在')).toEqual([
      '一是稳增长；',
      '二是促改革。',
      '行吗？',
      '好！',
      '各位代表：',
      '现在',
    ]);
  });

  it('keeps a closing quote or bracket with the sentence it closes, and a run of marks together', () => {
    expect(words('他说：“要实干。”随后（见附件。）结束？！然后')).toEqual([
      '他说：“要实干。”',
      '随后（见附件。）',
      '结束？！',
      '然后',
    ]);
  });

  it('leaves out spaces at the edges and empty blocks, and goes on past an ellipsis', () => {
    expect(words('  区长 褚孟彤 \n\n等等……还有。 下一句。')).toEqual([
      '区长 褚孟彤',
      '等等……还有。',
      '下一句。',
    ]);
  });

  it('finds sentences by position', () => {
    const spans = sentenceSpans('甲。乙。丙。');
    expect(firstStartingFrom(spans, 2)).toBe(1);
    expect(firstStartingFrom(spans, 3)).toBe(2);
    expect(firstStartingFrom(spans, 6)).toBe(3);
    expect(firstEndingAfter(spans, 2)).toBe(1);
    expect(firstEndingAfter(spans, 1)).toBe(0);
  });
});
