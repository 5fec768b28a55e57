/**
 * The same two files always give the same changes, however busy the machine:
 * no diff may settle for a coarser answer because the clock ran on. Under
 * load in CI, the 100× comparison once gave 76 moved paragraphs instead of
 * 100. Here the clock runs ten seconds each time anything reads it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kindCounts } from '../../../src/core/editions/changes-markdown';
import { compareEditions } from '../../../src/core/editions/compare';
import { inlineHunks } from '../../../src/core/editions/inline-diff';
import { BOOKMARKS, NEW, NOTES, OLD, repeated } from './fixtures';

const MARKS = { annotations: Object.values(NOTES), bookmarks: Object.values(BOOKMARKS) };

function runningClock(): void {
  let now = Date.now();
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 10_000));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a comparison on a busy machine', () => {
  it('at 10×, gives exactly the changes a quiet machine gives', () => {
    const old = repeated(OLD, 10);
    const revised = repeated(NEW, 10);
    const quiet = compareEditions(old, revised, MARKS);
    expect(kindCounts(quiet.changes)).toEqual([
      '改动 30',
      '新增段落 10',
      '删除段落 10',
      '段落移动 10',
    ]);
    runningClock();
    expect(compareEditions(old, revised, MARKS)).toEqual(quiet);
  });

  it('inside a paragraph, finds the same words changed', () => {
    const before = '全年实现地区生产总值1164.48亿元，同比增长6.3%，一般公共预算收入完成预期目标。';
    const after = '全年实现全区生产总值1164.50亿元，同比增长6.5%，一般公共预算收入超额完成目标。';
    const quiet = inlineHunks(before, after);
    runningClock();
    expect(inlineHunks(before, after)).toEqual(quiet);
  });
});

describe('a paragraph too long to diff character by character', () => {
  it('is one change from the first character that differs to the last', () => {
    const middle = (seed: string) => seed.repeat(2_500);
    const before = `开头相同。${middle('甲乙丙')}结尾相同。`;
    const after = `开头相同。${middle('丁戊')}结尾相同。`;
    expect(inlineHunks(before, after)).toEqual([
      { oldStart: 5, oldEnd: 5 + 7_500, newStart: 5, newEnd: 5 + 5_000 },
    ]);
    expect(inlineHunks(before, before)).toEqual([]);
  });
});
