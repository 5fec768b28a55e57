/**
 * The parse is linear in the text's length, whatever the shape of its lines.
 * Measured by work counted (work-counter.ts), not by time: each shape is
 * parsed at one size and at four times that size, and the work must grow
 * about fourfold (a quadratic parse grows sixteenfold) and stay under a fixed
 * number of units per character. The shapes are those that were quadratic:
 * many short lines joined into one paragraph, lines of closing brackets,
 * Latin words, a glossary with thousands of entries, a term on every line.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/core/report/parse-report';
import { countWork } from './work-counter';

const HEAD = '政府工作报告\n\n各位代表：\n\n';
const APPENDIX = '\n\n附件：\n\n名词解释\n\n';

const SHAPES: [string, (n: number) => string][] = [
  ['short lines with no sentence end', (n) => HEAD + '这是一行短文字\n'.repeat(n)],
  ['one closing bracket per line', (n) => HEAD + '）\n'.repeat(2 * n)],
  ['short sentences, one per line', (n) => HEAD + '这是一句。\n'.repeat(n)],
  ['Latin words on short lines', (n) => HEAD + 'abc def\n'.repeat(n)],
  ['one line with no break', (n) => HEAD + '这是没有换行的一段文字，'.repeat(n / 2)],
  ['short unpunctuated headings', (n) => HEAD + '2018年工作回顾\n'.repeat(n)],
  [
    'a glossary of many entries',
    (n) =>
      HEAD +
      '这是一段正文。\n'.repeat(n / 2) +
      APPENDIX +
      Array.from({ length: n / 4 }, (_, i) => `${(i % 999) + 1}. 名词${i}：是指。\n`).join(''),
  ],
  [
    'a glossary term on every line',
    (n) => HEAD + '全区经济发展。\n'.repeat(n) + APPENDIX + '1. 全区：是指。\n',
  ],
];

/** 10 000 lines: about 40 KB of short Chinese lines. */
const BASE = 10_000;

describe('parse work grows linearly with the text', () => {
  it.each(SHAPES)('%s', (_label, make) => {
    const small = make(BASE);
    const large = make(4 * BASE);
    const smallWork = countWork(() => parseReport(small));
    const largeWork = countWork(() => parseReport(large));
    expect(largeWork / smallWork).toBeLessThan(5);
    expect(largeWork / large.length).toBeLessThan(200);
  }, 120_000);

  it('counts the quadratic shape the old sentence-end check had', () => {
    // What the old check did: an end-anchored regex over the growing paragraph.
    const quadratic = (n: number) =>
      countWork(() => {
        let paragraph = '';
        for (let i = 0; i < n; i++) {
          paragraph += '这是一行短文字';
          /[。！？]$/u.test(paragraph);
        }
      });
    expect(quadratic(4000) / quadratic(1000)).toBeGreaterThan(12);
  });
});
