/**
 * Report texts of pathological shapes, `n` lines long: the shapes that made
 * the parser quadratic. Shared by the complexity tests (which count work) and
 * the bench (which times it).
 */
const HEAD = '政府工作报告\n\n各位代表：\n\n';
const APPENDIX = '\n\n附件：\n\n名词解释\n\n';

export const REPORT_SHAPES: [name: string, make: (n: number) => string][] = [
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

/** How many lines of a shape make about `bytes` of UTF-8. */
export function linesFor(make: (n: number) => string, bytes: number): number {
  const per = Buffer.byteLength(make(1000)) / 1000;
  return Math.max(4, Math.round(bytes / per / 4) * 4);
}
