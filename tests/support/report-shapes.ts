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

/**
 * Shapes of the other kinds of reports' structure (tables, appendices,
 * parts), for the complexity tests only: the bench's parse set stays as it was.
 */
export const SESSION_REPORT_SHAPES: [name: string, make: (n: number) => string][] = [
  [
    'tables of a cell per line under captions',
    (n) => HEAD + '表1 预算表\n单位：万元\n项目\n执行数\n预算数\n收入\n100\n200\n'.repeat(n / 8),
  ],
  ['a caption and then only label cells', (n) => HEAD + '单位：万元\n' + '项目\n'.repeat(n)],
  ['a caption before every cell', (n) => HEAD + '单位：万元\n项目\n'.repeat(n / 2)],
  ['table rows with wide gaps', (n) => HEAD + '地区生产总值  亿元  1180.5\n'.repeat(n)],
  ['one wide gap in a long line', (n) => HEAD + `a${' '.repeat(4 * n)}b c`],
  ['many appendices', (n) => HEAD + '正文。\n' + '附件1：主要指标计划表\n'.repeat(n)],
  [
    'parts holding sections',
    (n) => HEAD + '第一部分 回顾\n一、经济\n（一）工业。增长。\n'.repeat(n / 3),
  ],
];

/** How many lines of a shape make about `bytes` of UTF-8. */
export function linesFor(make: (n: number) => string, bytes: number): number {
  const per = Buffer.byteLength(make(1000)) / 1000;
  return Math.max(4, Math.round(bytes / per / 4) * 4);
}
